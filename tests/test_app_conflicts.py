"""Two programs on one store, as a user meets them in the reader: a note saved, a colour
changed, a delete or an undo from what the reader showed, after the command line (or another
reader) changed or deleted the annotation. Nothing acknowledged elsewhere is overwritten,
nothing deleted elsewhere comes back unless the user asks, and typed text stays."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import alpha_beta, pilot_test, reader_app, select_phrase, until

from sidelight.annotations.documents import Document
from sidelight.annotations.model import Annotation, new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.app import SidelightApp
from sidelight.tui.screens.link_dialog import LinkDialog
from sidelight.tui.screens.note_editor import NoteEditor
from sidelight.tui.screens.reader import ReaderScreen


def _shown(app: SidelightApp, ann_id: str) -> str | None:
    """The note the reader's panes show for the annotation (None if they show none)."""
    found = [a.note for a in app.reader.all_annotations() if a.id == ann_id]
    return found[0] if found else None


def _stored(docs: list[Document], db: Path, phrase: str = "council",
            note: str = "original") -> Annotation:
    doc = docs[0]
    at = doc.text.index(phrase)
    ann = new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, at, at + len(phrase)),
                        note=note)
    return AnnotationStore(db).add(ann)


def _other_program(db: Path) -> AnnotationStore:
    """The command line, or a second reader: another store object on the same file."""
    return AnnotationStore(db)


def _in_poll_window(reader: ReaderScreen) -> None:
    """The reader has not polled yet (it polls twice a second): what it shows is old.
    The timer is paused, so a slow machine cannot let a poll slip in."""
    reader.poll_timer.pause()


def _help_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#note-help").render())


@pilot_test
async def test_a_note_saved_after_the_cli_deleted_it_does_not_bring_it_back(
        tmp_path: Path, db_path: Path, config_dir: Path) -> None:
    docs = alpha_beta(tmp_path)
    ann = _stored(docs, db_path)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        _in_poll_window(app.reader)
        await pilot.press("]", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*" and more")
        _other_program(db_path).delete(ann.id)  # sidelight delete X
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Not saved, not resurrected; the editor is still open with the text.
        assert isinstance(app.screen, NoteEditor)
        assert "deleted in another window" in _help_text(app)
        assert app.screen.text == "original and more"
        assert AnnotationStore(db_path).all() == []
        # The user decides: ctrl+s again re-creates it with the text typed.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        (back,) = AnnotationStore(db_path).all()
        assert (back.id, back.note) == (ann.id, "original and more")


@pilot_test
async def test_a_note_saved_after_the_cli_changed_it_keeps_both_until_the_user_decides(
        tmp_path: Path, db_path: Path, config_dir: Path) -> None:
    docs = alpha_beta(tmp_path)
    ann = _stored(docs, db_path)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("]", "a")
        await pilot.pause()
        await pilot.press(*" typed here")
        other = _other_program(db_path)
        other.update(other.get(ann.id), note="IMPORTANT")  # sidelight edit X --note …
        # The reader polls and shows it (the editor keeps its text).
        await until(pilot, lambda: _shown(app, ann.id) == "IMPORTANT", timeout=30)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        help_text = _help_text(app)
        assert "changed in another window" in help_text and "IMPORTANT" in help_text
        assert "your text is kept" in help_text
        assert AnnotationStore(db_path).get(ann.id).note == "IMPORTANT"
        await pilot.press("ctrl+s")  # told, the user saves over it
        await pilot.pause()
        assert AnnotationStore(db_path).get(ann.id).note == "original typed here"


@pilot_test
async def test_a_recolour_in_the_poll_window_after_a_delete_offers_to_re_create(
        tmp_path: Path, db_path: Path, config_dir: Path) -> None:
    docs = alpha_beta(tmp_path)
    ann = _stored(docs, db_path)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        _in_poll_window(reader)
        await pilot.press("]")
        _other_program(db_path).delete(ann.id)
        await pilot.press("c")
        await pilot.pause()
        assert AnnotationStore(db_path).all() == []
        assert "deleted in another window — press R to re-create" in reader.status.message
        assert reader.panes[0].annotations == []  # the pane shows the store as it is
        await pilot.press("R")
        await pilot.pause()
        (back,) = AnnotationStore(db_path).all()
        assert (back.id, back.color, back.note) == (ann.id, "green", "original")
        await pilot.press("u")  # the re-creation is undoable like any change
        await pilot.pause()
        assert AnnotationStore(db_path).all() == []


@pilot_test
async def test_undo_of_a_colour_keeps_the_note_the_cli_saved(
        tmp_path: Path, db_path: Path, config_dir: Path) -> None:
    docs = alpha_beta(tmp_path)
    ann = _stored(docs, db_path)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("]", "c")
        await pilot.pause()
        assert AnnotationStore(db_path).get(ann.id).color == "green"
        other = _other_program(db_path)
        other.update(other.get(ann.id), note="IMPORTANT")
        await until(pilot, lambda: _shown(app, ann.id) == "IMPORTANT", timeout=30)  # shown
        await pilot.press("u")
        await pilot.pause()
        stored = AnnotationStore(db_path).get(ann.id)
        assert (stored.color, stored.note) == ("yellow", "IMPORTANT")


@pilot_test
async def test_undo_after_the_cli_deleted_is_dropped_with_a_message(
        tmp_path: Path, db_path: Path, config_dir: Path) -> None:
    docs = alpha_beta(tmp_path)
    ann = _stored(docs, db_path)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await pilot.press("]", "c")
        await pilot.pause()
        _other_program(db_path).delete(ann.id)
        await pilot.press("u")
        await pilot.pause()
        assert AnnotationStore(db_path).all() == []
        assert "deleted in another window" in reader.status.message
        assert "dropped" in reader.status.message
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo" in reader.status.message
        assert AnnotationStore(db_path).all() == []


@pilot_test
async def test_a_delete_from_an_old_view_keeps_a_note_saved_meanwhile(
        tmp_path: Path, db_path: Path, config_dir: Path) -> None:
    docs = alpha_beta(tmp_path)
    ann = _stored(docs, db_path)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        _in_poll_window(reader)
        await pilot.press("]")
        other = _other_program(db_path)
        other.update(other.get(ann.id), note="just saved")
        await pilot.press("d")
        await pilot.pause()
        assert AnnotationStore(db_path).get(ann.id).note == "just saved"
        assert "not deleted" in reader.status.message
        await pilot.press("d")  # now the user has seen it: deleted as it is
        await pilot.pause()
        assert AnnotationStore(db_path).all() == []


@pilot_test
async def test_a_link_edited_after_another_window_changed_it(
        tmp_path: Path, db_path: Path, config_dir: Path) -> None:
    docs = alpha_beta(tmp_path)
    a, b = docs
    link = AnnotationStore(db_path).add(replace(
        new_highlight(quote_target(a.path, a.fingerprint, a.text, 0, 5)),
        kind="link", relation="agrees", note="theirs",
        targets=(quote_target(a.path, a.fingerprint, a.text, a.text.index("budget"),
                              a.text.index("budget") + 6),
                 quote_target(b.path, b.fingerprint, b.text, b.text.index("budget"),
                              b.text.index("budget") + 6))))
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("]", "a")
        await pilot.pause()
        await pilot.press("3", *" and mine")
        other = _other_program(db_path)
        other.delete(link.id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "deleted in another window" in str(app.screen.query_one("#link-help").render())
        assert AnnotationStore(db_path).all() == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        (back,) = AnnotationStore(db_path).all()
        assert (back.relation, back.note) == ("contradicts", "theirs and mine")


@pilot_test
async def test_link_dialog_digits_typed_in_the_note_never_change_the_relation(
        tmp_path: Path, db_path: Path, config_dir: Path) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await select_phrase(pilot, "council")
        await pilot.press("l", "tab")
        await select_phrase(pilot, "mayor")
        await pilot.press("l")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LinkDialog)
        # 3 picks "contradicts" (the note has focus now); the footer says tab: next field.
        await pilot.press("3", "tab")
        assert "Relation: contradicts" in str(dialog.query_one("#link-chosen").render())
        await pilot.press(*"2014 and 2015 differ")
        assert "Relation: contradicts" in str(dialog.query_one("#link-chosen").render())
        await pilot.press("shift+tab")  # back on the relations, a digit picks again
        await pilot.press("2")
        assert "Relation: agrees" in str(dialog.query_one("#link-chosen").render())
        await pilot.press("shift+tab", "3", "ctrl+s")
        await pilot.pause()
        (link,) = AnnotationStore(db_path).all()
        assert (link.relation, link.note) == ("contradicts", "2014 and 2015 differ")
