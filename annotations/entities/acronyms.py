"""Acronyms defined in brackets after a name ("Bharat Rashtra Samiti (BRS)"): the acronym
takes the long form's label."""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress
from operator import attrgetter

from .keys import acronym_definitions
from .mentions import START, Mention
from .patterns import BRACKET_ACRONYM

_END = attrgetter("end")


def resolve_acronyms(text: str, ms: list[Mention]) -> list[Mention]:
    """Acronyms defined in brackets take their long form's label; a "person" with one is a
    body; acronyms of lower-case phrases are dropped."""
    if "(" not in text:
        return ms
    # Only a name before a bracketed acronym can define one: where such a bracket could
    # open (any of the spaces before it, or the bracket itself); and only a mention right
    # after a bracket can be an acronym of lower-case words.
    opens: set[int] = set()
    after: set[int] = set()
    p = text.find("(")
    while p >= 0:
        after.add(p + 1)
        if BRACKET_ACRONYM.match(text, p) is not None:
            j = p
            while j and text[j - 1].isspace():
                j -= 1
            opens.update(range(j, p + 1))
        p = text.find("(", p + 1)
    # (The few mentions at those places are picked out in C: a text has tens of thousands.)
    rows = [(m.start, m.end, m.label, text[m.start:m.end])
            for m in compress(ms, map(opens.__contains__, map(_END, ms)))
            if m.end - m.start > 3]
    defs = acronym_definitions(text, rows)
    # Mentions start in order: those at a place are found by bisection.
    starts = list(map(START, ms))
    suppressed = lowercase_acronyms(text, _starting_at(ms, starts, after))
    if not defs and not suppressed:
        return ms
    # People are not given acronyms in brackets: a "person" that has one is a body
    # ("Bharat Rashtra Samiti (BRS)").
    bodies = {d[0] for d in defs.values() if d[2] == "PERSON" and " " in d[3]}
    # Only a body's mentions and those that read as an acronym can change below: they
    # start where a body or one of the acronyms does.
    at = set(bodies)
    for acr in {*defs, *suppressed}:
        p = text.find(acr)
        while p >= 0:
            at.add(p)
            p = text.find(acr, p + 1)
    gone: set[int] = set()
    for m in _starting_at(ms, starts, at):
        t = text[m.start:m.end]
        long = defs.get(t)
        if m.start in bodies or (long is not None and long[0] in bodies):
            m.label = "ORG"
        elif long is not None and long[0] != m.start:
            m.label = long[2]
        elif t in suppressed:
            gone.add(id(m))
    if gone:
        return [m for m in ms if id(m) not in gone]
    return ms


def _starting_at(ms: list[Mention], starts: list[int], places: set[int]) -> list[Mention]:
    """The mentions (sorted by start, ``starts`` their starts) that start at one of
    ``places``, in order."""
    out: list[Mention] = []
    n = len(starts)
    for p in sorted(places):
        i = bisect_left(starts, p)
        while i < n and starts[i] == p:
            out.append(ms[i])
            i += 1
    return out


def lowercase_acronyms(text: str, ms: list[Mention]) -> set[str]:
    """Acronyms defined for lower-case phrases ("chronic refractory cough (CRC)")."""
    out: set[str] = set()
    for m in ms:
        if m.start > 0 and text[m.start - 1] == "(" and text[m.end:m.end + 1] == ")":
            acr = text[m.start:m.end]
            if not acr.isupper():
                continue
            before = text[max(0, m.start - 80):m.start - 1].split()
            words = before[-len(acr):]
            if len(words) == len(acr) and all(w[:1].islower() for w in words) and \
                    "".join(w[0] for w in words).upper() == acr:
                out.add(acr)
    return out
