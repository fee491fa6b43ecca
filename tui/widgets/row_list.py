"""A list of many rows drawn through the Line API: only the rows on screen are drawn, and
inserting, removing or replacing one row costs that row.

``OptionList`` keeps a line table, an index per option and the measured height of every
option, and rebuilds them whenever options are set, so a list of thousands of rows costs
thousands per change. Here a row's height is its number of lines (rows are cut to the width,
never wrapped), the line each row starts on is a running sum rebuilt lazily (a C-speed pass
over small ints), and a row is drawn when it comes on screen and kept until it changes.

It looks and moves like ``OptionList`` (the same component classes, keys and highlight), and
says ``RowList.Chosen`` when enter or a click picks a row.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import visualize


class Row:
    """One row: its text, and its height in lines (one per line of the text)."""

    __slots__ = ("_text", "height")

    def __init__(self, text: Text) -> None:
        self._text = text
        self.height = text.plain.count("\n") + 1

    @property
    def text(self) -> Text:
        return self._text


class RowList(ScrollView, can_focus=True):
    """Rows of text, one highlighted; enter or a click posts ``Chosen``."""

    DEFAULT_CSS = """
    RowList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .option-list--option-disabled {
            color: $text-disabled;
        }
        & > .option-list--option-hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "option-list--option",
        "option-list--option-disabled",
        "option-list--option-highlighted",
        "option-list--option-hover",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None)
    _hover: reactive[int | None] = reactive(None)

    class Chosen(Message):
        """Enter or a click on a row."""

        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[Row] = []
        self._heights: list[int] = []  # each row's height, for a C-speed running sum
        self._tops: list[int] | None = None  # the line each row starts on, and the total
        self._placeholder: Row | None = None  # shown, not choosable, when there are no rows
        self._drawn: LRUCache[tuple[int, Style, int], tuple[Row, list[Strip]]] = LRUCache(512)

    # --- rows ---------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def row_text(self, index: int) -> Text:
        return self._rows[index].text

    def set_rows(self, rows: Iterable[Row], placeholder: Text | None = None) -> None:
        """All rows at once; ``placeholder`` is shown (greyed) while there are none."""
        self._rows = list(rows)
        self._heights = [row.height for row in self._rows]
        self._placeholder = Row(placeholder) if placeholder is not None else None
        self._changed()

    def insert_row(self, index: int, row: Row) -> None:
        self._rows.insert(index, row)
        self._heights.insert(index, row.height)
        self._changed(index)

    def remove_row(self, index: int) -> None:
        del self._rows[index]
        del self._heights[index]
        self._changed(index)

    def replace_row(self, index: int, row: Row) -> None:
        old = self._rows[index]
        self._rows[index] = row
        self._heights[index] = row.height
        self._changed(index if row.height != old.height else None, redraw=index)

    def _changed(self, first: int | None = 0, redraw: int | None = None) -> None:
        """Rows from ``first`` on moved (None: none moved; ``redraw``: one row changed)."""
        shown = self._last_shown()  # before the rows move: what the screen shows now
        if first is not None:
            self._tops = None
            self._update_size()
            self.highlighted = self.highlighted  # revalidated against the new count
        changed = first if first is not None else redraw
        if changed is None or shown is None or changed <= shown or not self._rows:
            self.refresh()
        # else: every row on screen stays where it was; only the scrollbar moves.

    def _last_shown(self) -> int | None:
        """The last row on screen (None when none can be told)."""
        if not self.is_mounted or self._tops is None:
            return None
        height = self.scrollable_content_region.height
        return self._row_at_line(min(self.scroll_offset.y + height, self._tops[-1]) - 1)

    def _lines(self) -> list[int]:
        if self._tops is None:
            heights = self._heights if self._rows or self._placeholder is None else [
                self._placeholder.height]
            self._tops = [0, *accumulate(heights)]
        return self._tops

    def _total(self) -> int:
        if self._tops is not None:
            return self._tops[-1]
        if not self._rows and self._placeholder is not None:
            return self._placeholder.height
        return sum(self._heights)

    def _shown(self) -> list[Row]:
        if self._rows or self._placeholder is None:
            return self._rows
        return [self._placeholder]

    def _update_size(self) -> None:
        width = self.scrollable_content_region.width
        size = Size(width, self._total())
        if size == self.virtual_size:
            return
        height = self.styles.height
        if height is not None and height.is_auto:
            self.virtual_size = size  # the list grows with its rows: lay the screen out
            return
        # A list of fixed height: only its scrollbar follows its rows. (Setting
        # ``virtual_size`` would lay out, and so redraw, the whole screen on every change.)
        self.set_reactive(RowList.virtual_size, size)
        self._scroll_update(size)

    def _row_at_line(self, line: int) -> int | None:
        tops = self._lines()
        if not 0 <= line < tops[-1]:
            return None
        return bisect_right(tops, line) - 1

    # --- drawing ------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._update_size()

    def _on_resize(self, _: events.Resize) -> None:
        self._drawn.clear()
        self._update_size()

    def notify_style_update(self) -> None:
        self._drawn.clear()
        self.refresh()
        super().notify_style_update()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._total()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index = self._row_at_line(line)
        if index is None:
            return Strip.blank(width, self.get_visual_style("option-list--option").rich_style)
        strips = self._strips(index, width)
        return strips[line - self._lines()[index]]

    def _strips(self, index: int, width: int) -> list[Strip]:
        shown = self._shown()
        row = shown[index]
        if not self._rows:
            component = "option-list--option-disabled"
        elif self.highlighted == index:
            component = "option-list--option-highlighted"
        elif self._hover == index:
            component = "option-list--option-hover"
        else:
            component = ""
        style = (self.get_visual_style("option-list--option", component) if component
                 else self.get_visual_style("option-list--option"))
        key = (id(row), style, width)
        kept = self._drawn.get(key)
        if kept is not None and kept[0] is row:
            return kept[1]
        visual = visualize(self, row.text, markup=False)
        strips = [strip.extend_cell_length(width, style.rich_style)
                  for strip in visual.to_strips(self, visual, width, None, style)]
        strips = (strips + [Strip.blank(width, style.rich_style)] * row.height)[:row.height]
        self._drawn[key] = (row, strips)
        return strips

    # --- moving -------------------------------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self._rows:
            return None
        return max(0, min(highlighted, len(self._rows) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh()
        if new is not None:
            self.scroll_to_highlight()

    def watch__hover(self) -> None:
        self.refresh()

    def scroll_to_highlight(self) -> None:
        index = self.highlighted
        if index is None or not self.is_mounted:
            return
        tops = self._lines()
        self.scroll_to_region(Region(0, tops[index], self.scrollable_content_region.width,
                                     tops[index + 1] - tops[index]),
                              force=True, animate=False, immediate=True)

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def action_cursor_up(self) -> None:
        if self._rows:
            self.highlighted = (len(self._rows) - 1 if self.highlighted is None
                                else (self.highlighted - 1) % len(self._rows))

    def action_cursor_down(self) -> None:
        if self._rows:
            self.highlighted = (0 if self.highlighted is None
                                else (self.highlighted + 1) % len(self._rows))

    def action_first(self) -> None:
        if self._rows:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._rows:
            self.highlighted = len(self._rows) - 1

    def _move_page(self, direction: int) -> None:
        if not self._rows:
            return
        tops = self._lines()
        line = tops[self.highlighted or 0] + direction * self.scrollable_content_region.height
        index = self._row_at_line(max(0, min(line, tops[-1] - 1)))
        self.highlighted = index

    def action_page_up(self) -> None:
        if self.highlighted is None:
            self.action_first()
        else:
            self._move_page(-1)

    def action_page_down(self) -> None:
        if self.highlighted is None:
            self.action_last()
        else:
            self._move_page(1)

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Chosen(self, self.highlighted))

    # --- mouse --------------------------------------------------------------------------

    def _index_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or not self._rows:
            return None
        return self._row_at_line(self.scroll_offset.y + offset.y)

    def _on_click(self, event: events.Click) -> None:
        index = self._index_at(event)
        if index is not None:
            self.highlighted = index
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._index_at(event)

    def _on_leave(self, _: events.Leave) -> None:
        self._hover = None
