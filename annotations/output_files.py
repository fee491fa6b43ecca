"""Writing a report, an export or a settings file: whole or not at all, and never over a file
the user did not agree to replace.

The text goes to a temporary file in the target's directory, is flushed to disk, and is then
renamed over the target (``replace=True``) or hard-linked to a name that must not exist yet
(``replace=False``; the link fails if the name appeared meanwhile). A failure leaves the old
file, or no file, and no temporary behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from sidelight.annotations.errors import SidelightError
from sidelight.annotations.special_files import NotRegularFile, check_regular


def check_output(path: Path, *, force: bool, what: str = "-o") -> None:
    """Refuse, with one line naming the path, an output that cannot or may not be written.

    Only a regular file is ever replaced (a symlink to one: its target): a FIFO, a device or
    a socket is refused even with ``--force``, before anything is opened.
    """
    if path.is_dir():
        raise SidelightError(f"{path}: is a directory; give a file name for {what}")
    _check_replaceable(path, what)
    if path.exists() and not force:
        raise SidelightError(f"{path}: already exists; pass --force to replace it")
    if not path.parent.is_dir():
        raise SidelightError(
            f"{path.parent}: no such directory; create it or choose another {what}"
        )


def _check_replaceable(path: Path, what: str) -> None:
    try:
        check_regular(path)
    except NotRegularFile as err:
        raise SidelightError(
            f"{path}: is {err.kind}; sidelight writes only regular files — give a file name "
            f"for {what} (or - for standard output)"
        ) from None
    except OSError:
        pass  # the write names the problem


def write_text(path: Path, text: str, *, replace: bool, what: str = "the output") -> None:
    """Write ``text`` (UTF-8, ``\\n`` line endings) to ``path`` in one step.

    A symlink is followed: its target is replaced, the link stays. Anything but a regular
    file (a FIFO, a device, a socket) is refused.
    """
    path = Path(os.path.realpath(path.expanduser()))
    _check_replaceable(path, what)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        # mkstemp makes the file private (0600); an export is the user's file like any other.
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
            os.unlink(tmp)
        tmp = None
    except FileExistsError:
        raise SidelightError(f"{path}: already exists; pass --force to replace it") from None
    except OSError as err:
        raise SidelightError(f"{path}: cannot be written ({err.strerror or err})") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _mode_for(path: Path) -> int:
    """The permissions a new file gets from the user's umask; a replaced file keeps its own."""
    try:
        st = path.stat()
    except (OSError, ValueError):
        return 0o666 & ~current_umask()
    if stat.S_ISREG(st.st_mode):
        return stat.S_IMODE(st.st_mode)
    return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
