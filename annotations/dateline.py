"""The date an article gives at its top when it has no date line of its own: a wire dateline
("BERLIN, July 11 (Reuters) - …") or a line that is only a date ("Wednesday, March 21, 2018").

Returned as the article writes it (a dateline often has no year), for a source's header;
the month and weekday names are those of ``dates``.
"""

from __future__ import annotations

import re

from sidelight.annotations.dates import MONTHS, WEEKDAYS, day_of

# Only the top of an article carries its dateline.
_HEAD_CHARS = 2000
_HEAD_LINES = 8
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:(?i:{_WEEKDAY})\.?,?\s+)?"
    rf"(?:(?i:{_MONTH})\.?\s+{_DAY}|{_DAY}\s+(?i:{_MONTH})\.?)(?:,?\s+\d{{4}})?"
)
# A place in capitals, maybe a region, then the date, maybe the agency, then a dash.
_WIRE = re.compile(
    rf"^[A-Z][A-Z.'’ -]*[A-Z.],(?:\s+[A-Z][\w.'’ -]{{0,30}},)?\s+(?P<date>{_DATE})"
    rf"(?:\s+\([^()\n]{{1,40}}\))?\s+[-–—]\s",
    re.MULTILINE,
)
_PUBLISHED = re.compile(r"(?:published|posted|updated)(?:\s+on)?:?\s+", re.IGNORECASE)


def dateline_date(text: str) -> str | None:
    """The date the top of ``text`` gives in a wire dateline or on a line of its own (maybe
    after "Published"), as written; None when it gives none."""
    span = dateline_span(text)
    return None if span is None else " ".join(text[span[0]:span[1]].strip(" ,.").split())


def wire_dateline(text: str) -> tuple[int, int] | None:
    """Where a wire dateline lies at the top of ``text`` (its place, date, agency and dash:
    "BERLIN, July 11 (Reuters) - "), or None."""
    m = _WIRE.search(text[:_HEAD_CHARS])
    return None if m is None else m.span()


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the date of ``dateline_date`` lies in ``text`` (start, end)."""
    head = text[:_HEAD_CHARS]
    m = _WIRE.search(head)
    if m is not None:
        return m.span("date")
    pos = 0
    for line in head.split("\n")[:_HEAD_LINES]:
        start, end = pos, pos + len(line)
        pos = end + 1
        # The date's own characters: a line's spaces and a "Published:" before it are not.
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        published = _PUBLISHED.match(text, start, end)
        if published:
            start = published.end()
        date = text[start:end]
        if date and len(date) <= 40 and day_of(date) is not None and re.search(r"\d", date):
            return start, end
    return None
