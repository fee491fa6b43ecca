"""Sentences of two reports that give one same figure, which their words left apart.

A claim retold in other words often keeps its figure ("Nordtek employs about 200,000
people in 38 countries" / "the company, which has roughly 200,000 employees worldwide";
"There were 110 miners in the pit" / "110 workers had been inside the mine"): the figure
is then most of what the two sentences visibly share, too little for the aligner, and each
would be marked as told by one source only. A figure given alike is strong evidence when
it is rare: each report gives it in at most ``MAX_PLACES`` sentences (a headline and its
lead), no sentence giving it in one report is already aligned with one giving it in the
other, and the two say the same happened to what they count (never "72 rescued" against
"72 on board"). Small counts are common ("three people", "14 states"): a count under
``DISTINCT`` also needs words or an outcome around both figures in common, and so does a
share or a rate, which a story gives for many things. Dates, times and years are left to
the aligner: a story's events fall on a few days.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from sidelight.annotations.comparison.contrast import counted_alike, same_outcome
from sidelight.annotations.comparison.features import SentenceFacts
from sidelight.annotations.comparison.numbers import Quantity

MAX_PLACES = 2
DISTINCT = 100.0  # a count this large, given alike, is one figure without more said
_WHEN = frozenset({"date", "clock", "calendar-year"})
# Figures that a story gives for many things: they need their words in common.
_COMMON = frozenset({"", "percent", "points", "magnitude", "age"})

Figure = tuple[int, Quantity]


def agreeing_pairs(
    facts_a: Sequence[SentenceFacts], facts_b: Sequence[SentenceFacts],
    aligned: Sequence[tuple[int, int, float]], score: Callable[[int, int], float],
) -> list[tuple[int, int, float]]:
    """Sentence pairs ``(i, j, score)`` to add to ``aligned`` for a figure they give alike
    (see the module docstring); ``score(i, j)`` is the aligner's score of a pair."""
    figs_a, figs_b = _by_value(facts_a), _by_value(facts_b)
    told = {(i, j) for i, j, _ in aligned}
    out: dict[tuple[int, int], float] = {}
    for key, xs in figs_a.items():
        ys = figs_b.get(key)
        if not ys:
            continue
        places_a = {i for i, _ in xs}
        places_b = {j for j, _ in ys}
        if len(places_a) > MAX_PLACES or len(places_b) > MAX_PLACES:
            continue
        # A sentence already aligned with one giving the figure has its partner for it.
        paired_a = {i for i in places_a if any((i, j) in told for j in places_b)}
        paired_b = {j for j in places_b if any((i, j) in told for i in places_a)}
        for i, x in xs:
            for j, y in ys:
                if (i, j) in told or (i in paired_a and j in paired_b):
                    continue
                if (i, j) not in out and _one_figure(x, y) and \
                        _years(facts_a[i]) == _years(facts_b[j]):
                    out[i, j] = round(min(1.0, score(i, j)), 3)
    return sorted((i, j, s) for (i, j), s in out.items())


def _by_value(facts: Sequence[SentenceFacts]) -> dict[tuple[str, float], list[Figure]]:
    """A report's figures by what they are: a measure's unit and value, or a count's value
    (the nouns of two reports seldom agree: "people" / "employees", "miners" / "workers",
    and ``_one_figure`` checks that they may count one thing)."""
    out: dict[tuple[str, float], list[Figure]] = defaultdict(list)
    for i, f in enumerate(facts):
        for q in f.quantities:
            if q.value is None or q.unit in _WHEN or q.unit.startswith("#"):
                continue
            kind = q.unit if q.unit in _COMMON or q.unit.isupper() or \
                q.unit.startswith("per ") or q.unit == "duration" else "count"
            out[kind, q.value].append((i, q))
    return out


def _one_figure(x: Quantity, y: Quantity) -> bool:
    if not same_outcome(x, y):
        return False
    if x.unit not in _COMMON and (x.value or 0.0) >= DISTINCT:
        return True
    if x.unit != y.unit and not (counted_alike({x.unit}, {y.unit}) or
                                 "people" in (x.unit, y.unit)):
        return False
    outcome = any(w.startswith("o:") for w in x.context)
    return outcome or any(not w.startswith("m:") for w in x.context & y.context)


def _years(f: SentenceFacts) -> frozenset[float]:
    """The years a sentence names: one that names a year the other does not tells of
    another time ("In 2018, 160 people died")."""
    return frozenset(q.value for q in f.quantities if q.unit == "calendar-year" and q.value)
