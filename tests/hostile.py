"""Hostile documents for the document view, and the checks every one of them must pass.

``hostile_documents(n)`` generates ``n`` random hostile texts (random Unicode from every
plane, CJK, emoji with ZWJ and variation selectors, combining marks, right-to-left text,
tabs, CR/CRLF, lone surrogates, NUL, ESC/CSI/OSC/DCS sequences, C1 controls, bidi overrides,
very long words) and runs each through the view: the pure pipeline (wrap, layout, layered
spans) at several widths, then a mounted ``DocumentView`` in a headless app (jumps, keys,
visual selection, Textual mouse selections, drawing). It returns
``{"trials", "crashes", "mismatches"}`` and keeps the first failures for reporting.

Used by tests/test_hostile_view.py and by ``benchmarks/bench_hostile.py`` (the reliability
table).
"""

from __future__ import annotations

import asyncio
import os
import random
import traceback
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from rich.color import Color
from rich.style import Style

from sidelight.tui.view.cells import layout_row
from sidelight.tui.view.spans import LayerSet, row_segments, style_runs
from sidelight.tui.view.wrap import WrapIndex

if TYPE_CHECKING:
    from rich.segment import Segment

    from sidelight.tui.view import DocumentView

# What must never reach the terminal: controls, DEL, C1, bidi embeddings/overrides/isolates,
# line/paragraph separators, surrogates, and the joiners that make terminals re-measure.
UNSAFE = frozenset(
    [chr(c) for c in range(0x20)]
    + [chr(0x7F)]
    + [chr(c) for c in range(0x80, 0xA0)]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\u200d\ufe0f")
)

SELECTED_BG = "#010203"
_MOTIONS = [
    "cursor_up", "cursor_down", "cursor_left", "cursor_right", "word_next", "word_previous",
    "word_end", "row_start", "row_end", "page_up", "page_down", "half_page_down", "top",
    "bottom", "paragraph_next", "paragraph_previous",
]
_PIECES = (
    "漢字かなカナ한국어", "😀", "👨\u200d👩\u200d👧\u200d👦", "❤\ufe0f", "👍🏽", "🇫🇷",
    "1\ufe0f\u20e3",
    "e\u0301", "a\u0308\u0323\u0301\u0302\u0303\u0304", "\u0301", "\u200d", "\ufe0f",
    "שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c", "\u2066iso\u2069", "\u200f", "\t",
    "\r\n", "\r", "\n", "\n\n", "\x00", "\x1b[2J", "\x1b[31m", "\x1b]52;c;SGVsbG8=\x07",
    "\x1bP1$r0m\x1b\\", "\x1b]0;title\x1b\\", "\x9b31m", "\x85", "\x90q\x9c", "\x7f", "\x08",
    "\ud800", "\udfff", "\ufeff", "\u00ad", "\u2028", "\ufffe", "\U000e0041", "word ", " ",
    "   ", "supercalifragilisticexpialidocious" * 3, "The quick brown fox. ",
)


def hostile_text(rng: random.Random, pieces: int) -> str:
    """A random hostile text of about ``pieces`` pieces."""
    out: list[str] = []
    for _ in range(pieces):
        roll = rng.random()
        if roll < 0.5:
            out.append(rng.choice(_PIECES))
        elif roll < 0.8:
            out.append(chr(rng.randrange(0x20, 0x3000)))
        else:
            out.append(chr(rng.randrange(0, 0x110000)))
    return "".join(out)


@dataclass
class Tally:
    trials: int = 0
    crashes: int = 0
    mismatches: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, kind: str, text: str, detail: str) -> None:
        if kind == "crash":
            self.crashes += 1
        else:
            self.mismatches += 1
        if len(self.failures) < 5:
            self.failures.append(f"{kind}: {detail} (text {text[:80]!r})")


def _selection_style() -> Style:
    return Style.parse(f"on {SELECTED_BG}")


def check_pipeline(text: str, widths: tuple[int, ...], rng: random.Random) -> list[str]:
    """Pure checks of wrap, layout and span merging; returns what went wrong."""
    problems: list[str] = []
    selected = _selection_style()
    for width in widths:
        index = WrapIndex(text, width, budget=0.0)
        rows = list(index.iter_rows())
        if rows[0][0] != 0 or rows[-1][1] != len(text):
            problems.append(f"rows do not span the text at width {width}")
        for (_a, b), (c, _d) in pairwise(rows):
            if b != c:
                problems.append(f"rows not contiguous at {b}/{c}, width {width}")
                break
        layers = LayerSet()
        spans = []
        for _ in range(rng.randrange(0, 6)):
            s = rng.randrange(0, len(text) + 1)
            spans.append((s, min(len(text), s + rng.randrange(1, 40)), "bold on #202020"))
        layers.set("entities", spans)
        sel_start = rng.randrange(0, len(text) + 1)
        sel_end = min(len(text), sel_start + rng.randrange(0, 200))
        for start, end in rows[:400]:
            stop = index.content_end(end)
            layout = layout_row(text, start, stop)
            if UNSAFE.intersection(layout.drawn):
                problems.append(f"unsafe character drawn in row {start}..{stop}")
            if stop <= start:
                continue
            extra = []
            a, b = max(sel_start, start), min(sel_end, stop)
            if a < b:
                extra.append((7, a, b, selected))
            runs = style_runs(start, stop, layers.spans_in(start, stop, extra), Style())
            segments = row_segments(layout, runs, Style(bold=True))
            drawn = "".join(seg.text for seg in segments)
            if drawn != layout.drawn:
                problems.append(f"segments do not draw the row {start}..{stop}")
            shown = "".join(seg.text for seg in segments
                            if seg.style and seg.style.bgcolor == selected.bgcolor)
            want = layout.drawn[layout.drawn_index(a - start):layout.drawn_index(b - start)] \
                if a < b else ""
            if shown != want:
                problems.append(f"row {start}..{stop} highlights {shown!r}, selected {want!r}")
    return problems


async def _check_in_app(texts: list[str], rng: random.Random, tally: Tally) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from sidelight.annotations.documents import make_text_document
    from sidelight.tui.view import DocumentView

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hostile documents")

    app = Host()
    async with app.run_test(size=(44, 12)) as pilot:
        for text in texts:
            tally.trials += 1
            try:
                view = DocumentView(make_text_document("/hostile.txt", text))
                view.selection_highlight_style = f"on {SELECTED_BG}"
                await app.screen.mount(view)
                view.focus()
                await pilot.pause()
                problems = _exercise(view, text, rng)
                await view.remove()
            except Exception:
                tally.fail("crash", text, traceback.format_exc(limit=-3).strip().splitlines()[-1])
                continue
            for problem in problems[:1]:
                tally.fail("mismatch", text, problem)


def _screen_rows(view: DocumentView) -> list[list[Segment]]:
    return [list(view.render_line(y)) for y in range(view.scrollable_content_region.height)]


def _highlighted(view: DocumentView) -> str:
    bg = Color.parse(SELECTED_BG)
    return "".join(seg.text for row in _screen_rows(view) for seg in row
                   if seg.style is not None and seg.style.bgcolor == bg)


def _expected_highlight(view: DocumentView, start: int, end: int) -> str:
    """The drawn form of text[start:end] as far as it is on screen, with a selected newline
    drawn as one space when its row has room."""
    wrap = view.wrap_index
    width = wrap.width
    top = round(view.scroll_y)
    out = []
    for row in range(top, min(top + view.scrollable_content_region.height, wrap.total_rows)):
        a, b = wrap.row_span(row)
        stop = wrap.content_end(b)
        layout = layout_row(view.document.text, a, stop)
        s, e = max(start, a), min(end, stop)
        if s < e:
            out.append(layout.drawn[layout.drawn_index(s - a):layout.drawn_index(e - a)])
        if b > stop and start <= stop < end and layout.cells < width:
            out.append(" ")
    return "".join(out)


def _exercise(view: DocumentView, text: str, rng: random.Random) -> list[str]:
    from textual.geometry import Offset
    from textual.selection import Selection

    problems: list[str] = []
    n = len(text)
    for _ in range(3):
        view.move_cursor(rng.randrange(0, n + 2), center=rng.random() < 0.5)
        # Actions are called directly: the key → action path is covered by the widget tests,
        # and a pilot key press waits for the process to go idle (tens of ms) each time.
        for action in rng.sample(_MOTIONS, 4):
            getattr(view, f"action_{action}")()
        if not 0 <= view.cursor <= max(0, n - 1):
            problems.append(f"cursor {view.cursor} outside the text")
        view.action_toggle_visual()
        getattr(view, f"action_{rng.choice(_MOTIONS)}")()
        selection = view.selection
        if selection is not None:
            s, e = selection
            if not 0 <= s < e <= n:
                problems.append(f"visual selection {selection} outside the text")
            elif (shown := _highlighted(view)) != (want := _expected_highlight(view, s, e)):
                problems.append(f"visual selection {selection} drawn as {shown!r}, not {want!r}"
                                f" (cursor {view.cursor}, top row {round(view.scroll_y)})")
        view.action_cancel_visual()
        # A Textual (mouse) selection between two random screen positions.
        top = round(view.scroll_y)
        height = view.scrollable_content_region.height
        p1 = Offset(rng.randrange(-2, 48), top + rng.randrange(0, height))
        p2 = Offset(rng.randrange(-2, 48), top + rng.randrange(0, height))
        mouse = Selection.from_offsets(p1, p2)
        view.selection_updated(mouse)
        got = view.get_selection(mouse)
        if view.selection is None:
            if got is not None:
                problems.append("mouse selection text without a selection")
        else:
            s, e = view.selection
            if got is None or got[0] != text[s:e]:
                problems.append(f"mouse selection {view.selection} copies {got!r}")
            elif (shown := _highlighted(view)) != (want := _expected_highlight(view, s, e)):
                problems.append(f"mouse selection {view.selection} drawn as {shown!r}, "
                                f"not {want!r}")
        view.selection_updated(None)
        for row in _screen_rows(view):
            for seg in row:
                if UNSAFE.intersection(seg.text):
                    problems.append(f"unsafe character drawn: {seg.text!r}")
                    break
    return problems


def hostile_documents(n: int, *, seed: int = 7, app: bool = True) -> dict[str, int]:
    """Run ``n`` random hostile documents through the view; {trials, crashes, mismatches}."""
    rng = random.Random(seed)
    tally = Tally()
    texts = [hostile_text(rng, rng.randrange(1, 400)) for _ in range(n)]
    for text in texts:
        if not app:
            tally.trials += 1
        try:
            problems = check_pipeline(text, (1, 2, 7, 40), rng)
        except Exception:
            tally.fail("crash", text, traceback.format_exc(limit=-3).strip().splitlines()[-1])
            continue
        for problem in problems[:1]:
            tally.fail("mismatch", text, problem)
    if app:
        asyncio.run(_check_in_app(texts, rng, tally))
    hostile_documents.failures = tally.failures  # type: ignore[attr-defined]
    return {"trials": tally.trials, "crashes": tally.crashes, "mismatches": tally.mismatches}
