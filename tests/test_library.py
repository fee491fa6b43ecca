"""open_annotations: anchored annotations of a document, saved in one write when they moved."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest

from sidelight.annotations.documents import Document, load_document
from sidelight.annotations.errors import DocumentError
from sidelight.annotations.library import _load_remembered, open_annotations
from sidelight.annotations.model import (
    Annotation,
    new_document_note,
    new_highlight,
    new_link,
    quote_target,
)
from sidelight.annotations.store import AnnotationStore

TEXT = (
    "Officials confirmed on Tuesday that the bridge would reopen next month.\n\n"
    "Engineers found no structural damage after a week of inspections, the council said.\n"
)


class CountingStore(AnnotationStore):
    """The real store, counting the writes that open_annotations makes."""

    writes: list[list[Annotation]]

    def replace_unchanged(
        self, pairs: Iterable[tuple[Annotation, Annotation]]
    ) -> list[Annotation]:
        pairs = list(pairs)
        self.writes.append([new for _old, new in pairs])
        return super().replace_unchanged(pairs)


@pytest.fixture
def store(tmp_path: Path) -> CountingStore:
    s = CountingStore(tmp_path / "annotations.json")
    s.writes = []
    return s


def _doc(path: Path, text: str = TEXT) -> Document:
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def _highlight(doc: Document, quote: str) -> Annotation:
    start = doc.text.index(quote)
    return new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, start,
                                      start + len(quote)))


def test_unchanged_document_is_not_written(store: CountingStore, tmp_path: Path) -> None:
    doc = _doc(tmp_path / "a.txt")
    ann = store.add(_highlight(doc, "no structural damage"))
    assert open_annotations(store, doc) == [ann]
    assert store.writes == []


def test_edited_document_re_anchors_and_saves_once(store: CountingStore, tmp_path: Path) -> None:
    doc = _doc(tmp_path / "a.txt")
    kept = store.add(_highlight(doc, "no structural damage"))
    gone = store.add(_highlight(doc, "would reopen next month"))
    note = store.add(new_document_note(doc.path, doc.fingerprint, "check the date"))
    edited = _doc(tmp_path / "a.txt", "UPDATE: corrected.\n\n" + TEXT.replace(
        "that the bridge would reopen next month", "that the bridge stays shut"))
    result = {a.id: a for a in open_annotations(store, edited)}
    assert len(store.writes) == 1 and len(store.writes[0]) == 3
    moved = result[kept.id].target
    assert edited.text[moved.start : moved.end] == "no structural damage"  # type: ignore[misc]
    assert result[gone.id].orphan and result[gone.id].target.exact == "would reopen next month"
    assert result[note.id].target.fingerprint == edited.fingerprint
    # Stored as anchored: a second open finds nothing to change.
    assert store.get(kept.id) == result[kept.id]
    assert open_annotations(store, edited) and len(store.writes) == 1


def test_moved_file_is_found_by_fingerprint(store: CountingStore, tmp_path: Path) -> None:
    old = _doc(tmp_path / "a.txt")
    ann = store.add(_highlight(old, "the council said"))
    new_path = tmp_path / "renamed.txt"
    (tmp_path / "a.txt").rename(new_path)
    moved = load_document(new_path)
    [result] = open_annotations(store, moved)
    assert result.id == ann.id and result.target.source == moved.path
    assert store.get(ann.id).target.source == moved.path  # type: ignore[union-attr]


def test_a_stored_path_the_system_cannot_look_up_names_no_file(
    store: CountingStore, tmp_path: Path
) -> None:
    # An imported annotation may name a path longer than any the file system allows.
    doc = _doc(tmp_path / "a.txt")
    ann = _highlight(doc, "the council said")
    far = replace(ann.target, source=str(tmp_path / ("x" * 300 + ".txt")))
    store.add(replace(ann, targets=(far,)))
    [result] = open_annotations(store, doc)
    assert result.target.source == doc.path


def test_a_copy_does_not_take_the_originals(store: CountingStore, tmp_path: Path) -> None:
    original = _doc(tmp_path / "a.txt")
    store.add(_highlight(original, "the council said"))
    copy = _doc(tmp_path / "copy.txt")
    assert open_annotations(store, copy) == []
    assert store.writes == []


def test_link_to_another_document_keeps_its_far_end(store: CountingStore, tmp_path: Path) -> None:
    a = _doc(tmp_path / "a.txt")
    b = _doc(tmp_path / "b.txt", "The council said the bridge was safe.\n")
    here = _highlight(a, "no structural damage").target
    there = _highlight(b, "the bridge was safe").target
    link = store.add(new_link((here, there), "agrees"))
    edited = _doc(tmp_path / "a.txt", "Intro.\n" + TEXT)
    [result] = open_annotations(store, edited)
    assert result.targets[1] == there
    assert result.targets[0].start == here.start + len("Intro.\n")  # type: ignore[operator]
    assert result.id == link.id


def test_read_only_store_anchors_without_writing(tmp_path: Path) -> None:
    doc = _doc(tmp_path / "a.txt")
    ann = _highlight(doc, "no structural damage")

    class ReadOnly:
        read_only = True

        def changed(self) -> bool:
            return False

        def reload(self) -> None:
            raise AssertionError("not changed")

        def for_document(self, source: str, fingerprint: str) -> list[Annotation]:
            return [ann]

        def replace_unchanged(self, pairs: list[tuple[Annotation, Annotation]]) -> list:
            raise AssertionError("a read-only store is never written")

    edited = _doc(tmp_path / "a.txt", "New first line.\n" + TEXT)
    [result] = open_annotations(ReadOnly(), edited)
    assert result.target.start == ann.target.start + len("New first line.\n")  # type: ignore[operator]
    assert replace(result, targets=ann.targets) == ann


def test_re_anchoring_never_overwrites_a_concurrent_edit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    doc = _doc(path)
    mine = AnnotationStore(tmp_path / "annotations.json")
    ann = mine.add(_highlight(doc, "no structural damage"))
    edited = _doc(path, "New first line.\n" + TEXT)

    class EditedMeanwhile(AnnotationStore):
        """Another process edits the note between our read and our write."""

        def replace_unchanged(self, pairs):  # type: ignore[no-untyped-def]
            AnnotationStore(self.path).put(ann.edited(note="typed in another window"))
            return super().replace_unchanged(pairs)

    [anchored] = open_annotations(EditedMeanwhile(tmp_path / "annotations.json"), edited)
    assert anchored.target.start == ann.target.start + len("New first line.\n")  # type: ignore[operator]
    stored = AnnotationStore(tmp_path / "annotations.json").get(ann.id)
    assert stored is not None and stored.note == "typed in another window"
    # Opened again, the edited annotation is re-anchored on top of the other window's edit.
    [again] = open_annotations(AnnotationStore(tmp_path / "annotations.json"), edited)
    assert again.note == "typed in another window"
    assert again.target.start == anchored.target.start


def test_a_document_changed_on_disk_since_it_was_read_is_anchored_for_display_only(
    store: CountingStore, tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    opened = _doc(path)  # a reader opened this text and keeps it
    ann = store.add(_highlight(opened, "no structural damage"))
    # Someone edits the file; the command line (or a second reader) opens the new text.
    edited = _doc(path, "A new first line.\n" + TEXT)
    [moved] = open_annotations(store, edited)
    assert moved.target.start == ann.target.start + len("A new first line.\n")  # type: ignore[operator]
    writes = len(store.writes)
    # The first reader's next look at the store anchors against its old text: shown, not saved.
    [shown] = open_annotations(store, opened)
    assert shown.target.start == ann.target.start
    assert len(store.writes) == writes
    stored = store.get(ann.id)
    assert stored is not None and stored.target.start == moved.target.start


def test_a_missing_document_leaves_no_reference_cycle(tmp_path: Path) -> None:
    # The error's traceback holds the frames it passed; kept in a local of one of them, it
    # held every caller alive (a whole store being listed) until a cycle collection.
    gc.collect()
    gc.disable()
    try:
        with pytest.raises(DocumentError, match="no such file"):
            _load_remembered(str(tmp_path / "gone.txt"), "cp1252", None)
        assert gc.collect() == 0
    finally:
        gc.enable()
