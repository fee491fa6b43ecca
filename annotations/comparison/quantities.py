"""Every figure of a document that the comparison sets against another source's: counts,
amounts and measures (``numbers``), times of day and dates (``when``), and shares told as
fractions ("a third of household income" is 33.3 percent)."""

from __future__ import annotations

import re

from sidelight.annotations.comparison.numbers import Quantity, extract_quantities
from sidelight.annotations.comparison.when import parse_date, times_and_dates

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
_HEDGE = re.compile(r"\b(?P<approx>about|around|roughly|nearly|almost|more than|over|less than"
                    r"|under)\s+$", re.IGNORECASE)
_APPROX = {"about": "about", "around": "about", "roughly": "about", "nearly": "nearly",
           "almost": "nearly", "more than": "over", "over": "over", "less than": "under",
           "under": "under"}


def fractions(text: str) -> list[Quantity]:
    """Shares written as fractions, as percentages."""
    out = []
    if " of " not in text:
        return out
    for m in _FRACTION.finditer(text):
        value = FRACTIONS[" ".join(m.group("frac").lower().split())]
        start = m.start()
        hedge = _HEDGE.search(text, max(0, start - 12), start)
        approx = _APPROX.get(hedge.group("approx").lower(), "") if hedge else ""
        start = hedge.start() if hedge else start
        end = m.end("frac")
        out.append(Quantity(round(value, 3), "percent", approx, text[start:end], start, end))
    return out


def all_quantities(text: str, date: str | None = None, lang: str = "en") -> list[Quantity]:
    """The figures of ``text`` in order; ``date`` (ISO) resolves weekdays and yearless
    dates. A number inside a date ("2026" in "Sept. 27, 2026") is the date's, and a weekday
    beside the date it names ("Wednesday night, March 4") is that date once. A text in
    another language with a profile (German, French) is read with its number formats."""
    if lang != "en":
        from sidelight.annotations.language.numbers import localised_quantities

        local = localised_quantities(text, lang)
        if local is not None:
            return local
    special = times_and_dates(text, parse_date(date)) + fractions(text)
    special.sort(key=lambda q: q.start)
    spans = [(q.start, q.end) for q in special]
    out = [q for q in extract_quantities(text)
           if not any(s < q.end and q.start < e for s, e in spans)]
    kept: list[Quantity] = []
    for q in special:
        last = kept[-1] if kept else None
        if last is not None and q.unit == last.unit == "date" and q.value == last.value \
                and q.start - last.end < 40:
            if any(c.isdigit() for c in q.text) and not any(c.isdigit() for c in last.text):
                kept[-1] = q  # the date with its month and day, not the weekday
            continue
        kept.append(q)
    return sorted(out + kept, key=lambda q: q.start)
