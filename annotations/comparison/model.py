"""What a comparison of several documents holds: plain frozen dataclasses and look-ups.

Documents are named by their index in ``Comparison.documents``; every offset is a code-point
offset into that document's ``text``, end exclusive, so a reader can mark and jump to it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from sidelight.annotations.comparison.numbers import Quantity
from sidelight.annotations.comparison.quotes import Quote, WordDiff
from sidelight.annotations.documents import Document
from sidelight.annotations.model import Annotation

# Sentence kinds, from most to least alike; a sentence's mark is the least alike of its
# counterparts' kinds, or "unique" when it has none and there is strong evidence that no
# other document tells it (``only_here``).
KINDS: tuple[str, ...] = ("same", "similar", "differs", "unique")
# A sentence with no counterpart found and no such evidence: most are claims another source
# tells in other words, so it gets no mark (neither told elsewhere nor only here).
UNMATCHED = "unmatched"


@dataclass(frozen=True, slots=True)
class DocSpan:
    """``text == documents[doc].text[start:end]``."""

    doc: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Where a sentence is told in another document: sentences ``first..last`` (indices into
    that document's sentence list; more than one when a long sentence was retold as two).
    A sentence may have several in one document (a claim told in two places): the best is
    listed first."""

    doc: int
    first: int
    last: int
    start: int
    end: int
    score: float
    kind: str


@dataclass(frozen=True, slots=True)
class AlignedSentence:
    index: int
    start: int
    end: int
    text: str
    kind: str
    counterparts: tuple[Counterpart, ...] = ()
    speaker: str = ""

    def counterpart_in(self, doc: int) -> Counterpart | None:
        return next((c for c in self.counterparts if c.doc == doc), None)


@dataclass(frozen=True, slots=True)
class NumberContrast:
    """Two quantities of one unit in aligned sentences that are not the same.
    ``relation``: 'conflict', 'compatible' (one wording allows the other) or 'vaguer'."""

    a: Quantity
    b: Quantity
    relation: str


@dataclass(frozen=True, slots=True)
class QuoteContrast:
    """One quotation rendered with different words in two sources."""

    a: Quote
    b: Quote
    diff: tuple[WordDiff, ...]


@dataclass(frozen=True, slots=True)
class Difference:
    """An aligned pair whose numbers or quoted words differ, with both versions."""

    a: DocSpan
    b: DocSpan
    score: float
    numbers: tuple[NumberContrast, ...] = ()
    quotes: tuple[QuoteContrast, ...] = ()

    @property
    def conflicts(self) -> tuple[NumberContrast, ...]:
        return tuple(n for n in self.numbers if n.relation == "conflict")


@dataclass(frozen=True, slots=True)
class Passage:
    """Sentences of several documents that tell the same thing. A document may have more than
    one side when its sentences are not adjacent."""

    kind: str
    score: float
    sides: tuple[DocSpan, ...]


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """The same quotation found in two documents; ``diff`` is empty when the words agree.
    ``trimmed``: one side quotes only a run of the other's words (no word differs)."""

    a_doc: int
    a: Quote
    b_doc: int
    b: Quote
    score: float
    diff: tuple[WordDiff, ...] = ()
    trimmed: bool = False

    @property
    def same(self) -> bool:
        return not self.diff


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One entity across the documents: its names as written (most frequent first), mention
    counts and mention offsets per document (in document order)."""

    key: str
    label: str
    names: tuple[str, ...]
    counts: tuple[int, ...]
    mentions: tuple[tuple[tuple[int, int], ...], ...]

    @property
    def only_in(self) -> int | None:
        """The one document that mentions it, or None when several (or none) do."""
        present = [i for i, c in enumerate(self.counts) if c]
        return present[0] if len(present) == 1 else None

    @property
    def name(self) -> str:
        return self.names[0] if self.names else self.key


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure (a unit and a value) across the documents: how each wrote it, how often,
    and where. ``value`` is the normalised value ("$9 billion" -> 9e9 with unit "USD")."""

    unit: str
    value: float
    texts: tuple[str, ...]
    counts: tuple[int, ...]
    mentions: tuple[tuple[tuple[int, int], ...], ...]

    @property
    def in_all(self) -> bool:
        return all(self.counts)


@dataclass(frozen=True, slots=True)
class Comparison:
    documents: tuple[Document, ...]
    sentences: tuple[tuple[AlignedSentence, ...], ...]
    passages: tuple[Passage, ...]
    differences: tuple[Difference, ...]
    quote_matches: tuple[QuoteMatch, ...]
    entity_rows: tuple[EntityRow, ...]
    figure_rows: tuple[FigureRow, ...] = ()
    quotes: tuple[tuple[Quote, ...], ...] = ()
    quantities: tuple[tuple[Quantity, ...], ...] = ()
    links: tuple[Annotation, ...] = ()
    _starts: tuple[tuple[int, ...], ...] = field(default=(), repr=False, compare=False)

    def marks(self, doc_index: int) -> list[tuple[int, int, str]]:
        """``(start, end, kind)`` of every marked sentence of a document, for gutter marks
        (an unmatched sentence has none)."""
        return [(s.start, s.end, s.kind) for s in self.sentences[doc_index]
                if s.kind != UNMATCHED]

    def sentence_at(self, doc_index: int, offset: int) -> AlignedSentence | None:
        """The sentence holding ``offset``, else the next one (offset in the gap between
        sentences), else the last; None for a document without sentences."""
        sents = self.sentences[doc_index]
        if not sents:
            return None
        starts = self._starts[doc_index] if self._starts else tuple(s.start for s in sents)
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < sents[i].end:
            return sents[i]
        return sents[min(i + 1, len(sents) - 1)]

    def counterparts(self, doc_index: int, offset: int) -> dict[int, tuple[int, int]]:
        """For the sentence at ``offset``: other document index -> ``(start, end)`` of where
        that document tells it. Documents that do not tell it are left out."""
        s = self.sentence_at(doc_index, offset)
        if s is None:
            return {}
        out: dict[int, tuple[int, int]] = {}
        for c in s.counterparts:
            out.setdefault(c.doc, (c.start, c.end))
        return out

    def follow(self, doc_index: int, offset: int) -> dict[int, int]:
        """Where each other document's pane should scroll to follow ``offset`` (synced
        scrolling): the counterpart of the sentence there, else of the nearest aligned
        sentence before it, else the document start."""
        s = self.sentence_at(doc_index, offset)
        out: dict[int, int] = {}
        if s is None:
            return {i: 0 for i in range(len(self.documents)) if i != doc_index}
        sents = self.sentences[doc_index]
        for other in range(len(self.documents)):
            if other == doc_index:
                continue
            target = 0
            for j in range(s.index, -1, -1):
                c = sents[j].counterpart_in(other)
                if c is not None:
                    target = c.start if j == s.index else c.end
                    break
            out[other] = target
        return out

    def unique(self, doc_index: int) -> list[DocSpan]:
        """Runs of adjacent sentences that no other document tells."""
        runs: list[DocSpan] = []
        text = self.documents[doc_index].text
        cur: list[AlignedSentence] = []
        for s in self.sentences[doc_index]:
            if s.kind == "unique" and (not cur or cur[-1].index == s.index - 1):
                cur.append(s)
                continue
            if cur:
                runs.append(_span(doc_index, text, cur))
            cur = [s] if s.kind == "unique" else []
        if cur:
            runs.append(_span(doc_index, text, cur))
        return runs

    def unmatched(self, doc_index: int) -> list[AlignedSentence]:
        """The sentences of a document that found no counterpart, without evidence that no
        other document tells them (no mark: they may be told elsewhere in other words)."""
        return [s for s in self.sentences[doc_index] if s.kind == UNMATCHED]

    def differences_in(self, doc_index: int) -> list[Difference]:
        """Differences with a side in this document, in its reading order (for next/previous
        difference), each turned so that ``a`` is this document's side."""
        out = []
        for d in self.differences:
            if d.a.doc == doc_index:
                out.append(d)
            elif d.b.doc == doc_index:
                out.append(flip(d))
        return sorted(out, key=lambda d: (d.a.start, d.b.doc))

    def entities_only_in(self, doc_index: int) -> list[EntityRow]:
        return [r for r in self.entity_rows if r.only_in == doc_index]


def flip(d: Difference) -> Difference:
    """The same difference seen from its other side."""
    return Difference(
        a=d.b,
        b=d.a,
        score=d.score,
        numbers=tuple(NumberContrast(n.b, n.a, n.relation) for n in d.numbers),
        quotes=tuple(
            QuoteContrast(q.b, q.a, tuple(WordDiff(_flip_op(w.op), w.new, w.old) for w in q.diff))
            for q in d.quotes
        ),
    )


def _flip_op(op: str) -> str:
    return {"insert": "delete", "delete": "insert"}.get(op, op)


def _span(doc: int, text: str, sents: list[AlignedSentence]) -> DocSpan:
    return DocSpan(doc, sents[0].start, sents[-1].end, text[sents[0].start : sents[-1].end])
