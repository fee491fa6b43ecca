"""A TinyDB storage that never writes the store in place.

TinyDB's ``JSONStorage`` rewrites its file in place, so a process killed mid-write, or two
processes writing at once, leave a file that no longer parses. This storage writes the whole
database to a temporary file in the same directory, fsyncs it, ``os.replace``s it over the old
file and fsyncs the directory: at every instant the path holds either the old or the new
complete file.

It also keeps writes cheap on large stores:

* ``read()`` serves the data it last read or wrote; ``refresh()`` re-reads only when the file's
  identity (inode, size, mtime) or its first bytes changed. The first bytes hold a token that
  changes on every write, so a reused inode number with an equal size and timestamp is caught.
* every record's JSON is cached, keyed by the record object; a write serialises only the
  records TinyDB handed over as new objects and joins the cached bytes. Records are therefore
  treated as immutable: replace a record whole, never mutate it in place (TinyDB's ``update``).

The file is plain JSON that TinyDB's own ``JSONStorage`` can read: ``{table: {doc_id: doc}}``,
one record per line, the ``_meta`` table first.

Locking is not done here: the caller holds a cross-process lock around every
read-modify-write, and this storage raises ``StoreConflict`` if the file was replaced behind
its back between the read and the write.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import uuid
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from sidelight.annotations.atomic_files import (
    Identity,
    identity_of,
    replace_file,
    stale_temporaries,
    sync_directory_of,
    write_file_atomically,
)
from sidelight.annotations.errors import StoreError
from sidelight.annotations.journal import JOURNAL_MIN_BYTES, Journal, entry, header, journal_path
from sidelight.annotations.special_files import (
    FileTooLarge,
    NotRegularFile,
    open_regular,
    read_regular,
)
from sidelight.annotations.store_format import (
    SaveError,
    StoreConflict,
    Tables,
    corrupt_error,
    not_a_store_error,
    parse_tables,
    read_error,
    write_error,
)

__all__ = ["META_ID", "META_TABLE", "AtomicJSONStorage", "SaveError", "StoreConflict",
           "corrupt_error", "not_a_store_error", "parse_tables", "replace_file",
           "stale_temporaries", "sync_directory_of", "write_error", "write_file_atomically"]

META_TABLE = "_meta"
META_ID = "1"
# Enough to cover the opening brace and the whole ``_meta`` line with its write token.
_HEAD_BYTES = 256
# Refuses what cannot be a store before reading it all into memory.
MAX_STORE_BYTES = 4 << 30

# A reader that keeps finding the file replaced between reading it and its journal gives up.
_LOAD_ATTEMPTS = 8


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic replace + fsync + directory fsync, with cached per-record JSON;
    with ``journal=True``, small changes are appended to ``PATH.journal`` instead."""

    def __init__(self, path: str | os.PathLike[str], *, schema: int = 1, durable: bool = True,
                 journal: bool = False):
        super().__init__()
        self.path = Path(path)
        self.schema = schema
        # ``durable=False`` skips the fsyncs; only benchmarks use it, to show their cost.
        self.durable = durable
        self.journal = Journal(journal_path(self.path), self.path, durable) if journal else None
        # Bumped whenever ``_data`` changes (a load from disk, a journal line, a write).
        self.version = 0
        self._data: Tables | None = None
        self._loaded = False
        self._identity: Identity | None = None
        self._head = b""
        # Set by the caller around a ``write``: (table, ids put, ids removed), the only records
        # that changed; without it a write compares every record with what was read.
        self.touched: tuple[str, set[str], set[str]] | None = None
        # table -> doc_id -> (the record object, its serialised line)
        self._lines: dict[str, dict[str, tuple[dict[str, Any], bytes]]] = {}

    # -- TinyDB's interface -------------------------------------------------------------

    def read(self) -> Tables | None:
        if not self._loaded:
            self.refresh()
        if self._data is None:
            return None
        # A new top-level dict: TinyDB assigns the updated table into it before writing, and a
        # failed write must not leave that change in our copy of what is on disk.
        return dict(self._data)

    def write(self, data: Tables) -> None:
        self._check_unchanged()
        tables = dict(data)
        if self._append(tables):
            self._data = tables
            self.version += 1
            return
        token = uuid.uuid4().hex
        meta = dict(tables.get(META_TABLE, {}).get(META_ID, {}))
        meta["schema"] = self.schema
        meta["token"] = token
        tables[META_TABLE] = {META_ID: meta}
        parts = self._serialise(tables)
        try:
            identity = replace_file(self.path, parts, self.durable)
        except StoreError:
            # The cache now describes a file that was never written; forget it and reread.
            self._lines = {}
            self.invalidate()
            raise
        self._data = tables
        self._identity = identity
        self._head = _head_of(parts)
        self._loaded = True
        self.version += 1
        if self.journal is not None:
            # Its changes are in the file just written, whose new token no journal extends.
            self.journal.remove()

    def close(self) -> None:
        pass

    # -- the journal --------------------------------------------------------------------

    def _append(self, tables: Tables) -> bool:
        """Write ``tables`` as one journal line when it differs from what is on disk by a
        few records of known tables; False when the whole file must be written instead."""
        j = self.journal
        old = self._data
        if j is None or old is None or self._identity is None or set(tables) != set(old):
            return False
        meta = old.get(META_TABLE, {}).get(META_ID, {})
        token = meta.get("token")
        if (not isinstance(token, str) or meta.get("schema") != self.schema
                or tables.get(META_TABLE) is not old.get(META_TABLE)):
            return False
        changes: dict[str, tuple[dict[str, Any], list[str]]] = {}
        for name, table in tables.items():
            before = old[name]
            if table is before:
                continue
            if self.touched is not None and self.touched[0] == name:
                put = {k: table[k] for k in self.touched[1] if k in table}
                gone = [k for k in self.touched[2] if k in before and k not in table]
            else:
                put = {k: v for k, v in table.items() if before.get(k) is not v}
                gone = [k for k in before if k not in table]
            if put or gone:
                changes[name] = (put, gone)
        if not changes:
            return True  # nothing to write
        line = entry(changes)
        size = self._identity[2]
        if j.offset + len(line) > max(JOURNAL_MIN_BYTES, size // 2):
            return False  # fold the journal into the file
        if j.extends_read_version:
            j.append(line)
        else:
            first = header(token)
            j.started(replace_file(j.path, [first, line], self.durable, name=self.path),
                      len(first) + len(line))
        return True

    # -- change detection ---------------------------------------------------------------

    def changed(self) -> bool:
        """True when the store on disk is not the one last read or written (one ``stat``, two
        with a journal)."""
        try:
            if self._stat() != self._identity:
                return True
        except StoreError:
            return True
        return self.journal is not None and self.journal.changed()

    def refresh(self, *, force: bool = False) -> bool:
        """Take in the file if it changed since the last read or write, or only the journal's
        new lines if only they did; True if anything was read."""
        if self._loaded and not force and not self._file_differs():
            j = self.journal
            if j is None or not j.changed() or self._data is None:
                return False
            if j.catch_up(_token_of(self._data), self._data):
                self.version += 1
            return True
        self._load()
        return True

    def invalidate(self) -> None:
        """Forget what was read, so the next ``read`` or ``refresh`` goes to disk."""
        self._loaded = False
        self._identity = None
        self._head = b""
        if self.journal is not None:
            self.journal.forget()

    def _stat(self) -> Identity | None:
        return identity_of(self.path)

    def _file_differs(self) -> bool:
        identity = self._stat()
        if identity != self._identity:
            return True
        if identity is None:
            return False
        # Same inode, size and mtime can still be a different file when an inode number is
        # reused within one timestamp tick; the write token in the head tells them apart.
        try:
            fd = open_regular(self.path)
        except (NotRegularFile, FileNotFoundError):
            return True
        except OSError as err:
            raise read_error(self.path, err) from None
        try:
            return os.read(fd, len(self._head)) != self._head
        except OSError as err:
            raise read_error(self.path, err) from None
        finally:
            os.close(fd)

    def _check_unchanged(self) -> None:
        if (not self._loaded or self._file_differs()
                or (self.journal is not None and self.journal.changed())):
            self.invalidate()
            raise StoreConflict(
                f"{self.path} was changed by another program while sidelight was saving; "
                "nothing was written — retry"
            )

    # -- reading ------------------------------------------------------------------------

    def _load(self) -> None:
        for _ in range(_LOAD_ATTEMPTS):
            try:
                # Regular files only: a FIFO would block the read, a device never end it.
                raw, st = read_regular(self.path, MAX_STORE_BYTES)
            except NotRegularFile as err:
                raise not_a_store_error(self.path, err.kind) from None
            except FileTooLarge:
                raise corrupt_error(self.path,
                                    f"larger than {MAX_STORE_BYTES >> 30} GiB") from None
            except FileNotFoundError:
                self._set_loaded(None, None, b"")
                if self.journal is not None:
                    self.journal.forget()
                return
            except OSError as err:
                raise read_error(self.path, err) from None
            data = parse_tables(self.path, raw)
            identity = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
            self._set_loaded(data, identity, raw)
            if self.journal is None:
                return
            self.journal.forget()
            self.journal.catch_up(_token_of(data), data)
            # A writer that folded the journal into a new file between the two reads left
            # this view without the journal's changes: read both again.
            if self._stat() == identity:
                return
        raise read_error(self.path, OSError(errno.EBUSY, "it kept changing while being read"))

    def _set_loaded(self, data: Tables | None, identity: Identity | None, raw: bytes) -> None:
        self._data = data
        self._identity = identity
        self._head = raw[:_HEAD_BYTES]
        self._lines = {}
        self._loaded = True
        self.version += 1

    # -- writing ------------------------------------------------------------------------

    def _serialise(self, tables: Tables) -> list[bytes]:
        """The file as a list of byte strings, updating the per-record line cache.

        A record whose object is the one cached reuses its line; only new objects are
        serialised, and nothing is allocated per reused record, so a save of a large table
        costs little more than writing its bytes. The caller drops the cache if the save fails.
        """
        names = sorted(tables, key=lambda n: (n != META_TABLE, n))
        parts: list[bytes] = [b"{\n"]
        for t_index, name in enumerate(names):
            table = tables[name]
            cache = self._lines.setdefault(name, {})
            lines: list[bytes] = []
            append = lines.append
            for doc_id, doc in table.items():
                hit = cache.get(doc_id)
                if hit is not None and hit[0] is doc:
                    append(hit[1])
                else:
                    # Each line ends in ",\n"; the table's last one drops the comma below.
                    line = _dumps(doc_id) + b": " + _dumps(doc) + b",\n"
                    cache[doc_id] = (doc, line)
                    append(line)
            if len(cache) != len(table):  # records were deleted
                self._lines[name] = {k: cache[k] for k in table}
            parts.append(_dumps(name) + b": {\n")
            if lines:
                parts.extend(lines[:-1])
                parts.append(lines[-1][:-2] + b"\n")
            parts.append(b"},\n" if t_index < len(names) - 1 else b"}\n")
        parts.append(b"}\n")
        for name in set(self._lines) - set(tables):
            del self._lines[name]
        return parts

    def remove_stale_temporaries(self, locked_at: float) -> int:
        """Delete temporary files left by a writer that was killed mid-write.

        Only call this while holding the store's lock, taken at ``locked_at`` (``time.time()``):
        a live writer creates its temporary file only under that lock, so one written before
        the lock was taken belongs to a writer that is gone. Only names this storage gives its
        temporaries are considered; a file written after ``locked_at`` is left alone.
        """
        removed = 0
        for tmp in stale_temporaries(self.path):
            with contextlib.suppress(OSError):
                if os.lstat(tmp).st_mtime < locked_at:
                    tmp.unlink()
                    removed += 1
        return removed


def _head_of(parts: list[bytes]) -> bytes:
    head = b""
    for part in parts:
        head += part[: _HEAD_BYTES - len(head)]
        if len(head) >= _HEAD_BYTES:
            break
    return head


def _dumps(value: Any) -> bytes:
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate cannot be UTF-8; JSON's \\u escapes can carry it.
        return json.dumps(value, ensure_ascii=True).encode("ascii")


def _token_of(data: Tables) -> str | None:
    meta = data.get(META_TABLE, {}).get(META_ID, {})
    token = meta.get("token") if isinstance(meta, dict) else None
    return token if isinstance(token, str) else None
