"""Pilot tests of documents in the reader: reload in place, open into a new pane (with path
completion), close a pane; hints that name the user's keys; unknown keymap ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ALPHA, alpha_beta, compared, pilot_test, reader_app, select_phrase

from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.keys import keymap_of
from sidelight.tui.screens.open_dialog import OpenDialog, complete_path


def _highlight(db_path: Path, doc, phrase: str) -> None:  # type: ignore[no-untyped-def]
    start = doc.text.index(phrase)
    AnnotationStore(db_path).add(new_highlight(
        quote_target(doc.path, doc.fingerprint, doc.text, start, start + len(phrase))))


def _third_document(tmp_path: Path) -> Path:
    third = tmp_path / "gamma-report.txt"
    third.write_text("Gamma report\n\nThe mayor resigned on Tuesday.\n")
    return third


async def _open_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OpenDialog)


def test_path_completion_adds_the_shared_part_and_a_slash_for_folders(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "wire.txt").write_text("x")
    (tmp_path / "review-a.md").write_text("x")
    (tmp_path / "review-b.md").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    base = str(tmp_path) + "/"
    assert complete_path(base + "rep") == base + "reports/"
    assert complete_path(base + "reports/w") == base + "reports/wire.txt"
    assert complete_path(base + "rev") == base + "review-"
    assert complete_path(base + "review-") is None  # two choices, nothing shared to add
    assert complete_path(base + ".h") == base + ".hidden"
    assert complete_path(base + "nothing") is None
    assert complete_path("https://example.org/a") is None


def test_the_keymap_is_where_textual_keeps_it() -> None:
    from textual.app import App

    app = App()
    app.set_keymap({"sidelight.highlight": "H"})
    # Fails loudly when Textual moves its private keymap: sidelight.tui.keys.keymap_of reads it.
    assert keymap_of(app) == {"sidelight.highlight": "H"}


@pilot_test
async def test_f5_reloads_a_changed_document_and_says_what_moved(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    docs = alpha_beta(tmp_path)
    _highlight(db_path, docs[0], "declined to comment")
    _highlight(db_path, docs[0], "The council met")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert "has not changed" in app.reader.status.message
        Path(docs[0].path).write_text(ALPHA.replace("The council met on Monday. ", "")
                                      .replace("Alpha report", "Alpha report, updated"))
        await pilot.press("f5")
        await pilot.pause()
        reader = app.reader
        assert "updated" in reader.panes[0].document.text
        message = reader.status.message
        assert "reloaded: 2 annotations" in message
        assert "1 moved, 1 orphaned" in message
        assert app.focused is reader.panes[0].view
        # The undo history survived the reload.
        assert reader.session is not None


@pilot_test
async def test_f5_says_which_highlights_now_sit_on_changed_words(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    # A figure edited under a highlight: the highlight follows it, and the reader must not
    # call that unchanged, since the note was written about the old figure.
    docs = alpha_beta(tmp_path)
    _highlight(db_path, docs[0], "The council met on Monday.")
    _highlight(db_path, docs[0], "declined to comment")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        Path(docs[0].path).write_text(ALPHA.replace("met on Monday.", "met on Tuesday."))
        await pilot.press("f5")
        await pilot.pause()
        message = app.reader.status.message
        # "declined to comment" sits a character later: moved, on the words it had.
        assert "reloaded: 2 annotations on it, 0 unchanged, 1 moved, 1 on changed words " \
            "(check its note), 0 orphaned" in message, message


@pilot_test
async def test_o_opens_a_document_into_a_new_pane_and_ctrl_w_closes_it(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    docs = alpha_beta(tmp_path)
    third = _third_document(tmp_path)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await _open_dialog(pilot)
        field = app.screen.query_one("#open-path")
        field.value = str(tmp_path / "nope.txt")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenDialog)  # the error is shown, the path can be fixed
        field.value = str(tmp_path / "gam")
        await pilot.press("tab")
        assert field.value == str(third)
        await pilot.press("enter")
        await pilot.pause()
        reader = app.reader
        assert [p.document.name for p in reader.panes] == [
            "alpha.txt", "beta.txt", "gamma-report.txt"]
        assert app.focused is reader.panes[2].view
        assert "Opened gamma-report.txt in pane 3" in reader.status.message
        await pilot.press("ctrl+w")
        await pilot.pause()
        reader = app.reader
        assert [p.document.name for p in reader.panes] == ["alpha.txt", "beta.txt"]
        assert "Closed gamma-report.txt" in reader.status.message
        await pilot.press("ctrl+w", "ctrl+w")
        await pilot.pause()
        assert [p.document.name for p in app.reader.panes] == ["alpha.txt"]
        assert "stays open" in app.reader.status.message


@pilot_test
async def test_hints_name_the_users_keys_and_unknown_ids_are_reported_once(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path,
                     keymap={"sidelight.highlight": "H", "sidelight.bogus": "z"})
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        reader = app.reader
        assert "H highlight" in reader.status.message
        warnings = [n.message for n in app._notifications if "sidelight.bogus" in n.message]
        assert len(warnings) == 1
        await select_phrase(pilot, "the budget")
        await pilot.pause()
        assert "H highlight" in reader.status.message
        await pilot.press("escape", "H")
        await pilot.pause()
        assert "then H" in reader.status.message
        help_rows = {row.action: row.keys for row in app.reader_key_rows()}
        assert help_rows["screen.highlight"] == "H"


@pytest.mark.parametrize("n", [4])
@pilot_test
async def test_o_says_when_four_documents_are_open(
    n: int, tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    from sidelight.annotations.documents import load_document

    paths = []
    for i in range(n):
        p = tmp_path / f"d{i}.txt"
        p.write_text(f"Document {i}\n\nText.\n")
        paths.append(load_document(p))
    app = reader_app(paths, db_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert "at most 4" in app.reader.status.message and "^w" in app.reader.status.message


def test_tab_with_several_choices_lists_them(tmp_path: Path) -> None:
    from sidelight.tui.screens.open_dialog import path_choices

    (tmp_path / "000_a.txt").write_text("x")
    (tmp_path / "003_b.txt").write_text("x")
    (tmp_path / "00dir").mkdir()
    assert path_choices(str(tmp_path) + "/00") == ["000_a.txt", "003_b.txt", "00dir/"]
    assert complete_path(str(tmp_path) + "/00") is None


@pilot_test
async def test_x_offers_the_comparison_report_and_json_ld(
    tmp_path: Path, db_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from sidelight.tui.screens.export_dialog import ExportChoice, ExportDialog

    monkeypatch.chdir(tmp_path)
    docs = alpha_beta(tmp_path)
    _highlight(db_path, docs[0], "the budget")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await compared(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportChoice)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        report = (tmp_path / "sidelight-comparison.md").read_text()
        assert "alpha.txt" in report or "Alpha report" in report
        assert "comparison of 2 documents" in app.reader.status.message
        await pilot.press("x", "3", "enter")
        await pilot.pause()
        collection = json.loads((tmp_path / "sidelight-annotations.jsonld").read_text())
        assert collection["type"] == "AnnotationCollection" and collection["total"] == 1
        assert "Exported 1 annotation" in app.reader.status.message


@pilot_test
async def test_tab_completes_what_was_typed_just_before_it(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    from textual import events

    docs = alpha_beta(tmp_path)
    third = _third_document(tmp_path)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await _open_dialog(pilot)
        # At paste speed: every key is queued before the first is handled, as a terminal
        # delivers a pasted path followed by tab.
        for char in str(tmp_path / "gam"):
            app.post_message(events.Key(char, char))
        app.post_message(events.Key("tab", None))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#open-path").value == str(third)


@pilot_test
async def test_x_comparison_report_holds_the_link_notes_as_compare_does(
    tmp_path: Path, db_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sidelight.annotations.model import new_link

    monkeypatch.chdir(tmp_path)
    docs = alpha_beta(tmp_path)
    targets = []
    for doc, phrase in ((docs[0], "the budget was final"), (docs[1], "presented the budget")):
        start = doc.text.index(phrase)
        targets.append(quote_target(doc.path, doc.fingerprint, doc.text, start,
                                    start + len(phrase)))
    AnnotationStore(db_path).add(new_link(tuple(targets), "contradicts",
                                          "final or only presented?"))
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await compared(pilot)
        await pilot.press("x", "2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        report = (tmp_path / "sidelight-comparison.md").read_text()
    links = report.split("## Link notes", 1)[1]
    assert "No link notes" not in links
    assert "contradicts" in links and "final or only presented?" in links
    assert "the budget was final" in links and "presented the budget" in links


@pilot_test
async def test_o_on_a_file_of_another_encoding_says_where_to_give_it(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le ministre a parlé à Paris.\n".encode("latin-1"))
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await _open_dialog(pilot)
        app.screen.query_one("#open-path").value = str(latin)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenDialog)
        said = str(app.screen.query_one("#open-help").render())
        # The prompt takes a path only: the hint is to start sidelight with the option.
        assert "not valid UTF-8" in said and "start sidelight with --encoding" in said, said
