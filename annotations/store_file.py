"""One file of the annotation store: a TinyDB JSON file shared safely by every sidelight process.

``annotations.store.AnnotationStore`` keeps one such file per document (see there); this module
is one file's guarantees. Until schema 2 the whole store was one file of this kind.

* Identity is the annotation's uuid: records sit in the ``annotations`` table keyed by it.
* Every change is one read-modify-write under a cross-process lock (``PATH.lock``): the file is
  re-read first if another process changed it, so both sides keep their annotations, and then
  replaced atomically (see ``annotations.storage``). A change is on disk when a call returns.
* The file carries a schema version in its ``_meta`` table. A file from plain TinyDB (no
  version, schema 0) is upgraded after a backup is written beside it; a file from a newer
  sidelight, or with fields this one does not know, is opened read-only.
* A file that is not a valid store raises ``StoreError`` naming it, and is never written over.
* A change made from what a caller read earlier is a compare-and-swap: ``update(base, ...)``,
  ``delete(id, base=...)`` and ``recreate(ann)`` apply only if the stored record still is the
  version the caller saw, field by field (rules in ``annotations.edits``), and otherwise raise
  ``EditConflict`` saying whether it was deleted or changed elsewhere, with nothing written.

Reads serve the snapshot this object last loaded or wrote; a reader polls ``changed()`` (one
``stat``) and calls ``reload()`` to take in other processes' changes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Table

from sidelight.annotations.edits import check_delete, check_recreate, updated
from sidelight.annotations.errors import EditConflict, ReadOnlyStoreError, StoreError
from sidelight.annotations.model import Annotation
from sidelight.annotations.special_files import NotRegularFile, check_regular
from sidelight.annotations.storage import (
    AtomicJSONStorage,
    SaveError,
    StoreConflict,
    not_a_store_error,
    write_error,
    write_file_atomically,
)
from sidelight.annotations.store_records import (
    SCHEMA,
    TABLE,
    Snapshot,
    find_by_id,
    free_backup_path,
    hold_lock,
    new_lock,
    valid_id,
    validated,
)

if TYPE_CHECKING:
    from filelock import FileLock

DEFAULT_LOCK_TIMEOUT = 10.0
# A foreign program replacing the file between our read and write makes us start over; more
# than this many times in a row and we give up rather than spin.
_ATTEMPTS = 4


class _AnnotationTable(Table):
    """The annotations table: documents keyed by the annotation's uuid."""

    document_id_class = str  # type: ignore[assignment]

    def replace_many(self, docs: dict[str, dict[str, Any]]) -> None:
        """Insert or replace whole documents in one write.

        TinyDB's ``update``/``upsert`` merge fields into the stored dict in place; the storage
        caches each record's JSON by object, so records are only ever replaced whole.
        """

        def updater(table: dict[str, Any]) -> None:
            table.update(docs)

        self._update_table(updater, (set(docs), set()))

    def remove_ids(self, ids: Iterable[str]) -> None:
        """Remove these records (absent ones are skipped) in one write."""
        gone = set(ids)

        def updater(table: dict[str, Any]) -> None:
            for i in gone:
                table.pop(i, None)

        self._update_table(updater, (set(), gone))

    def _update_table(self, updater: Callable[[dict[str, Any]], None],
                      touched: tuple[set[str], set[str]] | None = None) -> None:
        # TinyDB's version converts every key to ``document_id_class`` and back around the
        # updater; with string ids both are identities, and on 10k records they cost more than
        # the write. Same read-update-write otherwise. ``touched`` (ids put, ids removed) tells
        # the storage what changed, so that a journal line costs the change, not the table.
        tables = self._storage.read() or {}
        table = dict(tables.get(self.name, {}))
        updater(table)
        tables[self.name] = table
        storage: AtomicJSONStorage = self._storage  # type: ignore[assignment]
        storage.touched = (self.name, *touched) if touched is not None else None
        try:
            storage.write(tables)
        finally:
            storage.touched = None
        self.clear_cache()


class _StoreDB(TinyDB):
    table_class = _AnnotationTable


class StoreFile:
    def __init__(self, path: str | Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
                 journal: bool = True) -> None:
        # Resolved once: a store reached through a symlink is its target, locked and replaced
        # there (replacing the link would fork the store into a copy under another lock).
        self.path = Path(os.path.realpath(Path(path).expanduser()))
        try:
            check_regular(self.path)
        except NotRegularFile as err:
            # Before TinyDB or a lock touch it: a FIFO would block the read, a device never
            # end it, and a save would replace it with a regular file.
            raise not_a_store_error(self.path, err.kind) from None
        except OSError:
            pass  # reported by the first read, with the store's own wording
        self.lock_timeout = lock_timeout
        # ``journal``: small changes are appended to ``PATH.journal`` (``annotations.journal``);
        # off for a store in the old one-file layout, which is only ever read and migrated.
        self._db = _StoreDB(str(self.path), storage=AtomicJSONStorage, schema=SCHEMA,
                            journal=journal)
        self._storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        self._table: _AnnotationTable = self._db.table(TABLE)  # type: ignore[assignment]
        self.lock_path = Path(f"{self.path}.lock")
        self._snapshot = Snapshot({}, SCHEMA)
        self._snapshot_version = -1
        self._swept = False
        # Set when a save of ours took in another process's changes: the reader has not seen
        # them yet, although the file is now the one we wrote.
        self._merged_unseen = False
        self._sync()
        if self._snapshot.schema < SCHEMA and not self.read_only:
            self._upgrade_on_open()

    # -- reading ------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return bool(self._snapshot.read_only_reason)

    @property
    def read_only_reason(self) -> str:
        """Why changes are refused (empty when they are not): a message for the user."""
        return self._snapshot.read_only_reason

    @property
    def schema(self) -> int:
        return self._snapshot.schema

    def __len__(self) -> int:
        return len(self._snapshot.annotations)

    def all(self) -> list[Annotation]:
        return list(self._snapshot.annotations.values())

    def get(self, id: str) -> Annotation | None:
        return self._snapshot.annotations.get(id)

    def find(self, id_or_prefix: str) -> Annotation:
        """The annotation with this id, ``urn:uuid:`` id, or unique id prefix."""
        return find_by_id(self._snapshot.annotations, id_or_prefix, self.path)

    def for_document(self, source: str, fingerprint: str) -> list[Annotation]:
        """Annotations with a target on this document, found by path or by content."""
        return [a for a in self._snapshot.annotations.values() if a.touches(source, fingerprint)]

    def changed(self) -> bool:
        """True when another process changed the store since this object last showed it.

        One ``stat``; cheap enough to poll every second.
        """
        return self._merged_unseen or self._storage.changed()

    def reload(self) -> None:
        """Take in other processes' changes. On a damaged file, raise and keep the old view."""
        self._sync()
        self._merged_unseen = False

    # -- changing -----------------------------------------------------------------------

    def add(self, ann: Annotation) -> Annotation:
        doc = self._checked_doc(ann)

        def change(current: dict[str, Annotation]) -> None:
            if ann.id in current:
                raise StoreError(f"an annotation with id {ann.id} is already in {self.path}")
            self._table.replace_many({ann.id: doc})

        self._commit(change, put=[ann])
        return ann

    def put(self, ann: Annotation) -> Annotation:
        """Insert the annotation, or replace the one with its id, whatever the store holds.

        Unconditional: a change made from what a user saw goes through ``update``, ``delete``
        with ``base`` or ``recreate``, which refuse to overwrite another program's change.
        """
        self.put_many([ann])
        return ann

    def put_many(self, anns: Iterable[Annotation]) -> None:
        """Insert or replace several annotations in one atomic write."""
        anns = list(anns)
        if not anns:
            return
        docs = {a.id: self._checked_doc(a) for a in anns}
        self._commit(lambda current: self._table.replace_many(docs), put=anns)

    def replace_unchanged(
        self, pairs: Iterable[tuple[Annotation, Annotation]]
    ) -> list[Annotation]:
        """For each ``(old, new)``, write ``new`` only where the store still holds ``old``.

        Re-anchoring computes new selectors from what it read; if another process edited or
        deleted the annotation meanwhile, its change wins and the re-anchoring is dropped
        (it is redone the next time the document is opened). Returns what was written.
        """
        pairs = list(pairs)
        written: list[Annotation] = []

        def change(current: dict[str, Annotation]) -> None:
            written[:] = [new for old, new in pairs if current.get(old.id) == old]
            if written:
                self._table.replace_many({a.id: self._checked_doc(a) for a in written})

        if pairs:
            # ``written`` is filled inside the lock, before _commit applies it to the snapshot.
            self._commit(change, put=written)
        return list(written)

    def put_decided(
        self, decide: Callable[[Mapping[str, Annotation]], list[Annotation]]
    ) -> list[Annotation]:
        """Write what ``decide`` returns, deciding from the store as it is under the lock (so
        that a change another process made meanwhile is seen, never overwritten unseen).
        Returns what was written."""
        written: list[Annotation] = []

        def change(current: dict[str, Annotation]) -> None:
            written[:] = decide(current)
            if written:
                self._table.replace_many({a.id: self._checked_doc(a) for a in written})

        self._commit(change, put=written)
        return list(written)

    def update(self, base: Annotation, **changes: Any) -> Annotation:
        """Set fields of the annotation ``base`` was read as: a compare-and-swap.

        ``base`` is the version the caller saw. Each field in ``changes`` (any of
        ``annotations.edits.EDITABLE``) is written only if the store still holds ``base``'s
        value for it; what another program changed in other fields is kept (field-wise
        merge). ``modified`` is set to now. Returns the annotation as written.

        Raises ``EditConflict`` (kind ``"deleted"`` or ``"changed"``) and writes nothing when
        the annotation was deleted, or one of these fields changed, after ``base`` was read.
        """
        written: list[Annotation] = []

        def change(current: dict[str, Annotation]) -> None:
            new = updated(base, current.get(base.id), changes)
            self._table.replace_many({new.id: self._checked_doc(new)})
            written[:] = [new]

        self._commit(change, put=written)
        return written[0]

    def delete(self, id: str, *, base: Annotation | None = None) -> Annotation:
        """Delete by exact id; returns what was deleted (``recreate`` puts it back).

        With ``base`` (the annotation as the caller read it) this is a compare-and-swap: the
        record is deleted only if it still says what ``base`` said (note, colour, tags,
        relation; re-anchored positions do not count). Raises ``EditConflict`` (kind
        ``"deleted"``, or ``"changed"`` with ``base``) and writes nothing otherwise.
        """
        removed: list[Annotation] = []

        def change(current: dict[str, Annotation]) -> None:
            ann = current.get(id)
            if base is not None:
                ann = check_delete(base, ann)
            elif ann is None:
                raise EditConflict(
                    f"no annotation with id {id!r} in {self.path}; "
                    "it may have been deleted by another sidelight",
                    kind="deleted", id=id,
                )
            removed[:] = [ann]
            self._table.remove_ids([id])

        self._commit(change, delete=[id])
        return removed[0]

    def recreate(self, ann: Annotation) -> Annotation:
        """Put back an annotation that was deleted (an undo, or re-creating one another
        program deleted while it was being edited), exactly as given.

        Raises ``EditConflict`` (kind ``"exists"``) and writes nothing if a record with this
        id is back with other content; one with the same content counts as done.
        """
        doc = self._checked_doc(ann)
        written: list[Annotation] = []

        def change(current: dict[str, Annotation]) -> None:
            if check_recreate(ann, current.get(ann.id)):
                self._table.replace_many({ann.id: doc})
                written[:] = [ann]
            else:
                written[:] = []

        self._commit(change, put=written)
        return written[0] if written else self._snapshot.annotations[ann.id]

    # -- internals ----------------------------------------------------------------------

    def _checked_doc(self, ann: Annotation) -> dict[str, Any]:
        # Never write a record that this store would refuse to read back.
        doc = ann.to_dict()
        try:
            if not valid_id(ann.id):
                raise ValueError(f"the id {ann.id!r} is not a lowercase uuid")
            Annotation.from_dict(doc)
        except ValueError as err:
            raise StoreError(
                f"cannot save annotation {ann.id!r} to {self.path}: {err}; nothing was written"
            ) from None
        return doc

    def _commit(
        self,
        change: Callable[[dict[str, Annotation]], None],
        *,
        put: Sequence[Annotation] = (),
        delete: Sequence[str] = (),
    ) -> None:
        for _ in range(_ATTEMPTS):
            with self._locked():
                locked_at = time.time()
                if not self._swept:
                    self._storage.remove_stale_temporaries(locked_at)
                    self._swept = True
                if self._sync():
                    self._merged_unseen = True
                if self.read_only:
                    raise ReadOnlyStoreError(self.read_only_reason)
                try:
                    if self._snapshot.schema < SCHEMA:
                        self._upgrade()
                    change(self._snapshot.annotations)
                except StoreConflict:
                    continue
                anns = self._snapshot.annotations
                for i in delete:
                    anns.pop(i, None)
                for a in put:
                    anns[a.id] = a
                self._snapshot_version = self._storage.version
                return
        raise SaveError(
            f"{self.path} kept being replaced by another program while sidelight was saving; "
            "nothing was written — close that program and retry"
        )

    @functools.cached_property
    def _lock(self) -> FileLock:
        return new_lock(self.lock_path, self.lock_timeout)

    def _locked(self) -> contextlib.AbstractContextManager[None]:
        return hold_lock(self.path, self._lock)

    def _sync(self) -> bool:
        """Bring the snapshot up to date with the file; True if it was re-read."""
        reloaded = self._storage.refresh()
        if self._snapshot_version == self._storage.version:
            return False
        version = self._storage.version
        self._snapshot = validated(self.path, self._storage.read() or {})
        self._snapshot_version = version
        return reloaded

    def _upgrade_on_open(self) -> None:
        try:
            self._commit(lambda current: None)
        except SaveError as err:
            self._snapshot = dataclasses.replace(
                self._snapshot,
                read_only_reason=(
                    f"{self.path} is in an older format and could not be upgraded ({err}); "
                    "opened read-only"
                ),
            )

    def _upgrade(self) -> None:
        """Rewrite an older-format file in the current one, after backing it up beside it."""
        old = self._snapshot.schema
        try:
            raw = self.path.read_bytes()
        except OSError as err:
            raise write_error(self.path, err) from None
        write_file_atomically(free_backup_path(self.path, old), raw)
        anns = self._snapshot.annotations
        self._storage.write({TABLE: {i: a.to_dict() for i, a in anns.items()}})
        self._snapshot = Snapshot(dict(anns), SCHEMA)
        self._snapshot_version = self._storage.version
