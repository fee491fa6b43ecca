"""The annotation store: one TinyDB file per document, so that work costs what it touches.

A reader with years of annotations opens one document: only that document's annotations are
read, anchored and rewritten. The store at ``PATH`` (``--db``) is:

* ``PATH``: a small index, a TinyDB file (schema 2) whose ``documents`` table lists, for each
  document file, the document paths and fingerprints its annotations point to;
* ``PATH.d/doc-<hash>.json``: one TinyDB file per document (``annotations.store_file``: atomic
  replace + fsync, its own lock ``….json.lock``, compare-and-swap edits, validation). An
  annotation lives in the file of the document its first target named when it was made, for
  good: a link lives with its first passage, and the index lists the other documents it
  touches, so opening any of them reads it.

The index only ever over-approximates: before an annotation pointing at a new path or
fingerprint is written, the index learns that path (under ``PATH.lock``), then the document's
file is written (under its own lock). A crash in between leaves an index naming a document
file that lacks the annotation, which costs one extra read and nothing else.

A store in the one-file layout of schema 0 or 1 is migrated when it is opened: the file is
backed up beside it (``PATH.bak-schemaN``), each document's annotations are written to their
own file, and the index replaces ``PATH`` last, so a crash at any point leaves either the old
store or the new one. ``sidelight export``/``import`` round-trips either layout. A damaged file
(index or document) is refused with its name and left untouched; a file with data this
sidelight does not know, or from a newer one, is opened read-only.

Reads serve what this object last read or wrote; ``changed()`` is one ``stat`` of the index
and of each document file read so far, and ``reload()`` re-reads only the files that changed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sidelight.annotations.errors import EditConflict, ReadOnlyStoreError
from sidelight.annotations.locations import resolve_db_path
from sidelight.annotations.model import Annotation
from sidelight.annotations.special_files import NotRegularFile, check_regular
from sidelight.annotations.storage import (
    META_ID,
    META_TABLE,
    AtomicJSONStorage,
    SaveError,
    StoreConflict,
    not_a_store_error,
)
from sidelight.annotations.store_file import (
    DEFAULT_LOCK_TIMEOUT,
    StoreFile,
    find_by_id,
    hold_lock,
    new_lock,
)
from sidelight.annotations.store_index import (
    INDEX_TABLE,
    SCHEMA,
    Index,
    keys_of,
    parse_index,
    shard_name,
    store_files,
    store_temporaries,
)
from sidelight.annotations.store_migrate import open_one_file, upgrade_index

if TYPE_CHECKING:
    from filelock import FileLock

_ATTEMPTS = 4

__all__ = ["DEFAULT_LOCK_TIMEOUT", "SCHEMA", "AnnotationStore", "open_store", "shard_name",
           "store_files", "store_temporaries"]


class AnnotationStore:
    def __init__(self, path: str | Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        # Resolved once: a store reached through a symlink is its target, locked and replaced
        # there (replacing the link would fork the store into a copy under another lock).
        self.path = Path(os.path.realpath(Path(path).expanduser()))
        try:
            check_regular(self.path)
        except NotRegularFile as err:
            # Before anything reads or locks it: a FIFO would block the read, a device never
            # end it, and a save would replace it with a regular file.
            raise not_a_store_error(self.path, err.kind) from None
        except OSError:
            pass  # reported by the first read, with the store's own wording
        self.lock_timeout = lock_timeout
        self.lock_path = Path(f"{self.path}.lock")
        self._storage = AtomicJSONStorage(self.path, schema=SCHEMA)
        self._index = Index()
        self._index_version = -1
        self._legacy: StoreFile | None = None
        self._legacy_prints: dict[str, set[str]] | None = None
        self._files: dict[str, StoreFile] = {}
        self._everything = False
        # Where annotations deleted through this object lived: an undo puts them back there.
        self._deleted_from: dict[str, str] = {}
        self._swept = False
        self._sync_index()
        if self._index.kind == "legacy":
            open_one_file(self)
        elif self._index.schema < SCHEMA and not self._index.read_only_reason:
            upgrade_index(self)

    # -- reading ------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    @property
    def read_only_reason(self) -> str:
        """Why changes are refused (empty when they are not): a message for the user."""
        if self._legacy is not None:
            return self._legacy.read_only_reason
        if self._index.read_only_reason:
            return self._index.read_only_reason
        return next((f.read_only_reason for f in self._files.values() if f.read_only), "")

    @property
    def schema(self) -> int:
        return self._legacy.schema if self._legacy is not None else self._index.schema

    @property
    def folder(self) -> Path | None:
        """The folder of document files (None while the store has none)."""
        return self.path.parent / self._index.folder if self._index.folder else None

    def __len__(self) -> int:
        return len(self.all())

    def all(self) -> list[Annotation]:
        return list(self._everything_by_id().values())

    def get(self, id: str) -> Annotation | None:
        if self._legacy is not None:
            return self._legacy.get(id)
        for f in self._files.values():
            found = f.get(id)
            if found is not None:
                return found
        # Then the files not read yet, one by one (each is kept: a second miss costs a
        # look-up per file, not a pass over every annotation).
        self._sync_index()
        for name in sorted(set(self._index.entries) - set(self._files)):
            found = self._file(name).get(id)
            if found is not None:
                return found
        return None

    def find(self, id_or_prefix: str) -> Annotation:
        """The annotation with this id, ``urn:uuid:`` id, or unique id prefix."""
        return find_by_id(self._everything_by_id(), id_or_prefix, self.path)

    def for_document(self, source: str, fingerprint: str) -> list[Annotation]:
        """Annotations with a target on this document, found by path or by content.

        Reads only the document files the index says touch this path or fingerprint."""
        if self._legacy is not None:
            return self._legacy.for_document(source, fingerprint)
        self._sync_index()
        names = self._index.touching(source, fingerprint)
        if len(names) == 1:
            # Each of one file's annotations is there once: no need to gather them by id (a
            # listing of every document asks this once per document).
            return self._file(next(iter(names))).for_document(source, fingerprint)
        found: dict[str, Annotation] = {}
        for name in sorted(names):
            for ann in self._file(name).for_document(source, fingerprint):
                found.setdefault(ann.id, ann)
        return list(found.values())

    def sources(self) -> list[str]:
        """Every document path the store's annotations name, sorted (from the index alone)."""
        if self._legacy is not None:
            return sorted({t.source for a in self._legacy.all() for t in a.targets})
        self._sync_index()
        return sorted(self._index.by_source)

    def shares_text(self, source: str, fingerprint: str) -> bool:
        """True when annotations on another path than ``source`` name this text fingerprint
        (so that a document there may hold the text of a file that is gone). From the index
        as last read: a listing asks once per annotation."""
        if not fingerprint:
            return False
        if self._legacy is not None:
            if self._legacy_prints is None:
                self._legacy_prints = {}
                for t in (t for a in self._legacy.all() for t in a.targets):
                    self._legacy_prints.setdefault(t.fingerprint, set()).add(t.source)
            return bool(self._legacy_prints.get(fingerprint, set()) - {source})
        return any(s != source for name in self._index.by_print.get(fingerprint, ())
                   for s in self._index.entries[name][0])

    def changed(self) -> bool:
        """True when another process changed the store since this object last showed it.

        One ``stat`` of the index and one of each document file read so far."""
        if self._legacy is not None:
            return self._legacy.changed() or self._storage.changed()
        return self._storage.changed() or any(f.changed() for f in self._files.values())

    def reload(self) -> None:
        """Take in other processes' changes, re-reading only the files that changed.
        On a damaged file, raise and keep the old view."""
        if self._legacy is not None:
            if self._storage.changed():
                # Another sidelight migrated it, or it was replaced: open it afresh.
                self.__init__(self.path, lock_timeout=self.lock_timeout)  # type: ignore[misc]
                return
            self._legacy.reload()
            return
        self._sync_index()
        if self._index.kind == "legacy":
            # A one-file store was put back in place of the index (a restored backup).
            self.__init__(self.path, lock_timeout=self.lock_timeout)  # type: ignore[misc]
            return
        for f in self._files.values():
            if f.changed():
                f.reload()

    def file_for(self, ann: Annotation) -> StoreFile:
        """The document file that holds (or would hold) this annotation."""
        if self._legacy is not None:
            return self._legacy
        return self._file(self._home_of(ann))

    # -- changing -----------------------------------------------------------------------

    def add(self, ann: Annotation) -> Annotation:
        return self._on(ann, lambda f: f.add(ann), home=True)

    def put(self, ann: Annotation) -> Annotation:
        """Insert the annotation, or replace the one with its id, whatever the store holds.

        Unconditional: a change made from what a user saw goes through ``update``, ``delete``
        with ``base`` or ``recreate``, which refuse to overwrite another program's change.
        """
        self.put_many([ann])
        return ann

    def put_many(self, anns: Iterable[Annotation]) -> None:
        """Insert or replace several annotations: one atomic write per document file."""
        groups: dict[str, list[Annotation]] = {}
        for ann in anns:
            groups.setdefault(self._home_of(ann), []).append(ann)
        for name, group in groups.items():
            self._write(name, group, lambda f, group=group: f.put_many(group))

    def replace_unchanged(
        self, pairs: Iterable[tuple[Annotation, Annotation]]
    ) -> list[Annotation]:
        """For each ``(old, new)``, write ``new`` only where the store still holds ``old``.

        Re-anchoring computes new selectors from what it read; if another process edited or
        deleted the annotation meanwhile, its change wins and the re-anchoring is dropped
        (it is redone the next time the document is opened). Returns what was written.
        """
        groups: dict[str, list[tuple[Annotation, Annotation]]] = {}
        for old, new in pairs:
            groups.setdefault(self._home_of(old), []).append((old, new))
        written: list[Annotation] = []
        for name, group in groups.items():
            written += self._write(name, [new for _, new in group],
                                   lambda f, group=group: f.replace_unchanged(group))
        return written

    def put_decided(
        self, decide: Callable[[Mapping[str, Annotation]], list[Annotation]]
    ) -> list[Annotation]:
        """Write what ``decide`` returns, deciding from the store as it is (so that a change
        another process made meanwhile is seen, never overwritten unseen). Returns what was
        written.

        ``decide`` must judge each annotation on its own record. It runs once on the whole
        store to find the files involved, then again under each file's lock, seeing that
        file's records as they are then; only that file's annotations are written from it.
        """
        if self._legacy is not None:
            return self._legacy.put_decided(decide)
        self.reload()
        everything = self._everything_by_id()
        groups: dict[str, set[str]] = {}
        planned = {a.id: a for a in decide(everything)}
        for ann in planned.values():
            groups.setdefault(self._home_of(ann), set()).add(ann.id)
        written: list[Annotation] = []
        for name, ids in groups.items():
            def here(current: Mapping[str, Annotation], ids: set[str] = ids
                     ) -> list[Annotation]:
                view = dict(everything)
                for i in ids:
                    view.pop(i, None)
                view.update({i: current[i] for i in ids if i in current})
                return [a for a in decide(view) if a.id in ids]

            written += self._write(name, [planned[i] for i in ids],
                                   lambda f, here=here: f.put_decided(here))
        return written

    def update(self, base: Annotation, **changes: Any) -> Annotation:
        """Set fields of the annotation ``base`` was read as: a compare-and-swap (see
        ``StoreFile.update``); raises ``EditConflict`` and writes nothing on a conflict."""
        anns = [base]
        if "targets" in changes:
            anns.append(replace(base, targets=tuple(changes["targets"])))
        return self._write(self._home_of(base), anns,
                           lambda f: f.update(base, **changes))

    def delete(self, id: str, *, base: Annotation | None = None) -> Annotation:
        """Delete by exact id; returns what was deleted (``recreate`` puts it back).

        With ``base`` this is a compare-and-swap (see ``StoreFile.delete``)."""
        if self._legacy is not None:
            return self._legacy.delete(id, base=base)
        name = self._locate(id, base)
        if name is None:
            raise EditConflict(
                f"no annotation with id {id!r} in {self.path}; "
                "it may have been deleted by another sidelight",
                kind="deleted", id=id,
            )
        removed = self._write(name, [], lambda f: f.delete(id, base=base))
        self._deleted_from[id] = name
        return removed

    def recreate(self, ann: Annotation) -> Annotation:
        """Put back an annotation that was deleted, exactly as given (see
        ``StoreFile.recreate``)."""
        return self._on(ann, lambda f: f.recreate(ann))

    # -- internals ----------------------------------------------------------------------

    def _on(self, ann: Annotation, fn: Callable[[StoreFile], Any], *, home: bool = False) -> Any:
        name = shard_name(ann.target.source) if home else self._home_of(ann)
        return self._write(name, [ann], fn)

    def _home_of(self, ann: Annotation) -> str:
        """The file that holds ``ann``'s id, else the one it was deleted from, else the file
        of its first target's document."""
        if self._legacy is not None:
            return ""
        return (self._locate(ann.id, ann) or self._deleted_from.get(ann.id)
                or shard_name(ann.target.source))

    def _locate(self, id: str, hint: Annotation | None) -> str | None:
        """The name of the file holding ``id``: among the files read so far, then the ones
        that touch ``hint``'s documents, then (no hint) every file."""
        self._sync_index()
        for name, f in self._files.items():
            if f.get(id) is not None:
                return name
        if hint is not None:
            names = {shard_name(hint.target.source)}
            for t in hint.targets:
                names |= self._index.touching(t.source, t.fingerprint)
        else:
            names = set(self._index.entries)
        for name in sorted(names - set(self._files)):
            if name in self._index.entries and self._file(name).get(id) is not None:
                return name
        return None

    def _write(self, name: str, anns: list[Annotation], fn: Callable[[StoreFile], Any]) -> Any:
        """Index the documents ``anns`` point to, then change the file ``name``."""
        if self._legacy is not None:
            return fn(self._legacy)
        self._sync_index()  # one stat; a damaged or read-only index refuses every change
        if not self._swept:
            with self._locked():
                # Writers make the index's temporary files only under its lock.
                self._storage.remove_stale_temporaries(time.time())
            self._swept = True
        if self._index.read_only_reason:
            raise ReadOnlyStoreError(self._index.read_only_reason)
        sources: set[str] = set()
        prints: set[str] = set()
        for ann in anns:
            s, p = keys_of(ann)
            sources |= s
            prints |= p
        keys = (frozenset(sources), frozenset(prints))
        if not self._index.covers(name, keys):
            self._change_index(name, keys)
        return fn(self._file(name))

    def _file(self, name: str) -> StoreFile:
        f = self._files.get(name)
        if f is None:
            folder = self.folder
            assert folder is not None, "a document file is opened after the index exists"
            f = StoreFile(folder / f"{name}.json", lock_timeout=self.lock_timeout)
            self._files[name] = f
        return f

    def _everything_by_id(self) -> dict[str, Annotation]:
        if self._legacy is not None:
            return {a.id: a for a in self._legacy.all()}
        self._sync_index()
        out: dict[str, Annotation] = {}
        for name in sorted(self._index.entries):
            for ann in self._file(name).all():
                out.setdefault(ann.id, ann)
        return out

    # -- the index ----------------------------------------------------------------------

    def _sync_index(self) -> bool:
        self._storage.refresh()
        if self._index_version == self._storage.version:
            return False
        self._index = parse_index(self.path, self._storage.read())
        self._index_version = self._storage.version
        return True

    @functools.cached_property
    def _lock(self) -> FileLock:
        return new_lock(self.lock_path, self.lock_timeout)

    def _locked(self) -> contextlib.AbstractContextManager[None]:
        return hold_lock(self.path, self._lock)

    def _change_index(self, name: str, keys: tuple[frozenset[str], frozenset[str]]) -> None:
        """Add ``keys`` to the index entry of ``name`` (creating the index if need be)."""
        for _ in range(_ATTEMPTS):
            with self._locked():
                self._sync_index()
                index = self._index
                if index.kind == "legacy":
                    raise SaveError(
                        f"{self.path} was replaced by a store in the old one-file layout while "
                        "sidelight was saving; nothing was written — retry")
                if index.read_only_reason:
                    raise ReadOnlyStoreError(index.read_only_reason)
                if index.covers(name, keys):
                    return
                entries = dict(index.entries)
                have = entries.get(name, (frozenset(), frozenset()))
                entries[name] = (have[0] | keys[0], have[1] | keys[1])
                folder = index.folder or self._free_folder()
                try:
                    self._write_index(entries, folder)
                except StoreConflict:
                    continue
                return
        raise SaveError(
            f"{self.path} kept being replaced by another program while sidelight was saving; "
            "nothing was written — close that program and retry"
        )

    def _write_index(self, entries: dict[str, tuple[frozenset[str], frozenset[str]]],
                     folder: str) -> None:
        table = {n: {"sources": sorted(s), "fingerprints": sorted(p)}
                 for n, (s, p) in sorted(entries.items())}
        self._storage.write({META_TABLE: {META_ID: {"folder": folder}}, INDEX_TABLE: table})
        self._sync_index()

    def _free_folder(self) -> str:
        """``PATH.d``, or ``PATH.d2``… when a folder of that name is there already (left by a
        store that was removed or restored from a backup: never adopted, never overwritten)."""
        n = 1
        while True:
            name = f"{self.path.name}.d" + (str(n) if n > 1 else "")
            if not os.path.lexists(self.path.parent / name):
                return name
            n += 1


def open_store(cli_value: str | None = None, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
               ) -> AnnotationStore:
    """The store named by ``--db``, else ``$SIDELIGHT_DB``, else the per-user default."""
    return AnnotationStore(resolve_db_path(cli_value), lock_timeout=lock_timeout)
