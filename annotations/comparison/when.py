"""Times of day and calendar dates as quantities that two sources can disagree on.

"3:42 a.m." and "03:40" are minutes after midnight (unit ``clock``); "March 3", "3 March
2026", "Sept. 27" and "Tuesday" are days (unit ``date``, the day's ordinal), resolved against
the document's date: a month and day without a year take the document's year, a weekday is
the last such day on or before the document's date (news tells what happened), and
"next"/"last" move it. Without a document date, weekdays and yearless dates are left out.

Month and weekday names are the tables of ``annotations.dates``.
"""

from __future__ import annotations

import datetime as dt
import re

from sidelight.annotations.comparison.numbers import Quantity
from sidelight.annotations.comparison.scanning import digit_led, digits, led_by, merged, word_starts
from sidelight.annotations.comparison.zones import ZONE_NAMES, offsets, regional, zone_at
from sidelight.annotations.dates import MONTHS, WEEKDAYS, iso_date, weekday_before

# Words before a time that say how exact it is.
TIME_APPROX: dict[str, str] = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "shortly after": "after", "just after": "after", "after": "after",
    "shortly before": "before", "just before": "before", "before": "before",
}
_MINUTES = {"": 0, "about": 20, "after": 30, "before": 30}

def _forms(names: list[str]) -> list[str]:
    """Names as news writes them ("March", "MARCH"): a lowercase "may" or "march" is a verb."""
    return sorted({f for n in names for f in (n.capitalize(), n.upper())}, key=len, reverse=True)


_MONTHS = _forms(list(MONTHS))
_WEEKDAYS = _forms([w for w in WEEKDAYS if len(w) > 5])  # "Sun", "Sat" are words too
_MONTH = "|".join(_MONTHS)
_WEEKDAY = "|".join(_WEEKDAYS)
# A date begins with one of these or a digit.
_DATE_WORDS = (*_MONTHS, *_WEEKDAYS)
_TAPPROX = "|".join(sorted(TIME_APPROX, key=len, reverse=True))
_TIME = re.compile(
    r"(?<![\d:.])(?:(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:]))",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"\b(?=[A-Z\d])(?:(?P<wd>{_WEEKDAY})(?:,?\s+(?=\w))?)?"
    rf"(?:(?P<mon>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTH})\b\.?(?:,?\s+(?P<year2>(?:19|20)\d\d))?)?",
)
# A wire time without a colon, which only its zone makes a time: "(0640 GMT)", "1400 UTC".
_WIRE_TIME = re.compile(rf"(?<![\d:.,])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?=\s?(?:{ZONE_NAMES})\b)")
# The words before a time that hedge it, looked for only where a time was found.
_TIME_APPROX = re.compile(rf"\b(?P<approx>{_TAPPROX})\s+$", re.IGNORECASE)
_SHIFT = re.compile(r"\b(next|last|this)\s+$", re.IGNORECASE)


def parse_date(value: str | None) -> dt.date | None:
    """The document's date from its metadata ("2026-03-05" or with a time)."""
    return iso_date(value)


def times_and_dates(text: str, ref: dt.date | None) -> list[Quantity]:
    """Every time of day and resolvable date in ``text``, in order."""
    at = digits(text)
    out = [_clock(text, m) for m in digit_led(_TIME, text, at)]
    out += [_wire_clock(text, m) for m in digit_led(_WIRE_TIME, text, at)] if "0" in text else []
    for m in led_by(_DATE, text, merged(at, word_starts(text, _DATE_WORDS))):
        q = _day(text, m, ref)
        if q is not None:
            out.append(q)
    kept: list[Quantity] = []
    for q in sorted((q for q in out if q is not None), key=lambda q: (q.start, -q.end)):
        if not kept or q.start >= kept[-1].end:  # "02:00" in "18:30+02:00" is its zone
            kept.append(q)
    return kept


def _clock(text: str, m: re.Match[str]) -> Quantity | None:
    if m.group("h24") is not None:
        h, mins = int(m.group("h24")), int(m.group("m24"))
    else:
        h, mins = int(m.group("h")), int(m.group("m") or 0)
        if not 1 <= h <= 12:
            return None
        pm = m.group("ampm").lower().startswith("p")
        h = h % 12 + (12 if pm else 0)
    start = m.start()
    hedge = _TIME_APPROX.search(text, max(0, start - 16), start)
    approx = ""
    if hedge:
        approx = TIME_APPROX.get(" ".join(hedge.group("approx").lower().split()), "")
        start = hedge.start()
    zone, end = zone_at(text, m.end())
    return Quantity(float(h * 60 + mins), "clock", approx, text[start:end], start, end,
                    zone=zone)


def _wire_clock(text: str, m: re.Match[str]) -> Quantity | None:
    zone, end = zone_at(text, m.end())
    if not zone:
        return None
    return Quantity(float(int(m.group("h")) * 60 + int(m.group("m"))), "clock", "",
                    text[m.start():end], m.start(), end, zone=zone)


def _day(text: str, m: re.Match[str], ref: dt.date | None) -> Quantity | None:
    wd = m.group("wd")
    mon = m.group("mon") or m.group("mon2")
    if mon:
        if mon.lower() == "may" and not m.group("day") and not m.group("day2"):
            return None
        month = MONTHS[mon.lower().rstrip(".")]
        day = int(m.group("day") or m.group("day2"))
        year_s = m.group("year") or m.group("year2")
        if year_s:
            year = int(year_s)
        elif ref is not None:
            year = ref.year
        else:
            return None
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return None
        if not year_s and ref is not None and (when - ref).days > 60:
            when = when.replace(year=year - 1)  # "Dec. 30" in a January story
    elif wd and ref is not None:
        shift = _SHIFT.search(text, max(0, m.start() - 6), m.start())
        when = weekday_before(ref, WEEKDAYS[wd.lower()],
                              shift.group(1).lower() if shift else "")
    else:
        return None
    return Quantity(float(when.toordinal()), "date", "", m.group().rstrip(", "), m.start(),
                    m.start() + len(m.group().rstrip(", ")))


def clock_relation(a: Quantity, b: Quantity) -> str:
    """``compare_quantities`` for two times of day: in UTC when both zones are known (each
    offset a zone allows is tried: "ET" is -5 or -4 hours); 'unknown' for a local time
    against one in a named zone, which may be one instant told twice (see ``zones``)."""
    za, zb = offsets(a.zone), offsets(b.zone)
    if (za is None) != (zb is None) and not (regional(a.zone, b.zone)
                                              or regional(b.zone, a.zone)):
        return "unknown"
    if za is None or zb is None:
        za = zb = None
    shifts = [(0, 0)] if za is None or zb is None else [(x, y) for x in za for y in zb]
    relations = {_clock_relation(a, b, x, y) for x, y in shifts}
    return next(r for r in ("same", "compatible", "conflict") if r in relations)


def _clock_relation(a: Quantity, b: Quantity, shift_a: int, shift_b: int) -> str:
    (alo, ahi), (blo, bhi) = clock_range(a), clock_range(b)
    alo, ahi = alo - shift_a, ahi - shift_a
    # The same instant may fall on the day before or after in UTC.
    turn = round(((blo - shift_b) - alo) / _DAY) * _DAY
    blo, bhi = blo - shift_b - turn, bhi - shift_b - turn
    if a.approx == b.approx and alo == blo and ahi == bhi:
        return "same"
    if a.approx == b.approx == "":
        return "conflict"
    return "compatible" if alo <= bhi and blo <= ahi else "conflict"


_DAY = 24 * 60


def clock_range(q: Quantity) -> tuple[float, float]:
    """The minutes a time's wording allows ("about 4 p.m.": 3:40 to 4:20). "About" widens
    a time by a third of the step it is rounded to: "about 18:30" is 18:20 to 18:40, not
    also 18:15, which a report giving "6:15 p.m." would have rounded to the quarter."""
    v = q.value or 0.0
    slack = _MINUTES.get(q.approx, 0)
    if q.approx == "about":
        slack = min(slack, _rounded_to(v) / 3)
    if q.approx == "after":
        return v, v + slack
    if q.approx == "before":
        return v - slack, v
    return v - slack, v + slack



def _rounded_to(minutes: float) -> int:
    """The step a time of day is written to: an hour, a half or a quarter of one, five
    minutes, or the minute."""
    m = int(minutes) % 60
    return next(step for step in (60, 30, 15, 5, 1) if m % step == 0)
