"""The Compare view of the side panel: a legend of the gutter marks, the claims the sources
share (how each source tells each one), the entities of every source with per-source mention
counts, and the differences with both versions side by side.

Enter on a claim posts ``ComparePanel.ClaimChosen`` (the screen shows it in every pane);
enter on an entity posts ``ComparePanel.EntityChosen`` (the screen walks its mentions);
enter on a difference posts ``ComparePanel.DifferenceChosen`` (the screen shows both sides).
The text helpers at the top are pure, so the status line says the same as the panel.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Span, Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sidelight.tui.colors import COMPARE_GLYPHS, COMPARE_WORDS, Palette
from sidelight.tui.labels import SHORT_WIDTH, short_name
from sidelight.tui.safe_text import one_line, printable
from sidelight.tui.widgets.mounting import mount_now
from sidelight.tui.widgets.row_list import Row, RowList

if TYPE_CHECKING:
    # The comparison (and the entity word lists it loads) is imported when one is shown,
    # not for the reader's first screen.
    from sidelight.annotations.comparison import (
        Comparison,
        Difference,
        EntityRow,
        NumberContrast,
    )
    from sidelight.annotations.comparison.claims import Claim

_RELATION_SIGNS = {"conflict": "≠", "compatible": "≈", "vaguer": "~"}
_SPACES = re.compile(r"\s+")
_EXCERPT = 90  # characters of context shown around what differs, on each side at most


# --- words for what differs (pure) -------------------------------------------------------


def describe_number(n: NumberContrast) -> str:
    """``"around 7 percent ≠ roughly 9%"``; a vaguer figure is marked as such."""
    sign = _RELATION_SIGNS.get(n.relation, "≠")
    text = f"{one_line(n.a.text, 40)} {sign} {one_line(n.b.text, 40)}"
    return f"{text} (one is vaguer)" if n.relation == "vaguer" else text


def describe_quote_words(d: Difference) -> list[str]:
    """Each changed run of words in a quotation, as ``“will” → “are”``."""
    out: list[str] = []
    for q in d.quotes:
        for w in q.diff:
            if w.op == "replace":
                out.append(f"“{one_line(w.old, 30)}” → “{one_line(w.new, 30)}”")
            elif w.op == "delete":
                out.append(f"“{one_line(w.old, 30)}” only here")
            elif w.op == "insert":
                out.append(f"“{one_line(w.new, 30)}” only there")
    return out


def describe_difference(d: Difference) -> str:
    """What differs between the two sides, shortest first: numbers, then quoted words."""
    parts = [describe_number(n) for n in d.numbers]
    words = describe_quote_words(d)
    if words:
        parts.append("quote: " + ", ".join(words))
    return "; ".join(parts) or "worded differently"


def difference_spans(d: Difference, side: str) -> list[tuple[int, int]]:
    """Offsets (in that side's document) of the words that differ: quantities, and the
    changed words of quotations. ``side`` is "a" or "b"."""
    spans: list[tuple[int, int]] = []
    for n in d.numbers:
        q = n.a if side == "a" else n.b
        spans.append((q.start, q.end))
    for qc in d.quotes:
        quote = qc.a if side == "a" else qc.b
        pos = 0
        for w in qc.diff:
            words = w.old if side == "a" else w.new
            if not words:
                continue
            found = quote.text.find(words, pos)
            if found < 0:
                found = quote.text.lower().find(words.lower(), pos)
            if found < 0:
                continue  # the diff normalised the words; leave them unmarked
            pos = found + len(words)
            if w.op != "equal":
                spans.append((quote.start + found, quote.start + pos))
    return sorted(spans)


def excerpt(text: str, start: int, spans: Sequence[tuple[int, int]], style: str) -> Text:
    """``text`` (found at ``start`` in its document) cut to the part around ``spans`` with the
    spans in ``style``: a long sentence is shown where it differs."""
    rel = [(max(0, s - start), min(len(text), e - start)) for s, e in spans]
    rel = [(s, e) for s, e in rel if s < e]
    lo, hi = (rel[0][0], rel[-1][1]) if rel else (0, 0)
    first = max(0, lo - _EXCERPT)
    last = min(len(text), max(hi + _EXCERPT, first + 2 * _EXCERPT))
    out = Text("…" if first > 0 else "")
    pos = first
    for s, e in rel:
        if s < pos or e > last:
            continue
        out.append(_flat(text[pos:s]))
        out.append(_flat(text[s:e]), style=style)
        pos = e
    out.append(_flat(text[pos:last]))
    if last < len(text):
        out.append("…")
    return out


def _flat(text: str) -> str:
    """Safe to show, on one line, spaces kept at the ends (pieces are joined back)."""
    return _SPACES.sub(" ", printable(text))


def entity_line(row: EntityRow, width: int) -> Text:
    """A name, its type and one count per source; a source that never names it shows "·"."""
    name_width = _name_width(width, len(row.counts))
    name = one_line(row.name, name_width)
    text = Text(f"{name:<{name_width}} ", style="bold" if row.only_in is None else "")
    text.append(f"{short_name(row.label):<{SHORT_WIDTH}}", style="italic")
    for n in row.counts:
        text.append(f"{n:>3}" if n else f"{'·':>3}", style="" if n else "dim")
    return text


def entity_header(n_docs: int, width: int) -> Text:
    name_width = _name_width(width, n_docs)
    head = f"{'entity':<{name_width}} {'type':<{SHORT_WIDTH}}"
    head += "".join(f"{i + 1:>3}" for i in range(n_docs))
    return Text(head, style="bold underline")


def _name_width(width: int, n_docs: int) -> int:
    return max(8, width - SHORT_WIDTH - 1 - 3 * n_docs)


def legend_text(palette: Palette) -> Text:
    text = Text()
    for kind in COMPARE_GLYPHS:  # every kind of sentence, in the comparison's order
        text.append(f" {COMPARE_GLYPHS[kind]} ", style=palette.compare_mark(kind))
        text.append(COMPARE_WORDS[kind] if kind == "unique" else kind)
    text.append("   no mark: no counterpart found", style="dim")
    return text


def unmatched_text(comparison: Comparison) -> Text:
    """How many sentences of each source found no counterpart and carry no mark: "+" is
    kept for sentences that evidently only their source tells."""
    counts = [len(comparison.unmatched(i)) for i in range(len(comparison.documents))]
    if not any(counts):
        return Text()
    per = ", ".join(f"{n} in pane {i + 1}" for i, n in enumerate(counts) if n)
    return Text(f"\nNo counterpart found, no mark ({per}): another source may tell them "
                "in other words. + marks only what evidently no other source tells.",
                style="italic")


# --- the widget --------------------------------------------------------------------------


class _CompareList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.focus_document", "Back to the document",
                id="sidelight.back_to_document"),
    ]


class ClaimList(RowList):
    """Claims two or more sources tell; enter shows the claim in every pane. Drawn through
    the Line API, a row when it comes on screen: large sources have tens of thousands of
    claims, which an ``OptionList`` would lay out all at once as the comparison arrives."""

    BINDINGS: ClassVar[list[BindingType]] = _CompareList.BINDINGS


class ClaimRow(Row):
    """One claim's row, made when it is first drawn."""

    __slots__ = ("_claim", "_index", "_palette", "_width")

    def __init__(self, index: int, claim: Claim, width: int, palette: Palette) -> None:
        self._text: Text | None = None  # type: ignore[assignment]
        self.height = 1
        self._index, self._claim, self._width, self._palette = index, claim, width, palette

    @property
    def text(self) -> Text:
        if self._text is None:
            self._text = claim_line(self._index, self._claim, self._width, self._palette)
        return self._text


class EntityTable(_CompareList):
    """Entities with per-source counts; enter walks the mentions of the one highlighted."""


class DifferenceList(_CompareList):
    """Differences between sources; enter shows both sides in their panes."""


class ComparePanel(Vertical):
    class ClaimChosen(Message):
        def __init__(self, claim: Claim) -> None:
            super().__init__()
            self.claim = claim

    class EntityChosen(Message):
        def __init__(self, row: EntityRow) -> None:
            super().__init__()
            self.row = row

    class DifferenceChosen(Message):
        def __init__(self, difference: Difference) -> None:
            super().__init__()
            self.difference = difference

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[EntityRow] = []
        self._claims: list[Claim] = []
        self._differences: list[Difference] = []
        self._shown: tuple[Comparison, Palette] | None = None
        self._waiting: tuple[str, Palette] | None = None
        self._laid_out_for = 0
        self._built = False

    def compose(self) -> ComposeResult:
        # The panel's widgets are built on first use (``build``), not with the first screen,
        # which shows the annotation list: until then the panel only keeps what to show.
        yield from ()

    def build(self) -> bool:
        """Make the panel's widgets, showing what it was last given; False when the panel is
        going away (its screen closes) and takes no more widgets."""
        if self._built:
            return True
        widgets = (
            Static("", id="compare-legend", markup=False),
            Static("", id="compare-claims-head", classes="compare-head", markup=False),
            ClaimList(id="compare-claims"),
            Static("", id="compare-entities-head", classes="compare-head", markup=False),
            EntityTable(id="compare-entities"),
            Static("", id="compare-differences-head", classes="compare-head", markup=False),
            DifferenceList(id="compare-differences"),
        )
        if not mount_now(self, *widgets):
            return False
        self._built = True
        if self._shown is not None:
            self._draw(*self._shown)
        elif self._waiting is not None:
            self._draw_waiting(*self._waiting)
        return True

    @property
    def has_comparison(self) -> bool:
        return self._shown is not None

    @property
    def rows(self) -> list[EntityRow]:
        return list(self._rows)

    @property
    def differences(self) -> list[Difference]:
        return list(self._differences)

    @property
    def claims(self) -> list[Claim]:
        return list(self._claims)

    @property
    def lists(self) -> list[OptionList | RowList]:
        """The claims, entities and differences lists (none while the panel goes away)."""
        if not self.build():
            return []
        return [self.query_one(ClaimList), self.query_one(EntityTable),
                self.query_one(DifferenceList)]

    def _width(self) -> int:
        # Option text may be laid out before the panel has a size; it is redone on resize.
        return max(30, (self.size.width or 64) - 6)  # border, padding and scrollbar

    def on_resize(self) -> None:
        # Entity rows are padded to the panel's width: lay them out again for the new one.
        if self._built and self._shown is not None and self._width() != self._laid_out_for:
            self._draw(*self._shown)

    def show_waiting(self, message: str, palette: Palette) -> None:
        """Before a comparison exists: why (one document, still comparing, failed)."""
        self._rows, self._differences, self._claims = [], [], []
        self._shown = None
        self._waiting = (message, palette)
        if self._built:
            self._draw_waiting(message, palette)

    def _draw_waiting(self, message: str, palette: Palette) -> None:
        legend = legend_text(palette)
        legend.append(f"\n{message}", style="italic")
        self.query_one("#compare-legend", Static).update(legend)
        self.query_one("#compare-claims-head", Static).update("")
        self.query_one("#compare-entities-head", Static).update("")
        self.query_one("#compare-differences-head", Static).update("")
        for shown in self.lists:
            if isinstance(shown, RowList):
                shown.set_rows([])
            else:
                shown.set_options([])

    def show(self, comparison: Comparison, palette: Palette,
             claims: list[Claim] | None = None) -> None:
        """The comparison's claims (found here unless given, or kept from the last ``show``
        of the same comparison), entities and differences."""
        if claims is None and self._shown is not None and self._shown[0] is comparison:
            claims = self._claims
        if claims is None:
            from sidelight.annotations.comparison.claims import claims as claims_of

            claims = claims_of(comparison)
        self._shown = (comparison, palette)
        self._waiting = None
        self._rows = list(comparison.entity_rows)
        self._differences = list(comparison.differences)
        self._claims = list(claims)
        if self._built:
            self._draw(comparison, palette)
        else:
            self.build()  # draws it

    def _draw(self, comparison: Comparison, palette: Palette) -> None:
        width = self._width()
        self._laid_out_for = width
        n_docs = len(comparison.documents)
        legend = legend_text(palette)
        legend.append("\nkeys: = counterpart  > < difference  U only here  S sync",
                      style="italic")
        legend.append_text(unmatched_text(comparison))
        self.query_one("#compare-legend", Static).update(legend)
        n_claims = len(self._claims)
        self.query_one("#compare-claims-head", Static).update(Text(
            f"{n_claims} claim{'s' if n_claims != 1 else ''} told by two or more sources "
            "(enter shows it in every pane)", style="bold underline"))
        claim_list = self.query_one(ClaimList)
        keep = claim_list.highlighted
        if self._claims:
            claim_list.set_rows(ClaimRow(i, cl, width, palette)
                                for i, cl in enumerate(self._claims))
            claim_list.highlighted = min(keep or 0, n_claims - 1)
        else:
            claim_list.set_rows([], placeholder=Text("No claim is told by more than one source.",
                                                     "italic"))

        self.query_one("#compare-entities-head", Static).update(entity_header(n_docs, width))
        entities = self.query_one(EntityTable)
        keep = entities.highlighted
        if self._rows:
            entities.set_options(Option(entity_line(r, width), id=f"entity:{r.key}")
                                 for r in self._rows)
            entities.highlighted = min(keep or 0, len(self._rows) - 1)
        else:
            entities.set_options([Option(Text("No named entities recognised.", "italic"),
                                         disabled=True)])

        n = len(self._differences)
        self.query_one("#compare-differences-head", Static).update(
            Text(f"{n} difference{'s' if n != 1 else ''} (enter shows both sides)",
                 style="bold underline")
        )
        differences = self.query_one(DifferenceList)
        keep = differences.highlighted
        if self._differences:
            differences.set_options(
                Option(difference_view(i, d, palette), id=f"difference:{i}")
                for i, d in enumerate(self._differences)
            )
            differences.highlighted = min(keep or 0, n - 1)
        else:
            differences.set_options([Option(
                Text("No aligned passages differ in their numbers or quoted words.", "italic"),
                disabled=True,
            )])

    def on_row_list_chosen(self, event: RowList.Chosen) -> None:
        if not isinstance(event.row_list, ClaimList):
            return
        event.stop()
        if 0 <= event.index < len(self._claims):
            self.post_message(self.ClaimChosen(self._claims[event.index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        i = event.option_index
        if isinstance(event.option_list, EntityTable) and 0 <= i < len(self._rows):
            self.post_message(self.EntityChosen(self._rows[i]))
        elif isinstance(event.option_list, DifferenceList) and 0 <= i < len(self._differences):
            self.post_message(self.DifferenceChosen(self._differences[i]))


def claim_line(index: int, cl: Claim, width: int, palette: Palette) -> Text:
    """``3. ≠ = · ≈  the claim's words…``: how each source tells it, then its words."""
    # Made whole, not appended piece by piece: the panel makes one per claim, and large
    # sources have tens of thousands.
    head = f"{index + 1}. "
    spans: list[Span] = []
    glyphs: list[str] = []
    at = len(head)
    for told in cl.told:
        glyph = COMPARE_GLYPHS[told] if told else "·"
        spans.append(Span(at, at + len(glyph), palette.compare_mark(told) if told else "dim"))
        glyphs.append(glyph)
        at += len(glyph)
    marks = head + "".join(glyphs) + " "
    room = max(10, width - len(marks))
    return Text(marks + one_line(cl.text, room), style="bold", spans=spans)


def difference_view(index: int, d: Difference, palette: Palette) -> Group:
    """One difference: what differs, then the two versions side by side."""
    mark = palette.compare_mark("differs")
    head = Text(f"{index + 1}. ", style="bold")
    head.append(f"{d.a.doc + 1} ↔ {d.b.doc + 1}  ", style="bold")
    head.append(describe_difference(d), style=mark)
    table = Table(box=None, expand=True, show_header=True, padding=(0, 1, 0, 0),
                  header_style="bold")
    emphasis = f"{mark} underline"
    table.add_column(f"{d.a.doc + 1}", ratio=1)
    table.add_column(f"{d.b.doc + 1}", ratio=1)
    table.add_row(
        excerpt(d.a.text, d.a.start, difference_spans(d, "a"), emphasis),
        excerpt(d.b.text, d.b.start, difference_spans(d, "b"), emphasis),
    )
    return Group(head, table, Text(""))
