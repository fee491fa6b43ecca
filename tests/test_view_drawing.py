"""How the document view draws quickly without drawing differently: offsets meta, the
row-cached scrollbar, and layer changes that redraw only the rows they touch."""

from __future__ import annotations

import asyncio
import os

os.environ["TEXTUAL_ANIMATIONS"] = "none"

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from sidelight.annotations.documents import make_text_document
from sidelight.tui.view import DocumentView
from sidelight.tui.view.scrollbar import RowCachedScrollBar
from sidelight.tui.view.spans import Layer, changed_ranges, overlaps_any, with_offsets

LONG = "\n\n".join(
    f"Paragraph {n} says the minister met the court on Monday and the company report "
    f"was published with {n * 7} figures."
    for n in range(400)
)


class OneView(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield DocumentView(make_text_document("/tmp/drawing.txt", self.text))


def test_offsets_match_textual_apply_offsets() -> None:
    pieces = [("ab", Style(bold=True)), ("\u241b", Style(color="red")), ("cd  ", Style())]
    for x, y in ((0, 0), (-2, 17), (5, 3)):
        ours = list(Strip(with_offsets(pieces, x, y)))
        textual = list(Strip([Segment(t, s) for t, s in pieces]).apply_offsets(x, y))
        assert ours == textual
        assert ours[0].style is not None and ours[0].style.meta["offset"] == (x, y)


def test_changed_ranges_are_the_difference_merged() -> None:
    old = Layer("search", [(0, 5, "on red"), (10, 12, "on red"), (40, 45, "on red")])
    new = Layer("search", [(0, 5, "on red"), (11, 15, "on red"), (40, 45, "on blue")])
    assert changed_ranges(old, new) == [(10, 15), (40, 45)]
    assert changed_ranges(old, old) == []
    assert changed_ranges(None, new) == [(0, 5), (11, 15), (40, 45)]
    assert changed_ranges(old, None, limit=2) is None
    ranges = [(10, 15), (40, 45)]
    starts = [10, 40]
    assert overlaps_any(ranges, starts, 14, 20)
    assert not overlaps_any(ranges, starts, 15, 40)
    assert overlaps_any(ranges, starts, 0, 11)
    assert not overlaps_any(ranges, starts, 45, 45)
    assert overlaps_any(ranges, starts, 42, 42)  # an empty row at an offset inside a range


def _segments(lines: list[Strip]) -> list[list[Segment]]:
    return [list(line) for line in lines]


def test_row_cached_scrollbar_draws_what_textual_draws() -> None:
    async def run() -> None:
        app = OneView(LONG)
        async with app.run_test(size=(60, 12)) as pilot:
            view = app.query_one(DocumentView)
            bar = view.vertical_scrollbar
            assert isinstance(bar, RowCachedScrollBar)
            await pilot.pause()
            assert bar.display
            full = Region(0, 0, bar.size.width, bar.size.height)
            total = view.wrap_index.total_rows
            for hover in (False, True):
                bar.mouse_over = hover
                for step in range(0, total, max(1, total // 40)):
                    view.scroll_y = step
                    await pilot.pause()
                    ours = _segments(bar.render_lines(full))
                    bar.refresh()  # make Textual's own pipeline draw the bar afresh
                    stock = _segments(ScrollBar.render_lines(bar, full))
                    assert ours == stock, (hover, step)
            # a few kinds of row per hover state: the two tracks, the thumb, seven glyphs
            # for each end of the thumb
            assert len(bar._row_strips) <= 2 * (3 + 2 * 7)

    asyncio.run(run())


def test_layer_change_redraws_only_rows_it_touches() -> None:
    async def run() -> None:
        app = OneView(LONG)
        async with app.run_test(size=(60, 12)) as pilot:
            view = app.query_one(DocumentView)
            await pilot.pause()
            height = view.scrollable_content_region.height
            before = [view.render_line(y) for y in range(height)]
            row3_start = view.wrap_index.row_span(3)[0]
            view.set_layer("highlights", [(row3_start, row3_start + 4, "on #00ff00")])
            after = [view.render_line(y) for y in range(height)]
            for y in range(height):
                if y == 3:
                    assert after[y] is not before[y]
                    assert next(iter(after[y])).style.bgcolor == Color.parse("#00ff00")
                else:
                    assert after[y] is before[y], y  # still the cached strip
            view.clear_layer("highlights")
            cleared = [view.render_line(y) for y in range(height)]
            assert next(iter(cleared[3])).style.bgcolor != Color.parse("#00ff00")
            assert cleared[5] is before[5]

    asyncio.run(run())


def test_rows_drawn_in_a_pass_match_rows_drawn_alone() -> None:
    async def run() -> None:
        app = OneView(LONG + "\ttab\x1b[2J end\n漢字 wide")
        async with app.run_test(size=(50, 10)) as pilot:
            view = app.query_one(DocumentView)
            view.set_layer("entities", [(5, 30, "bold #ff8787")])
            for top in (0, 7, view.wrap_index.total_rows - 5):
                view.scroll_y = top
                await pilot.pause()
                width = view.size.width
                height = view.scrollable_content_region.height
                passed = view.render_lines(Region(0, 0, width, height))
                view._strips.clear()
                alone = [view.render_line(y) for y in range(height)]
                text_width = view.scrollable_content_region.width
                assert [line.crop(0, text_width).text for line in passed] == \
                    [line.text for line in alone]

    asyncio.run(run())
