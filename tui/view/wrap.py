"""The wrap index: a document's text cut into screen rows of at most ``width`` cells.

A *line* is a run of text ending with ``\\n`` (or the end of the text); its newline belongs
to its last row, so the rows of all lines cover every offset exactly once, in order. A
trailing newline does not open an extra empty line.

Lines are wrapped lazily: on construction and on every width change, lines are wrapped
exactly in order until a time budget runs out; the rest hold an estimate of their row count
until something needs them (drawing, cursor, ``wrap_some`` in idle time). Row numbers are
therefore exact for wrapped lines and for everything above the first estimated line.
Row counts are kept in blocks of lines with cached block prefix sums, so finding the line
of a row and the row of a line are cheap even with millions of lines.
"""

from __future__ import annotations

import re
import time
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate

from sidelight.tui.view.cells import TAB_SIZE, is_simple, row_end

BLOCK = 256
PROVISIONAL_WIDTH = 80  # used until the first set_width, e.g. before a view is laid out
_NEWLINE = re.compile("\n")


def wrap_line(text: str, start: int, stop: int, width: int, tab_size: int = TAB_SIZE) -> list[int]:
    """Row start offsets for ``text[start:stop]`` (one line without its newline)."""
    width = max(1, width)
    if stop - start <= width and is_simple(text[start:stop]):
        return [start]
    rows = [start]
    if is_simple(text[start:stop]):
        rfind = text.rfind
        pos = start
        while stop - pos > width:
            space = rfind(" ", pos, pos + width)
            pos = space + 1 if space != -1 else pos + width
            rows.append(pos)
        return rows
    pos = start
    while True:
        pos = row_end(text, pos, stop, width, tab_size)
        if pos >= stop:
            return rows
        rows.append(pos)


class WrapIndex:
    """Rows of a text at a width, with offset ↔ row mapping."""

    def __init__(self, text: str, width: int, *, tab_size: int = TAB_SIZE,
                 budget: float = 0.05) -> None:
        """Index ``text``; with ``width`` 0 nothing is wrapped ahead of time and lines asked
        for are wrapped at a provisional width until ``set_width``."""
        self.text = text
        self.tab_size = tab_size
        self.budget = budget
        starts = array("q", [0])
        n = len(text)
        starts.extend(m.end() for m in _NEWLINE.finditer(text) if m.end() < n)
        self.line_starts = starts
        self.width = 0
        self._counts = array("q", [1] * len(starts))
        self._exact = bytearray(len(starts))
        self._rows: dict[int, tuple[int, ...]] = {}
        self._block_sums = array("q", [sum(self._counts[b:b + BLOCK])
                                       for b in range(0, len(starts), BLOCK)])
        self._block_prefix: list[int] | None = None
        self._block_cache: dict[int, list[int]] = {}
        self._next_unwrapped = 0
        if width > 0:
            self.set_width(width)

    # -- construction ------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_bounds(self, line: int) -> tuple[int, int]:
        """(start, end) of a line including its newline."""
        starts = self.line_starts
        end = starts[line + 1] if line + 1 < len(starts) else len(self.text)
        return starts[line], end

    def _content_end(self, end: int) -> int:
        return end - 1 if end > 0 and self.text[end - 1] == "\n" else end

    def set_width(self, width: int) -> None:
        """Rewrap for a new width (cheap: exact up to the time budget, estimated after)."""
        width = max(1, width)
        if width == self.width:
            return
        self.width = width
        starts = self.line_starts
        n = len(starts)
        ends = list(starts[1:])
        ends.append(len(self.text))
        # Estimate: a line of k code points needs about ceil(k / width) rows.
        w = width
        self._counts = array("q", [max(1, (e - s - 1) // w + 1) for s, e in zip(starts, ends,
                                                                             strict=True)])
        self._exact = bytearray(n)
        self._rows: dict[int, tuple[int, ...]] = {}
        self._block_sums = array("q", [sum(self._counts[b:b + BLOCK]) for b in range(0, n, BLOCK)])
        self._block_prefix: list[int] | None = None
        self._block_cache: dict[int, list[int]] = {}
        self._next_unwrapped = 0
        self.wrap_some(self.budget)

    def wrap_some(self, budget: float) -> bool:
        """Wrap estimated lines in order for about ``budget`` seconds; True when all exact."""
        deadline = time.perf_counter() + budget
        n = len(self.line_starts)
        i = self._next_unwrapped
        exact = self._exact
        while i < n:
            if not exact[i]:
                self.ensure_line(i)
            i += 1
            if not i & 63 and time.perf_counter() > deadline:
                break
        self._next_unwrapped = i
        return i >= n

    @property
    def complete(self) -> bool:
        return self._next_unwrapped >= len(self.line_starts)

    def ensure_line(self, line: int) -> bool:
        """Wrap one line exactly; True if its row count changed (rows below renumbered)."""
        if self._exact[line]:
            return False
        start, end = self.line_bounds(line)
        rows = wrap_line(self.text, start, self._content_end(end),
                         self.width or PROVISIONAL_WIDTH, self.tab_size)
        self._exact[line] = 1
        if len(rows) > 1:
            # A tuple of ints, because the garbage collector stops tracking those after its
            # first look (arrays it keeps scanning), and a big document has thousands of them.
            self._rows[line] = tuple(rows)
        count = len(rows)
        old = self._counts[line]
        if count == old:
            return False
        self._counts[line] = count
        self._block_sums[line // BLOCK] += count - old
        self._block_prefix = None
        self._block_cache.pop(line // BLOCK, None)
        return True

    # -- queries -----------------------------------------------------------------------

    def _prefix(self) -> list[int]:
        if self._block_prefix is None:
            self._block_prefix = [0, *accumulate(self._block_sums)]
        return self._block_prefix

    @property
    def total_rows(self) -> int:
        return self._prefix()[-1]

    def first_row_of_line(self, line: int) -> int:
        b = line // BLOCK
        return self._prefix()[b] + self._block_rows(b)[line - b * BLOCK]

    def _block_rows(self, b: int) -> list[int]:
        """First row of each line of block ``b``, relative to the block (cached per block)."""
        rows = self._block_cache.get(b)
        if rows is None:
            rows = [0, *accumulate(self._counts[b * BLOCK:(b + 1) * BLOCK])]
            self._block_cache[b] = rows
        return rows

    def line_of_row(self, row: int) -> int:
        """The line holding ``row`` under the current (possibly estimated) numbering."""
        prefix = self._prefix()
        row = min(max(0, row), prefix[-1] - 1)
        b = min(bisect_right(prefix, row) - 1, len(self._block_sums) - 1)
        rows = self._block_rows(b)
        k = min(bisect_right(rows, row - prefix[b]) - 1, len(rows) - 2)
        return b * BLOCK + k

    def line_of_offset(self, offset: int) -> int:
        return max(0, bisect_right(self.line_starts, offset) - 1)

    def row_starts(self, line: int) -> Sequence[int]:
        """Exact row start offsets of a line (wraps it if needed)."""
        self.ensure_line(line)
        return self._rows.get(line) or (self.line_starts[line],)

    def locate(self, row: int) -> tuple[int, int]:
        """(line, row within line) for a row, wrapping lines as needed so the answer is exact
        (if wrapping shrinks a line, ``row`` may land in a following line)."""
        total = self.total_rows
        row = min(max(0, row), total - 1)
        while True:
            line = self.line_of_row(row)
            if not self.ensure_line(line):
                return line, row - self.first_row_of_line(line)
            row = min(row, self.total_rows - 1)

    def row_span(self, row: int) -> tuple[int, int]:
        """(start, end) offsets of a row; end includes the line's newline on its last row."""
        line, k = self.locate(row)
        return self.span_of(line, k)

    def span_of(self, line: int, k: int) -> tuple[int, int]:
        rows = self.row_starts(line)
        start = rows[k]
        end = rows[k + 1] if k + 1 < len(rows) else self.line_bounds(line)[1]
        return start, end

    def spans(self, first: int, last: int) -> list[tuple[int, int]]:
        """Row spans of rows ``first..last-1`` in one sweep (call ``locate`` on each row
        first if their lines may still be estimated)."""
        if last <= first:
            return []
        line, k = self.locate(first)
        out: list[tuple[int, int]] = []
        n = len(self.line_starts)
        while len(out) < last - first and line < n:
            rows = self.row_starts(line)
            line_end = self.line_bounds(line)[1]
            while k < len(rows) and len(out) < last - first:
                out.append((rows[k], rows[k + 1] if k + 1 < len(rows) else line_end))
                k += 1
            line, k = line + 1, 0
        return out

    def row_of_offset(self, offset: int) -> int:
        """The row holding ``offset`` (clamped into the text)."""
        offset = min(max(0, offset), len(self.text))
        line = self.line_of_offset(offset)
        rows = self.row_starts(line)
        k = bisect_right(rows, offset) - 1 if len(rows) > 1 else 0
        return self.first_row_of_line(line) + k

    def content_end(self, end: int) -> int:
        """``end`` without a trailing newline (the drawable part of a row span)."""
        return self._content_end(end)

    def iter_rows(self) -> Iterator[tuple[int, int]]:
        """Every (start, end) row span in order (wraps every line; for tests and tools)."""
        for line in range(len(self.line_starts)):
            rows = self.row_starts(line)
            _, line_end = self.line_bounds(line)
            for k, start in enumerate(rows):
                yield start, rows[k + 1] if k + 1 < len(rows) else line_end
