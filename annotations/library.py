"""Opening a document's annotations: find them, anchor them, and save what moved.

This is the edge where anchoring (pure) meets the store (files): every command and the
reader call ``open_annotations`` when they open a document, so that highlights follow the
text as it is now and the store remembers where they went.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from sidelight.annotations.anchoring import anchor_annotation
from sidelight.annotations.documents import STDIN, Document, is_current, is_url, load_document
from sidelight.annotations.errors import DocumentError
from sidelight.annotations.model import Annotation, Target
from sidelight.annotations.sources import open_url
from sidelight.annotations.web.snapshots import SnapshotLibrary


class _Store(Protocol):
    @property
    def read_only(self) -> bool: ...
    def changed(self) -> bool: ...
    def reload(self) -> None: ...
    def for_document(self, source: str, fingerprint: str) -> list[Annotation]: ...
    def all(self) -> list[Annotation]: ...
    def replace_unchanged(
        self, pairs: list[tuple[Annotation, Annotation]]
    ) -> list[Annotation]: ...


Memo = dict[str, tuple[Annotation, Annotation]]


def open_annotations(store: _Store, doc: Document, memo: Memo | None = None) -> list[Annotation]:
    """Every annotation on ``doc``, anchored in its current text; orphans included, flagged.

    An annotation is on the document when a target names its path, or when a target has the
    document's fingerprint and the file it names no longer exists (the file was moved or
    renamed: the target then takes the new path). A target whose file still exists elsewhere
    with the same text belongs to that copy and is left alone.

    Annotations whose targets changed (new position, new path, newly orphaned) are saved in
    one write, unless the store is read-only; then they are anchored for this session only.
    The write skips any annotation another process changed after we read it, and is not made
    at all when the document's file changed on disk since ``doc`` was read.

    ``memo`` (kept by a caller that opens the same document again and again, the reader)
    maps an id to the stored annotation last anchored and the result: an annotation the
    store still holds unchanged is not anchored again, so a change costs what it changed.
    """
    if store.changed():
        store.reload()
    found = store.for_document(doc.path, doc.fingerprint)
    result: list[Annotation] = []
    changed: list[tuple[Annotation, Annotation]] = []
    seen: Memo = {}
    for ann in found:
        known = memo.get(ann.id) if memo is not None else None
        if known is not None and (known[0] is ann or known[0] == ann):
            # Anchored before from this very record (and saved then, if it moved).
            seen[ann.id] = known
            result.append(known[1])
            continue
        anchored = anchor_on(ann, doc)
        if anchored is None:
            continue
        seen[ann.id] = (ann, anchored)
        result.append(anchored)
        if anchored != ann:
            changed.append((ann, anchored))
    if memo is not None:
        memo.clear()
        memo.update(seen)
    if changed and not store.read_only and is_current(doc):
        # Compare-and-swap: an edit another process made since we read wins over re-anchoring.
        # A document whose file changed since it was read is anchored for display only: its
        # text is no longer the file's, and saving positions in it would undo the anchoring
        # of whoever opens the new text (a second reader, the command line).
        store.replace_unchanged(changed)
    return result


def anchor_on(ann: Annotation, doc: Document) -> Annotation | None:
    """``ann`` anchored in ``doc``'s current text, or None when it is not on ``doc`` (see
    ``open_annotations``)."""
    if not any(_on_document(t, doc) for t in ann.targets):
        return None
    return _opened(anchor_annotation(ann, doc, on_document=lambda t: _on_document(t, doc)), doc)


def open_changed(store: _Store, doc: Document, ann: Annotation,
                 memo: Memo | None = None) -> Annotation | None:
    """``open_annotations`` for one record just written by this program: ``ann`` anchored
    on ``doc`` (saved if it moved, as there), or None when it is not on ``doc``. Costs one
    annotation, however many the document holds; ``memo`` is kept as there."""
    anchored = anchor_on(ann, doc)
    if memo is not None:
        if anchored is None:
            memo.pop(ann.id, None)
        else:
            memo[ann.id] = (ann, anchored)
    if anchored is not None and anchored != ann and not store.read_only and is_current(doc):
        store.replace_unchanged([(ann, anchored)])
    return anchored


def _opened(ann: Annotation, doc: Document) -> Annotation:
    """``ann`` with its targets on ``doc`` no longer marked as imported (the user opened it),
    and remembering the encoding the document was read with, so that a command listing every
    annotation reads the file as the user last did."""
    encoding = doc.encoding if _is_file(doc.path) else None

    def fresh(t: Target) -> bool:
        return t.source == doc.path and (
            t.imported or (encoding is not None and t.encoding != encoding))

    if not any(fresh(t) for t in ann.targets):
        return ann
    return replace(ann, targets=tuple(
        replace(t, imported=False, encoding=t.encoding if encoding is None else encoding)
        if fresh(t) else t
        for t in ann.targets
    ))


def _is_file(source: str) -> bool:
    return not is_url(source) and source != STDIN


def remembered_encoding(anns: Iterable[Annotation], source: str) -> str:
    """The encoding the document at ``source`` was last read with, as its annotations' targets
    remember it (the most recently changed one wins); "" for UTF-8 or none remembered."""
    found = ""
    latest = ""
    for ann in anns:
        for t in ann.targets:
            if t.source == source and not t.imported and ann.modified >= latest:
                found, latest = t.encoding, ann.modified
    return found


def _on_document(target: Target, doc: Document) -> bool:
    if target.source == doc.path:
        return True
    return target.fingerprint == doc.fingerprint and not _exists(target.source)


def _exists(source: str) -> bool:
    # A stored path comes from outside (an import): one the system cannot even look up
    # (too long, a NUL byte) names no file, rather than being an error.
    try:
        return Path(source).exists()
    except (OSError, ValueError):
        return False


def open_many(store: _Store, docs: Sequence[Document]) -> list[Annotation]:
    """``open_annotations`` over several documents, each annotation once; a link between two
    of them comes out anchored at both ends."""
    seen: dict[str, Annotation] = {}
    for doc in docs:
        for ann in open_annotations(store, doc):
            seen[ann.id] = _merge(seen.get(ann.id), ann, doc)
    return list(seen.values())


def open_everything(
    store: _Store, encoding: str | None = None, unreadable: list[DocumentError] | None = None,
    library: SnapshotLibrary | None = None,
) -> tuple[list[Document], list[Annotation]]:
    """Every annotation in the store, anchored on the documents that can still be read.

    A document that cannot be read (moved away, deleted, now binary) is skipped: its
    annotations keep their stored quotes and positions. Why a file that is still there could
    not be read (another encoding, now binary) is appended to ``unreadable``. Web articles
    are read from their snapshot in ``library``, never fetched.

    A document that only imported annotations name, and that the user has not opened since,
    is not read: an imported file must not make sidelight read (and show the title of) a file
    the user never opened. Its annotations keep their stored quotes.
    """
    everything = store.all()
    by_source: dict[str, list[Annotation]] = {}
    for a in everything:
        for t in a.targets:
            if not t.imported:
                by_source.setdefault(t.source, []).append(a)
    docs: list[Document] = []
    for source in sorted(by_source):
        try:
            if is_url(source):
                if library is None:
                    continue
                docs.append(open_url(source, library, offline=True))
            else:
                docs.append(_load_remembered(
                    source, remembered_encoding(by_source[source], source), encoding))
        except DocumentError as err:
            if unreadable is not None and (_exists(source) or is_url(source)):
                unreadable.append(err)
    anchored = {a.id: a for a in open_many(store, docs)}
    return docs, [anchored.get(a.id, a) for a in store.all()]


def _load_remembered(source: str, remembered: str, encoding: str | None) -> Document:
    """The file read with the encoding its annotations remember, else with ``encoding`` (the
    command's --encoding, or UTF-8); the first failure is the one reported."""
    tries = list(dict.fromkeys([remembered or encoding or None, encoding or None]))
    first: DocumentError | None = None
    for candidate in tries:
        try:
            return load_document(source, candidate)
        except DocumentError as err:
            first = first or err
    assert first is not None
    try:
        raise first
    finally:
        # The error's traceback holds this frame: kept in a local, it would hold every
        # caller's frame alive with it (a listing's whole store) until a cycle collection.
        first = None


def _merge(earlier: Annotation | None, later: Annotation, doc: Document) -> Annotation:
    if earlier is None:
        return later
    targets = tuple(
        new if new.source == doc.path else old
        for old, new in zip(earlier.targets, later.targets, strict=True)
    )
    return replace(later, targets=targets)
