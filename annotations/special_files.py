"""Reading files that come from a user: regular files only, and never more than a limit.

A FIFO given as a document blocks ``open`` until something writes to it; ``/dev/zero`` or
``/dev/urandom`` reads without end; a device or socket replaced by a regular file (an export
run with ``--force`` as root over ``/dev/null``) breaks the system. Every path sidelight reads
or replaces is therefore looked at first (``stat``, following symlinks) and refused unless it
is a regular file; the open itself is non-blocking and checked again on the open descriptor,
so a file swapped for a FIFO in between is refused too. Reads stop at a byte limit counted
while reading, never trusting ``st_size`` (a growing file, ``/proc``).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_CHUNK = 1 << 20


class NotRegularFile(OSError):
    """The path names something other than a regular file; ``kind`` says what."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: is {kind}, not a regular file")
        self.path = path
        self.kind = kind


class FileTooLarge(OSError):
    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(f"{path}: larger than {limit} bytes")
        self.path = path
        self.limit = limit


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words ("a named pipe (FIFO)"); "a regular file"."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def check_regular(path: Path) -> os.stat_result | None:
    """The file's ``stat`` (following symlinks), None if it does not exist; raises
    ``NotRegularFile`` for anything else that exists, and OSError when it cannot be looked up.
    """
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(path, kind_of(st.st_mode))
    return st


def open_regular(path: Path) -> int:
    """A read-only descriptor on the regular file ``path``; raises ``NotRegularFile``
    (before opening when possible) or OSError (``FileNotFoundError`` when missing)."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(path, kind_of(st.st_mode))
    # Non-blocking: a FIFO swapped in after the stat must not hang the open.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(path, kind_of(st.st_mode))
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_capped(fd: int, limit: int, path: Path) -> bytes:
    """Everything ``fd`` gives up to ``limit`` bytes; ``FileTooLarge`` if there is more."""
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            raise FileTooLarge(path, limit)
    return b"".join(parts)


def read_regular(path: Path, limit: int) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file ``path`` (at most ``limit``) and its ``stat`` as opened."""
    fd = open_regular(path)
    try:
        st = os.fstat(fd)
        return read_capped(fd, limit, path), st
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
