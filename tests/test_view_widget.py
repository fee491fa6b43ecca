"""The DocumentView widget under Pilot: keys, visual and mouse selection, drawing, layers."""

from __future__ import annotations

import os

os.environ["TEXTUAL_ANIMATIONS"] = "none"

import pytest
from conftest import pilot_test
from rich.color import Color
from textual.app import App, ComposeResult

from sidelight.annotations.documents import Document, make_text_document
from sidelight.annotations.markdown_text import StyleRun
from sidelight.tui.view import DocumentView

SELECTED = "on #010203"  # a colour nothing else uses, to find highlighted cells
UNSAFE = frozenset(
    [chr(c) for c in range(0x20)] + [chr(0x7F)] + [chr(c) for c in range(0x80, 0xA0)]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200d")
)

PROSE = (
    "Alpha beta gamma delta.\n"
    "\n"
    "Second paragraph has several words, and commas.\n"
    "Third line.\n"
    "\n"
    "Last paragraph."
)


class ViewApp(App[None]):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.messages: list[tuple[str, object]] = []

    def compose(self) -> ComposeResult:
        view = DocumentView(self.document, id="view")
        view.selection_highlight_style = SELECTED
        yield view

    def on_document_view_cursor_moved(self, message: DocumentView.CursorMoved) -> None:
        self.messages.append(("cursor", message.offset))

    def on_document_view_selection_changed(self, message: DocumentView.SelectionChanged) -> None:
        self.messages.append(("selection", message.selection))


def doc(text: str) -> Document:
    return make_text_document("/tmp/view-test.txt", text)


def row_text(view: DocumentView, y: int) -> str:
    return "".join(segment.text for segment in view.render_line(y))


def highlighted(view: DocumentView) -> str:
    """Drawn text of every cell on screen that carries the selection colour."""
    out = []
    for y in range(view.scrollable_content_region.height):
        for segment in view.render_line(y):
            style = segment.style
            if style is not None and style.bgcolor == Color.parse("#010203"):
                out.append(segment.text)
    return "".join(out)


@pilot_test
async def test_motion_keys() -> None:
    app = ViewApp(doc(PROSE))
    async with app.run_test(size=(60, 12)) as pilot:
        view = app.query_one(DocumentView)
        text = PROSE
        assert view.cursor == 0
        await pilot.press("w")
        assert view.cursor == text.index("beta")
        await pilot.press("e")
        assert view.cursor == text.index("beta") + 3
        await pilot.press("b")
        assert view.cursor == text.index("beta")
        await pilot.press("right", "right")
        assert view.cursor == text.index("beta") + 2
        await pilot.press("left")
        assert view.cursor == text.index("beta") + 1
        await pilot.press("dollar_sign")
        assert view.cursor == text.index(".")
        await pilot.press("0")
        assert view.cursor == 0
        await pilot.press("end")
        assert view.cursor == text.index(".")
        await pilot.press("home")
        assert view.cursor == 0
        await pilot.press("j")  # the empty line
        assert view.cursor == text.index("\n\n") + 1
        await pilot.press("down")
        assert view.cursor == text.index("Second")
        await pilot.press("k", "up")
        assert view.cursor == 0
        await pilot.press("right_curly_bracket")
        assert view.cursor == text.index("\n\n") + 1
        await pilot.press("right_curly_bracket")
        assert view.cursor == text.index("\n\nLast") + 1
        await pilot.press("left_curly_bracket")
        assert view.cursor == text.index("\n\n") + 1
        await pilot.press("G")
        assert view.cursor == len(text) - 1
        await pilot.press("g")
        assert view.cursor == 0
        await pilot.press("ctrl+end")
        assert view.cursor == len(text) - 1
        await pilot.press("ctrl+home")
        assert view.cursor == 0
        await pilot.pause()
        assert ("cursor", text.index("beta")) in app.messages


@pilot_test
async def test_vertical_moves_keep_the_goal_column() -> None:
    text = "0123456789\nab\n0123456789"
    app = ViewApp(doc(text))
    async with app.run_test(size=(40, 8)) as pilot:
        view = app.query_one(DocumentView)
        view.move_cursor(7)
        await pilot.press("j")
        assert view.cursor == text.index("b")  # short line: its last character
        await pilot.press("j")
        assert view.cursor == text.rindex("7")


@pilot_test
async def test_page_keys_scroll_and_move() -> None:
    text = "\n".join(f"line {i}" for i in range(300))
    app = ViewApp(doc(text))
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(DocumentView)
        height = view.scrollable_content_region.height
        for key in ("pagedown", "space", "ctrl+f"):
            before = view.cursor
            await pilot.press(key)
            assert text.count("\n", before, view.cursor) == height
        assert view.scroll_y == 3 * height
        await pilot.press("pageup")
        await pilot.press("ctrl+b")
        assert view.scroll_y == height
        await pilot.press("ctrl+d")
        assert view.scroll_y == height + height // 2
        await pilot.press("ctrl+u")
        assert view.scroll_y == height
        await pilot.press("G")
        first, last = view.visible_range()
        assert last == len(text) - 1 and first <= view.cursor <= last


@pilot_test
async def test_visual_selection_includes_the_character_under_the_cursor() -> None:
    app = ViewApp(doc(PROSE))
    async with app.run_test(size=(60, 12)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.press("w", "v")
        start = PROSE.index("beta")
        assert view.visual and view.selection == (start, start + 1)
        await pilot.press("e")
        assert view.selection == (start, start + 4)
        assert PROSE[slice(*view.selection)] == "beta"
        assert highlighted(view) == "beta"
        await pilot.press("b", "b")  # backwards past the anchor: anchor char stays selected
        assert view.selection == (0, start + 1)
        assert highlighted(view) == PROSE[: start + 1]
        await pilot.press("escape")
        assert view.selection is None and not view.visual
        assert highlighted(view) == ""
        await pilot.press("v", "j", "v")  # a second v cancels
        assert view.selection is None
        await pilot.pause()
        assert ("selection", (start, start + 4)) in app.messages
        assert app.messages[-1] == ("selection", None)


@pilot_test
async def test_escape_passes_through_without_a_selection() -> None:
    app = ViewApp(doc(PROSE))
    async with app.run_test(size=(60, 12)):
        view = app.query_one(DocumentView)
        assert view.check_action("cancel_visual", ()) is False
        view.start_visual()
        assert view.check_action("cancel_visual", ()) is True


@pilot_test
async def test_mouse_click_moves_and_drag_selects_exact_offsets() -> None:
    text = "Hello wörld 漢字 and more\nsecond line here"
    app = ViewApp(doc(text))
    async with app.run_test(size=(40, 8)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.click(view, offset=(6, 0))
        assert view.cursor == text.index("wörld")
        # 漢 occupies cells 12-13 and 字 14-15; drag from "ö" to 字 (inclusive)
        await pilot.mouse_down(view, offset=(7, 0))
        await pilot.hover(view, offset=(14, 0))
        await pilot.mouse_up(view, offset=(14, 0))
        await pilot.pause()
        assert view.selection is not None and not view.visual
        start, end = view.selection
        assert start == text.index("ö")
        assert text[start:end] == "örld 漢字"
        assert app.screen.get_selected_text() == text[start:end]
        assert highlighted(view) == "örld 漢字"
        await pilot.pause()
        assert ("selection", (start, end)) in app.messages
        # across rows: from "second" back up into the first row
        await pilot.mouse_down(view, offset=(3, 1))
        await pilot.hover(view, offset=(1, 0))
        await pilot.mouse_up(view, offset=(1, 0))
        await pilot.pause()
        start, end = view.selection
        assert app.screen.get_selected_text() == text[start:end]
        assert highlighted(view).replace(" ", "") == text[start:end].replace(" ", "").replace(
            "\n", "")
        await pilot.press("escape")
        assert view.selection is None


@pilot_test
async def test_control_characters_are_drawn_as_placeholders() -> None:
    text = "a\x1b]52;c;SGVsbG8=\x07b\x1b[2J\x9b31m\x7f\u202eevil\u2066x\x00\r\x0bz"
    app = ViewApp(doc(text))
    async with app.run_test(size=(60, 6)) as pilot:
        view = app.query_one(DocumentView)
        await pilot.press("v", "dollar_sign")  # selection and cursor styles drawn too
        for y in range(view.scrollable_content_region.height):
            for segment in view.render_line(y):
                assert not UNSAFE.intersection(segment.text), repr(segment.text)
        drawn = row_text(view, 0)
        assert "\u241b]52;c;SGVsbG8=\u2407b\u241b[2J\u2426" in drawn
        assert "\u2421\u21c4evil\u21c4x\u2400\u240d\u240bz" in drawn


@pilot_test
async def test_cjk_and_emoji_wrap_by_cells_and_rewrap_on_resize() -> None:
    text = "漢字" * 20 + " 👨\u200d👩\u200d👧 end"
    app = ViewApp(doc(text))
    async with app.run_test(size=(22, 10)) as pilot:
        view = app.query_one(DocumentView)
        width = view.scrollable_content_region.width
        assert width == 20
        assert row_text(view, 0) == "漢字" * 5
        rows_before = view.wrap_index.total_rows
        await pilot.resize_terminal(42, 10)
        await pilot.pause()
        assert view.wrap_index.width == 40
        assert row_text(view, 0) == "漢字" * 10
        assert view.wrap_index.total_rows < rows_before
        assert "👨👩👧 end" in "".join(row_text(view, y) for y in range(3))


@pilot_test
async def test_layers_draw_in_priority_order() -> None:
    text = "entity with a highlight"
    app = ViewApp(doc(text))
    async with app.run_test(size=(40, 5)) as pilot:
        view = app.query_one(DocumentView)
        view.set_layer("highlights", [(0, 6, "on #00ff00")])
        view.set_layer("entities", [(0, 11, "bold on #ff0000")])
        view.set_layer("search", [(4, 5, "on #0000ff")])
        view.move_cursor(20)
        await pilot.pause()
        cells: list[tuple[str, object]] = []
        for segment in view.render_line(0):
            cells.extend((ch, segment.style) for ch in segment.text)
        assert cells[0][1].bgcolor == Color.parse("#00ff00") and cells[0][1].bold
        assert cells[4][1].bgcolor == Color.parse("#0000ff")
        assert cells[8][1].bgcolor == Color.parse("#ff0000")
        assert cells[12][1].bgcolor != Color.parse("#ff0000")
        assert cells[20][1].reverse  # the cursor
        view.clear_layer("highlights")
        await pilot.pause()
        first = next(iter(view.render_line(0)))
        assert first.style.bgcolor == Color.parse("#ff0000")


@pilot_test
async def test_markdown_styles_and_gutter() -> None:
    base = make_text_document("/tmp/view-test.md", "Heading\n\nSome emphasis here.")
    document = Document(
        path=base.path, text=base.text, title="Heading", date=None,
        fingerprint=base.fingerprint, kind="markdown",
        styles=(StyleRun(0, 7, "heading1"), StyleRun(14, 22, "emphasis")),
        source_text=base.text,
    )
    app = ViewApp(document)
    async with app.run_test(size=(40, 6)) as pilot:
        view = app.query_one(DocumentView)
        view.move_cursor(len(document.text) - 1)
        await pilot.pause()
        heading = next(iter(view.render_line(0)))
        assert heading.text == "Heading" and heading.style.bold and heading.style.underline
        emphasis = [s for s in view.render_line(2) if s.text == "emphasis"]
        assert emphasis and emphasis[0].style.italic
        view.set_gutter([(9, 28, "▶", "#ff8700")])
        await pilot.pause()
        assert view.wrap_index.width == view.scrollable_content_region.width - 2
        assert row_text(view, 2).startswith("▶ Some")
        assert row_text(view, 0).startswith("  Heading")
        # clicks still map through the gutter
        await pilot.click(view, offset=(7, 2))
        assert view.cursor == document.text.index("emphasis")


@pilot_test
async def test_bindings_can_be_remapped_by_id() -> None:
    app = ViewApp(doc(PROSE))
    async with app.run_test(size=(60, 12)) as pilot:
        app.set_keymap({"view.word_next": "n"})
        view = app.query_one(DocumentView)
        await pilot.press("n")
        assert view.cursor == PROSE.index("beta")


@pytest.mark.parametrize("text", ["", "\n", "x", "\n\n\n", "\t", "\u0301", "\x1b"])
@pilot_test
async def test_degenerate_documents(text: str) -> None:
    app = ViewApp(doc(text))
    async with app.run_test(size=(20, 5)):
        view = app.query_one(DocumentView)
        # actions called directly: test_motion_keys covers the key bindings themselves
        for action in ("cursor_down", "cursor_up", "word_next", "word_previous", "word_end",
                       "bottom", "top", "row_end", "row_start", "toggle_visual", "cursor_right",
                       "cursor_left", "paragraph_next", "paragraph_previous", "page_down",
                       "half_page_up", "cancel_visual"):
            getattr(view, f"action_{action}")()
            assert 0 <= view.cursor <= max(0, len(text) - 1)
            if view.selection is not None:
                assert 0 <= view.selection[0] < view.selection[1] <= len(text)
        for y in range(3):
            assert not UNSAFE.intersection(row_text(view, y))


@pilot_test
async def test_gutter_prefers_a_mark_that_starts_on_the_row() -> None:
    # Two sentences share the first row; the second starts there, the first began above it.
    text = "One two three four five six. Seven eight nine ten eleven twelve."
    app = ViewApp(doc(text))
    async with app.run_test(size=(24, 8)) as pilot:
        view = app.query_one(DocumentView)
        second = text.index("Seven")
        view.set_gutter([(0, second, "A", "#ff8700"), (second, len(text), "B", "#5f87ff")])
        await pilot.pause()
        rows = [row_text(view, r) for r in range(view.wrap_index.total_rows)]
        shared = next(r for r, t in enumerate(rows) if "Seven" in t)
        assert "six." in rows[shared], rows  # the layout this test is about
        assert rows[0].startswith("A ")
        assert rows[shared].startswith("B ")  # not the bar of the sentence that began above
        assert all(t[0] in "AB▏" for t in rows if t.strip())
