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
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from sidelight.annotations.errors import StoreError
from sidelight.annotations.special_files import (
    FileTooLarge,
    NotRegularFile,
    check_regular,
    open_regular,
    read_regular,
)

META_TABLE = "_meta"
META_ID = "1"
# Enough to cover the opening brace and the whole ``_meta`` line with its write token.
_HEAD_BYTES = 256
# Temporary files are named ``.NAME.<32 hex digits>.sidelight-tmp``: a name no user file has,
# so the sweep of a killed writer's leftovers can never delete one.
_TEMP_SUFFIX = ".sidelight-tmp"
# Refuses what cannot be a store before reading it all into memory.
MAX_STORE_BYTES = 4 << 30

Tables = dict[str, dict[str, dict[str, Any]]]
Identity = tuple[int, int, int, int]


class SaveError(StoreError):
    """The store could not be written (disk full, no permission, lock); the old file is intact."""


class StoreConflict(SaveError):
    """The file changed on disk between this storage's read and its write; nothing was written."""


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic replace + fsync + directory fsync, with cached per-record JSON."""

    def __init__(self, path: str | os.PathLike[str], *, schema: int = 1, durable: bool = True):
        super().__init__()
        self.path = Path(path)
        self.schema = schema
        # ``durable=False`` skips the fsyncs; only benchmarks use it, to show their cost.
        self.durable = durable
        # Bumped whenever ``_data`` is replaced (a load from disk or a write).
        self.version = 0
        self._data: Tables | None = None
        self._loaded = False
        self._identity: Identity | None = None
        self._head = b""
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
        token = uuid.uuid4().hex
        tables = dict(data)
        meta = dict(tables.get(META_TABLE, {}).get(META_ID, {}))
        meta["schema"] = self.schema
        meta["token"] = token
        tables[META_TABLE] = {META_ID: meta}
        parts = self._serialise(tables)
        try:
            identity = self._replace_file(parts)
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
        if self.durable:
            sync_directory_of(self.path)

    def close(self) -> None:
        pass

    # -- change detection ---------------------------------------------------------------

    def changed(self) -> bool:
        """True when the file on disk is not the one last read or written (one ``stat``)."""
        try:
            return self._stat() != self._identity
        except StoreError:
            return True

    def refresh(self, *, force: bool = False) -> bool:
        """Re-read the file if it changed since the last read or write; True if it was read."""
        if self._loaded and not force and not self._differs_on_disk():
            return False
        self._load()
        return True

    def invalidate(self) -> None:
        """Forget what was read, so the next ``read`` or ``refresh`` goes to disk."""
        self._loaded = False
        self._identity = None
        self._head = b""

    def _stat(self) -> Identity | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        except OSError as err:
            raise _read_error(self.path, err) from None
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def _differs_on_disk(self) -> bool:
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
            raise _read_error(self.path, err) from None
        try:
            return os.read(fd, len(self._head)) != self._head
        except OSError as err:
            raise _read_error(self.path, err) from None
        finally:
            os.close(fd)

    def _check_unchanged(self) -> None:
        if not self._loaded or self._differs_on_disk():
            self.invalidate()
            raise StoreConflict(
                f"{self.path} was changed by another program while sidelight was saving; "
                "nothing was written — retry"
            )

    # -- reading ------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            # Regular files only: a FIFO would block the read, a device never end it.
            raw, st = read_regular(self.path, MAX_STORE_BYTES)
        except NotRegularFile as err:
            raise not_a_store_error(self.path, err.kind) from None
        except FileTooLarge:
            raise corrupt_error(self.path, f"larger than {MAX_STORE_BYTES >> 30} GiB") from None
        except FileNotFoundError:
            self._set_loaded(None, None, b"")
            return
        except OSError as err:
            raise _read_error(self.path, err) from None
        data = parse_tables(self.path, raw)
        self._set_loaded(data, (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns), raw)

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

    def _replace_file(self, parts: list[bytes]) -> Identity:
        fd = -1
        tmp = ""
        try:
            # Never replace a FIFO, device or socket with a regular file (``--db /dev/null``).
            check_regular(self.path)
            fd, tmp = create_temporary(self.path)
            with contextlib.suppress(FileNotFoundError):
                # Keep the permissions the user gave the store.
                os.fchmod(fd, os.stat(self.path).st_mode & 0o7777)
            _write_all(fd, parts)
            if self.durable:
                os.fsync(fd)
            st = os.fstat(fd)
            os.close(fd)
            fd = -1
            os.replace(tmp, self.path)
            tmp = ""
        except OSError as err:
            if fd != -1:
                os.close(fd)
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            if isinstance(err, NotRegularFile):
                raise not_a_store_error(self.path, err.kind) from None
            raise write_error(self.path, err) from None
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

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
    pattern = re.compile(re.escape(f".{path.name}.") + r"[0-9a-f]{32}" + re.escape(_TEMP_SUFFIX)
                         + r"\Z")
    for name in names:
        if pattern.match(name):
            yield path.parent / name


def write_file_atomically(path: Path, payload: bytes, *, durable: bool = True) -> None:
    """Write ``payload`` to ``path`` the same crash-safe way the store is written."""
    storage = AtomicJSONStorage(path, durable=durable)
    storage._replace_file([payload])
    if durable:
        sync_directory_of(path)


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


def parse_tables(path: Path, raw: bytes) -> Tables:
    """Parse a store file into TinyDB's ``{table: {doc_id: doc}}``, or raise a clear StoreError."""
    if not raw.strip():
        raise corrupt_error(path, "the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise corrupt_error(path, f"not UTF-8 text at byte {err.start}") from None
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as dup:
        raise corrupt_error(path, f"the key {dup.key!r} appears twice in one object") from None
    except json.JSONDecodeError as err:
        where = f"{err.msg} at line {err.lineno} column {err.colno}"
        stripped = text.strip()
        # A store always ends with its closing brace; one that stops short was cut off.
        if stripped.startswith("{") and not stripped.endswith("}"):
            raise corrupt_error(path, f"it ends early, probably truncated: {where}") from None
        raise corrupt_error(path, f"not JSON: {where}") from None
    except RecursionError:
        raise corrupt_error(path, "nested too deeply") from None
    if not isinstance(data, dict):
        raise corrupt_error(
            path, f"the top level is {_json_type(data)}, expected an object of tables"
        )
    for name, table in data.items():
        if not isinstance(table, dict):
            raise corrupt_error(path, f"table {name!r} is {_json_type(table)}, expected an object")
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                raise corrupt_error(
                    path, f"record {doc_id!r} in table {name!r} is {_json_type(doc)}, "
                    "expected an object"
                )
    return data


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


def _head_of(parts: list[bytes]) -> bytes:
    head = b""
    for part in parts:
        head += part[: _HEAD_BYTES - len(head)]
        if len(head) >= _HEAD_BYTES:
            break
    return head


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of two equal keys silently; two records with one id is damage.
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _dumps(value: Any) -> bytes:
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate cannot be UTF-8; JSON's \\u escapes can carry it.
        return json.dumps(value, ensure_ascii=True).encode("ascii")


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def corrupt_error(path: Path, what: str) -> StoreError:
    return StoreError(
        f"{path} is not a valid sidelight store ({what}); it was left untouched — "
        "move it aside or restore a backup"
    )


def not_a_store_error(path: Path, kind: str) -> StoreError:
    return StoreError(
        f"{path} is {kind}, not a sidelight store; it was left alone — pass --db with the "
        "path of a regular file"
    )


def _read_error(path: Path, err: OSError) -> StoreError:
    if isinstance(err, IsADirectoryError):
        return StoreError(
            f"{path} is a directory, not a sidelight store; pass --db with a file path"
        )
    if err.errno in (errno.EACCES, errno.EPERM):
        return StoreError(
            f"{path}: permission denied while reading the store; check its permissions"
        )
    return StoreError(f"{path}: the store cannot be read ({err.strerror or err})")


def write_error(path: Path, err: OSError) -> SaveError:
    """The one-line message for a failed save; the old file is intact in every case."""
    unchanged = "your annotations on disk are unchanged"
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return SaveError(f"disk full while saving {path}; free space and retry — {unchanged}")
    if err.errno == errno.EROFS:
        return SaveError(
            f"cannot save {path}: the file system is read-only; "
            f"remount it or use --db elsewhere — {unchanged}"
        )
    if err.errno in (errno.EACCES, errno.EPERM):
        return SaveError(
            f"permission denied while saving {path}; make {path.parent} writable "
            f"or use --db elsewhere — {unchanged}"
        )
    return SaveError(f"could not save {path} ({err.strerror or err}); {unchanged}")
