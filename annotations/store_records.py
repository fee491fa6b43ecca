"""The records of one store file: what makes them valid, and helpers every store file shares
(the lock held around a change, backups made before an upgrade, finding an id)."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sidelight.annotations.collector import no_cycle_collection
from sidelight.annotations.errors import StoreError
from sidelight.annotations.model import Annotation, Target
from sidelight.annotations.plain_records import plain_annotations
from sidelight.annotations.storage import META_ID, META_TABLE
from sidelight.annotations.store_format import SaveError, corrupt_error, write_error

if TYPE_CHECKING:
    from filelock import FileLock

SCHEMA = 1
TABLE = "annotations"
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_ANNOTATION_FIELDS = frozenset(f.name for f in dataclasses.fields(Annotation))
_TARGET_FIELDS = frozenset(f.name for f in dataclasses.fields(Target))
# Plain TinyDB creates this table for inserts made without naming a table.
_TINYDB_DEFAULT_TABLE = "_default"


def valid_id(id: str) -> bool:
    """Annotation ids in a store are lowercase uuids."""
    return bool(_UUID.match(id))


@dataclasses.dataclass(frozen=True, slots=True)
class Snapshot:
    """What the file on disk says, validated."""

    annotations: dict[str, Annotation]
    schema: int
    read_only_reason: str = ""


def validated(path: Path, data: dict[str, dict[str, Any]]) -> Snapshot:
    """The records of a store file's tables, checked: a damaged file raises a StoreError naming
    it; a newer file, or one holding fields this sidelight does not know, is read-only."""
    with no_cycle_collection():
        return _validated(path, data)


def _validated(path: Path, data: dict[str, dict[str, Any]]) -> Snapshot:
    schema = schema_of(path, data)
    newer = schema > SCHEMA
    unknown: list[str] = []
    table = data.get(TABLE, {})
    # A table of plain records is checked a column at a time; any other, record by record.
    anns = plain_annotations(table)
    if anns is None or not all(map(_UUID.match, anns)):
        anns = _by_record(path, schema, table, unknown)
    known_tables = {TABLE, META_TABLE}
    if schema == 0:
        known_tables.add(_TINYDB_DEFAULT_TABLE)
    for name in data:
        if name not in known_tables or (name == _TINYDB_DEFAULT_TABLE and data[name]):
            unknown.append(f"table {name!r}")
    reason = ""
    if newer:
        reason = (
            f"{path} was written by a newer sidelight (schema {schema}); "
            "opened read-only — upgrade sidelight to change it"
        )
    elif unknown:
        reason = (
            f"{path} holds data this sidelight does not know ({'; '.join(unknown[:3])}); "
            "opened read-only so it is kept — upgrade sidelight to change it"
        )
    return Snapshot(anns, schema, reason)


def _by_record(path: Path, schema: int, table: dict[str, Any],
               unknown: list[str]) -> dict[str, Annotation]:
    """Each record checked in turn: the first bad one raises, naming it; fields this
    sidelight does not know are added to ``unknown``."""
    newer = schema > SCHEMA
    anns: dict[str, Annotation] = {}
    for key, doc in table.items():
        try:
            ann = Annotation.from_dict(doc)
        except ValueError as err:
            if newer:
                raise StoreError(
                    f"{path} was written by a newer sidelight (schema {schema}) and "
                    "this one cannot read it; upgrade sidelight"
                ) from None
            raise corrupt_error(path, f"annotation {key!r}: {err}") from None
        if schema >= 1 and key != ann.id:
            raise corrupt_error(
                path, f"record {key!r} holds the annotation with id {ann.id!r}"
            )
        if not _UUID.match(ann.id):
            raise corrupt_error(path, f"the id {ann.id!r} is not a lowercase uuid")
        if ann.id in anns:
            raise corrupt_error(path, f"the id {ann.id} appears twice")
        if not _known_fields(doc):
            extra = set(doc) - _ANNOTATION_FIELDS
            for target in doc.get("targets", ()):
                extra |= set(target) - _TARGET_FIELDS
            unknown.append(f"{', '.join(sorted(map(repr, extra)))} in {ann.id[:8]}")
        anns[ann.id] = ann
    return anns


def _known_fields(doc: dict[str, Any]) -> bool:
    # Subset tests: they allocate nothing, and a field unknown here is rare.
    if not doc.keys() <= _ANNOTATION_FIELDS:
        return False
    return all(map(_TARGET_FIELDS.issuperset, doc["targets"]))


def schema_of(path: Path, data: dict[str, dict[str, Any]]) -> int:
    meta_table = data.get(META_TABLE)
    if meta_table is None:
        # Plain TinyDB wrote this (schema 0), or it is a new, empty store.
        return 0 if data else SCHEMA
    meta = meta_table.get(META_ID)
    schema = meta.get("schema") if isinstance(meta, dict) else None
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise corrupt_error(path, "its _meta record has no valid schema version")
    return schema


def free_backup_path(path: Path, schema: int) -> Path:
    """``PATH.bak-schemaN``, or with a counter when a backup of that name already exists."""
    candidate = Path(f"{path}.bak-schema{schema}")
    n = 1
    while candidate.exists():
        candidate = Path(f"{path}.bak-schema{schema}.{n}")
        n += 1
    return candidate


def new_lock(lock_path: Path, timeout: float) -> FileLock:
    """The lock around the changes of a store file. Only a change takes it: a store that is
    only read (the reader's first screen) never imports the locking library."""
    from filelock import FileLock

    # Short polls: the lock is held for milliseconds, and a waiter should not sleep longer.
    return FileLock(str(lock_path), timeout=timeout, poll_interval=0.002)


@contextlib.contextmanager
def hold_lock(path: Path, lock: FileLock) -> Iterator[None]:
    """Hold ``lock`` (the lock file beside ``path``) for a read-modify-write of ``path``; a lock
    held too long by another process or an unwritable folder is a one-line SaveError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise write_error(path, err) from None
    from filelock import Timeout

    # filelock retries a lock file it cannot create until its timeout, and then a folder where
    # no file can be made (/proc, say) would read as a lock held by another process.
    if (unusable := _lock_file_error(Path(lock.lock_file))) is not None:
        raise write_error(path, unusable) from None
    try:
        lock.acquire()
    except Timeout:
        raise SaveError(
            f"{path} is locked by another sidelight process (lock file "
            f"{lock.lock_file}); close it or wait, then retry"
        ) from None
    except OSError as err:
        raise write_error(path, err) from None
    try:
        yield
    finally:
        lock.release()


def _lock_file_error(lock_file: Path) -> OSError | None:
    """Why the lock file cannot be opened for writing, or None when it can (held by another)."""
    try:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        return err
    os.close(fd)
    return None


def find_by_id(anns: Mapping[str, Annotation], id_or_prefix: str, path: Path) -> Annotation:
    """The annotation of ``anns`` with this id, ``urn:uuid:`` id, or unique id prefix; a missing
    or ambiguous one is a StoreError naming the store at ``path``."""
    key = id_or_prefix.strip().lower().removeprefix("urn:uuid:")
    if not key:
        raise StoreError("no annotation id given; `sidelight notes` lists the ids")
    if key in anns:
        return anns[key]
    matches = [a for i, a in anns.items() if i.startswith(key)]
    if not matches:
        raise StoreError(
            f"no annotation with id {id_or_prefix!r} in {path}; "
            "`sidelight notes` lists the ids"
        )
    if len(matches) > 1:
        shown = ", ".join(a.id[:12] for a in matches[:3])
        raise StoreError(
            f"{id_or_prefix!r} matches {len(matches)} annotations in {path} "
            f"({shown}{', …' if len(matches) > 3 else ''}); give more of the id"
        )
    return matches[0]
