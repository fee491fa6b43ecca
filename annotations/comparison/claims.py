"""Claims across many sources: one row per claim, which sources tell it, how, and which
figures or quotations conflict. A claim is a passage of the comparison (sentences of several
documents that tell the same thing); with five or twenty reports of one story, this is the
table a fact-checker reads first.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from sidelight.annotations.comparison.model import (
    KINDS,
    UNMATCHED,
    Comparison,
    Difference,
    DocSpan,
)

_RANK = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True, slots=True)
class Claim:
    """``told[doc]`` is how that document tells the claim ("same", "similar", "differs") or
    "" when it does not; ``sides`` are the passages that tell it, by document order."""

    text: str
    sides: tuple[DocSpan, ...]
    told: tuple[str, ...]
    differences: tuple[Difference, ...]

    @property
    def sources(self) -> int:
        return sum(1 for t in self.told if t)

    @property
    def conflicts(self) -> bool:
        return any(d.conflicts or d.quotes for d in self.differences)


def claims(c: Comparison) -> list[Claim]:
    """Every claim that two or more sources tell: most widely told first, then in the
    order of the first source that tells it."""
    n = len(c.documents)
    # Sentences and difference sides sorted by where they start, per document, so that a
    # passage finds the ones inside it by bisection: time grows with the text, not with
    # passages times sentences (minutes for four 1 MB sources).
    starts = [[s.start for s in sents] for sents in c.sentences]
    by_doc: dict[int, list[tuple[int, int, int]]] = {}
    for di, d in enumerate(c.differences):
        for side in (d.a, d.b):
            by_doc.setdefault(side.doc, []).append((side.start, side.end, di))
    for spans in by_doc.values():
        spans.sort()
    diff_starts = {doc: [start for start, _end, _di in spans] for doc, spans in by_doc.items()}
    out: list[Claim] = []
    for p in c.passages:
        told = [""] * n
        for side in p.sides:
            sents = c.sentences[side.doc]
            # By index: ``islice`` would step through every sentence before ``first``.
            for k in range(bisect.bisect_left(starts[side.doc], side.start), len(sents)):
                s = sents[k]
                if s.start > side.end:
                    break
                if s.end <= side.end and s.kind not in ("unique", UNMATCHED):
                    old = told[side.doc]
                    told[side.doc] = s.kind if not old else max(old, s.kind, key=_RANK.get)
        if sum(1 for t in told if t) < 2:
            continue
        found: set[int] = set()
        for side in p.sides:
            spans = by_doc.get(side.doc, [])
            for k in range(bisect.bisect_left(diff_starts.get(side.doc, []), side.start),
                           len(spans)):
                start, end, di = spans[k]
                if start > side.end:
                    break
                if end <= side.end:
                    found.add(di)
        inside = [di for di in sorted(found) if _within(c.differences[di], p.sides)]
        for di in inside:
            d = c.differences[di]
            for side in (d.a, d.b):
                told[side.doc] = "differs"
        sides = tuple(sorted(p.sides, key=lambda s: (s.doc, s.start)))
        out.append(Claim(sides[0].text, sides, tuple(told),
                         tuple(c.differences[di] for di in inside)))
    out = _one_row_per_claim(out)
    out.sort(key=lambda cl: (-cl.sources, cl.sides[0].doc, cl.sides[0].start))
    return told_by_their_own_words(out)


def _one_row_per_claim(rows: list[Claim]) -> list[Claim]:
    """Rows that hold the very same passage of one source and no two passages of any other
    are one claim: a sentence that three reports retell, each in words the others do not
    share, made three rows beginning with the same sentence. Rows only joined through a
    chain of different passages stay apart, since a chain can drift from one claim to the
    next."""
    merged: list[Claim] = []
    owner: dict[tuple[int, int, int], int] = {}
    for row in rows:
        keys = [(s.doc, s.start, s.end) for s in row.sides]
        hits = {owner[k] for k in keys if k in owner}
        if len(hits) == 1:
            at = hits.pop()
            into = merged[at]
            shared = {(s.doc, s.start, s.end) for s in into.sides}
            docs = {s.doc for s in into.sides}
            extra = [s for s in row.sides if (s.doc, s.start, s.end) not in shared]
            if all(s.doc not in docs for s in extra) and len({s.doc for s in extra}) == len(
                    extra):
                told = tuple(a if not b else b if not a else max(a, b, key=_RANK.get)
                             for a, b in zip(into.told, row.told, strict=True))
                sides = tuple(sorted((*into.sides, *extra), key=lambda s: (s.doc, s.start)))
                known = set(into.differences)
                merged[at] = Claim(sides[0].text, sides, told, (*into.differences, *(
                    d for d in row.differences if d not in known)))
                for s in extra:
                    owner[(s.doc, s.start, s.end)] = at
                continue
        for k in keys:
            owner.setdefault(k, len(merged))
        merged.append(row)
    return merged


def told_by_their_own_words(rows: list[Claim]) -> list[Claim]:
    """A long sentence of one source can tell two claims that another source tells in two
    sentences; both rows would then read as the same sentence. Each row is worded instead by
    its first passage that no other row shares, so that two rows never look like one."""
    # Keyed by where a passage starts: two passages from one place begin with the same words.
    uses: dict[tuple[int, int], int] = {}
    for row in rows:
        for s in row.sides:
            uses[(s.doc, s.start)] = uses.get((s.doc, s.start), 0) + 1
    out: list[Claim] = []
    for row in rows:
        own = next((s for s in row.sides if uses[(s.doc, s.start)] == 1), None)
        out.append(row if own is None or own.text == row.text else
                   Claim(own.text, row.sides, row.told, row.differences))
    return out


def _within(d: Difference, sides: tuple[DocSpan, ...]) -> bool:
    def inside(x: DocSpan) -> bool:
        return any(s.doc == x.doc and s.start <= x.start and x.end <= s.end for s in sides)

    return inside(d.a) and inside(d.b)
