"""Calendar dates as written in news, read into one day: "March 20, 2018", "20 March 2018",
"20/03/2018", "2018-03-20" and "March 20th" are one day; "Tuesday" is the last Tuesday on or
before the article's date (news tells what happened), "next Tuesday" the one after.

Month and weekday names are tables, so another language's names are a data change.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}
_LEAD_DATE = re.compile(r"\A\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_FORMS = (
    # 2018-03-20
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    # 20/03/2018, 03/20/2018 (the day is the number over 12; else day first)
    re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})"),
    # March 20, 2018 / March 20th / Mar. 20
    re.compile(rf"(?:(?:{_WEEKDAY})\.?,?\s+)?(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})"
               rf"(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?", re.IGNORECASE),
    # 20 March 2018 / 20th of March
    re.compile(rf"(?:(?:{_WEEKDAY})\.?,?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
               rf"(?P<mon>{_MONTH})\.?(?:,?\s+(?P<y>\d{{4}}))?", re.IGNORECASE),
)
_WEEKDAY_ONLY = re.compile(rf"(?:(?P<shift>next|last|this)\s+)?(?P<wd>{_WEEKDAY})\.?",
                           re.IGNORECASE)


def lead_date(text: str) -> dt.date | None:
    """The date a document gives on its first line ("Date: 2018-03-22")."""
    m = _LEAD_DATE.match(text)
    return iso_date(m.group(1)) if m else None


def iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def weekday_before(ref: dt.date, weekday: int, shift: str = "") -> dt.date:
    """The day named by a weekday in an article dated ``ref``."""
    back = (ref.weekday() - weekday) % 7
    if shift == "next":
        back -= 7
    elif shift == "last" and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def day_of(text: str, ref: dt.date | None = None) -> dt.date | None:
    """The one day ``text`` (a whole date expression) names, or None."""
    t = " ".join(text.split()).strip(" ,.")
    for form in _FORMS:
        m = form.fullmatch(t)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("mon"):
            month, day = MONTHS[groups["mon"].lower()], int(groups["d"])
        elif groups.get("a"):
            a, b = int(groups["a"]), int(groups["b"])
            if a > 12:
                day, month = a, b
            elif b > 12:
                month, day = a, b
            else:
                return None  # 03/04/2018: which is the day is anyone's guess
        else:
            month, day = int(groups["m"]), int(groups["d"])
        year = int(groups["y"]) if groups.get("y") else (ref.year if ref else None)
        if year is None:
            return None
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return None
        if not groups.get("y") and ref is not None and (when - ref).days > 60:
            when = when.replace(year=year - 1)  # "Dec. 30" in a January story
        return when
    m = _WEEKDAY_ONLY.fullmatch(t)
    if m and ref is not None:
        return weekday_before(ref, WEEKDAYS[m.group("wd").lower()],
                              (m.group("shift") or "").lower())
    return None
