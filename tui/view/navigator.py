"""Cursor motions over a soft-wrapped document: where each key takes the cursor.

As Textual's ``DocumentNavigator`` does for ``TextArea``, this knows the text, its wrap index
(rows) and each row's cell layout (clusters, wide characters, tabs), and nothing of widgets,
scrolling or drawing: every motion is a function from an offset (and, for moves between rows,
the column the cursor aims for) to an offset, so it is tested without an app. Offsets are
code-point offsets into the text; the cursor sits on the first code point of a cluster.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sidelight.tui.view.cells import RowLayout, layout_row
from sidelight.tui.view.wrap import WrapIndex

_TOKEN = re.compile(r"\w+|[^\w\s]+")

# The layout of text[start:stop] (one row without its newline); the view passes its cache.
Layouter = Callable[[int, int], RowLayout]


@dataclass(frozen=True, slots=True)
class RowMove:
    """Where a move between rows lands, and the column later row moves keep aiming for."""

    offset: int
    goal: int


class Navigator:
    def __init__(self, text: str, wrap: WrapIndex, layout: Layouter | None = None) -> None:
        self.text = text
        self.wrap = wrap
        self._layout: Layouter = layout or (
            lambda start, stop: layout_row(text, start, stop, wrap.tab_size))

    # -- rows, columns and clusters -------------------------------------------------------

    @property
    def last(self) -> int:
        """The last offset the cursor can take (0 in an empty text)."""
        return max(0, len(self.text) - 1)

    def row_layout(self, row: int) -> tuple[int, int, RowLayout]:
        """(start, end, layout) of a row; end includes a trailing newline."""
        start, end = self.wrap.row_span(row)
        return start, end, self._layout(start, self.wrap.content_end(end))

    def snap(self, offset: int) -> int:
        """``offset`` clamped to the text and moved to the start of its cluster."""
        offset = min(max(0, offset), self.last)
        row = self.wrap.row_of_offset(offset)
        start, _end, layout = self.row_layout(row)
        if offset >= layout.stop:
            return offset
        return start + layout.cluster_start(offset - start)

    def cluster_end(self, offset: int) -> int:
        """The offset just after the cluster at ``offset``."""
        if not self.text:
            return 0
        row = self.wrap.row_of_offset(offset)
        start, _end, layout = self.row_layout(row)
        if offset >= layout.stop:
            return min(offset + 1, len(self.text))
        return start + layout.cluster_end(offset - start)

    def column(self, offset: int) -> tuple[int, int]:
        """(row, cell column) of an offset."""
        row = self.wrap.row_of_offset(offset)
        start, _end, layout = self.row_layout(row)
        return row, layout.col_of(min(offset - start, len(layout)))

    def offset_at(self, row: int, col: int) -> int:
        """The offset drawn at (row, cell column); past the end of a row, its last cluster."""
        row = min(max(0, row), self.wrap.total_rows - 1)
        start, _end, layout = self.row_layout(row)
        unit = layout.unit_at_col(col)
        if unit >= len(layout):
            unit = layout.cluster_start(len(layout) - 1) if len(layout) else 0
        return min(start + unit, self.last)

    def offset_at_drawn(self, row: int, index: int) -> int:
        """The offset of the character at ``index`` of a row's drawn text (Textual selection
        offsets count drawn characters); past the end, the end of the row."""
        if row >= self.wrap.total_rows:
            return len(self.text)
        start, end, layout = self.row_layout(max(0, row))
        unit = layout.unit_at_drawn(index)
        if unit >= len(layout):
            return end if index > len(layout.drawn) else layout.stop
        return start + unit

    # -- motions --------------------------------------------------------------------------

    def rows(self, offset: int, delta: int, goal: int | None = None) -> RowMove:
        """``delta`` rows down (up when negative), at the column ``goal`` (else the cursor's
        own), clamped to the first and last row."""
        row, col = self.column(offset)
        aim = col if goal is None else goal
        target = min(max(0, row + delta), self.wrap.total_rows - 1)
        return RowMove(self.offset_at(target, aim), aim)

    def left(self, offset: int) -> int:
        return offset - 1 if offset > 0 else offset

    def right(self, offset: int) -> int:
        return self.cluster_end(offset)

    def word_next(self, offset: int) -> int:
        """The start of the next word or run of punctuation (vim's ``w``)."""
        here = _TOKEN.match(self.text, offset)
        nxt = _TOKEN.search(self.text, here.end() if here else offset)
        return nxt.start() if nxt else self.last

    def word_end(self, offset: int) -> int:
        """The last character of this or the next word (vim's ``e``)."""
        nxt = _TOKEN.search(self.text, offset + 1)
        return nxt.end() - 1 if nxt else self.last

    def word_previous(self, offset: int) -> int:
        """The start of this or the previous word (vim's ``b``); searches back in growing
        windows so that a long text is not scanned from its start."""
        window = 256
        while True:
            lo = max(0, offset - window)
            last = None
            for last in _TOKEN.finditer(self.text, lo, offset):  # noqa: B007 - the final one
                pass
            if last is None and lo == 0:
                return 0
            if last is not None and (last.start() > lo or lo == 0):
                return last.start()
            window *= 4

    def row_start(self, offset: int) -> int:
        return self.wrap.row_span(self.wrap.row_of_offset(offset))[0]

    def row_end(self, offset: int) -> int:
        """The last cluster of the cursor's row."""
        start, _end, layout = self.row_layout(self.wrap.row_of_offset(offset))
        return start + layout.cluster_start(len(layout) - 1) if len(layout) else start

    def top(self) -> int:
        return 0

    def bottom(self) -> int:
        return self.last

    def paragraph_next(self, offset: int) -> int:
        """The blank line after this paragraph (vim's ``}``), else the end."""
        text, pos = self.text, offset
        while pos < len(text) and text[pos] == "\n":
            pos += 1
        gap = text.find("\n\n", pos)
        return gap + 1 if gap != -1 else self.last

    def paragraph_previous(self, offset: int) -> int:
        """The blank line before this paragraph (vim's ``{``), else the start."""
        text, pos = self.text, offset
        while pos > 0 and text[pos - 1] == "\n":
            pos -= 1
        gap = text.rfind("\n\n", 0, max(0, pos - 1))
        return gap + 1 if gap != -1 else 0
