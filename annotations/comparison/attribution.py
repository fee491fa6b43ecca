"""Who told a claim: the clauses of a sentence that only name its source.

"..., the agency said on Thursday", "according to the US Geological Survey", "According to
the sheriff's office, ...": two reports citing one source share these words without telling
one claim, so the comparison keeps them apart from what the sentence says (``features``)
and leaves them out when it reads a long sentence clause by clause (``clauses``).
"""

from __future__ import annotations

import re

from sidelight.annotations.comparison.sentences import Sentence

# Where a sentence divides into clauses: commas (not inside figures), semicolons, colons,
# dashes and brackets.
CLAUSE_CUT = re.compile(r",(?!\d{3})|;|:(?!\d)|\s[—–-]\s|[()]")
WORD_OR_NUMBER = re.compile(r"[^\W\d_]{2,}|\d+")
SAYS = re.compile(r"^according to\b|\b(?:said|says|told|tells|added|adds|stated|"
                   r"reported|confirmed|announced|wrote|writes)\b", re.IGNORECASE)
ATTRIBUTION_WORDS = 9  # an attribution is short; a longer clause tells a claim too
_TAIL = 160  # characters: more than ATTRIBUTION_WORDS words of all but freak lengths
_ACCORDING = re.compile(r"according to\b", re.IGNORECASE)
_LAST_ACCORDING = re.compile(r"\baccording to\b[^,;:()]*$", re.IGNORECASE)
# A clause that opens with the verb and goes on with what was said ("The operator, which
# runs the port, said it would sue") is the claim, its speaker named before the comma.
_SAID_FIRST = re.compile(r"\s*(?:said|says|told|added|adds|stated|confirmed|announced|"
                         r"wrote|writes)\s+(?:on\s+\w+\s+)?(?:that|it|he|she|they|we|"
                         r"there|its|his|her|their)\b", re.IGNORECASE)


def is_attribution(clause: str) -> bool:
    """Whether a clause only says who told the claim."""
    return bool(SAYS.search(clause)) and _words(clause, 0, len(clause)) <= ATTRIBUTION_WORDS \
        and not _SAID_FIRST.match(clause)


def attribution_spans(s: Sentence) -> list[tuple[int, int]]:
    """Where ``s`` only says who told its claim: a last clause (", the agency said on
    Thursday", "according to the US Geological Survey") or a first one ("According to the
    sheriff's office, ..."); offsets into the same text as ``s``."""
    text = s.text
    out = []
    # A last clause of at most ATTRIBUTION_WORDS words starts within the sentence's last
    # _TAIL characters: only those are read (a long document has many sentences).
    tail = max(0, len(text) - _TAIL)
    according = "ccording" in text
    m = _LAST_ACCORDING.search(text, tail) if according else None
    cut = m.start() if m else max((c.end() for c in CLAUSE_CUT.finditer(text, tail)),
                                  default=0)
    if cut and _words(text, cut, len(text)) <= ATTRIBUTION_WORDS and (
            m or (SAYS.search(text, cut) and not _SAID_FIRST.match(text, cut))):
        out.append((s.start + cut, s.end))
    if according and _ACCORDING.match(text):
        first = CLAUSE_CUT.search(text)
        if first and (not out or first.end() < cut):
            out.insert(0, (s.start, s.start + first.end()))
    return out


# A speech verb, then only the words of how it was told ("told a news conference", "said
# in a statement"), then the day: a date there is when the source spoke.
_TELLING = frozenset({
    "a", "an", "the", "its", "his", "her", "their", "in", "at", "to", "on", "late", "early",
    "news", "conference", "briefing", "statement", "reporters", "journalists", "media",
    "interview", "parliament", "lawmakers", "update", "post", "online"})
_TOLD_ON = re.compile(
    r"\b(?:said|says|told|tells|added|stated|reported|confirmed|announced|wrote)"
    r"(?:\s+(?:" + "|".join(sorted(_TELLING)) + r"))*\s+$", re.IGNORECASE)
_TOLD_REACH = 60  # characters before a date looked at


def told_on(text: str, start: int) -> bool:
    """Whether the date or time at ``start`` of ``text`` says when a source spoke ("the
    ministry said on Thursday, as …", "told reporters late Tuesday"), wherever the clause
    sits in its sentence: the day a claim was told is not a figure of the claim."""
    return _TOLD_ON.search(text, max(0, start - _TOLD_REACH), start) is not None


def _words(text: str, a: int, b: int) -> int:
    return len(WORD_OR_NUMBER.findall(text, a, b))
