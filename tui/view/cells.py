"""How each code point of a document is drawn: its terminal cells and the text sent for it.

Every code point is one *drawing unit*, so selections map to offsets exactly. Units are
classified once per character (cached):

- NORMAL: drawn as itself, 1 or 2 cells (Rich's tables decide the width).
- TAB: spaces up to the next tab stop of the row.
- MARK: combining marks (0 cells) drawn after the character they modify.
- HIDDEN: invisible format characters that change how terminals measure or order a line
  (ZWJ, variation selectors, skin-tone modifiers, soft hyphen, bidi marks): not drawn, so the
  terminal's idea of the line's width always matches ours.
- PLACEHOLDER: control characters, bidi embeddings/overrides/isolates, line separators,
  surrogates and unassigned code points: drawn as one visible 1-cell symbol, never raw, so a
  document cannot move the cursor, clear the screen, set the clipboard or reorder the line.

A zero-width unit with nothing to attach to (start of a line, after a tab) is drawn on a
dotted circle, 1 cell, so that every cluster of units occupies at least one cell and can
carry the cursor.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rich.cells import get_character_cell_size

from sidelight.tui.safe_text import INVALID_PLACEHOLDER, placeholder

NORMAL, TAB, MARK, HIDDEN, PLACEHOLDER = range(5)
TAB_SIZE = 4
MAX_MARKS = 4  # combining marks drawn per base character; more would only pile up glyphs
ORPHAN_BASE = "\u25cc"  # dotted circle, the conventional base for a lone combining mark

_ALWAYS_HIDDEN = frozenset(
    [chr(c) for c in range(0xFE00, 0xFE10)]  # variation selectors
    + [chr(c) for c in range(0x1F3FB, 0x1F400)]  # emoji skin-tone modifiers
    + [chr(c) for c in range(0xE0100, 0xE01F0)]  # variation selectors supplement
)


def _classify(ch: str) -> tuple[int, str, int]:
    if ch == "\t":
        return TAB, " ", 0
    stand_in = placeholder(ch)
    if stand_in is not None:
        return PLACEHOLDER, stand_in, 1
    if ch in _ALWAYS_HIDDEN:
        return HIDDEN, "", 0
    category = unicodedata.category(ch)
    if category == "Cn":
        return PLACEHOLDER, INVALID_PLACEHOLDER, 1
    if category == "Cf":
        return HIDDEN, "", 0
    width = get_character_cell_size(ch)
    if width == 0 or category in ("Mn", "Me"):
        return MARK, ch, 0
    return NORMAL, ch, width


_UNITS: dict[str, tuple[int, str, int]] = {}


def classify(ch: str) -> tuple[int, str, int]:
    """(kind, drawn text, cells) of one code point, before tab and orphan adjustments."""
    unit = _UNITS.get(ch)
    if unit is None:
        unit = _UNITS[ch] = _classify(ch)
    return unit


# The code points below 0x2200 (Latin, Greek, Cyrillic, Armenian, Hebrew letters, general
# punctuation, currency, letterlike symbols, arrows) that ``_classify`` finds NORMAL, one cell,
# drawn as themselves: rows made only of these take the fast path (no per-character work to
# wrap or draw). Written out rather than classified at import, which cost every start-up of
# the reader 1,850 width look-ups; ``simple_chars_classified`` recomputes it, and a test
# keeps the two equal (a new Unicode version in Python or Rich would show there).
SIMPLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF), (0x370, 0x377), (0x37A, 0x37F),
    (0x384, 0x38A), (0x38C, 0x38C), (0x38E, 0x3A1), (0x3A3, 0x482), (0x48A, 0x52F),
    (0x531, 0x556), (0x559, 0x58A), (0x58D, 0x58F), (0x5BE, 0x5BE), (0x5C0, 0x5C0),
    (0x5C3, 0x5C3), (0x5C6, 0x5C6), (0x5D0, 0x5EA), (0x5EF, 0x5F4), (0x2010, 0x2027),
    (0x202F, 0x205F), (0x20A0, 0x20C0), (0x2100, 0x218B), (0x2190, 0x21FF),
)
# The blocks SIMPLE_RANGES was drawn from.
SIMPLE_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x20, 0x7F), (0xA0, 0x600), (0x2010, 0x2070), (0x20A0, 0x20C1), (0x2100, 0x2200),
)


def simple_chars_classified() -> frozenset[str]:
    """The characters of SIMPLE_BLOCKS drawn as themselves in exactly one cell, by
    ``_classify`` (what SIMPLE_RANGES must hold)."""
    chars = []
    for lo, hi in SIMPLE_BLOCKS:
        for cp in range(lo, hi):
            ch = chr(cp)
            kind, drawn, cells = _classify(ch)
            if kind == NORMAL and cells == 1 and drawn == ch:
                chars.append(ch)
    return frozenset(chars)


SIMPLE_CHARS = frozenset(chr(cp) for lo, hi in SIMPLE_RANGES for cp in range(lo, hi + 1))
_is_simple = SIMPLE_CHARS.issuperset


def is_simple(text: str) -> bool:
    """True when every character of ``text`` is one cell drawn as itself."""
    return _is_simple(text)


def safe_text(text: str) -> str:
    """``text`` with every unit replaced by what the view draws for it (for titles, status
    lines and other one-line uses outside the view)."""
    if _is_simple(text):
        return text
    out = []
    for ch in text:
        kind, drawn, _cells = classify(ch)
        out.append(" " if kind == TAB else drawn)
    return "".join(out)


@dataclass(slots=True)
class RowLayout:
    """How the code points ``start..stop`` of one row are drawn.

    ``drawn`` is the text sent to the terminal. For simple rows ``dpos``/``cols`` are None
    (unit i is drawn character i at cell i); otherwise ``dpos[i]`` is the index in ``drawn``
    where unit i starts and ``cols[i]`` the cell where it starts (both have one more entry,
    for the end). ``placeholders`` lists the units drawn as placeholder symbols.
    """

    start: int
    stop: int
    drawn: str
    cells: int
    dpos: list[int] | None = None
    cols: list[int] | None = None
    placeholders: tuple[int, ...] = ()

    @property
    def simple(self) -> bool:
        return self.dpos is None

    def __len__(self) -> int:
        return self.stop - self.start

    def col_of(self, i: int) -> int:
        """Cell column where unit ``i`` (relative to ``start``) begins."""
        return i if self.cols is None else self.cols[i]

    def drawn_index(self, i: int) -> int:
        return i if self.dpos is None else self.dpos[i]

    def is_cluster_start(self, i: int) -> bool:
        """Unit ``i`` occupies cells (zero-width units belong to the cluster before them)."""
        if self.cols is None:
            return True
        return self.cols[i + 1] > self.cols[i]

    def cluster_start(self, i: int) -> int:
        """The first unit of the cluster holding unit ``i``."""
        if self.cols is None:
            return i
        while i > 0 and self.cols[i + 1] == self.cols[i]:
            i -= 1
        return i

    def cluster_end(self, i: int) -> int:
        """One past the last unit of the cluster holding unit ``i``."""
        n = self.stop - self.start
        if self.cols is None:
            return min(i + 1, n)
        i += 1
        while i < n and self.cols[i + 1] == self.cols[i]:
            i += 1
        return min(i, n)

    def unit_at_col(self, col: int) -> int:
        """The unit drawn at cell ``col`` (cluster start); ``len(self)`` past the end."""
        n = self.stop - self.start
        if col < 0:
            return 0
        if col >= self.cells:
            return n
        if self.cols is None:
            return col
        cols = self.cols
        lo, hi = 0, n
        while lo < hi:  # last unit whose start column is <= col
            mid = (lo + hi + 1) // 2
            if cols[mid] <= col:
                lo = mid
            else:
                hi = mid - 1
        return self.cluster_start(lo)

    def unit_at_drawn(self, d: int) -> int:
        """The unit whose drawing holds character ``d`` of ``drawn``, snapped forward to a
        cluster start; ``len(self)`` past the end."""
        n = self.stop - self.start
        if d <= 0:
            return 0
        if d >= len(self.drawn):
            return n
        if self.dpos is None:
            return d
        dpos = self.dpos
        lo, hi = 0, n
        while lo < hi:  # first unit starting at or after d
            mid = (lo + hi) // 2
            if dpos[mid] < d:
                lo = mid + 1
            else:
                hi = mid
        while lo < n and not self.is_cluster_start(lo):
            lo += 1
        return lo


def layout_row(text: str, start: int, stop: int, tab_size: int = TAB_SIZE) -> RowLayout:
    """Lay out ``text[start:stop]`` (no newline inside) as one row starting at cell 0."""
    chunk = text[start:stop]
    if _is_simple(chunk):
        return RowLayout(start, stop, chunk, len(chunk))
    drawn: list[str] = []
    dpos = [0] * (len(chunk) + 1)
    cols = [0] * (len(chunk) + 1)
    placeholders: list[int] = []
    col = 0
    dlen = 0
    has_base = False
    marks = 0
    units = _UNITS
    for i, ch in enumerate(chunk):
        dpos[i] = dlen
        cols[i] = col
        unit = units.get(ch) or classify(ch)
        kind, piece, cells = unit
        if kind == NORMAL:
            has_base = True
            marks = 0
        elif kind == TAB:
            cells = tab_size - col % tab_size
            piece = " " * cells
            has_base = False
        elif kind == PLACEHOLDER:
            placeholders.append(i)
            has_base = True
            marks = 0
        elif not has_base:  # a lone zero-width unit: draw it on a dotted circle
            piece = ORPHAN_BASE + piece
            cells = 1
            has_base = True
            marks = 1
        elif kind == MARK:
            marks += 1
            if marks > MAX_MARKS:
                piece = ""
        drawn.append(piece)
        dlen += len(piece)
        col += cells
    dpos[len(chunk)] = dlen
    cols[len(chunk)] = col
    return RowLayout(start, stop, "".join(drawn), col, dpos, cols, tuple(placeholders))


def row_end(text: str, start: int, stop: int, width: int, tab_size: int = TAB_SIZE) -> int:
    """Where the row beginning at ``start`` ends when ``text[start:stop]`` (one line, no
    newline) is wrapped to ``width`` cells: after the last space that fits, or hard at the
    width when a word is longer than the row. Returns ``stop`` when the rest fits.

    Uses the same unit widths as ``layout_row``; a row never starts with a zero-width unit
    unless the line does, so clusters are never split across rows.
    """
    width = max(1, width)
    col = 0
    has_base = False
    last_break = -1
    units = _UNITS
    for i in range(start, stop):
        ch = text[i]
        unit = units.get(ch) or classify(ch)
        kind, _piece, cells = unit
        if kind in (NORMAL, PLACEHOLDER):
            has_base = True
        elif kind == TAB:
            cells = tab_size - col % tab_size
            has_base = False
        elif not has_base:
            cells = 1
            has_base = True
        if cells:
            if i > start and text[i - 1] == " ":
                last_break = i
            if col + cells > width and col > 0:
                return last_break if last_break > start else i
            col += cells
    return stop
