"""Pilot tests of what a first use of the reader showed: the status line on an 80-column
terminal, the side panel giving way when the terminal narrows, messages that say where and
what, the orphans in the annotation list."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import (
    ALPHA,
    BETA,
    alpha_beta,
    pilot_test,
    reader_app,
    select_phrase,
    until,
    workers_settled,
)
from textual import events

from sidelight.annotations.documents import Document, load_document
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.app import SidelightApp
from sidelight.tui.screens.export_dialog import ConfirmOverwrite, ExportDialog
from sidelight.tui.settings import Settings
from sidelight.tui.widgets.status import MESSAGE_ROOM, fit_status


@pytest.fixture
def docs(tmp_path: Path) -> list[Document]:
    return alpha_beta(tmp_path)


def _message_width(app: SidelightApp) -> int:
    return app.screen.query_one("#status-message").size.width


def test_fit_status_gives_way_file_name_first_then_progress() -> None:
    mode, full, short, progress = " NORMAL  yellow ", "1/2 alpha.txt 3:9", "1/2 3:9", "9 entities"
    assert fit_status(160, mode, full, short, progress) == (full, True)
    pos, shown = fit_status(80, mode, full, short, progress)
    assert pos == short and shown
    assert fit_status(60, mode, full, short, progress) == (short, False)


@pilot_test
async def test_the_message_stays_readable_at_80_columns(
    db_path: Path, config_dir: Path, tmp_path: Path
) -> None:
    # File names as long as those of the seeds used to leave the message two columns.
    long_a = tmp_path / "000_95310665ade1c0aa.txt"
    long_b = tmp_path / "003_3a0c9eed804c7a9d.txt"
    long_a.write_text(ALPHA)
    long_b.write_text(BETA)
    app = reader_app([load_document(long_a), load_document(long_b)], db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.reader
        reader.status.set_progress("84 entities · 2 differences")
        await pilot.press("h")
        await pilot.pause()
        assert "Nothing selected" in reader.status.message
        assert _message_width(app) >= MESSAGE_ROOM - 2
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        position = str(app.screen.query_one("#status-position").render())
        assert "000_95310665ade1c0aa.txt" in position  # room again for the file name
        assert app.screen.query_one("#status-progress").display


@pilot_test
async def test_side_panel_gives_way_when_the_terminal_narrows(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        side = reader.side
        assert side.display
        await pilot.press("tab", "tab")
        assert app.focused is side.active_list
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert not side.display
        assert app.focused is reader.pane.view  # not left on a hidden list
        assert reader.pane.view.size.width >= 40
        assert "p shows it" in reader.status.message
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        assert side.display
        # Once the user has chosen with p, a resize does not overrule them.
        await pilot.press("p")
        assert not side.display
        await pilot.resize_terminal(60, 20)
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        assert not side.display
        await pilot.press("p")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.press("p")  # shown on purpose in a narrow terminal: it stays
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        assert side.display


@pilot_test
async def test_a_failed_document_pops_up_once(
    docs: list[Document], db_path: Path, config_dir: Path, tmp_path: Path
) -> None:
    failures = [f"{tmp_path / 'missing.txt'}: no such file; check the path",
                f"{tmp_path / 'bin.txt'}: looks like a binary file"]
    app = SidelightApp(docs[:1], AnnotationStore(db_path), failures=failures,
                       settings=Settings())
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert sum("missing.txt" in m for m in shown) == 1
        assert sum("bin.txt" in m for m in shown) == 1
        message = app.reader.status.message
        assert "missing.txt" in message and "1 more" in message


@pilot_test
async def test_the_documents_not_opened_are_all_in_the_message_log(
    docs: list[Document], db_path: Path, config_dir: Path, tmp_path: Path
) -> None:
    from sidelight.tui.screens.message_log import MessageLog

    failures = [f"{tmp_path / 'missing.txt'}: no such file; check the path",
                f"{tmp_path / 'latin.txt'}: not valid UTF-8 at byte 6"]
    app = SidelightApp(docs[:1], AnnotationStore(db_path), failures=failures,
                       settings=Settings())
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        # The status line says "(and 1 more)": m is where the user reads the rest.
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MessageLog)
        logged = [(severity, text) for _, severity, text in app.screen._messages]
        assert logged[:2] == [("error", failures[0]), ("error", failures[1])]


@pilot_test
async def test_counts_are_singular_for_one(
    docs: list[Document], db_path: Path, config_dir: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    app = reader_app(docs[:1], db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await workers_settled(pilot)
        await pilot.pause()
        reader.show_entities([[type("E", (), {"label": "ORG", "start": 0, "end": 5,
                                              "text": "Alpha", "key": "ORG:alpha"})()]])
        assert str(app.screen.query_one("#status-progress").render()) == "1 entity"
        await select_phrase(pilot, "council")
        await pilot.press("h", "x", "1")  # 1: the notes
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert str(tmp_path) in str(dialog.query_one("#export-help").render())
        dialog.query_one("#export-path").value = "notes.md"
        await pilot.press("enter")
        await pilot.pause()
        written = tmp_path / "notes.md"
        assert written.exists()
        # Where the file went, in full, and in English.
        assert f"Exported 1 annotation to {written}" in reader.status.message


@pilot_test
async def test_refusing_to_overwrite_says_how_to_go_on(
    docs: list[Document], db_path: Path, config_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    target.write_text("keep me")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("x", "1")  # 1: the notes
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)
        await pilot.press("n")
        await pilot.pause()
        help_text = str(app.screen.query_one("#export-help").render())
        assert "enter" in help_text and "confirm with y" not in help_text
        assert target.read_text() == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)  # asked again, as it said
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text() != "keep me"


@pilot_test
async def test_enter_on_an_orphan_keeps_the_list_so_d_deletes_it(
    db_path: Path, config_dir: Path, tmp_path: Path
) -> None:
    docs = alpha_beta(tmp_path)
    doc = docs[1]
    store = AnnotationStore(db_path)
    start = BETA.index("Critics")
    kept = store.add(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, start,
                                                start + 7)))
    gone = quote_target(doc.path, doc.fingerprint, "a sentence that is not there " * 3, 2, 20)
    orphan = store.add(new_highlight(gone, note="lost words"))
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        side = reader.side
        # tab awaits the side panel's tabs (mounted after the first frame): the key is
        # handled once they are in place, which a loaded machine reaches after press returns.
        await pilot.press("tab", "tab")
        await until(pilot, lambda: app.focused is side.active_list)
        await pilot.press("down", "enter")
        await until(pilot, lambda: "d deletes" in reader.status.message)
        assert app.focused is side.active_list
        await pilot.press("d")
        await until(pilot, lambda: len(AnnotationStore(db_path).all()) < 2)
        ids = {a.id for a in AnnotationStore(db_path).all()}
        assert ids == {kept.id}, "the orphan, not the other annotation, is deleted"
        assert orphan.id not in ids


@pilot_test
async def test_a_narrow_pane_keeps_its_number_and_title(
    db_path: Path, config_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "dated.txt"
    path.write_text("Council report\n\n" + ALPHA)
    doc = load_document(path)
    store = AnnotationStore(db_path)
    for word in ("council", "mayor", "budget"):
        start = doc.text.index(word)
        store.add(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, start,
                                             start + len(word))))
    gone = quote_target(doc.path, doc.fingerprint, "words that are not there " * 3, 2, 20)
    store.add(new_highlight(gone))
    app = reader_app([doc, *alpha_beta(tmp_path)[:1]], db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.reader.panes[0]
        name = pane.query_one(".pane-name")
        assert name.size.width >= pane.size.width // 3
        assert "1 EN Council" in str(name.render())  # number, language, title


@pilot_test
async def test_help_keys_column_is_as_wide_as_the_keys(
    docs: list[Document], db_path: Path, config_dir: Path
) -> None:
    from rich.console import Console

    from sidelight.tui.screens.help import help_table

    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)):
        rows = app.reader_key_rows()
        console = Console(width=96, record=True)
        console.print(help_table(rows))
        lines = console.export_text().splitlines()
        widest = max(len(r.keys) for r in rows)
        # A section heading is longer than any key: it must not widen the key column.
        assert any(len(r.section) > widest + 4 for r in rows)
        for row in rows:
            line = next(ln for ln in lines if ln.strip().startswith(row.keys + " ")
                        and row.description.split()[0] in ln)
            assert line.index(row.description.split()[0]) <= widest + 3, line
        assert "Change colour of the annotation under the cursor" in "\n".join(lines)


@pilot_test
async def test_tabs_queued_together_each_move_the_focus(
    db_path: Path, config_dir: Path, tmp_path: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await until(pilot, lambda: app.focused is reader.panes[0].view)
        # Both keys wait in the app's queue before the first is handled, as keys typed
        # together on a busy machine do: the second moves on from where the first went.
        app.post_message(events.Key("tab", None))
        app.post_message(events.Key("tab", None))
        await until(pilot, lambda: app.focused is reader.side.active_list)
        await workers_settled(pilot)
