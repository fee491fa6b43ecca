"""What one capitalised span says out of context: its names, their labels and confidence.

The analysis of a span depends on the gazetteer and the language alone, so it is cached (per
span and position: mid-sentence, sentence start, headline) and shared by every document.
"""

from __future__ import annotations

from .gazetteer import Gazetteer
from .lexicon import ENGLISH, Lexicon
from .mentions import HEAD, NEED, Reading, Result
from .span_reading import SpanReader

# Company-form words written after a comma ("Maritime Industries, Inc."): part of the name.
COMMA_SUFFIX = frozenset(("Inc.", "Inc", "Ltd.", "Ltd", "LLC", "LLP", "Corp.", "Corp", "Co.",
                           "plc", "PLC", "S.A.", "AG", "N.V.", "NV", "SA", "L.P.", "LP"))
COMMA_SUFFIX_STARTS = tuple(COMMA_SUFFIX)


def doubtful_word(span: str, res: list[Result]) -> tuple[int, int] | None:
    """Where in ``span`` its one doubtful word stands, when that is its whole reading and the
    word cannot be joined to a company form after a comma ("Industries, Inc.")."""
    if len(res) == 1:
        a, b, label, conf = res[0]
        if conf == NEED and label == "ORG" and span[a:b] not in COMMA_SUFFIX:
            return a, b
    return None


class Analyser(SpanReader):
    """Context-free analysis of one capitalised span, cached per document run: the reading
    of ``SpanReader`` per span and position, and what the pass over the text asks of it."""

    def __init__(self, gz: Gazetteer, lx: Lexicon = ENGLISH) -> None:
        super().__init__(gz, lx)
        self.cache: dict[tuple[str, bool], list[Result]] = {}
        self.sens: dict[str, bool] = {}
        # What the pass over the text needs of a span, mid-sentence [0] and at a start [1].
        self.readings: tuple[dict[str, Reading], dict[str, Reading]] = ({}, {})
        # Spans that are one doubtful word wherever they stand, or None (see the method).
        self.anywhere: dict[str, tuple[int, int] | None] = {}
        # Spans read the same wherever they stand off a headline: their reading and whether a
        # headline could change it, or None (see the method).
        self.settled: dict[str, tuple[list[Result], bool] | None] = {}

    def doubtful_anywhere(self, span: str) -> tuple[int, int] | None:
        """The doubtful word the span stands for both at a sentence start and mid-sentence,
        read the same on a headline, not in capitals: then where it stands does not matter."""
        mid = self.reading(span, False)
        start = self.reading(span, True)
        if mid[0] or mid[2] or start[2] or mid[3] is None or mid[3] != start[3]:
            return None
        return mid[3]

    def settled_anywhere(self, span: str) -> tuple[list[Result], bool] | None:
        """The span's reading when it is the same mid-sentence and at a sentence start, it is
        not in capitals and holds no doubtful word, and whether a headline could read it
        otherwise (then the line must be asked); where every noun is capitalised (a
        capital mid-sentence is no evidence) nothing else about where it stands matters.
        Else None."""
        mid = self.reading(span, False)
        start = self.reading(span, True)
        if mid[0] or mid[3] is not None or start[3] is not None or mid[1] != start[1]:
            return None
        return mid[1], mid[2] or start[2]

    def reading(self, span: str, initial: bool) -> Reading:
        """A span's analysis where it stands (mid-sentence or at a sentence start) and what
        the pass over the text asks of it, worked out once per span: whether it is in
        capitals, whether a headline would read it differently, and the doubtful word
        (start, end) it stands for, if it is no more than one (see ``Doubtful``)."""
        hit = self.readings[initial].get(span)
        if hit is None:
            res = self.analyse(span, initial)
            sensitive = (" " in span) if initial else self.sensitive(span)
            hit = self.readings[initial][span] = (
                span.isupper() and len(span) > 1, res, sensitive, doubtful_word(span, res))
        return hit

    def analyse(self, span: str, initial: int) -> list[Result]:
        key = (span, initial)
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = self._span(span, initial)
        return hit

    def sensitive(self, span: str) -> bool:
        """Whether the span reads differently at a sentence start (then headlines matter)."""
        hit = self.sens.get(span)
        if hit is None:
            mid = self.analyse(span, False)
            hit = self.sens[span] = self.analyse(span, True) != mid or (
                # A headline after a name ("Read more: AMD's Lisa Su Redoubles ...")
                " " in span and self.analyse(span, HEAD) != mid)
        return hit
