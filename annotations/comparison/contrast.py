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
from functools import lru_cache

from sidelight.annotations.comparison.features import PROGRESS, SAID
from sidelight.annotations.comparison.model import NumberContrast, QuoteContrast
from sidelight.annotations.comparison.numbers import Quantity, compare_quantities, worlds_apart
from sidelight.annotations.comparison.quotes import (
    Quote,
    quote_stems,
    quote_words,
    same_quote,
    same_speaker,
    word_diff,
)
from sidelight.annotations.comparison.senses import kind_of, meanings

QUOTE_OVERLAP = 0.5  # share of content words two renderings of one quote have in common
# Bare numbers: nothing says the two count the same thing.
_NOT_COMPARED = frozenset({""})
# Units whose figures often date different events: compared only when each side gives one
# and their surrounding words say they are about the same thing.
_NEEDS_CONTEXT = frozenset({"calendar-year", "date"})


def number_contrasts(a: Sequence[Quantity], b: Sequence[Quantity],
                     strong: bool = True) -> list[NumberContrast]:
    """Pairs of same-unit quantities that are not the same, about the same thing: when
    each side has one figure of the unit left (the others agree), those two; else only
    figures whose surrounding words share something ("27 killed" / "31 died", not the
    rescued against the passengers on board). Pairings the wordings allow come first, then
    the nearest value. Quantities that agree with one on the other side are left out.
    ``strong``: the two passages clearly tell one claim; for a weaker pairing even a lone
    figure on each side must share words with the other to be compared."""
    by_unit_a: dict[str, list[Quantity]] = defaultdict(list)
    by_unit_b: dict[str, list[Quantity]] = defaultdict(list)
    alias = counted_alike({q.unit for q in a}, {q.unit for q in b})
    for q in a:
        by_unit_a[alias.get(q.unit, q.unit)].append(q)
    for q in b:
        by_unit_b[q.unit].append(q)
    out: list[NumberContrast] = []
    for unit, qa in by_unit_a.items():
        qb = by_unit_b.get(unit)
        if not qb or unit in _NOT_COMPARED:
            continue
        rest_a = [x for x in qa if not any(compare_quantities(x, y) == "same" for y in qb)]
        rest_b = [y for y in qb if not any(compare_quantities(x, y) == "same" for x in qa)]
        lone = len(rest_a) == 1 and len(rest_b) == 1
        if unit in _NEEDS_CONTEXT and not lone:
            # A sentence with two dates dates two events: which is which is a guess, unless
            # one date of each side plays one same part ("postponed to Nov. 23" / "due to
            # reopen on Monday, will stay closed until November 30").
            out += _same_role(rest_a, rest_b)
            continue
        single = strong and lone and unit not in _NEEDS_CONTEXT
        used: set[int] = set()
        for x in rest_a:
            pairs = [(rel, j, y) for j, y in enumerate(rest_b)
                     if j not in used and (single or about_one_thing(x, y))
                     and same_outcome(x, y) and one_subject(x, y)
                     and not worlds_apart(x, y) and same_share(x, y, lone)
                     and (rel := compare_quantities(x, y)) != "unknown"]
            if not pairs:
                continue
            allowed = [p for p in pairs if p[0] != "conflict"]
            rel, j, y = allowed[0] if allowed else min(
                pairs, key=lambda p: (-len(x.context & p[2].context), _distance(x, p[2])))
            used.add(j)
            out.append(NumberContrast(x, y, rel))
            # The same figure given twice on the other side (a headline and its lead).
            for k, z in enumerate(rest_b):
                if k not in used and z.value == y.value and about_one_thing(x, z):
                    used.add(k)
                    out.append(NumberContrast(x, z, rel))
    if strong:
        out += _lone_counts(by_unit_a, by_unit_b)
    return out


def _same_role(a: Sequence[Quantity], b: Sequence[Quantity]) -> list[NumberContrast]:
    """Dates (or years) of two sides set against each other by their part in the story
    (``Quantity.role``): the one date of a part on each side, about one same thing."""
    out = []
    for role in sorted({x.role for x in a} - {""}):
        xs = [x for x in a if x.role == role]
        ys = [y for y in b if y.role == role]
        if len(xs) != 1 or len(ys) != 1:
            continue
        x, y = xs[0], ys[0]
        if about_one_thing(x, y) and same_outcome(x, y) and one_subject(x, y) and \
                (rel := compare_quantities(x, y)) != "unknown":
            out.append(NumberContrast(x, y, rel))
    return out


# Two reports' counts of one thing seldom lie further apart than this; told with two nouns
# (weaker evidence that one thing is counted), counts further apart are two counts.
_LONE_RATIO = 2.0


def _lone_counts(by_unit_a: dict[str, list[Quantity]], by_unit_b: dict[str, list[Quantity]]
                 ) -> list[NumberContrast]:
    """Two passages that clearly tell one claim, one with one count of a noun the other
    does not count, the other with one such count near it (its others far from it): one
    count told with two nouns ("380,000 customers" / "450,000 homes and businesses", "22
    miners" / "25 people" killed) when one same word besides the nouns stands around both,
    and they say one outcome of one subject."""
    xs = [q for u, qs in by_unit_a.items() if u not in by_unit_b and _is_count(u) for q in qs]
    ys = [q for u, qs in by_unit_b.items() if u not in by_unit_a and _is_count(u) for q in qs]
    if any(q.value is None for q in xs + ys):
        return []  # a vague amount ("dozens of") may count anything
    # "214 new cases" / "3 treatment centres" are two counts of two things: of the counts of
    # each side ("1,842 cases, 214 of them in the past day" / "237 new infections in a
    # day"), the one count near the other side's one count.
    near = [(x, y) for x in xs for y in ys if _near_count(x, y)]
    if len(near) != 1 or (len(ys) != 1 and len(xs) != 1):
        return []
    x, y = near[0]
    assert x.value is not None and y.value is not None
    if _two_kinds(x.unit, y.unit):
        return []  # "40 houses" / "12 churches": two kinds of building, two counts
    nouns = {x.unit, y.unit, x.unit + "s", y.unit + "s"}
    if not (same_outcome(x, y) and one_subject(x, y) and not worlds_apart(x, y)
            and any(w[:2] not in ("m:", "o:", "x:") and w not in nouns
                    for w in x.context & y.context)):
        return []
    return [NumberContrast(x, y, compare_quantities(x, y))]


def _near_count(x: Quantity, y: Quantity) -> bool:
    return x.value is not None and y.value is not None and \
        max(x.value, y.value) <= _LONE_RATIO * min(x.value, y.value)


# Units of measure and of time: "10 km" measures, it counts no things.
_MEASURE_NOUNS = frozenset({
    "km", "kilometre", "kilometer", "mile", "metre", "meter", "m", "cm", "mm", "foot",
    "feet", "ft", "inch", "yard", "acre", "hectare", "ha", "mph", "kph", "kmh", "knot",
    "kg", "kilogram", "gram", "tonne", "ton", "pound", "lb", "ounce", "litre", "liter",
    "gallon", "barrel", "degree", "second", "minute", "hour", "day", "week", "month",
    "year", "decade", "century", "storey", "floor", "age"})


def _two_kinds(a: str, b: str) -> bool:
    """Whether WordNet gives the two nouns as two kinds of one thing (both kinds of
    building: "house", "church")."""
    return bool({m for m in meanings(a) if m < 0} & {m for m in meanings(b) if m < 0})


def _is_count(unit: str) -> bool:
    """A counted noun: not a measure, a currency, an ordinal's noun or a rate."""
    return unit not in _MEASURES and unit not in _MEASURE_NOUNS and unit[:1] != "#" \
        and not unit.isupper() and not unit.startswith("per ")


def about_one_thing(x: Quantity, y: Quantity) -> bool:
    """Whether the words around two figures share something: for dates and years a word
    itself (a date beside "left port" and one beside "departed harbour" share "port"...
    only when they do), for counts also a WordNet meaning ("killed" / "died")."""
    shared = x.context & y.context
    if x.unit in _NEEDS_CONTEXT:
        return any(not w.startswith("m:") for w in shared)
    return bool(shared)


# Units that are no counted noun: compared only with themselves.
_MEASURES = frozenset({"", "percent", "points", "date", "clock", "calendar-year", "magnitude"})


def counted_alike(units_a: set[str], units_b: set[str]) -> dict[str, str]:
    """Counted nouns of one side mapped to the other side's noun for the same things: one
    WordNet meaning, or one a kind of the other ("four crashes" / "three accidents"); an
    ordinal's noun ("#cut") only with another ordinal's ("#reduction")."""
    only_a = sorted(u for u in units_a - units_b if u not in _MEASURES and _noun(u).isalpha())
    only_b = sorted(u for u in units_b - units_a if u not in _MEASURES and _noun(u).isalpha())
    out: dict[str, str] = {}
    for ua in only_a:
        ma = meanings(_noun(ua))
        if not ma:
            continue
        for ub in only_b:
            if ub in out.values() or ub[:1] == "#" != ua[:1] or ua[:1] == "#" != ub[:1]:
                continue  # one noun for one noun; an ordinal for an ordinal
            mb = meanings(_noun(ub))
            if any((m >= 0 and (m in mb or kind_of(m) in mb)) or (m < 0 and kind_of(m) in mb)
                   for m in ma):
                out[ua] = ub
                break
    return out


def _noun(unit: str) -> str:
    return unit[1:] if unit[:1] == "#" else unit


def same_outcome(x: Quantity, y: Quantity) -> bool:
    """Whether two counts may say the same happened to the people counted: either neither
    says (the sentences' alignment decides) or both say one same thing ("27 killed" / "31
    died"); "72 rescued" is never set against "95 on board" nor "40 trapped" against "110
    inside"."""
    ox = {w for w in x.context if w.startswith("o:")}
    oy = {w for w in y.context if w.startswith("o:")}
    return ox == oy or bool(ox & oy)


def same_share(x: Quantity, y: Quantity, lone: bool = False) -> bool:
    """Whether two shares may be of one thing: when both sentences say what theirs is of,
    a word, a meaning or a kind in common ("turnout was 34%" is no share "of the vote";
    "shares tumbled 7%" and "stock slid 9%", "6 percent of its workforce" and "5% of its
    staff" are of one thing). ``lone``: the only share left on each side of one claim,
    compared unless one of them says outright what it is of ("of the vote"): the words
    before a share ("inflation slowed to 1.8%" / "consumer prices rose 1.9%") name what
    moved, often in other words."""
    sx, sy = x.share, y.share
    if (PROGRESS in sx) != (PROGRESS in sy):
        return False  # "92% of ballots counted" is how far the count has got
    if not (sx and sy):
        return True
    if lone and SAID not in sx and SAID not in sy:
        return True
    # A word or a meaning in common, or two kinds of one thing ("^": what a noun is a
    # kind of); not one a kind of the other: a referendum is a kind of vote, and its
    # turnout no share of the vote.
    return bool((sx & sy) - {SAID, PROGRESS})


def one_subject(x: Quantity, y: Quantity) -> bool:
    """Whether two figures may belong to one same subject and standing: figures whose
    sentences name different people or organisations as theirs ("Olsen took 52,907 votes" /
    "Sandhu has 61,000 votes") are two candidates' figures, and a figure someone expected
    ("against expectations of $1.45") is not the figure reported, nor an adjusted measure
    ("on an adjusted basis, earnings per share were $1.58") the one reported as is ("$1.34
    a share")."""
    if x.standing != y.standing:
        return False
    return not (x.subjects and y.subjects) or bool(x.subjects & y.subjects)


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


@lru_cache(maxsize=4096)
def is_shortened(a: str, b: str) -> bool:
    """One quotation's words are a contiguous run of the other's (a trimmed quote; cached
    like ``word_diff``)."""
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
            if j in used or same_speaker(qa.speaker, qb.speaker) is False:
                continue  # two people's words are never one quote worded differently
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
