"""A reader with thousands of annotations on a document: a change costs what it changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import chrome_mounted, pilot_test, reader_app

import sidelight.annotations.library as library
from sidelight.annotations.documents import load_document
from sidelight.annotations.library import Memo, open_annotations
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.widgets.side_lists import AnnotationList

WORDS = "The council met on Monday and the mayor said the budget was final. " * 400


def _store_with(tmp_path: Path, db: Path, n: int) -> tuple[AnnotationStore, Path]:
    path = tmp_path / "long.txt"
    path.write_text(WORDS, encoding="utf-8")
    doc = load_document(path)
    store = AnnotationStore(db)
    store.put_many(
        new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, s, s + 20),
                      note="a note that is much longer than the side panel is wide " * 3)
        for s in range(0, 60 * n, 60))
    return store, path


def test_only_changed_annotations_are_anchored_again(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store, path = _store_with(tmp_path, tmp_path / "a.json", 50)
    doc = load_document(path)
    memo: Memo = {}
    first = open_annotations(store, doc, memo)
    anchored: list[str] = []
    real = library.anchor_annotation

    def counting(ann, *args, **kwargs):  # type: ignore[no-untyped-def]
        anchored.append(ann.id)
        return real(ann, *args, **kwargs)

    monkeypatch.setattr(library, "anchor_annotation", counting)
    added = store.add(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, 5, 12)))
    second = open_annotations(store, doc, memo)
    assert anchored == [added.id]
    assert {a.id for a in second} == {a.id for a in first} | {added.id}
    # Another program's edit is a new record: anchored again, and shown as it is now.
    edited = AnnotationStore(store.path).update(first[0], note="edited elsewhere")
    third = open_annotations(store, doc, memo)
    assert edited.id in anchored and next(a for a in third if a.id == edited.id).note == (
        "edited elsewhere")


@pilot_test
async def test_long_list_rows_are_cut_not_wrapped_and_kept(tmp_path: Path, db_path: Path) -> None:
    _, path = _store_with(tmp_path, db_path, 300)
    app = reader_app([load_document(path)], db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        # The list is mounted in the frames after the first: a loaded machine gets to it later.
        await chrome_mounted(pilot)
        listing = app.screen.query_one(AnnotationList)
        assert listing.row_count == 300
        # Two lines per highlight with a note, however long the note: nothing is measured.
        assert listing.virtual_size.height == 600
        rows = list(listing._rows)
        await pilot.press("end")  # far down the document: the list is not rebuilt
        app.screen.reload_annotations()
        assert all(a is b for a, b in zip(listing._rows, rows, strict=True))
        listing.focus()
        listing.highlighted = 299
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.pane.view
        assert view.cursor == 299 * 60


@pilot_test
async def test_a_highlight_changes_one_row_and_draws_like_a_full_redraw(
        tmp_path: Path, db_path: Path) -> None:
    """A new highlight and its undo touch one row of the list and the spans they cover; what
    is listed and drawn is then what a fresh reader shows."""
    _, path = _store_with(tmp_path, db_path, 300)
    doc = load_document(path)
    app = reader_app([doc], db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await chrome_mounted(pilot)
        screen = app.screen
        listing = screen.query_one(AnnotationList)
        rows = list(listing._rows)
        view = screen.pane.view
        view.move_cursor(90)
        view.start_visual()
        view.move_cursor(110)
        await pilot.press("h")
        await pilot.pause()
        assert listing.row_count == 301
        kept = [r for r in listing._rows if r in rows]
        assert len(kept) == 300  # the other rows are the very same objects
        new = next(e for e in screen.side.entries if e.start == 90)
        assert new.annotation.target.exact == doc.text[90:111]

        fresh = reader_app([doc], db_path)
        async with fresh.run_test(size=(160, 50)) as other:
            await chrome_mounted(other)
            assert [(e.pane, e.annotation.id, e.start) for e in fresh.screen.side.entries] == [
                (e.pane, e.annotation.id, e.start) for e in screen.side.entries]
            for offset in (0, 85, 95, 100, 120, 200 * 60 + 5):
                assert view._layers.spans_in(offset, offset + 1) == (
                    fresh.screen.pane.view._layers.spans_in(offset, offset + 1))

        await pilot.press("u")
        await pilot.pause()
        assert listing.row_count == 300
        assert all(a is b for a, b in zip(listing._rows, rows, strict=True))
        assert not view._layers.spans_in(100, 101) or all(
            s != 90 for s, _e, _st in view._layers.spans_in(100, 101))
