"""Pilot tests of the reader: every key action, persistence, errors, the command palette."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import (
    ALPHA,
    BETA,
    alpha_beta,
    pilot_test,
    reader_app,
    search_phrase,
    select_phrase,
    until,
    workers_settled,
)

from sidelight.annotations.documents import Document, load_document
from sidelight.annotations.errors import StoreError
from sidelight.annotations.locations import seed_paths
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.app import SidelightApp
from sidelight.tui.screens.export_dialog import ConfirmOverwrite, ExportDialog
from sidelight.tui.screens.help import HelpScreen
from sidelight.tui.screens.note_editor import NoteEditor
from sidelight.tui.screens.reader import ReaderScreen
from sidelight.tui.settings import Settings, load_settings
from sidelight.tui.widgets.side_panel import COMPARE_TAB, LEGEND_TAB, NOTES_TAB


def _reader(app: SidelightApp) -> ReaderScreen:
    return app.reader


async def _highlight_phrase(pilot: Any, phrase: str) -> None:
    """Select ``phrase`` in the focused pane and highlight it with ``h``."""
    await select_phrase(pilot, phrase)
    await pilot.press("h")
    await pilot.pause()


@pytest.fixture
def docs(tmp_path: Path) -> list[Document]:
    return alpha_beta(tmp_path)


@pilot_test
async def test_opens_documents_side_by_side_with_titles(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        reader = _reader(app)
        assert [p.document.name for p in reader.panes] == ["alpha.txt", "beta.txt"]
        assert "Alpha report" in str(reader.panes[0].title_text())
        assert "0 annotations" in str(reader.panes[0].meta_text())
        assert app.focused is reader.panes[0].view
        assert not app.query_one("#panes").has_class("stacked")
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        assert app.query_one("#panes").has_class("stacked")


@pilot_test
async def test_search_moves_to_hits_and_wraps(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        view = _reader(app).pane.view
        await search_phrase(pilot, "budget")
        first = ALPHA.index("budget")
        second = ALPHA.index("budget", first + 1)
        assert view.cursor == first
        await pilot.press("n")
        assert view.cursor == second
        await pilot.press("n")
        assert view.cursor == first
        assert "wrapped" in _reader(app).status.message
        await pilot.press("N")
        assert view.cursor == second
        # Smartcase: a capital makes the search case-sensitive.
        await search_phrase(pilot, "Critics")
        assert view.cursor == ALPHA.index("Critics")
        await search_phrase(pilot, "nowhere to be found")
        assert "not found in this pane" in _reader(app).status.message


@pilot_test
async def test_highlight_selection_is_saved_and_undone(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = _reader(app)
        await select_phrase(pilot, "the budget")
        assert reader.pane.view.selection == (
            ALPHA.index("the budget"), ALPHA.index("the budget") + len("the budget"),
        )
        await pilot.press("2")  # green
        await pilot.press("h")
        await pilot.pause()
        stored = AnnotationStore(db_path).all()
        assert [(a.target.exact, a.color) for a in stored] == [("the budget", "green")]
        assert reader.pane.view.selection is None
        assert len(reader.pane.annotations) == 1
        assert "1 annotation" in str(reader.pane.meta_text())
        await pilot.press("u")
        await pilot.pause()
        assert AnnotationStore(db_path).all() == []
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert [a.target.exact for a in AnnotationStore(db_path).all()] == ["the budget"]


@pilot_test
async def test_h_without_selection_explains(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("h")
        assert "Nothing selected" in _reader(app).status.message
        assert AnnotationStore(db_path).all() == []


@pilot_test
async def test_note_editor_saves_with_ctrl_s_and_edits(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await select_phrase(pilot, "declined")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"why", "enter", *"not")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        (ann,) = AnnotationStore(db_path).all()
        assert (ann.target.exact, ann.note) == ("declined", "why\nnot")
        # The cursor is on the new annotation: a edits its note.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == "why\nnot"
        await pilot.press("!", "ctrl+s")
        await pilot.pause()
        (ann,) = AnnotationStore(db_path).all()
        assert ann.note == "why\nnot!"


@pilot_test
async def test_escape_leaves_the_editor_after_a_warning(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await select_phrase(pilot, "mayor")
        await pilot.press("a", *"draft")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)  # typed text: one more escape to discard
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert AnnotationStore(db_path).all() == []


@pilot_test
async def test_failed_save_keeps_the_editor_and_the_text(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = _reader(app)
        real_add = reader.store.add

        def failing_add(ann):  # type: ignore[no-untyped-def]
            raise StoreError(f"{db_path}: disk full; free some space")

        reader.store.add = failing_add  # type: ignore[method-assign]
        await select_phrase(pilot, "mayor")
        await pilot.press("a", *"keep me", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == "keep me"
        reader.store.add = real_add  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert [a.note for a in AnnotationStore(db_path).all()] == ["keep me"]


@pilot_test
async def test_document_note_colour_cycle_and_delete(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("A", *"about the whole piece", "ctrl+s")
        await pilot.pause()
        notes = [a for a in AnnotationStore(db_path).all() if a.kind == "note"]
        assert [n.note for n in notes] == ["about the whole piece"]
        await select_phrase(pilot, "council")
        await pilot.press("h", "c")
        await pilot.pause()
        (hl,) = [a for a in AnnotationStore(db_path).all() if a.kind == "highlight"]
        assert hl.color == "green"
        await pilot.press("d")
        await pilot.pause()
        assert [a.kind for a in AnnotationStore(db_path).all()] == ["note"]
        await pilot.press("d")
        assert "No annotation under the cursor" in _reader(app).status.message


@pilot_test
async def test_next_and_previous_annotation(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    doc = docs[0]
    store = AnnotationStore(db_path)
    starts = [ALPHA.index("council"), ALPHA.index("Critics"), ALPHA.index("declined")]
    for s in starts:
        store.add(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, s, s + 5)))
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        view = _reader(app).pane.view
        visited = []
        for _ in range(3):
            await pilot.press("right_square_bracket")
            visited.append(view.cursor)
        assert visited == starts
        await pilot.press("right_square_bracket")
        assert view.cursor == starts[0]
        assert "wrapped to the first" in _reader(app).status.message
        await pilot.press("left_square_bracket")
        assert view.cursor == starts[-1]


@pilot_test
async def test_panel_lists_annotations_with_orphans_and_jumps(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    doc = docs[1]
    store = AnnotationStore(db_path)
    start = BETA.index("Critics")
    store.add(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, start, start + 7)))
    gone = quote_target(doc.path, doc.fingerprint, "a sentence that is not there " * 3, 2, 20)
    store.add(new_highlight(gone, note="lost words"))
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = _reader(app)
        side = reader.side
        assert side.display  # wide enough to open beside the documents
        entries = side.entries
        assert len(entries) == 2
        assert entries[0].start == start and entries[1].start is None
        assert entries[1].annotation.orphan
        assert "orphan" in str(reader.panes[1].meta_text())
        await pilot.press("tab", "tab")  # pane 1 → pane 2 → the list
        assert app.focused is side.active_list
        await pilot.press("down", "up", "enter")
        await pilot.pause()
        assert app.focused is reader.panes[1].view
        assert reader.panes[1].view.cursor == start
        await pilot.press("shift+tab")
        assert app.focused is reader.panes[0].view
        await pilot.press("p")
        assert not side.display
        await pilot.press("p")
        assert side.display
        await pilot.press("L")
        assert side.tab == LEGEND_TAB
        await pilot.press("L")
        assert side.tab == COMPARE_TAB
        await pilot.press("L")
        assert side.tab == NOTES_TAB


@pilot_test
async def test_entities_legend_and_mentions_across_panes(
    db_path: Path, config_dir: Path
) -> None:
    docs = [load_document(p) for p in seed_paths()[:2]]
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await workers_settled(pilot)
        await pilot.pause()
        reader = _reader(app)
        assert reader.entities is not None
        assert "entities" in str(app.query_one("#status-progress").render())
        first, second = reader.panes
        shared = {e.key for e in first.entities} & {e.key for e in second.entities}
        assert shared, "the seeds share entities"
        # ) walks entities in order.
        await pilot.press("right_parenthesis")
        assert first.view.cursor == first.entities[0].start
        await pilot.press("right_parenthesis")
        assert first.view.cursor == first.entities[1].start
        await pilot.press("left_parenthesis")
        assert first.view.cursor == first.entities[0].start
        # * goes to the next mention of the same entity, crossing into the other pane.
        key = next(e.key for e in first.entities if e.key in shared)
        ent = next(e for e in first.entities if e.key == key)
        first.view.move_cursor(ent.start)
        mentions = [(0, e.start) for e in first.entities if e.key == key] + [
            (1, e.start) for e in second.entities if e.key == key
        ]
        for expected in mentions[1:]:
            await pilot.press("asterisk")
            await pilot.pause()
            assert (reader.pane.index, reader.pane.view.cursor) == expected
        await pilot.press("asterisk")
        await pilot.pause()
        assert (reader.pane.index, reader.pane.view.cursor) == mentions[0]
        await pilot.press("number_sign")
        await pilot.pause()
        assert (reader.pane.index, reader.pane.view.cursor) == mentions[-1]
        # The legend hides a label; entity motions then skip it.
        label = ent.label
        reader.toggle_label(label)
        assert label in reader.hidden_labels
        assert label not in {e.label for e in reader._visible_entities(first)}
        reader.toggle_label(label)
        assert label not in reader.hidden_labels


@pilot_test
async def test_legend_toggles_with_the_keyboard(db_path: Path, config_dir: Path) -> None:
    docs = [load_document(p) for p in seed_paths()[:2]]
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await workers_settled(pilot)
        await pilot.pause()
        reader = _reader(app)
        await pilot.press("L", "tab", "tab")
        assert app.focused is reader.side.active_list
        first_label = next(iter(reader.side.label_order()))
        await pilot.press("space")
        await pilot.pause()
        assert reader.hidden_labels == {first_label}
        await pilot.press("space")
        await pilot.pause()
        assert reader.hidden_labels == set()


@pilot_test
async def test_export_writes_markdown_and_asks_before_overwriting(
    docs: list[Document], db_path: Path, config_dir: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await select_phrase(pilot, "the budget")
        await pilot.press("a", *"check numbers", "ctrl+s")
        await pilot.press("x", "1")  # 1: the notes
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        out = tmp_path / "sidelight-notes.md"
        text = out.read_text()
        assert "the budget" in text and "check numbers" in text
        out.write_text("keep me")
        await pilot.press("x", "1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert out.read_text() == "keep me"
        await pilot.press("enter", "y")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "check numbers" in out.read_text()
        await pilot.press("x", "escape")
        assert isinstance(app.screen, ReaderScreen)


@pilot_test
async def test_help_lists_every_action_and_closes(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.reader_key_rows()
        descriptions = {r.description for r in rows}
        for wanted in ("Highlight", "Note", "Search", "Next pane", "Undo", "Redo", "Export",
                       "Next mention of the entity under the cursor", "Quit", "Help"):
            assert wanted in descriptions
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@pilot_test
async def test_command_palette_runs_pane_actions(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        titles = {c.title for c in app.get_system_commands(_reader(app))}
        assert {"Highlight", "Search", "Export", "Theme"} <= titles
        await select_phrase(pilot, "council")
        await pilot.press("ctrl+p", *"Highlight")
        from textual.command import CommandList

        # The palette searches its commands in the background.
        await until(pilot, lambda: app.screen.query_one(CommandList).highlighted is not None)
        await pilot.press("enter")
        await until(pilot, lambda: len(AnnotationStore(db_path).all()) > 0)
        assert [a.target.exact for a in AnnotationStore(db_path).all()] == ["council"]


@pilot_test
async def test_keymap_from_settings_remaps(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path, keymap={"sidelight.highlight": "H"})
    async with app.run_test(size=(160, 50)) as pilot:
        await select_phrase(pilot, "council")
        await pilot.press("h")
        assert AnnotationStore(db_path).all() == []
        await pilot.press("H")
        await pilot.pause()
        assert len(AnnotationStore(db_path).all()) == 1
        assert any(r.keys == "H" and r.description == "Highlight" for r in app.reader_key_rows())


@pilot_test
async def test_theme_choice_is_remembered(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = SidelightApp(docs, AnnotationStore(db_path))
    async with app.run_test(size=(160, 50)) as pilot:
        dark_palette = _reader(app).palette
        app.theme = "textual-light"
        await pilot.pause()
        assert load_settings().theme == "textual-light"
        assert not _reader(app).palette.dark and dark_palette.dark
    again = SidelightApp(docs, AnnotationStore(db_path))
    async with again.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


@pilot_test
async def test_changes_from_another_process_appear_and_nothing_is_lost(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = _reader(app)
        doc = docs[1]
        other = AnnotationStore(db_path)  # a second writer, as the CLI would be
        s = BETA.index("mayor")
        outside = other.add(new_highlight(
            quote_target(doc.path, doc.fingerprint, doc.text, s, s + 5), note="from the CLI"
        ))
        await until(pilot, lambda: bool(reader.panes[1].annotations), timeout=30)
        assert [a.id for a in reader.panes[1].annotations] == [outside.id]
        assert "another program" in reader.status.message
        await _highlight_phrase(pilot, "council")
        ids = {a.id for a in AnnotationStore(db_path).all()}
        assert outside.id in ids and len(ids) == 2


@pilot_test
async def test_store_error_while_polling_keeps_the_reader_alive(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = _reader(app)
        await _highlight_phrase(pilot, "council")
        db_path.write_text("{ this is not json")
        reader.poll_store()
        await pilot.pause()
        assert app.is_running
        assert str(db_path) in reader.status.message or "annotations" in reader.status.message
        assert len(reader.pane.annotations) == 1  # the last good view stays


@pilot_test
async def test_a_file_that_cannot_be_opened_is_named(
    docs: list[Document], db_path: Path, config_dir: Path, tmp_path: Path
) -> None:
    failure = f"{tmp_path / 'missing.txt'}: no such file; check the path"
    app = SidelightApp(docs[:1], AnnotationStore(db_path), failures=[failure],
                       settings=Settings())
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert "missing.txt" in _reader(app).status.message
        assert any("missing.txt" in n.message for n in app._notifications)
        assert len(_reader(app).panes) == 1


@pilot_test
async def test_an_empty_document_says_so(
    db_path: Path, config_dir: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    app = reader_app([load_document(empty)], db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = _reader(app)
        assert "empty" in reader.status.message
        assert "empty document" in str(reader.pane.meta_text())
        await pilot.press("v", "h", "slash", *"x", "enter", "right_square_bracket")
        assert app.is_running


@pilot_test
async def test_quit(docs: list[Document], db_path: Path, config_dir: Path) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


def test_cli_with_no_openable_file_fails_before_the_app(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sidelight.tui.cli import main

    assert main([str(tmp_path / "nope.txt"), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sidelight: ") and "nope.txt" in err and err.count("\n") == 1


def test_cli_rejects_five_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sidelight.tui.cli import main

    with pytest.raises(SystemExit) as exc:
        main([f"{i}.txt" for i in range(5)])
    assert exc.value.code == 2


@pilot_test
async def test_a_file_changed_on_disk_is_announced_and_not_re_anchored_from_the_old_text(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = _reader(app)
        await _highlight_phrase(pilot, "council")
        [ann] = AnnotationStore(db_path).all()
        path = Path(docs[0].path)
        path.write_text("A line added above.\n" + path.read_text(encoding="utf-8"))
        # The command line opens the new text and moves the highlight...
        from sidelight.annotations.library import open_annotations

        [moved] = open_annotations(AnnotationStore(db_path), load_document(path))
        assert moved.target.start == ann.target.start + len("A line added above.\n")  # type: ignore[operator]
        reader.poll_store()
        await pilot.pause()
        # ...the reader says the file changed, and does not move it back to the old text.
        assert any("changed on disk" in n.message for n in app._notifications)
        [stored] = AnnotationStore(db_path).all()
        assert stored.target.start == moved.target.start
        reader.poll_store()
        await pilot.pause()
        assert sum("changed on disk" in n.message for n in app._notifications) == 1
