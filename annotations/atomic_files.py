"""Writing a file so that a crash leaves the old or the new one, never a mix: a temporary file
beside it, flushed, renamed over it, and the folder flushed."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

from sidelight.annotations.errors import StoreError
from sidelight.annotations.special_files import NotRegularFile, check_regular
from sidelight.annotations.store_format import not_a_store_error, read_error, write_error

# Temporary files are named ``.NAME.<32 hex digits>.sidelight-tmp``: a name no user file has,
# so the sweep of a killed writer's leftovers can never delete one.
_TEMP_SUFFIX = ".sidelight-tmp"
# (device, inode, size, mtime): what a reader saw of a file, to tell in one ``stat`` whether
# another program replaced it or added to it since.
Identity = tuple[int, int, int, int]


def identity_of(path: Path) -> Identity | None:
    """The file's identity; None when there is no file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as err:
        raise read_error(path, err) from None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def create_temporary(path: Path) -> tuple[int, str]:
    """A new, empty temporary file beside ``path`` for its next version: (descriptor, name)."""
    name = str(path.parent / f".{path.name}.{uuid.uuid4().hex}{_TEMP_SUFFIX}")
    return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600), name


def stale_temporaries(path: Path) -> Iterator[Path]:
    """Temporary files of ``path``'s writers in its directory (named by ``_replace_file``)."""
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    # The journal's temporaries too (``.NAME.journal.<hex>…``): both are written under one lock.
    pattern = re.compile(re.escape(f".{path.name}.") + r"(?:journal\.)?[0-9a-f]{32}"
                         + re.escape(_TEMP_SUFFIX) + r"\Z")
    for name in names:
        if pattern.match(name):
            yield path.parent / name


def replace_file(path: Path, parts: list[bytes], durable: bool = True, *,
                 name: Path | None = None) -> Identity:
    """Put ``parts`` at ``path`` through a flushed temporary file and a rename, then flush the
    folder: ``path`` holds the old or the new file at every instant. Messages name ``name``
    (the store the file belongs to; ``path`` itself by default)."""
    fd = -1
    tmp = ""
    try:
        # Never replace a FIFO, device or socket with a regular file (``--db /dev/null``).
        check_regular(path)
        fd, tmp = create_temporary(path)
        with contextlib.suppress(FileNotFoundError):
            # Keep the permissions the user gave the store.
            os.fchmod(fd, os.stat(path).st_mode & 0o7777)
        _write_all(fd, parts)
        if durable:
            os.fsync(fd)
        st = os.fstat(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
        tmp = ""
    except OSError as err:
        if fd != -1:
            os.close(fd)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(err, NotRegularFile):
            raise not_a_store_error(name or path, err.kind) from None
        raise write_error(name or path, err) from None
    if durable:
        sync_directory_of(path)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def write_file_atomically(path: Path, payload: bytes, *, durable: bool = True) -> None:
    """Write ``payload`` to ``path`` the same crash-safe way the store is written."""
    replace_file(path, [payload], durable)


def sync_directory_of(path: Path) -> None:
    """Make the rename onto ``path`` durable (file systems that cannot fsync a directory pass)."""
    try:
        dfd = os.open(path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            # The new file is in place already; only its survival of a power cut is in doubt.
            raise StoreError(
                f"saved {path}, but could not flush its directory ({err.strerror or err}); "
                "the change may not survive a power cut — check the disk"
            ) from None
    finally:
        os.close(dfd)


_IOV_MAX = 512


def _write_all(fd: int, parts: list[bytes]) -> None:
    """Write every part in order; ``writev`` spares joining a large file into one buffer."""
    for i in range(0, len(parts), _IOV_MAX):
        chunk = parts[i : i + _IOV_MAX]
        written = os.writev(fd, chunk)
        total = sum(map(len, chunk))
        if written < total:
            rest = memoryview(b"".join(chunk))[written:]
            while rest:
                rest = rest[os.write(fd, rest) :]
