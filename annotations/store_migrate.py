"""Bringing an older store up to date when it is opened, after a backup beside it.

* The one-file layout (schema 0 or 1: every annotation in ``PATH``) becomes the index and one
  file per document. ``PATH`` is backed up (``PATH.bak-schemaN``), each document's records are
  written to their own file, and the index replaces ``PATH`` last, so a crash at any point
  leaves either the old store or the new one. The file is parsed once and each record checked
  once; the cost is that of reading the store and writing it twice (backup and new files).
* An index of schema 2 is rewritten as schema 3 (document files may have a journal), so that
  a sidelight that does not know journals opens the store read-only instead of writing over
  changes it cannot see.

A file this sidelight cannot fully read (newer, or with unknown fields) is opened read-only
and never rewritten; one that cannot be upgraded (no permission, disk full) is opened
read-only with the reason.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace
from typing import TYPE_CHECKING

from sidelight.annotations.storage import (
    AtomicJSONStorage,
    SaveError,
    StoreConflict,
    sync_directory_of,
    write_error,
    write_file_atomically,
)
from sidelight.annotations.store_file import StoreFile
from sidelight.annotations.store_index import Keys, keys_of, shard_name
from sidelight.annotations.store_records import SCHEMA as FILE_SCHEMA
from sidelight.annotations.store_records import TABLE, free_backup_path, validated

if TYPE_CHECKING:
    from sidelight.annotations.store import AnnotationStore

_ATTEMPTS = 4


def open_one_file(store: AnnotationStore) -> None:
    """Migrate the one-file store at ``store.path``; or open it read-only as it is."""
    try:
        if _migrate(store):
            return
    except SaveError as err:
        legacy = StoreFile(store.path, lock_timeout=store.lock_timeout, journal=False)
        legacy._snapshot = replace(
            legacy._snapshot,
            read_only_reason=f"{store.path} is in an older format and could not be "
            f"upgraded ({err}); opened read-only")
        store._legacy = legacy
        return
    store._legacy = StoreFile(store.path, lock_timeout=store.lock_timeout, journal=False)


def _migrate(store: AnnotationStore) -> bool:
    """Back up the one-file store, write one file per document, then the index. False when the
    file is to be opened read-only as it is (newer, or holding unknown data)."""
    for _ in range(_ATTEMPTS):
        with store._locked():
            store._sync_index()
            if store._index.kind != "legacy":
                return True  # another sidelight migrated it meanwhile
            data = store._storage.read() or {}
            snapshot = validated(store.path, data)
            if snapshot.read_only_reason:
                return False
            if not _back_up(store, snapshot.schema):
                continue
            records = data.get(TABLE, {})
            folder = store._free_folder()
            groups: dict[str, dict[str, dict[str, object]]] = {}
            entries: dict[str, Keys] = {}
            for key, ann in zip(records, snapshot.annotations.values(), strict=True):
                name = shard_name(ann.target.source)
                # The record as read (it was just checked); keyed by its id, as plain TinyDB
                # files (schema 0) key theirs by number.
                groups.setdefault(name, {})[ann.id] = records[key]
                entries[name] = _union(entries.get(name), keys_of(ann))
            (store.path.parent / folder).mkdir(exist_ok=True)
            for name, group in groups.items():
                path = store.path.parent / folder / f"{name}.json"
                storage = AtomicJSONStorage(path, schema=FILE_SCHEMA)
                storage.read()  # no such file yet: a write replaces only what was read
                storage.write({TABLE: group})
            try:
                store._write_index(entries, folder)
            except StoreConflict:
                continue
            return True
    raise SaveError(f"{store.path} kept changing while sidelight was upgrading it")


def _back_up(store: AnnotationStore, schema: int) -> bool:
    """Keep the file as it is at ``PATH.bak-schemaN``; False if it changed meanwhile.

    A hard link when the file system allows it: the old file is never written again (every
    save replaces ``PATH`` by a new file), so the link is a copy that costs no bytes."""
    backup = free_backup_path(store.path, schema)
    try:
        os.link(store.path, backup)
    except OSError:
        try:
            raw = store.path.read_bytes()
        except OSError as err:
            raise write_error(store.path, err) from None
        if store._storage.changed():
            return False
        write_file_atomically(backup, raw)
        return True
    if store._storage.changed():
        with contextlib.suppress(OSError):
            backup.unlink()
        return False
    sync_directory_of(backup)
    return True


def _union(have: Keys | None, more: Keys) -> Keys:
    return more if have is None else (have[0] | more[0], have[1] | more[1])


def upgrade_index(store: AnnotationStore) -> None:
    """Rewrite an index of an older schema as the current one, after backing it up."""
    try:
        for _ in range(_ATTEMPTS):
            with store._locked():
                store._sync_index()
                index = store._index
                if index.kind != "index" or index.schema >= store._storage.schema:
                    return
                if not _back_up(store, index.schema):
                    continue
                try:
                    store._write_index(index.entries, index.folder)
                except StoreConflict:
                    continue
                return
        raise SaveError(f"{store.path} kept changing while sidelight was upgrading it")
    except SaveError as err:
        store._index.read_only_reason = (
            f"{store.path} is in an older format and could not be upgraded ({err}); "
            "opened read-only")

