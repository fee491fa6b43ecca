"""The change journal beside a store file: small changes appended, not the whole file rewritten.

Rewriting a document's file (thousands of annotations, megabytes) and flushing it and its
folder costs tens of milliseconds per highlight. A change is instead appended to
``FILE.journal`` as one line and flushed (one ``fdatasync`` of a few hundred bytes);
``annotations.storage`` folds the journal into a new ``FILE`` (atomic replace, as before) once
it has grown to half the file, and removes it.

The journal's first line names the version of ``FILE`` it extends (the write token in
``FILE``'s ``_meta`` record); a journal naming another version is left over from before the
last rewrite (its changes are in ``FILE`` already) and is ignored. Every line is
``CRC32 JSON\\n``, the JSON being ``{table: {"put": {id: record}, "delete": [id]}}``: one
write of the store, all or nothing.

* A last line without its newline is a change whose writer was killed before it was flushed,
  hence before it was reported saved: readers skip it, and the next writer (under the lock)
  cuts it off before appending.
* A complete line that fails its checksum or is not such an object is damage: the store is
  refused, naming the journal, and nothing is written.
* Readers take in only the lines added since they last looked (one ``stat`` tells them).
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sidelight.annotations.atomic_files import Identity, identity_of
from sidelight.annotations.errors import StoreError
from sidelight.annotations.special_files import NotRegularFile, open_regular
from sidelight.annotations.store_format import (
    StoreConflict,
    Tables,
    corrupt_error,
    not_a_store_error,
    read_error,
    write_error,
)

# What a reader saw of the journal last, to tell in one ``stat`` that it grew.
Seen = Identity
VERSION = 1
# The journal is folded into the store file once it is larger than this and half the file.
JOURNAL_MIN_BYTES = 256 << 10


def journal_path(path: Path) -> Path:
    return Path(f"{path}.journal")


def encode(value: Any) -> bytes:
    """One journal line: checksum, compact JSON (never a raw newline), newline."""
    try:
        payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate cannot be UTF-8; JSON's \\u escapes can carry it.
        payload = json.dumps(value, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return b"%08x " % zlib.crc32(payload) + payload + b"\n"


def header(token: str) -> bytes:
    return encode({"journal": VERSION, "extends": token})


def entry(tables: dict[str, tuple[dict[str, Any], list[str]]]) -> bytes:
    """The line for one write: per table, the records put and the ids deleted."""
    out: dict[str, dict[str, Any]] = {}
    for name, (put, delete) in tables.items():
        change: dict[str, Any] = {}
        if put:
            change["put"] = put
        if delete:
            change["delete"] = delete
        out[name] = change
    return encode(out)


@dataclass
class Journal:
    """What one process has read of a journal, and how it appends to it."""

    path: Path
    store: Path  # the store file it extends, named in messages
    durable: bool = True
    seen: Seen | None = None
    # Set while the file on disk extends the store version read: its inode, and the bytes of
    # complete lines taken in (everything after is a line being written, or a killed one).
    inode: tuple[int, int] | None = None
    offset: int = 0

    def forget(self) -> None:
        self.seen = None
        self.inode = None
        self.offset = 0

    def stat(self) -> Seen | None:
        return identity_of(self.path)

    def changed(self) -> bool:
        try:
            return self.stat() != self.seen
        except StoreError:
            return True

    # -- reading ------------------------------------------------------------------------

    def catch_up(self, token: str | None, tables: Tables) -> bool:
        """Apply to ``tables`` the lines added since the last look; True if any was.

        ``token`` is the write token of the store version ``tables`` holds; a journal that
        extends another version is ignored."""
        try:
            fd = open_regular(self.path)
        except FileNotFoundError:
            self.forget()
            return False
        except NotRegularFile as err:
            raise not_a_store_error(self.path, err.kind) from None
        except OSError as err:
            raise read_error(self.path, err) from None
        try:
            st = os.fstat(fd)
            inode = (st.st_dev, st.st_ino)
            fresh = inode != self.inode or st.st_size < self.offset
            start = 0 if fresh else self.offset
            if fresh and token is None:
                # A store file without a write token: no journal can extend it.
                self.seen = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
                self.inode, self.offset = None, 0
                return False
            os.lseek(fd, start, os.SEEK_SET)
            raw = _read_all(fd)
        except OSError as err:
            raise read_error(self.path, err) from None
        finally:
            os.close(fd)
        self.seen = (st.st_dev, st.st_ino, start + len(raw), st.st_mtime_ns)
        lines = raw.split(b"\n")[:-1]  # the last piece lacks its newline: not complete yet
        if fresh:
            self.inode, self.offset = None, 0
            if not lines:
                return False
            head = self._decode(lines[0])
            if head.get("journal") != VERSION or not isinstance(head.get("extends"), str):
                raise corrupt_error(self.path, "its first line is not a journal header")
            if head["extends"] != token:
                return False  # left over from before the store file was last rewritten
            self.inode, self.offset = inode, len(lines[0]) + 1
            lines = lines[1:]
        for line in lines:
            _apply(self.path, self._decode(line), tables)
            self.offset += len(line) + 1
        return bool(lines)

    def _decode(self, line: bytes) -> dict[str, Any]:
        crc, _, payload = line.partition(b" ")
        try:
            if len(crc) != 8 or int(crc, 16) != zlib.crc32(payload):
                raise ValueError
            value = json.loads(payload.decode("utf-8"))
        except (ValueError, RecursionError):
            raise corrupt_error(self.path, "a line fails its checksum") from None
        if not isinstance(value, dict):
            raise corrupt_error(self.path, "a line is not an object")
        return value

    # -- writing (the caller holds the store's lock) ----------------------------------

    @property
    def extends_read_version(self) -> bool:
        """True when the journal on disk extends the store version read (an append fits)."""
        return self.inode is not None

    def append(self, line: bytes) -> None:
        """Add one change; on return it is on disk (flushed when durable)."""
        assert self.inode is not None
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CLOEXEC)
        except OSError as err:
            raise write_error(self.store, err) from None
        try:
            st = os.fstat(fd)
            if (st.st_dev, st.st_ino) != self.inode or st.st_size < self.offset:
                raise StoreConflict(
                    f"{self.store} was changed by another program while sidelight was "
                    "saving; nothing was written — retry")
            try:
                if st.st_size > self.offset:
                    os.ftruncate(fd, self.offset)  # a change whose writer was killed
                os.lseek(fd, self.offset, os.SEEK_SET)
                _write(fd, line)
                if self.durable:
                    _flush(fd)
            except OSError as err:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, self.offset)  # not saved: leave no trace of it
                raise write_error(self.store, err) from None
            st = os.fstat(fd)
        finally:
            os.close(fd)
        self.offset += len(line)
        self.seen = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def started(self, seen: Seen, length: int) -> None:
        """A new journal of ``length`` bytes was put in place (by an atomic replace)."""
        self.inode = (seen[0], seen[1])
        self.offset = length
        self.seen = seen

    def remove(self) -> None:
        """Drop the journal after its changes were folded into the store file."""
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        self.forget()


def _apply(path: Path, change: dict[str, Any], tables: Tables) -> None:
    for name, ops in change.items():
        put = ops.get("put", {}) if isinstance(ops, dict) else None
        delete = ops.get("delete", []) if isinstance(ops, dict) else None
        if (not isinstance(put, dict) or not isinstance(delete, list)
                or not all(isinstance(d, dict) for d in put.values())
                or not all(isinstance(i, str) for i in delete)):
            raise corrupt_error(path, f"a change to table {name!r} is not puts and deletes")
        table = dict(tables.get(name, {}))
        for i in delete:
            table.pop(i, None)
        table.update(put)
        tables[name] = table


def _flush(fd: int) -> None:
    # The data and the file's new length; macOS has no fdatasync, and fsync does both there.
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


def _read_all(fd: int) -> bytes:
    parts = []
    while chunk := os.read(fd, 1 << 20):
        parts.append(chunk)
    return b"".join(parts)


def _write(fd: int, line: bytes) -> None:
    # ``writev`` like the store file's writer, so that one fault covers both.
    written = os.writev(fd, [line])
    rest = memoryview(line)[written:]
    while rest:
        rest = rest[os.write(fd, rest):]
