"""Sentences of two reports that give one figure differently, which their words left apart.

A story's figures (a toll, the area a fire burned, a quake's magnitude, the day a ferry
left) are told once in each report, often in sentences that share few words besides ("the
river crested at 6.2 metres near the old bridge" / "water at the bridge peaked at 5.9
metres"), and the aligner, which weighs words, leaves them apart: the difference, the thing
a fact-checker most needs, is then never shown.

A figure is *settled* when the other report agrees with it somewhere (a figure of its unit
that its wording allows) or when its sentence is aligned with one that gives a figure of its
unit (the passage compares them). Two unsettled figures of one unit that conflict, about the
same thing (words around them in common, one outcome for the people counted; or the one
figure of a kind of thing, acres or a magnitude, that each report gives), in sentences that
share a word or a name besides the figures, score ``FLOOR`` and name the same years, tell
one claim with two figures: their sentences are paired, as a passage of its own whose one
difference is that figure. A figure pairs only with its best partner, and only when it is
that partner's best too; a unit given more than ``MAX_FIGURES`` times in a report (a long
report's many dates) is not paired by its figures alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sidelight.annotations.comparison.contrast import (
    _MEASURE_NOUNS,
    about_one_thing,
    counted_alike,
    one_subject,
    same_outcome,
    same_share,
)
from sidelight.annotations.comparison.features import SentenceFacts
from sidelight.annotations.comparison.model import NumberContrast
from sidelight.annotations.comparison.number_words import ORDINALS
from sidelight.annotations.comparison.numbers import (
    NUMBER_WORDS,
    Quantity,
    compare_quantities,
    worlds_apart,
)
from sidelight.annotations.comparison.words import content_words

FLOOR = 0.1  # the sentence score two sentences need besides their figures' agreement
MAX_FIGURES = 64
# Bare numbers say nothing of what they count; a year mostly dates another event ("the
# highest since 2016", "in 2014, a fire killed 301").
_UNPAIRED = frozenset({"", "calendar-year"})
# Units whose one figure in each of two reports may still count different things: people
# (the dead of one town, of the whole region), shares, money, times and dates.
_NOT_ONE_THING = frozenset({"people", "percent", "points", "date", "clock", "calendar-year",
                            "duration", "age"})

Figure = tuple[int, Quantity]  # (sentence, quantity)


@dataclass(frozen=True, slots=True)
class FigurePair:
    """Sentence ``a`` of one report and ``b`` of the other (aligner's ``score``), paired
    for the figures of ``contrast``: the only figures their comparison sets side by side
    (their other figures were never shown to tell one thing)."""

    a: int
    b: int
    score: float
    contrast: NumberContrast


def figure_pairs(
    facts_a: Sequence[SentenceFacts], facts_b: Sequence[SentenceFacts],
    aligned: Sequence[tuple[int, int, float]], score: Callable[[int, int], float],
    figures: tuple[dict[str, list[Figure]], dict[str, list[Figure]]] | None = None,
) -> list[FigurePair]:
    """The sentence pairs to add to ``aligned`` for their figures (see above), one per pair
    of figures; ``score(i, j)`` is the aligner's score of a pair. ``figures``: each
    report's ``figures_by_unit``, when made once for many pairs of reports."""
    partners_a: dict[int, set[int]] = defaultdict(set)
    partners_b: dict[int, set[int]] = defaultdict(set)
    for i, j, _ in aligned:
        partners_a[i].add(j)
        partners_b[j].add(i)
    figs_a, figs_b = figures or (figures_by_unit(facts_a), figures_by_unit(facts_b))
    alias = counted_alike(set(figs_a), set(figs_b)) | _acronyms(figs_a, figs_b)
    alias = _modified_alike(figs_a, figs_b, alias) | alias
    if alias:  # nouns for the same things ("#cut" / "#reduction") are one unit
        merged: dict[str, list[Figure]] = defaultdict(list)
        for unit, xs in figs_a.items():
            merged[alias.get(unit, unit)] += xs
        figs_a = merged
    candidates: list[tuple[tuple[int, float], Figure, Figure]] = []
    for unit, xs in figs_a.items():
        ys = figs_b.get(unit)
        if not ys or unit in _UNPAIRED or len(xs) > MAX_FIGURES or len(ys) > MAX_FIGURES:
            continue
        open_a = _unsettled(xs, ys, partners_a, facts_b)
        open_b = _unsettled(ys, xs, partners_b, facts_a)
        if not open_a or not open_b:
            continue
        # The one figure of a kind of thing each report gives ("acres", a magnitude).
        # An ordinal of an event named alike in both ("its third cut this year" / "its
        # fourth rate reduction"), not of a time ("the second time", "the third quarter").
        one_each = len(xs) == len(ys) == 1 and unit not in _NOT_ONE_THING \
            and (not unit.startswith("#") or unit[1:] not in _TIMES)
        for i, x in open_a:
            for j, y in open_b:
                if j in partners_a.get(i, ()) or not _told_differently(
                        facts_a[i], facts_b[j], x, y, one_each):
                    continue
                s = score(i, j)
                if s >= FLOOR or (one_each and _near(x, y)):
                    words = sum(1 for w in x.context & y.context if w[:2] not in ("m:", "x:"))
                    candidates.append(((words, s), (i, x), (j, y)))
    # Each figure with its best partner, when it is that partner's best too.
    best_a: dict[tuple[int, int], tuple[int, float]] = {}
    best_b: dict[tuple[int, int], tuple[int, float]] = {}
    for rank, (i, x), (j, y) in candidates:
        ka, kb = (i, x.start), (j, y.start)
        best_a[ka] = max(best_a.get(ka, rank), rank)
        best_b[kb] = max(best_b.get(kb, rank), rank)
    out = [FigurePair(i, j, round(min(1.0, rank[1]), 3), NumberContrast(x, y, "conflict"))
           for rank, (i, x), (j, y) in candidates
           if rank == best_a[i, x.start] == best_b[j, y.start]]
    return sorted(out, key=lambda p: (p.a, p.b, p.contrast.a.start))


def _acronyms(figs_a: dict[str, list[Figure]], figs_b: dict[str, list[Figure]]
              ) -> dict[str, str]:
    """Counted nouns of one report that the other counts by their initials, written in
    capitals ("290,000 sport utility vehicles" / "312,000 SUVs"), as ``counted_alike`` maps
    them (a unit of ``figs_a`` to one of ``figs_b``)."""
    out: dict[str, str] = {}
    for mine, theirs, flip in ((figs_a, figs_b, False), (figs_b, figs_a, True)):
        short = {u for u, ys in theirs.items() if 2 <= len(u) <= 5 and u.isalpha()
                 and any(u.upper() in q.text for _, q in ys)}
        if not short:
            continue
        for unit, xs in mine.items():
            if unit in theirs or not unit.isalpha():
                continue
            for _, q in xs:
                initials = "".join(w[0] for w in _WORD.findall(q.text)).lower()
                found = next((initials[-k:] for k in range(2, 6) if initials[-k:] in short
                              and len(initials) >= k), None)
                if found:
                    a, b = (found, unit) if flip else (unit, found)
                    out.setdefault(a, b)
                    break
    return out


_WORD = re.compile(r"[^\W\d_]+")


def _modified_alike(figs_a: dict[str, list[Figure]], figs_b: dict[str, list[Figure]],
                    alias: dict[str, str]) -> dict[str, str]:
    """Counted nouns of the two reports that one same word before them qualifies ("20,000
    rental homes" / "25,000 new rental units"), when that word qualifies no other count of
    either: one thing counted, named with two nouns (a unit of ``figs_a`` to one of
    ``figs_b``, as ``counted_alike``)."""
    def qualified(figs: dict[str, list[Figure]], other: dict[str, list[Figure]]
                  ) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for unit, xs in figs.items():
            if unit.isalpha() and unit not in other:
                for _, q in xs:
                    for w in _own_words(q.text):
                        out[w].add(unit)
        return out

    words_a, words_b = qualified(figs_a, figs_b), qualified(figs_b, figs_a)
    out: dict[str, str] = {}
    for w in sorted(words_a.keys() & words_b.keys()):
        (ua, *more_a), (ub, *more_b) = sorted(words_a[w]), sorted(words_b[w])
        if not more_a and not more_b and ua not in alias and ub not in alias.values() \
                and ua not in out and ub not in out.values() \
                and ua not in _MEASURE_NOUNS and ub not in _MEASURE_NOUNS:
            out[ua] = ub
    return out


def _told_differently(fa: SentenceFacts, fb: SentenceFacts, x: Quantity, y: Quantity,
                      one_each: bool) -> bool:
    """Whether ``x`` in ``fa`` and ``y`` in ``fb`` are one figure told differently (see the
    module docstring)."""
    return (compare_quantities(x, y) == "conflict" and same_outcome(x, y) and one_subject(x, y)
            and not worlds_apart(x, y) and same_share(x, y)
            and ((one_each and not _has_outcome(x, y)
                  and (x.unit[:1] != "#" or _word_in_common(x, y)))
                 or (about_one_thing(x, y) and _word_in_common(x, y)))
            and _one_time(fa, fb)
            and (_shared_besides(fa, fb, x, y) or (one_each and _near(x, y))))


# Nouns of an ordinal that count times, not events: "for the second time", "its third
# quarter", "the first half".
_TIMES = _MEASURE_NOUNS | {"time", "quarter", "half", "season", "term"}
# Two reports' one count of a thing ("around 31,000 passengers" / "35,000 passengers")
# seldom lie further apart than this.
_NEAR = 1.5


def _near(x: Quantity, y: Quantity) -> bool:
    """The one count of a counted noun each report gives, near in value and hedged alike
    or not at all: one figure, told in sentences that share nothing else."""
    noun = x.unit[1:] if x.unit[:1] == "#" else x.unit  # an ordinal's noun
    if x.value is None or y.value is None or x.value <= 0 or y.value <= 0 \
            or noun in _MEASURE_NOUNS or not noun.isalpha():
        return False
    return max(x.value, y.value) <= _NEAR * min(x.value, y.value)


def _word_in_common(x: Quantity, y: Quantity) -> bool:
    """A word itself around both figures, not only a meaning or an outcome: sentences the
    aligner left apart need firmer evidence than ones it paired."""
    return any(w[:2] not in ("m:", "o:", "x:") for w in x.context & y.context) or \
        _named_alike(x, y)


def _named_alike(x: Quantity, y: Quantity) -> bool:
    """Whether a word of one figure's own noun phrase besides its number and its noun
    ("rate" in "its fourth rate reduction", "rental" in "25,000 new rental units") is a word
    around or of the other figure ("its third cut in the overnight rate", "20,000 rental
    homes"): what is counted, named alike."""
    ox, oy = _own_words(x.text), _own_words(y.text)
    return bool(ox & (y.context | oy) or oy & x.context)


@lru_cache(maxsize=4096)
def _own_words(text: str) -> frozenset[str]:
    words = content_words(text)[:-1]  # the last is the noun counted: its unit
    return frozenset(stem for s, e, stem in words
                     if text[s:e].lower() not in NUMBER_WORDS and not text[s].isdigit()
                     and text[s:e].lower() not in ORDINALS)


def _shared_besides(fa: SentenceFacts, fb: SentenceFacts, x: Quantity, y: Quantity) -> bool:
    """Whether two sentences share a word or a name besides figures and the words of the
    two figures compared ("metres" in "6.2 metres" and "5.9 metres" says nothing of what
    was measured)."""
    own = {"w:" + w[2] for q in (x, y) for w in content_words(q.text)}
    return any(f[:2] in ("w:", "e:") and f not in own for f in fa.features & fb.features)


def _has_outcome(x: Quantity, y: Quantity) -> bool:
    """Whether either figure counts people something happened to (the dead, the
    evacuated): such counts differ by place and time, and need their words in common."""
    return any(w.startswith("o:") for w in x.context | y.context)


def _one_time(fa: SentenceFacts, fb: SentenceFacts) -> bool:
    """Whether two sentences may tell of one time: a year one names is named by the other
    too, or is the year of a date it gives ("on Wednesday" in a report of October 2026
    is in 2026, "its fourth rate reduction of 2026")."""
    ya, yb = _years(fa), _years(fb)
    return ya <= yb | _date_years(fb) and yb <= ya | _date_years(fa)


def _date_years(f: SentenceFacts) -> frozenset[float]:
    return frozenset(float(date.fromordinal(int(q.value)).year) for q in f.quantities
                     if q.unit == "date" and q.value)


def _years(f: SentenceFacts) -> frozenset[float]:
    """The years a sentence names: one that names a year the other does not tells of
    another time ("In 2014, 301 miners died"); not the years of what it counts ("SUVs
    built between 2023 and 2025") nor a year to come, a goal ("by 2030")."""
    return frozenset(q.value for q in f.quantities if q.unit == "calendar-year" and q.value
                     and q.role not in ("made", "future"))


def figures_by_unit(facts: Sequence[SentenceFacts]) -> dict[str, list[Figure]]:
    """A report's figures by unit, each with its sentence."""
    out: dict[str, list[Figure]] = defaultdict(list)
    for i, f in enumerate(facts):
        for q in f.quantities:
            out[q.unit].append((i, q))
    return out


def _unsettled(mine: list[Figure], theirs: list[Figure], partners: dict[int, set[int]],
               other: Sequence[SentenceFacts]) -> list[Figure]:
    """The figures of ``mine`` that no figure of ``theirs`` (one unit) agrees with and whose
    sentence is aligned with none that gives a figure of the unit and subject."""
    out = []
    for i, x in mine:
        if any(compare_quantities(x, y) != "conflict" for _, y in theirs):
            continue
        # An aligned sentence's figure of the unit compares with it, unless it is another
        # subject's ("Sandhu had 47.1%" settles nothing of "Olsen took 40.7%").
        if any(q.unit == x.unit and one_subject(x, q)
               for j in partners.get(i, ()) for q in other[j].quantities):
            continue
        out.append((i, x))
    return out
