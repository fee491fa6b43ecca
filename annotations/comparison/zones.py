"""Time zones of times of day: "14:00 GMT", "9:40 a.m. local time", "3 p.m. ET", "18:30+02:00".

Wire copy gives one event's time twice ("at 9:40 a.m. local time (0640 GMT)"), and two
reports often give it in different zones: a local time set against a GMT time is no
difference. A time's zone is kept as a key: "" when none is written (a report's bare times
are the place's local time), ``LOCAL`` for "local time", else the zone's offsets from UTC in
minutes, several when the name leaves it open ("ET" is -5 or -4 hours, by the season).
Two times are compared when both are local, or when both zones are known (converted to
UTC). A bare time beside a regional zone's ("4 a.m." / "4 a.m. CDT") is compared as one
zone: a report names the zone of the place it tells of for readers elsewhere. A time said
to be "local" against one with a named zone, or a bare time against GMT, UTC or an offset
(written to convert, "0640 GMT"), are not compared at all.
"""

from __future__ import annotations

import re

LOCAL = "local"

# Offsets in minutes east of UTC. A name without "standard"/"daylight" is either.
_OFFSETS: dict[str, tuple[int, ...]] = {
    "GMT": (0,), "UTC": (0,), "Z": (0,), "WET": (0,), "WEST": (60,), "BST": (60,),
    "CET": (60,), "CEST": (120,), "MEZ": (60,), "MESZ": (120,), "EET": (120,),
    "EEST": (180,), "MSK": (180,), "IST": (330, 60), "PKT": (300,), "ICT": (420,),
    "WIB": (420,), "HKT": (480,), "SGT": (480,), "PHT": (480,), "JST": (540,), "KST": (540,),
    "AEST": (600,), "AEDT": (660,), "ACST": (570,), "AWST": (480,), "NZST": (720,),
    "NZDT": (780,), "SAST": (120,), "WAT": (60,), "EAT": (180,), "CAT": (120,),
    "EST": (-300,), "EDT": (-240,), "ET": (-300, -240), "CST": (-360,), "CDT": (-300,),
    "CT": (-360, -300), "MST": (-420,), "MDT": (-360,), "MT": (-420, -360),
    "PST": (-480,), "PDT": (-420,), "PT": (-480, -420), "AKST": (-540,), "AKDT": (-480,),
    "HST": (-600,),
}
_LONG: dict[str, str] = {
    "greenwich mean time": "GMT", "coordinated universal time": "UTC",
    "british summer time": "BST", "central european time": "CET",
    "central european summer time": "CEST", "eastern time": "ET",
    "eastern standard time": "EST", "eastern daylight time": "EDT", "central time": "CT",
    "mountain time": "MT", "pacific time": "PT", "pacific standard time": "PST",
    "pacific daylight time": "PDT",
}
_ABBR = "|".join(sorted(_OFFSETS, key=len, reverse=True))
ZONE_NAMES = "|".join(sorted((z for z in _OFFSETS if len(z) > 1), key=len, reverse=True))
_LONGS = "|".join(sorted((re.escape(k) for k in _LONG), key=len, reverse=True))
# After a time: "GMT", "(0640 GMT)" is a time of its own, "UTC+2", "+02:00", "local time",
# "Eastern Time", "in London"/"New York time" are left as local.
ZONE = re.compile(
    rf"(?:\s*(?P<abbr>{_ABBR})(?:\s?(?P<sign>[+−-])(?P<oh>\d{{1,2}})(?::?(?P<om>\d\d))?)?"
    rf"(?![\w+−-])"
    rf"|(?P<iso>[+−-])(?P<ih>\d\d):?(?P<im>\d\d)(?!\d)"
    rf"|\s+(?P<local>local(?:\s+time)?)\b"
    rf"|\s+(?P<long>{_LONGS})\b)",
    re.IGNORECASE)


def zone_at(text: str, pos: int) -> tuple[str, int]:
    """The zone written right after a time ending at ``pos``, and where it ends (``("",
    pos)`` when none is)."""
    m = ZONE.match(text, pos)
    if m is None:
        return "", pos
    if m.group("local"):
        return LOCAL, m.end()
    if m.group("long"):
        return _LONG[m.group("long").lower()], m.end()
    if m.group("iso"):
        sign = -1 if m.group("iso") in "-−" else 1
        return _offset_key(sign * (int(m.group("ih")) * 60 + int(m.group("im")))), m.end()
    abbr = m.group("abbr")
    if abbr != abbr.upper():
        return "", pos  # "at 3 pm et al", "ist": zone names are written in capitals
    if m.group("sign"):
        if abbr not in ("GMT", "UTC"):
            return "", pos
        sign = -1 if m.group("sign") in "-−" else 1
        minutes = int(m.group("oh")) * 60 + int(m.group("om") or 0)
        return _offset_key(sign * minutes), m.end()
    return abbr, m.end()


def _offset_key(minutes: int) -> str:
    return f"UTC{minutes:+d}"


def offsets(zone: str) -> tuple[int, ...] | None:
    """The offsets from UTC (minutes) a zone key allows; None for a local time (or none
    written), whose zone the text does not give."""
    if zone in ("", LOCAL):
        return None
    if zone.startswith("UTC") and zone[3:4] in "+-" and zone[3:]:
        return (int(zone[3:]),)
    return _OFFSETS.get(zone)


def regional(bare: str, named: str) -> bool:
    """Whether a time with no zone written (``bare``) is compared with one in ``named`` as
    one zone: a named regional zone, not UTC, GMT or an offset."""
    if bare != "":
        return False
    found = offsets(named)
    return found is not None and found != (0,) and not named.startswith("UTC")
