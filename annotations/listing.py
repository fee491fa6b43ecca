"""Every annotation of a store in document order, one document at a time.

``open_everything`` reads and anchors the whole store before the first annotation can be
shown; a listing of 100,000 annotations would wait for all of them. ``stream_everything``
yields the same annotations, anchored the same way and in the same order (by the path of the
first target's document, then position, then creation), document by document: the store's
index names the documents, and each is read, anchored and listed in its turn, so the first
rows cost one document's work.

* A document is read only if an annotation the user made (not only an imported one) names it,
  with the encoding its annotations remember (else the command's ``--encoding``).
* An annotation whose document was moved is anchored on the file that now has its text, and
  listed under it; one whose file is gone but whose text another document of the store may
  have waits until that document's turn (or the end, if none has it).
* A link is anchored at each end it can be, whichever document comes first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from sidelight.annotations.documents import Document, is_url
from sidelight.annotations.errors import DocumentError
from sidelight.annotations.library import (
    _exists,
    _load_remembered,
    _merge,
    open_annotations,
    remembered_encoding,
)
from sidelight.annotations.model import Annotation
from sidelight.annotations.sources import open_url
from sidelight.annotations.web.snapshots import SnapshotLibrary


class _Store(Protocol):
    @property
    def read_only(self) -> bool: ...
    def changed(self) -> bool: ...
    def reload(self) -> None: ...
    def sources(self) -> list[str]: ...
    def shares_text(self, source: str, fingerprint: str) -> bool: ...
    def for_document(self, source: str, fingerprint: str) -> list[Annotation]: ...
    def replace_unchanged(
        self, pairs: list[tuple[Annotation, Annotation]]
    ) -> list[Annotation]: ...


def order(ann: Annotation) -> tuple[str, int, str]:
    """Document order: the first target's document, its position, then creation."""
    t = ann.targets[0]
    start = t.start
    return (t.source, start if start is not None else -1, ann.created)


@dataclass
class Listing:
    """The documents read so far (by path and by fingerprint), for the caller's columns."""

    by_path: dict[str, Document] = field(default_factory=dict)
    by_print: dict[str, Document] = field(default_factory=dict)
    unreadable: list[DocumentError] = field(default_factory=list)


def stream_everything(
    store: _Store, listing: Listing, encoding: str | None = None,
    library: SnapshotLibrary | None = None,
) -> Iterator[Annotation]:
    """Every annotation of ``store``, anchored where its documents can be read, in ``order``.

    Documents are added to ``listing`` as they are read; one that is there but cannot be read
    is appended to ``listing.unreadable`` (its annotations keep their stored quotes)."""
    anchored: dict[str, dict[str, Annotation]] = {}  # source -> id -> anchored there
    tried: dict[str, Document | None] = {}
    done: set[str] = set()
    waiting: dict[str, Annotation] = {}

    def document(source: str, named_by: list[Annotation]) -> Document | None:
        if source in tried:
            return tried[source]
        doc = None
        if any(not t.imported and t.source == source for a in named_by for t in a.targets):
            doc = _read(source, remembered_encoding(named_by, source), encoding, library,
                        listing.unreadable)
        tried[source] = doc
        if doc is not None:
            listing.by_path[doc.path] = doc
            listing.by_print.setdefault(doc.fingerprint, doc)
        return doc

    def on(source: str) -> list[Annotation]:
        return [a for a in store.for_document(source, "")
                if a.targets[0].source == source or any(t.source == source for t in a.targets)]

    def anchored_on(source: str, named_by: list[Annotation]) -> dict[str, Annotation]:
        if source not in anchored:
            doc = document(source, named_by)
            anchored[source] = ({a.id: a for a in open_annotations(store, doc)}
                                if doc is not None else {})
        return anchored[source]

    for source in store.sources():
        touching = on(source)
        here = anchored_on(source, touching)
        # Asked once per document, not per annotation: a store of 100,000 annotations on
        # files that are gone made a ``stat`` of each.
        gone = tried.get(source) is None and not _exists(source)
        shared: dict[str, bool] = {}
        group: dict[str, Annotation] = {}
        # Per annotation, only what it needs: this loop runs for every annotation of a store.
        for ann in list(here.values()) + [a for a in touching if a.targets[0].source == source]:
            key = ann.id
            if key in done or key in group:
                continue
            if len(ann.targets) > 1:
                ann = _everywhere(ann, here.get(key, ann), anchored_on, on)
            elif here:
                ann = here.get(key, ann)
            first = ann.targets[0]
            if first.source != source:
                continue  # its first target is on another document: listed in that one's turn
            fingerprint = first.fingerprint
            text_elsewhere = shared.get(fingerprint)
            if text_elsewhere is None:
                text_elsewhere = shared[fingerprint] = (gone
                                                        and store.shares_text(source, fingerprint))
            if text_elsewhere:
                waiting[key] = ann  # its text may be in a document still to come
                continue
            group[key] = ann
        done.update(group)
        if waiting:
            for key in group:
                waiting.pop(key, None)
        yield from sorted(group.values(), key=order)
    for ann in sorted(waiting.values(), key=order):
        if ann.id not in done:
            yield ann


def _everywhere(stored: Annotation, ann: Annotation, anchored_on, on) -> Annotation:  # type: ignore[no-untyped-def]
    """``ann`` anchored on each other document its targets name (the ends of a link)."""
    if len(stored.targets) < 2:
        return ann
    for t in stored.targets:
        other = anchored_on(t.source, on(t.source)).get(stored.id)
        if other is not None and other is not ann:
            doc_path = t.source
            ann = _merge(ann, other, _PathOnly(doc_path))  # type: ignore[arg-type]
    return ann


@dataclass(frozen=True)
class _PathOnly:
    path: str


def _read(source: str, remembered: str, encoding: str | None, library: SnapshotLibrary | None,
          unreadable: list[DocumentError]) -> Document | None:
    try:
        if is_url(source):
            return None if library is None else open_url(source, library, offline=True)
        return _load_remembered(source, remembered, encoding)
    except DocumentError as err:
        if _exists(source) or is_url(source):
            unreadable.append(err)
        return None
