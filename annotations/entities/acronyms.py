"""Acronyms defined in brackets after a name ("Bharat Rashtra Samiti (BRS)"): the acronym
takes the long form's label."""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter, sub

from .keys import acronym_definitions
from .mentions import START, Mention
from .patterns import BRACKET_ACRONYM

END = attrgetter("end")


def resolve_acronyms(text: str, ms: list[Mention]) -> list[Mention]:
    """Acronyms defined in brackets take their long form's label; a "person" with one is a
    body; acronyms of lower-case phrases are dropped."""
    if "(" not in text:
        return ms
    # Only a name before a bracketed acronym can define one: where such a bracket could
    # open (any of the spaces before it, or the bracket itself); and only a mention right
    # after a bracket can be an acronym of lower-case words.
    opens: list[tuple[int, int]] = []
    after: list[int] = []
    p = text.find("(")
    while p >= 0:
        after.append(p + 1)
        if BRACKET_ACRONYM.match(text, p) is not None:
            j = p
            while j and text[j - 1].isspace():
                j -= 1
            opens.append((j, p))
        p = text.find("(", p + 1)
    # A text has a handful of brackets and tens of thousands of mentions: the mentions
    # next to a bracket are found from the brackets (the mentions are sorted by start).
    starts = list(map(START, ms))
    near: set[int] = set()
    if opens:
        ends = list(map(END, ms))
        longest = max(map(sub, ends, starts), default=0)
        for j, p in opens:
            i = bisect_left(starts, p) - 1
            while i >= 0 and starts[i] >= j - longest:
                if j <= ends[i] <= p:
                    near.add(i)
                i -= 1
    rows = [(m.start, m.end, m.label, text[m.start:m.end])
            for m in (ms[i] for i in sorted(near)) if m.end - m.start > 3]
    defs = acronym_definitions(text, rows)
    suppressed = lowercase_acronyms(text, [ms[i] for i in _starting(starts, after)])
    if not defs and not suppressed:
        return ms
    # People are not given acronyms in brackets: a "person" that has one is a body
    # ("Bharat Rashtra Samiti (BRS)").
    bodies = {d[0] for d in defs.values() if d[2] == "PERSON" and " " in d[3]}
    # Only a mention of an acronym, or a body's, can change below.
    at: set[int] = set()
    for acr in defs.keys() | suppressed:
        i = text.find(acr)
        while i >= 0:
            at.add(i)
            i = text.find(acr, i + 1)
    dropped: set[int] = set()
    for i in _starting(starts, sorted(at | bodies)):
        m = ms[i]
        t = text[m.start:m.end]
        long = defs.get(t)
        if m.start in bodies or (long is not None and long[0] in bodies):
            m.label = "ORG"
        elif long is not None and long[0] != m.start:
            m.label = long[2]
        elif t in suppressed:
            dropped.add(i)
    if not dropped:
        return ms
    return [m for i, m in enumerate(ms) if i not in dropped]


def _starting(starts: list[int], offsets: list[int]) -> list[int]:
    """The indices, in order, of the mentions that start at any of ``offsets`` (sorted),
    ``starts`` being the mentions' starts in order."""
    out: list[int] = []
    n = len(starts)
    for p in offsets:
        i = bisect_left(starts, p)
        while i < n and starts[i] == p:
            out.append(i)
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
