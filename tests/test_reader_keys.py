"""Pilot tests of the reader's second pass: colours by number, one document note, undo that
says what and where, links across documents only, messages (cleared, whole, logged),
selecting a sentence or a paragraph, the mouse wheel."""

from __future__ import annotations

from pathlib import Path

from conftest import ALPHA, alpha_beta, pilot_test, reader_app, search_phrase, select_phrase
from textual import events

from sidelight.annotations.model import COLORS, new_document_note, new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.screens.message_log import MessageLog
from sidelight.tui.screens.note_editor import NoteEditor
from sidelight.tui.text_objects import paragraph_at, sentence_at
from sidelight.tui.view.document_view import WHEEL_ROWS


def _highlight(db_path: Path, doc, phrase: str, color: str = "yellow") -> None:  # type: ignore[no-untyped-def]
    start = doc.text.index(phrase)
    AnnotationStore(db_path).add(new_highlight(
        quote_target(doc.path, doc.fingerprint, doc.text, start, start + len(phrase)),
        color=color))


def test_sentence_and_paragraph_around_an_offset() -> None:
    text = "Title\n\nOne two. Three four five.\n\nLast one."
    three = text.index("Three")
    assert sentence_at(text, three + 2) == (three, text.index("five.") + 5)
    # Between sentences (on the space): the next one.
    assert sentence_at(text, three - 1) == (three, text.index("five.") + 5)
    assert paragraph_at(text, three) == (text.index("One"), text.index("five.") + 5)
    # On the blank line: the paragraph after it.
    assert paragraph_at(text, text.index("Last") - 1) == (text.index("Last"), len(text))
    assert sentence_at("", 0) is None and paragraph_at("  \n", 0) is None


@pilot_test
async def test_number_keys_recolour_the_annotation_under_the_cursor(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    docs = alpha_beta(tmp_path)
    _highlight(db_path, docs[0], "the budget")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await pilot.press("right_square_bracket", "3")
        await pilot.pause()
        (ann,) = AnnotationStore(db_path).all()
        assert ann.color == COLORS[2]
        assert f"Colour of “the budget”: {COLORS[2]}" in reader.status.message
        assert reader.color == "yellow"  # new highlights keep their colour
        await pilot.press("u")
        await pilot.pause()
        assert AnnotationStore(db_path).all()[0].color == "yellow"
        assert "“the budget” in pane 1" in reader.status.message
        # Off any annotation the number picks the colour of the next highlights.
        await pilot.press("G", "2")
        assert reader.color == COLORS[1] and "New highlights" in reader.status.message


@pilot_test
async def test_A_edits_the_document_note_instead_of_adding_another(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    docs = alpha_beta(tmp_path)
    doc = docs[0]
    AnnotationStore(db_path).add(new_document_note(doc.path, doc.fingerprint, "first take"))
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.screen.text == "first take"
        await pilot.press(*"!", "ctrl+s")
        await pilot.pause()
        notes = [a.note for a in AnnotationStore(db_path).all()]
        assert notes == ["first take!"]


@pilot_test
async def test_undo_and_redo_say_what_and_where(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await pilot.press("tab")
        await select_phrase(pilot, "presented")
        await pilot.press("h", "u")
        await pilot.pause()
        assert reader.status.message.startswith("Undone: highlight “presented” in pane 2")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert reader.status.message.startswith("Redone: highlight “presented” in pane 2")


@pilot_test
async def test_a_link_within_one_document_is_refused_with_the_reason(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await select_phrase(pilot, "council")
        await pilot.press("l")
        await select_phrase(pilot, "Critics")
        await pilot.press("l")
        await pilot.pause()
        assert "two documents" in reader.status.message
        assert reader.pending_link is not None  # still waiting for the other passage
        assert AnnotationStore(db_path).all() == []


@pilot_test
async def test_messages_clear_when_untrue_pop_up_when_cut_and_are_logged(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.reader
        await select_phrase(pilot, "the budget")
        await pilot.pause()
        assert "characters selected" in reader.status.message
        await pilot.press("escape")
        await pilot.pause()
        assert "characters selected" not in reader.status.message
        await select_phrase(pilot, "the budget")
        await pilot.press("l")  # a long instruction, cut at 80 columns
        await pilot.pause()
        long = reader.status.message
        assert long.startswith("Link from") and not reader.status.fits(long)
        assert long in [n.message for n in app._notifications]
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MessageLog)
        assert any(text == long for _, _, text in app.screen._messages)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MessageLog)


@pilot_test
async def test_V_selects_the_sentence_then_the_paragraph(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        view = app.reader.pane.view
        await search_phrase(pilot, "said the budget")
        await pilot.press("V")
        start = ALPHA.index("The mayor said")
        assert view.selection == (start, ALPHA.index("final.") + len("final."))
        await pilot.press("V")
        assert view.selection == (ALPHA.index("The council"), ALPHA.index("final.") + 6)
        await pilot.press("h")
        await pilot.pause()
        (ann,) = AnnotationStore(db_path).all()
        assert ann.target.exact.startswith("The council met") and ann.target.exact.endswith(
            "was final.")


@pilot_test
async def test_a_wheel_notch_scrolls_three_rows(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(f"Paragraph {i}. " + "word " * 30 for i in range(80)))
    from sidelight.annotations.documents import load_document

    app = reader_app([load_document(long)], db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.reader.pane.view
        for _ in range(2):
            view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
            await pilot.pause()
        assert round(view.scroll_y) == 2 * WHEEL_ROWS == 6
        view.post_message(events.MouseScrollUp(view, 5, 5, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert round(view.scroll_y) == WHEEL_ROWS


def test_without_colour_highlights_are_underlined_and_entities_bold() -> None:
    from sidelight.tui.colors import palette_for

    mono = palette_for("#000000", mono=True)
    colour = palette_for("#000000", mono=False)
    assert "underline" in mono.highlight("yellow") and "underline" not in colour.highlight(
        "yellow")
    assert mono.entity("PERSON").startswith("bold ") and "bold" not in colour.entity("PERSON")


@pilot_test
async def test_NO_COLOR_marks_a_highlight_without_colour(
    tmp_path: Path, db_path: Path, config_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    docs = alpha_beta(tmp_path)
    _highlight(db_path, docs[0], "the budget")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        reader = app.reader
        assert reader.palette.mono
        view = reader.pane.view
        offset = docs[0].text.index("the budget")
        row = view.wrap_index.row_of_offset(offset) - round(view.scroll_y)
        styled = [seg for seg in view.render_line(row) if "budget" in seg.text]
        assert styled and all(seg.style is not None and seg.style.underline for seg in styled)


@pilot_test
async def test_the_side_panel_focus_is_shown_and_document_keys_there_say_so(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert reader.in_side_panel()
        assert "side panel: annotations" in str(
            reader.status.query_one("#status-position").render())
        for key in ("n", "3"):
            await pilot.press(key)
            await pilot.pause()
            assert reader.status.message.startswith(f"{key} acts on a document: esc")
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is reader.pane.view
        assert "2/2" in str(reader.status.query_one("#status-position").render())


@pilot_test
async def test_one_character_selected_is_said_in_the_singular(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert app.reader.status.message.startswith("1 character selected:")
        await pilot.press("right")  # the selection widens to two characters
        await pilot.pause()
        assert app.reader.status.message.startswith("2 characters selected:")


@pilot_test
async def test_star_off_an_entity_names_the_entity_keys_the_user_has(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    from conftest import until

    app = reader_app(alpha_beta(tmp_path), db_path,
                     keymap={"sidelight.next_entity": "E", "sidelight.previous_entity": "W"})
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: app.reader.entities is not None)
        await search_phrase(pilot, "council")  # a common noun: no entity under the cursor
        await pilot.press("asterisk")
        await pilot.pause()
        assert app.reader.status.message == (
            "No entity under the cursor (E and W move between entities)")


@pilot_test
async def test_a_popped_up_message_leaves_the_status_line_readable(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    from textual.widgets._toast import Toast

    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        reader = app.reader
        reader.say("A message far too long for the status line: " + "word " * 30)
        await pilot.pause()
        await pilot.pause()
        toasts = list(app.screen.query(Toast))
        assert toasts
        for toast in toasts:
            assert toast.region.bottom <= reader.status.region.y, (toast.region,
                                                                   reader.status.region)


@pilot_test
async def test_c_says_which_annotation_took_which_colour_and_off_one_names_the_users_keys(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    docs = alpha_beta(tmp_path)
    _highlight(db_path, docs[0], "the budget")
    app = reader_app(docs, db_path, keymap={"sidelight.next_annotation": "J",
                                            "sidelight.previous_annotation": "K"})
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("c")  # the cursor is on the title: no annotation there
        await pilot.pause()
        assert reader.status.message == (
            "No annotation under the cursor (K and J move between annotations)")
        await search_phrase(pilot, "the budget")
        await pilot.press("c")
        await pilot.pause()
        assert reader.status.message == "Colour of “the budget”: green (u undoes)"


@pilot_test
async def test_a_and_r_with_nothing_to_act_on_name_the_users_keys(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path,
                     keymap={"view.visual": "s", "sidelight.recreate": "ctrl+t"})
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("a")
        await pilot.pause()
        assert reader.status.message.startswith("Select text first (s and a motion)")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert reader.status.message.startswith("Nothing to re-create: ^t brings back")


@pilot_test
async def test_a_document_note_names_the_document_in_quotes_also_when_piped(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    from sidelight.annotations.sources import piped_text_document

    # A piped document's file name is "-": its title names it.
    piped = piped_text_document(ALPHA.encode("utf-8"), "-", None)
    app = reader_app([piped, alpha_beta(tmp_path)[1]], db_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        title = app.screen.query_one("#note-title")
        assert str(title.render()) == "Note on the document “Alpha report”"
        await pilot.press(*"check", "ctrl+s")
        await pilot.pause()
        assert app.reader.status.message == "Note added to “Alpha report”"


@pilot_test
async def test_the_status_line_calls_a_piped_document_standard_input(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    from sidelight.annotations.sources import piped_text_document

    piped = piped_text_document(ALPHA.encode("utf-8"), "-", None)
    app = reader_app([piped, alpha_beta(tmp_path)[1]], db_path)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert app.reader.status._position.startswith("1/2 standard input ")


@pilot_test
async def test_star_names_the_mention_it_reached_not_the_one_it_left(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    from conftest import until

    from sidelight.annotations.documents import load_document

    first = tmp_path / "first.txt"
    second = tmp_path / "second.txt"
    first.write_text("Mark Zuckerberg spoke on Wednesday in a long post.\n")
    second.write_text("Facebook's Zuckerberg breaks his silence after five days.\n")
    app = reader_app([load_document(first), load_document(second)], db_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await until(pilot, lambda: app.reader.entities is not None)
        await search_phrase(pilot, "Mark")
        await pilot.press("asterisk")
        await pilot.pause()
        reader = app.reader
        assert (reader.pane.index, reader.pane.view.cursor) == (1, len("Facebook's "))
        assert reader.status.message.startswith("person “Zuckerberg”: mention 2 of 2 (pane 2)")
        await pilot.press("asterisk")
        await pilot.pause()
        assert reader.status.message.startswith("person “Mark Zuckerberg”: mention 1 of 2")


@pilot_test
async def test_stepping_through_annotations_never_leaves_an_untrue_message(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    docs = alpha_beta(tmp_path)
    _highlight(db_path, docs[0], "The council met", "green")
    _highlight(db_path, docs[0], "Critics said", "blue")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("G", "right_square_bracket")
        await pilot.pause()
        assert reader.status.message == (
            "Annotation 1 of 2: green “The council met” · wrapped to the first annotation")
        # The next step is not a wrap: the message says where the cursor is now.
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.status.message == "Annotation 2 of 2: blue “Critics said”"
