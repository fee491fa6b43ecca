"""Acronyms defined in brackets after a name ("Bharat Rashtra Samiti (BRS)"): the acronym
takes the long form's label."""

from __future__ import annotations

from .keys import acronym_definitions, bracket_ends
from .mentions import Mention


def resolve_acronyms(text: str, ms: list[Mention]) -> list[Mention]:
    """Acronyms defined in brackets take their long form's label; a "person" with one is a
    body; acronyms of lower-case phrases are dropped."""
    if "(" not in text:
        return ms
    # Only a name before a bracketed acronym can define one: where such a bracket could
    # open (any of the spaces before it, or the bracket itself: ``bracket_ends``, found once
    # for both steps); and only a mention right after a bracket can be an acronym of
    # lower-case words.
    brackets = bracket_ends(text)
    after: set[int] = set()
    p = text.find("(")
    while p >= 0:
        after.add(p + 1)
        p = text.find("(", p + 1)
    rows = [(m.start, m.end, m.label, text[m.start:m.end]) for m in ms
            if m.end in brackets and m.end - m.start > 3]
    defs = acronym_definitions(text, rows, brackets)
    suppressed = lowercase_acronyms(text, [m for m in ms if m.start in after])
    if not defs and not suppressed:
        return ms
    # People are not given acronyms in brackets: a "person" that has one is a body
    # ("Bharat Rashtra Samiti (BRS)").
    bodies = {d[0] for d in defs.values() if d[2] == "PERSON" and " " in d[3]}
    # Only a mention as long as an acronym, or a body's, can change below.
    sizes = {len(k) for k in defs} | {len(k) for k in suppressed}
    out: list[Mention] = []
    for m in ms:
        if m.end - m.start not in sizes and m.start not in bodies:
            out.append(m)
            continue
        t = text[m.start:m.end]
        long = defs.get(t)
        if m.start in bodies or (long is not None and long[0] in bodies):
            m.label = "ORG"
        elif long is not None and long[0] != m.start:
            m.label = long[2]
        elif t in suppressed:
            continue
        out.append(m)
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
