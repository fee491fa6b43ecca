"""What differs between two aligned passages: their numbers and their quoted words.

Numbers are compared only unit by unit (a percentage with a percentage, dollars with
dollars); a number that only one side gives is extra information, not a difference.
Quotations are compared when they are renderings of one quote (enough words in common); a
quote that one side only shortens (its words are a run of the other's) is not a difference.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Sequence

from annotations.comparison.model import NumberContrast, QuoteContrast
from annotations.comparison.numbers import Quantity, compare_quantities
from annotations.comparison.quotes import (
    Quote,
    quote_stems,
    quote_words,
    same_quote,
    word_diff,
)

QUOTE_OVERLAP = 0.5  # share of content words two renderings of one quote have in common
# Bare numbers (nothing says the two count the same thing) and years (two years in two
# sentences mostly date two events: "the 2016 campaign", "deleted in 2015").
_NOT_COMPARED = frozenset({"", "calendar-year"})


def number_contrasts(a: Sequence[Quantity], b: Sequence[Quantity]) -> list[NumberContrast]:
    """Pairs of same-unit quantities that are not the same, conflicts first matched by
    nearest value. Quantities that agree with one on the other side are left out."""
    by_unit_a: dict[str, list[Quantity]] = defaultdict(list)
    by_unit_b: dict[str, list[Quantity]] = defaultdict(list)
    for q in a:
        by_unit_a[q.unit].append(q)
    for q in b:
        by_unit_b[q.unit].append(q)
    out: list[NumberContrast] = []
    for unit, qa in by_unit_a.items():
        qb = by_unit_b.get(unit)
        if not qb or unit in _NOT_COMPARED:
            continue
        rest_a = [x for x in qa if not any(compare_quantities(x, y) == "same" for y in qb)]
        rest_b = [y for y in qb if not any(compare_quantities(x, y) == "same" for x in qa)]
        used: set[int] = set()
        for x in rest_a:
            pairs = [(compare_quantities(x, y), j, y) for j, y in enumerate(rest_b)
                     if j not in used]
            if not pairs:
                break
            # Prefer a pairing the wordings allow; else the nearest value is the one meant.
            allowed = [p for p in pairs if p[0] != "conflict"]
            rel, j, y = allowed[0] if allowed else min(pairs, key=lambda p: _distance(x, p[2]))
            used.add(j)
            out.append(NumberContrast(x, y, rel))
    return out


def _distance(x: Quantity, y: Quantity) -> float:
    vx = x.value if x.value is not None else (x.low + x.high) / 2
    vy = y.value if y.value is not None else (y.low + y.high) / 2
    return abs(vx - vy)


def quote_overlap(a: str, b: str) -> float:
    """Share of content words two quotations have in common (0..1, over the shorter)."""
    wa, wb = quote_stems(a), quote_stems(b)
    if not wa or not wb:
        return 1.0 if same_quote(a, b) else 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def is_shortened(a: str, b: str) -> bool:
    """One quotation's words are a contiguous run of the other's (a trimmed quote)."""
    ta, tb = quote_words(a), quote_words(b)
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if not short:
        return True
    m = difflib.SequenceMatcher(None, long_, short, autojunk=False).find_longest_match(
        0, len(long_), 0, len(short)
    )
    return m.size == len(short)


def quote_contrasts(a: Sequence[Quote], b: Sequence[Quote]) -> list[QuoteContrast]:
    """Quotations of one passage rendered with different words in the other."""
    out: list[QuoteContrast] = []
    used: set[int] = set()
    for qa in a:
        best: tuple[float, int] | None = None
        for j, qb in enumerate(b):
            if j in used:
                continue
            ov = quote_overlap(qa.text, qb.text)
            if ov >= QUOTE_OVERLAP and (best is None or ov > best[0]):
                best = (ov, j)
        if best is None:
            continue
        qb = b[best[1]]
        used.add(best[1])
        if same_quote(qa.text, qb.text) or is_shortened(qa.text, qb.text):
            continue
        out.append(QuoteContrast(qa, qb, word_diff(qa.text, qb.text)))
    return out


def pair_kind(
    normal_a: str, normal_b: str, numbers: Sequence[NumberContrast],
    quotes: Sequence[QuoteContrast],
) -> str:
    if normal_a == normal_b:
        return "same"
    if quotes or any(n.relation == "conflict" for n in numbers):
        return "differs"
    return "similar"
