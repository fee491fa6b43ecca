"""DocumentView: one document, soft-wrapped and drawn with Textual's Line API.

Only the rows on screen are laid out and drawn; drawn rows are cached (LRU) by their offsets
and by whatever overlays them (cursor, selection, gutter mark), so moving the cursor redraws
two rows and scrolling back is free. Every position the view reports is a code-point offset
into ``document.text``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.selection import Selection
from textual.strip import Strip

from sidelight.annotations.documents import Document
from sidelight.tui.view.cells import RowLayout, layout_row, safe_text
from sidelight.tui.view.navigator import Navigator
from sidelight.tui.view.scrollbar import RowCachedScrollBar
from sidelight.tui.view.spans import (
    Layer,
    LayerSet,
    changed_ranges,
    layer_rank,
    overlaps_any,
    parse_style,
    row_pieces,
    style_runs,
    with_offsets,
)
from sidelight.tui.view.wrap import WrapIndex

# Rows one notch of the mouse wheel scrolls.
WHEEL_ROWS = 3

_GUTTER_WIDTH = 2
_GUTTER_BAR = "\u258f"
_LAYOUT_CACHE = 1024
_STRIP_CACHE = 300  # a few screens; each Strip carries several caches of its own
_RANK_SELECTION = layer_rank("selection")
_RANK_CURSOR = layer_rank("cursor")


class DocumentView(ScrollView, can_focus=True, inherit_bindings=False):
    """One document, soft-wrapped, drawn with the Line API, with a cursor and a selection.

    ScrollView's own keys are not inherited: all are rebound below as cursor motions, except
    horizontal paging, which a soft-wrapped view has no use for.
    """

    ALLOW_SELECT = True

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document-view--cursor",
        "document-view--placeholder",
        "document-view--gutter",
    }

    DEFAULT_CSS = """
    DocumentView {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
    }
    DocumentView > .document-view--cursor {
        text-style: reverse;
    }
    DocumentView > .document-view--placeholder {
        color: $error;
        text-style: bold;
    }
    DocumentView > .document-view--gutter {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", id="view.up", show=False),
        Binding("down,j", "cursor_down", "Down", id="view.down", show=False),
        Binding("left", "cursor_left", "Left", id="view.left", show=False),
        Binding("right", "cursor_right", "Right", id="view.right", show=False),
        Binding("w", "word_next", "Next word", id="view.word_next", show=False),
        Binding("b", "word_previous", "Previous word", id="view.word_previous", show=False),
        Binding("e", "word_end", "Word end", id="view.word_end", show=False),
        Binding("0,home", "row_start", "Row start", id="view.row_start", show=False),
        Binding("dollar_sign,end", "row_end", "Row end", id="view.row_end", show=False),
        Binding("pageup,ctrl+b", "page_up", "Page up", id="view.page_up", show=False),
        Binding("pagedown,space,ctrl+f", "page_down", "Page down", id="view.page_down",
                show=False),
        Binding("ctrl+u", "half_page_up", "Half page up", id="view.half_up", show=False),
        Binding("ctrl+d", "half_page_down", "Half page down", id="view.half_down", show=False),
        Binding("g,ctrl+home", "top", "Top", id="view.top", show=False),
        Binding("G,ctrl+end", "bottom", "Bottom", id="view.bottom", show=False),
        Binding("left_curly_bracket", "paragraph_previous", "Previous paragraph",
                id="view.paragraph_previous", show=False),
        Binding("right_curly_bracket", "paragraph_next", "Next paragraph",
                id="view.paragraph_next", show=False),
        Binding("v", "toggle_visual", "Select", id="view.visual"),
        Binding("escape", "cancel_visual", "Cancel selection", id="view.cancel", show=False),
    ]

    # Styles for document.styles runs of Markdown documents (attributes only, so they read in
    # dark and light themes); an app may replace this mapping before mounting.
    MARKDOWN_STYLES: ClassVar[dict[str, str]] = {
        "heading1": "bold underline",
        "heading2": "bold",
        "heading3": "bold italic",
        "heading4": "bold",
        "heading5": "bold",
        "heading6": "bold",
        "emphasis": "italic",
        "strong": "bold",
        "strike": "strike",
        "code": "bold",
        "codeblock": "dim",
        "link": "underline",
        "quote": "italic",
        "tablehead": "bold",
    }

    class CursorMoved(Message):
        """Posted whenever the cursor offset changes."""

        def __init__(self, view: DocumentView, offset: int) -> None:
            super().__init__()
            self.view = view
            self.offset = offset

        @property
        def control(self) -> DocumentView:
            return self.view

    class SelectionChanged(Message):
        """Posted when the selection starts, changes or ends (``selection`` may be None)."""

        def __init__(self, view: DocumentView, selection: tuple[int, int] | None) -> None:
            super().__init__()
            self.view = view
            self.selection = selection

        @property
        def control(self) -> DocumentView:
            return self.view

    def __init__(self, document: Document, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.document = document
        self._text = document.text
        self._wrap = WrapIndex(self._text, 0, budget=0.03)
        # Where each motion key takes the cursor (pure; the view moves, scrolls and draws).
        self.navigator = Navigator(self._text, self._wrap, self._layout)
        self._layers = LayerSet()
        markdown = [
            (run.start, run.end, self.MARKDOWN_STYLES[run.style])
            for run in document.styles
            if run.style in self.MARKDOWN_STYLES
        ]
        if markdown:
            self._layers.set("markdown", markdown)
        self._cursor = 0
        self._anchor: int | None = None
        self._visual = False
        self._selection: tuple[int, int] | None = None
        self._mouse_selection = False
        self._goal_col: int | None = None
        self._gutter: Layer | None = None
        self._gutter_chars: list[str] = []
        # Textual's own LRU cache: the least recently drawn rows go first.
        self._layouts: LRUCache[tuple[int, int], RowLayout] = LRUCache(_LAYOUT_CACHE)
        self._strips: LRUCache[tuple, Strip] = LRUCache(_STRIP_CACHE)
        # (top row, width, {row: span}) while render_lines is drawing
        self._pass_rows: tuple[int, int, dict[int, tuple[int, int]]] | None = None
        self._style_key: tuple | None = None
        self._wrap_timer = None
        self._cursor_style: str | None = None
        self._selection_highlight_style: str | None = None

    # -- public API ----------------------------------------------------------------------

    @property
    def cursor(self) -> int:
        return self._cursor

    @cursor.setter
    def cursor(self, offset: int) -> None:
        self.move_cursor(offset)

    @property
    def selection(self) -> tuple[int, int] | None:
        return self._selection

    @property
    def visual(self) -> bool:
        return self._visual

    @property
    def cursor_style(self) -> str | None:
        """Rich style string for the cursor; None uses the theme's (reverse video)."""
        return self._cursor_style

    @cursor_style.setter
    def cursor_style(self, style: str | None) -> None:
        self._cursor_style = style
        self._restyle()

    @property
    def selection_highlight_style(self) -> str | None:
        """Rich style string for the selection; None uses the screen's selection colours."""
        return self._selection_highlight_style

    @selection_highlight_style.setter
    def selection_highlight_style(self, style: str | None) -> None:
        self._selection_highlight_style = style
        self._restyle()

    def _restyle(self) -> None:
        self._style_key = None
        self._strips.clear()
        if self.is_attached:
            self.refresh()

    @property
    def wrap_index(self) -> WrapIndex:
        return self._wrap

    def set_layer(self, name: str, spans: Sequence[tuple[int, int, str]],
                  keys: Sequence[Hashable] | None = None) -> None:
        """Draw a layer; with ``keys`` (one per span, sorting in layer order) it can later be
        changed span by span with ``patch_layer``."""
        old = self._layers.set(name, spans, keys)
        self._invalidate_changes(changed_ranges(old, self._layers.get(name)))

    def patch_layer(self, name: str, remove: Iterable[Hashable],
                    add: Iterable[tuple[Hashable, tuple[int, int, str]]]) -> None:
        """Remove the spans with these keys from a keyed layer and add keyed spans: costs
        the spans and rows they touch, however many the layer holds."""
        self._invalidate_changes(self._layers.patch(name, remove, add))

    def clear_layer(self, name: str) -> None:
        old = self._layers.clear(name)
        if old is not None:
            self._invalidate_changes(changed_ranges(old, None))

    def set_gutter(self, marks: Sequence[tuple[int, int, str, str]]) -> None:
        """Marks in a 2-cell gutter on the left: ``char`` on the first row of each range, a thin
        bar on its other rows. An empty sequence removes the gutter."""
        kept = [(s, e, c, st) for s, e, c, st in marks if e > s]
        had = self._gutter is not None
        if kept:
            self._gutter = Layer("gutter", [(s, e, st) for s, e, _c, st in kept])
            self._gutter_chars = [safe_text(c)[:1] or " " for _s, _e, c, _st in kept]
        else:
            self._gutter = None
            self._gutter_chars = []
        if had != (self._gutter is not None):
            self._rewrap()
        self._invalidate()

    def move_cursor(self, offset: int, *, select: bool = False, center: bool = False) -> None:
        """Move the cursor (clamped, snapped to the start of its character cluster) and
        scroll it into view; ``select`` extends a visual selection from the old cursor."""
        if select and not self._visual:
            self._start_visual_at(self._cursor)
        elif not select and not self._visual and self._mouse_selection:
            self._set_selection(None)
        old = self._cursor
        self._cursor = self.navigator.snap(offset)
        if self._visual:
            self._update_visual_selection()
        self.scroll_to_offset(self._cursor, center=center)
        if self._cursor != old:
            self._refresh_offsets(old, self._cursor)
            self.post_message(self.CursorMoved(self, self._cursor))

    def start_visual(self) -> None:
        self._start_visual_at(self._cursor)

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` as ``v`` would: the cursor on its last character, so that
        the motion keys go on extending it."""
        self.move_cursor(start)
        self._start_visual_at(self._cursor)
        self.move_cursor(max(start, end - 1))

    def cancel_visual(self) -> None:
        self._visual = False
        self._anchor = None
        if self._mouse_selection and self.is_attached:
            self.screen.clear_selection()
        self._set_selection(None)

    def scroll_to_offset(self, offset: int, *, center: bool = False) -> None:
        if not self.is_attached or self.size.height == 0:
            return
        row = self._wrap.row_of_offset(offset)
        self._sync_virtual_size()
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        if center:
            target = row - height // 2
        elif row < top:
            target = row
        elif row >= top + height:
            target = row - height + 1
        else:
            return
        self.scroll_y = max(0, min(target, self._wrap.total_rows - height))

    def visible_range(self) -> tuple[int, int]:
        """First and last code-point offsets on screen."""
        top = round(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        last_row = min(top + height, self._wrap.total_rows) - 1
        first, _ = self._wrap.row_span(top)
        _, end = self._wrap.row_span(max(top, last_row))
        return first, max(first, end - 1)

    # -- geometry ------------------------------------------------------------------------

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar, created as Textual's ``Widget.vertical_scrollbar`` does but
        with rows reused across thumb positions (see ``tui.view.scrollbar``)."""
        if self._vertical_scrollbar is None:
            bar = RowCachedScrollBar(vertical=True, name="vertical",
                                     thickness=self.scrollbar_size_vertical)
            bar.display = False
            self._vertical_scrollbar = bar
            # No public way to start a widget's own scrollbar: tests/test_textual_private.py
            # fails loudly if Textual changes this one.
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    @property
    def _gutter_width(self) -> int:
        return _GUTTER_WIDTH if self._gutter is not None else 0

    def _text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - self._gutter_width)

    def _rewrap(self) -> None:
        if self.scrollable_content_region.width <= self._gutter_width:
            return  # not laid out yet
        width = self._text_width()
        if width == self._wrap.width:
            return
        top_offset = (self._wrap.row_span(round(self.scroll_y))[0]
                      if self._wrap.width else 0)
        self._wrap.set_width(width)
        self._layouts.clear()
        self._invalidate()
        self._sync_virtual_size()
        if self.is_attached:
            self.scroll_y = self._wrap.row_of_offset(top_offset)
            self.scroll_to_offset(self._cursor)
        self._start_background_wrap()

    def _sync_virtual_size(self) -> None:
        total = self._wrap.total_rows
        width = self.scrollable_content_region.width
        if self.virtual_size != Size(width, total):
            self.virtual_size = Size(width, total)

    def _start_background_wrap(self) -> None:
        if self._wrap.complete or self._wrap_timer is not None or not self.is_attached:
            return
        self._wrap_timer = self.set_timer(0.02, self._wrap_in_background)

    def _wrap_in_background(self) -> None:
        """Make estimated row counts exact a slice at a time, keeping the top row in place;
        the scrollbar is resized only when the top moves or the index is complete, since each
        resize repaints the whole view."""
        self._wrap_timer = None
        top = round(self.scroll_y)
        top_offset = self._wrap.row_span(top)[0]
        done = self._wrap.wrap_some(0.015)
        new_top = self._wrap.row_of_offset(top_offset)
        if done or new_top != top:
            self._sync_virtual_size()
        if new_top != top:
            self.scroll_y = new_top
        if not done:
            self._start_background_wrap()

    def on_mount(self) -> None:
        if self.scrollable_content_region.width > 0:
            self._rewrap()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    # -- offsets, rows and clusters --------------------------------------------------------

    def _layout(self, start: int, stop: int) -> RowLayout:
        key = (start, stop)
        layout = self._layouts.get(key)
        if layout is None:
            layout = layout_row(self._text, start, stop, self._wrap.tab_size)
            self._layouts.set(key, layout)
        return layout

    def _row_layout(self, row: int) -> tuple[int, int, RowLayout]:
        """(start, end, layout) of a row; end includes a trailing newline."""
        return self.navigator.row_layout(row)

    # -- selection -------------------------------------------------------------------------

    def _start_visual_at(self, offset: int) -> None:
        if self._mouse_selection and self.is_attached:
            self.screen.clear_selection()
        self._visual = True
        self._anchor = offset
        self._update_visual_selection()

    def _update_visual_selection(self) -> None:
        anchor = self._anchor if self._anchor is not None else self._cursor
        low, high = min(anchor, self._cursor), max(anchor, self._cursor)
        end = self.navigator.cluster_end(high)
        self._set_selection((low, end) if end > low else None)

    def _set_selection(self, selection: tuple[int, int] | None, *, mouse: bool = False) -> None:
        self._mouse_selection = mouse and selection is not None
        if selection == self._selection:
            return
        old = self._selection
        self._selection = selection
        self._refresh_span(old)
        self._refresh_span(selection)
        if mouse:
            # Called from the screen's selection watcher: a message created there would name
            # the screen as its sender and stop bubbling at it, so create it from our own loop.
            self.call_later(self._announce_selection, selection)
        else:
            self.post_message(self.SelectionChanged(self, selection))

    def _announce_selection(self, selection: tuple[int, int] | None) -> None:
        self.post_message(self.SelectionChanged(self, selection))

    def _selection_offsets(self, selection: Selection) -> tuple[int, int] | None:
        start = 0 if selection.start is None else self.navigator.offset_at_drawn(
            selection.start.y, selection.start.x)
        end = len(self._text) if selection.end is None else self.navigator.offset_at_drawn(
            selection.end.y, selection.end.x)
        if start > end:
            start, end = end, start
        return (start, end) if end > start else None

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        offsets = self._selection_offsets(selection)
        if offsets is None:
            return None
        return self._text[offsets[0]:offsets[1]], "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        if selection is None:
            if self._mouse_selection:
                self._set_selection(None, mouse=True)
            return
        offsets = self._selection_offsets(selection)
        self._visual = False
        self._anchor = None
        self._set_selection(offsets, mouse=True)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._wheel(event, WHEEL_ROWS)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._wheel(event, -WHEEL_ROWS)

    def _wheel(self, event: events.MouseEvent, rows: int) -> None:
        """A wheel notch scrolls WHEEL_ROWS rows, as terminals do; shift or ctrl with the
        wheel keeps Textual's own handling (sideways)."""
        if event.shift or event.ctrl:
            return
        event.prevent_default()
        event.stop()
        top = round(self.scroll_y) + rows
        self.scroll_y = max(0, min(top, round(self.max_scroll_y)))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        at = event.get_content_offset(self)
        if at is None:
            return
        if self._visual:
            self.cancel_visual()
        row = round(self.scroll_y) + at.y
        self.move_cursor(self.navigator.offset_at(row, at.x - self._gutter_width))

    # -- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_visual":
            return self._visual or self._selection is not None
        return True

    def _move(self, offset: int, *, keep_goal: bool = False) -> None:
        if not keep_goal:
            self._goal_col = None
        self.move_cursor(offset, select=self._visual)

    def _move_rows(self, delta: int) -> None:
        landed = self.navigator.rows(self._cursor, delta, self._goal_col)
        self._goal_col = landed.goal
        self._move(landed.offset, keep_goal=True)

    def action_cursor_up(self) -> None:
        self._move_rows(-1)

    def action_cursor_down(self) -> None:
        self._move_rows(1)

    def action_cursor_left(self) -> None:
        if self._cursor > 0:
            self._move(self.navigator.left(self._cursor))

    def action_cursor_right(self) -> None:
        self._move(self.navigator.right(self._cursor))

    def action_word_next(self) -> None:
        self._move(self.navigator.word_next(self._cursor))

    def action_word_end(self) -> None:
        self._move(self.navigator.word_end(self._cursor))

    def action_word_previous(self) -> None:
        self._move(self.navigator.word_previous(self._cursor))

    def action_row_start(self) -> None:
        self._move(self.navigator.row_start(self._cursor))

    def action_row_end(self) -> None:
        self._move(self.navigator.row_end(self._cursor))

    def _page(self, rows: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        self.scroll_y = max(0, min(top + rows, self._wrap.total_rows - height))
        self._move_rows(rows)

    def action_page_down(self) -> None:
        self._page(max(1, self.scrollable_content_region.height))

    def action_page_up(self) -> None:
        self._page(-max(1, self.scrollable_content_region.height))

    def action_half_page_down(self) -> None:
        self._page(max(1, self.scrollable_content_region.height // 2))

    def action_half_page_up(self) -> None:
        self._page(-max(1, self.scrollable_content_region.height // 2))

    def action_top(self) -> None:
        self._move(self.navigator.top())

    def action_bottom(self) -> None:
        self._move(self.navigator.bottom())

    def action_paragraph_next(self) -> None:
        self._move(self.navigator.paragraph_next(self._cursor))

    def action_paragraph_previous(self) -> None:
        self._move(self.navigator.paragraph_previous(self._cursor))

    def action_toggle_visual(self) -> None:
        if self._visual:
            self.cancel_visual()
        else:
            self.start_visual()

    def action_cancel_visual(self) -> None:
        self.cancel_visual()

    # -- drawing ---------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._strips.clear()
        self.refresh()

    def _invalidate_changes(self, ranges: list[tuple[int, int]] | None) -> None:
        """Forget and redraw only the rows that meet the changed offset ranges (all rows
        when ``ranges`` is None), so a new highlight or search hit costs a few rows."""
        if ranges is None:
            self._invalidate()
            return
        if not ranges:
            return
        starts = [s for s, _e in ranges]
        # Keys are (row, start, end, ...); a row's end includes its newline.
        stale = [key for key in self._strips.keys()  # noqa: SIM118 -- LRUCache is no dict
                 if overlaps_any(ranges, starts, key[1], key[2])]
        for key in stale:
            self._strips.discard(key)
        if not self.is_attached or self.size.height == 0:
            return
        first, last = self.visible_range()
        for s, e in ranges:
            if s <= last and e > first:
                self._refresh_span((max(s, first), min(e, last + 1)))

    def _refresh_rows(self, first: int, last: int) -> None:
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        first, last = max(first, top), min(last, top + height - 1)
        if first <= last:
            self.refresh(Region(0, first - top, self.size.width, last - first + 1))

    def _refresh_offsets(self, *offsets: int) -> None:
        if not self.is_attached:
            return
        for offset in offsets:
            row = self._wrap.row_of_offset(offset)
            self._refresh_rows(row, row)

    def _refresh_span(self, span: tuple[int, int] | None) -> None:
        if span is None or not self.is_attached:
            return
        first = self._wrap.row_of_offset(span[0])
        last = self._wrap.row_of_offset(max(span[0], span[1] - 1))
        self._refresh_rows(first, last)

    def _styles(self) -> tuple[Style, Style, Style, Style, Style] | None:
        """Base, cursor, selection, placeholder and gutter styles; None while the widget's
        CSS is not applied yet (just mounted), when the caller draws with fallbacks."""
        try:
            cursor = self.get_component_rich_style("document-view--cursor", partial=True)
            selection = self.screen.get_component_rich_style("screen--selection", partial=True)
            placeholder = self.get_component_rich_style("document-view--placeholder",
                                                        partial=True)
            gutter = self.get_component_rich_style("document-view--gutter", partial=True)
        except KeyError:
            return None
        if self.cursor_style:
            cursor = parse_style(self.cursor_style)
        if self.selection_highlight_style:
            selection = parse_style(self.selection_highlight_style)
        return self.rich_style, cursor, selection, placeholder, gutter

    def _current_styles(self) -> tuple[Style, Style, Style, Style, Style]:
        if self._style_key is None:
            self._style_key = self._styles()
            self._strips.clear()
        if self._style_key is not None:
            return self._style_key
        selection = parse_style(self.selection_highlight_style or "reverse underline")
        return (self.rich_style, parse_style(self.cursor_style or "reverse"), selection,
                Style(bold=True), Style(dim=True))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyle()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._current_styles()
        self._rewrap()  # a no-op unless the width changed before our Resize event arrived
        top = round(self.scroll_y)
        wrap = self._wrap
        first = top + crop.y
        last = min(top + crop.bottom, wrap.total_rows)
        for row in range(first, last):
            wrap.locate(row)  # wraps estimated lines on screen before drawing them
        if wrap.total_rows != self.virtual_size.height:
            self.call_later(self._sync_virtual_size)
        # Textual asks for the rows one by one next: find their spans in one sweep and the
        # geometry once, rather than per row.
        spans = dict(zip(range(first, last), wrap.spans(first, last), strict=False))
        self._pass_rows = (top, self.scrollable_content_region.width, spans)
        try:
            return super().render_lines(crop)
        finally:
            self._pass_rows = None

    def render_line(self, y: int) -> Strip:
        span = None
        if self._pass_rows is not None:
            top, width, spans = self._pass_rows
            span = spans.get(top + y)
        if span is None:
            width = self.scrollable_content_region.width
            if width - self._gutter_width != self._wrap.width and width > self._gutter_width:
                self._rewrap()
            top = round(self.scroll_y)
            if top + y >= self._wrap.total_rows or width <= 0:
                return Strip.blank(max(0, width), self._current_styles()[0])
            span = self._wrap.row_span(top + y)
        return self._row_strip(top + y, span[0], span[1], width)

    def _row_strip(self, row: int, start: int, end: int, width: int) -> Strip:
        layout = self._layout(start, self._wrap.content_end(end))
        stop = layout.stop
        newline = end > stop
        cursor = self._cursor
        cursor_span: tuple[int, int] | None = None
        cursor_on_newline = False
        if start <= cursor < end or (cursor == start == end):
            if cursor < stop:
                rel = cursor - start
                cursor_span = (start + layout.cluster_start(rel), start + layout.cluster_end(rel))
            else:
                cursor_on_newline = True
        selection_span: tuple[int, int] | None = None
        selection_newline = False
        if self._selection is not None:
            s, e = self._selection
            if s < stop and e > start:
                selection_span = (max(s, start), min(e, stop))
            selection_newline = newline and s <= stop < e
        gutter: tuple[str, int] | None = None
        if self._gutter is not None:
            hits = self._gutter.overlapping_indices(start, end)
            if hits:
                # A mark that starts on this row shows its glyph (the first listed wins);
                # a row that only continues marks shows the bar of the first listed.
                spans = self._gutter.spans
                starting = next((i for i in hits if spans[i][0] >= start), None)
                if starting is not None:
                    gutter = (self._gutter_chars[starting], starting)
                else:
                    gutter = (_GUTTER_BAR, hits[0])
        key = (row, start, end, width, cursor_span, cursor_on_newline, selection_span,
               selection_newline, gutter)
        strip = self._strips.get(key)
        if strip is not None:
            return strip
        strip = self._draw_row(row, layout, width, cursor_span, cursor_on_newline,
                               selection_span, selection_newline, gutter)
        self._strips.set(key, strip)
        return strip

    def _draw_row(self, row: int, layout: RowLayout, width: int,
                  cursor_span: tuple[int, int] | None, cursor_on_newline: bool,
                  selection_span: tuple[int, int] | None, selection_newline: bool,
                  gutter: tuple[str, int] | None) -> Strip:
        """One row as a Strip, each segment carrying the
        selection offset Textual's mouse selection reads (x counts drawn characters from the
        text's first cell, y is the row), as ``Strip.apply_offsets`` would add them."""
        base, cursor_style, selection_style, placeholder, gutter_style = self._current_styles()
        start, stop = layout.start, layout.stop
        extra: list[tuple[int, int, int, Style]] = []
        if selection_span is not None:
            extra.append((_RANK_SELECTION, *selection_span, selection_style))
        if cursor_span is not None:
            extra.append((_RANK_CURSOR, *cursor_span, cursor_style))
        pieces: list[tuple[str, Style]] = []
        gutter_width = self._gutter_width
        if gutter_width:
            if gutter is None:
                pieces.append((" " * gutter_width, base))
            else:
                char, index = gutter
                style = base + gutter_style + self._gutter.spans[index][2] if self._gutter \
                    else base
                pieces.append((char + " " * (gutter_width - 1), style))
        text_width = width - gutter_width
        if stop > start:
            spans = self._layers.spans_in(start, stop, extra)
            runs = style_runs(start, stop, spans, base)
            pieces.extend(row_pieces(layout, runs, placeholder))
        used = layout.cells
        cropped = used > text_width
        if not cropped and used < text_width and (cursor_on_newline or selection_newline):
            newline_spans = self._layers.spans_in(stop, stop)
            style = style_runs(stop, stop + 1, newline_spans, base)[0][2] if newline_spans \
                else base
            if selection_newline:
                style = style + selection_style
            if cursor_on_newline:
                style = style + cursor_style
            pieces.append((" ", style))
            used += 1
        if not cropped and used < text_width:
            pieces.append((" " * (text_width - used), base))
        segments = with_offsets(pieces, -gutter_width, row)
        if cropped:
            return Strip(segments).crop(0, width)
        return Strip(segments, width)
