"""Every figure of a document that the comparison sets against another source's: counts,
amounts and measures (``numbers``), times of day and dates (``when``), and shares told as
fractions ("a third of household income" is 33.3 percent)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache
from itertools import accumulate

from sidelight.annotations.comparison.durations import durations
from sidelight.annotations.comparison.number_words import (
    DIGITS,
    ORDINALS,
    TEENS,
    TENS,
    word_value,
)
from sidelight.annotations.comparison.numbers import Quantity, extract_quantities
from sidelight.annotations.comparison.scanning import digits, led_by, merged, word_starts
from sidelight.annotations.comparison.senses import kind_of, meanings
from sidelight.annotations.comparison.when import parse_date, times_and_dates
from sidelight.annotations.dateline import dateline_span

FRACTIONS: dict[str, float] = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
    "two thirds": 200 / 3, "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0,
    "a tenth": 10.0, "one in five": 20.0, "one in four": 25.0, "one in three": 100 / 3,
}
_FRACTION = re.compile(
    r"\b(?P<frac>" + "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
    + r")\s+of\s+(?!a\s+(?:percentage\s+)?point)(?=\w)",
    re.IGNORECASE,
)
# A hedge before a fraction, looked for only where a fraction was found.
_HEDGE = re.compile(r"\b(?P<approx>about|around|roughly|nearly|almost|more than|just over|over"
                    r"|less than|under)\s+$", re.IGNORECASE)
_APPROX = {"about": "about", "around": "about", "roughly": "about", "nearly": "nearly",
           "almost": "nearly", "more than": "over", "just over": "just over", "over": "over",
           "less than": "under", "under": "under"}


# "one in five adults", "1 in 10 voters": a share, whatever follows.
_ONE_IN = re.compile(
    r"\b(?:one|1)\s+in\s+(?P<n>\d{1,3}(?:,\d{3})*|(?:" + "|".join(TENS) + r")(?:[- ](?:"
    + "|".join(DIGITS) + r"))?|" + "|".join(w for w in (*TEENS, *DIGITS) if w != "one")
    + r")(?![\w-]|\s+(?:million|billion|thousand|hundred)\b|[.,]\d)", re.IGNORECASE)


def fractions(text: str) -> list[Quantity]:
    """Shares written as fractions, as percentages."""
    out = []
    for m in led_by(_ONE_IN, text, word_starts(text, ("one", "1"), ignore_case=True)) \
            if " in " in text else ():
        n = m.group("n").lower()
        whole = float(n.replace(",", "")) if n[0].isdigit() else word_value(n, {})
        if whole > 1:
            hedge = _HEDGE.search(text, max(0, m.start() - 12), m.start())
            approx = _APPROX.get(hedge.group("approx").lower(), "") if hedge else ""
            start = hedge.start() if hedge else m.start()
            out.append(Quantity(round(100 / whole, 3), "percent", approx, text[start:m.end()],
                                start, m.end()))
    if " of " not in text:
        return out
    taken = [(q.start, q.end) for q in out]
    for m in led_by(_FRACTION, text, word_starts(text, FRACTIONS, ignore_case=True)):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        value = FRACTIONS[" ".join(m.group("frac").lower().split())]
        start = m.start()
        hedge = _HEDGE.search(text, max(0, start - 12), start)
        approx = _APPROX.get(hedge.group("approx").lower(), "") if hedge else ""
        start = hedge.start() if hedge else start
        end = m.end("frac")
        out.append(Quantity(round(value, 3), "percent", approx, text[start:end], start, end))
    return out


# "a six-week trial", "a 500-bed centre", "a 23-year-old": a number joined to its noun.
_JOINED_NUMBER = frozenset(w for w in (*TENS, *TEENS, *DIGITS) if w != "one")
# Any short word before the hyphen, then only number words kept: one alternative of every
# number word tried at each position would be several times slower on a long document.
_JOINED = re.compile(
    r"(?<![\w.,$€£¥₹-])(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?|[A-Za-z]{3,9})"
    r"-(?P<noun>[a-z]{3,})(?P<old>-old)?(?![\w-])")
# Nouns joined to a number that say how, not how many: "two-thirds", "one-off", "two-way".
_NOT_JOINED = frozenset({"off", "way", "time", "times", "sided", "fold", "thirds", "quarters",
                         "fifths", "tenths", "halves", "all", "nil", "love", "point"})
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
# A person's age after their name: "Arjun Mehta, 22, was killed", "Hale, 58, ...".
_AGE = re.compile(r"(?<=[a-z’'-]),\s(?P<age>\d{1,3}),(?=\s)")


def is_joined(q: Quantity) -> bool:
    """Whether a figure is a number joined to its noun ("six-week", "500-bed")."""
    return "-" in q.text and _JOINED.fullmatch(q.text) is not None


def joined_numbers(text: str) -> list[Quantity]:
    """Numbers joined to their noun by a hyphen, and ages after a name, as counts of that
    noun ("six-week": 6 weeks, "500-bed": 500 beds) or as an ``age``."""
    out = []
    if "-" in text:
        for m in _JOINED.finditer(text):
            noun = m.group("noun").lower()
            if noun in _NOT_JOINED or noun in DIGITS or noun in _SCALE_WORDS:
                continue  # "twenty-five" is one number
            num = m.group("num")
            if not num[0].isdigit() and num.lower() not in _JOINED_NUMBER:
                continue  # "well-known", "long-term"
            value = float(num.replace(",", "")) if num[0].isdigit() else \
                word_value(num.lower(), {})
            unit = "age" if m.group("old") and noun == "year" else noun
            out.append(Quantity(value, unit, "", m.group(), m.start(), m.end()))
    if ", " in text:
        for m in _AGE.finditer(text):
            name = text.rfind(" ", 0, m.start()) + 1
            if text[name:name + 1].isupper() and int(m.group("age")) < 120:
                out.append(Quantity(float(m.group("age")), "age", "", m.group("age"),
                                    m.start("age"), m.end("age")))
    return out


# Words between an ordinal and what it counts ("third straight day", "fourth rate cut").
_ORDINAL_GAP = ("straight", "consecutive", "successive", "rate", "interest", "major", "such",
                "full", "daily", "weekly", "monthly", "quarterly", "annual", "yearly")
_ORDINAL = re.compile(
    r"(?<![\w-])(?<!\ba\s)(?<!\ban\s)(?P<ord>" + "|".join(ORDINALS)
    + r"|(?P<digits>\d{1,3})(?:st|nd|rd|th))\s+(?:(?:" + "|".join(_ORDINAL_GAP)
    + r")\s+){0,2}(?P<noun>[a-z]{3,})\b(?!-)", re.IGNORECASE)


def ordinals(text: str) -> list[Quantity]:
    """Ordinals that count occurrences, with the noun counted as their unit ("#cut" in
    "its third rate cut"): "the fourth rate reduction" tells another count. An ordinal in a
    name ("Third Avenue", "Second World War"), a compound ("third-largest") or "a second"
    (another) is none."""
    out = []
    for m in led_by(_ORDINAL, text,
                    merged(digits(text), word_starts(text, ORDINALS, ignore_case=True))):
        ordinal = m.group("ord")
        if ordinal[0].isupper() and m.start() > 0 and not _sentence_start(text, m.start()):
            continue  # "the Third Reich", "Fifth Avenue"
        if not m.group("noun").islower() or m.group("noun") in _NOT_COUNTED:
            continue
        value = int(m.group("digits")) if m.group("digits") else ORDINALS[ordinal.lower()]
        noun = m.group("noun").lower()
        noun = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
        out.append(Quantity(float(value), "#" + noun, "", text[m.start():m.end()], m.start(),
                            m.end()))
    return out


# Words after an ordinal that are not what it counts ("the second of the", "third in").
_NOT_COUNTED = frozenset({"the", "and", "with", "from", "for", "that", "this", "than",
                          "largest", "biggest", "most", "best", "half", "quarter",
                          # Set phrases, no count: "third party", "second hand", "third world".
                          "party", "parties", "hand", "world", "person", "thought",
                          "thoughts", "opinion", "language", "nature", "cousin", "class",
                          "fiddle", "string", "estate", "wind", "sight", "guess"})


def _sentence_start(text: str, i: int) -> bool:
    before = text[max(0, i - 3):i].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n"


def all_quantities(text: str, date: str | None = None, lang: str = "en") -> list[Quantity]:
    """The figures of ``text`` in order; ``date`` (ISO) resolves weekdays and yearless
    dates. A number inside a date ("2026" in "Sept. 27, 2026") is the date's, and a weekday
    beside the date it names ("Wednesday night, March 4") is that date once; the date of a
    wire dateline or of a date line at the top is the report's own, no figure. A text in
    another language with a profile (German, French) is read with its number formats."""
    if lang != "en":
        from sidelight.annotations.language.numbers import localised_quantities

        local = localised_quantities(text, lang, parse_date(date))
        if local is not None:
            return local
    ref = parse_date(date)
    when = times_and_dates(text, ref)
    top = dateline_span(text)
    if top is not None:
        # A dateline's date is when the report was filed, not when anything it tells
        # happened ("LUSAKA, Nov 5 (Wire) - … since it began on October 3"): no figure.
        when = [q for q in when if not (q.unit == "date" and top[0] <= q.start < top[1])]
    taken = durations(text)
    if taken:
        # "in 4:12" is a time taken, not a time of day.
        when = [q for q in when if not any(d.start < q.end and q.start < d.end for d in taken)]
    special = when + taken + joined_numbers(text) + fractions(text) + [
        q for q in ordinals(text) if not any(w.start < q.end and q.start < w.end for w in when)]
    special.sort(key=lambda q: q.start)
    # A number inside one of those is theirs: the specials that start before it ends reach
    # past its start (the furthest end of those, kept as a running maximum).
    starts = [q.start for q in special]
    reach = list(accumulate((q.end for q in special), max))
    out = [q for q in extract_quantities(text)
           if not (k := bisect_left(starts, q.end)) or reach[k - 1] <= q.start]
    out = [_magnitude(text, q) if _BARE_MAGNITUDE.fullmatch(q.text) else q for q in out]
    kept: list[Quantity] = []
    for q in special:
        last = kept[-1] if kept else None
        if last is not None and q.unit == last.unit == "date" and q.value == last.value \
                and q.start - last.end < 40:
            if any(c.isdigit() for c in q.text) and not any(c.isdigit() for c in last.text):
                kept[-1] = q  # the date with its month and day, not the weekday
            continue
        kept.append(q)
    if ref is not None:
        # A year after the report's is a goal ("25,000 new rental units by 2030"), not the
        # time of anything it tells.
        out = [replace(q, role="future") if q.unit == "calendar-year" and q.value is not None
               and q.value > ref.year else q for q in out]
    return sorted(out + kept, key=lambda q: q.start)


# A bare figure with one decimal, as magnitudes are written ("measured 6.0").
_BARE_MAGNITUDE = re.compile(r"[1-9]\.\d")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_WORD = re.compile(r"[^\W\d_]{4,}")


@cache
def _quake_meanings() -> frozenset[int]:
    """WordNet's meaning of an earthquake (the one its synonyms share)."""
    return frozenset(m for m in meanings("earthquake") & meanings("temblor") if m >= 0)


def _is_quake_word(word: str) -> bool:
    quake = _quake_meanings()
    return any(m in quake or kind_of(m) in quake for m in meanings(word.lower()))


def _magnitude(text: str, q: Quantity) -> Quantity:
    """A bare one-decimal figure in a sentence about an earthquake (or a kind of one: a
    tremor, an aftershock) is its magnitude: "the tremor measured 6.0" tells the figure that
    "a magnitude 6.1 quake" does, and they are compared."""
    if q.unit:
        return q
    start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, q.start - 300),
                                                           q.start)), default=0)
    end_m = _SENTENCE_END.search(text, q.end)
    end = end_m.start() if end_m else len(text)
    if any(_is_quake_word(w.group()) for w in _WORD.finditer(text, start, min(end, q.end + 300))):
        return replace(q, unit="magnitude")
    return q
