"""Lengths of time as one figure: a race time "2:03:36", "27:11.4", "in 4:12", "2 hours, 3
minutes and 36 seconds", "2h 03min 36s".

Read as a time of day ("4:12" a.m.) or as its parts ("36 seconds" set against a winning
margin of "12 seconds"), a race time makes conflicts that are none. A duration's unit is
``duration`` and its value a number of seconds: it is compared only with other durations.
Written with colons, three parts are hours, minutes and seconds, and two parts minutes and
seconds: with a decimal fraction ("1:58.3"), with more than 23 before the colon ("27:11"),
or after words that give a time taken ("in 4:12", "a time of 3:29", "clocked 9:58").
"""

from __future__ import annotations

import re

from sidelight.annotations.comparison.numbers import Quantity
from sidelight.annotations.comparison.scanning import digit_led, digits

_COLONS = re.compile(
    r"(?<![\d:.,])(?P<a>\d{1,2}):(?P<b>[0-5]\d)(?::(?P<c>[0-5]\d))?(?P<frac>\.\d{1,3})?"
    r"(?![\d:]|\s*[ap]\.?\s?m\b)", re.IGNORECASE)
# Words right before a two-part time that make it a time taken, not a time of day.
_TAKEN = re.compile(
    r"\b(?:in|of|clocked|timed|ran|run|record|best|time|finish(?:ed)?|won|winning)"
    r"(?:\s+(?:a|an|the|just|only|about|around|roughly|under|over))?\s+$", re.IGNORECASE)
_H = r"(?:hours?|hrs?|h)"
_M = r"(?:minutes?|mins?|m)"
_S = r"(?:seconds?|secs?|s)"
_SEP = r"\s*,?\s*(?:and\s+)?"
_NUM = r"\d{1,3}(?:\.\d+)?"
# Two parts at least: "2 hours, 3 minutes and 36 seconds", "2h03m36s", "27 min 11 s".
_PARTS = re.compile(
    rf"(?<![\w.,])(?:(?P<h>\d{{1,3}})\s?{_H}{_SEP}(?P<hm>\d{{1,2}})\s?{_M}"
    rf"(?:{_SEP}(?P<hs>{_NUM})\s?{_S})?"
    rf"|(?P<m>\d{{1,3}})\s?{_M}{_SEP}(?P<ms>{_NUM})\s?{_S})(?!\w)", re.IGNORECASE)


def durations(text: str) -> list[Quantity]:
    """Every duration written with colons or in parts, in order."""
    out: list[Quantity] = []
    at = digits(text)
    if ":" in text:
        for m in digit_led(_COLONS, text, at):
            a, b = int(m.group("a")), int(m.group("b"))
            frac = float(m.group("frac") or 0.0)
            if m.group("c") is not None:
                seconds = a * 3600 + b * 60 + int(m.group("c")) + frac
            elif frac or a > 23 or _TAKEN.search(text, max(0, m.start() - 30), m.start()):
                seconds = a * 60 + b + frac
            else:
                continue  # "at 4:12", "the 14:30 train": a time of day
            out.append(_duration(text, seconds, m.start(), m.end()))
    for m in digit_led(_PARTS, text, at):
        if m.group("h"):
            seconds = int(m.group("h")) * 3600 + int(m.group("hm")) * 60 \
                + float(m.group("hs") or 0.0)
        else:
            seconds = int(m.group("m")) * 60 + float(m.group("ms"))
        out.append(_duration(text, seconds, m.start(), m.end()))
    return sorted(out, key=lambda q: q.start)


def _duration(text: str, seconds: float, start: int, end: int) -> Quantity:
    return Quantity(round(seconds, 3), "duration", "", text[start:end], start, end)


_LAST = re.compile(r"(\d+)(?:\.(\d+))?\s?([a-z]*)\W*$", re.IGNORECASE)


def written_step(q: Quantity) -> float:
    """The precision a duration is written to, in seconds: "3:29.4" a tenth, "14 minutes
    32 seconds" one, "2 hours, 5 minutes" sixty."""
    m = _LAST.search(q.text)
    if m is None:
        return 1.0
    step = 10.0 ** -len(m.group(2) or "")
    unit = m.group(3).lower()
    if unit.startswith("h"):
        return 3600.0 * step
    if unit.startswith("m"):
        return 60.0 * step
    return step


def duration_relation(a: Quantity, b: Quantity) -> str:
    """``compare_quantities`` for two durations: one written more coarsely than the other
    ("14:32.07" / "14 minutes 32 seconds") agrees with it to its last digit, rounded or cut
    off (race times are cut off, not rounded)."""
    assert a.value is not None and b.value is not None
    if a.value == b.value:
        return "same"
    step = max(written_step(a), written_step(b))
    return "compatible" if abs(a.value - b.value) < step else "conflict"
