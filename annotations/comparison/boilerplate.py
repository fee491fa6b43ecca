"""Lines of a news page that tell no claim: credit lines, bylines, datelines, copyright,
tickers, section headings, editors' notes ("The following is a transcript of ...", "This
interview has been edited for length"), "read more" and app plugs. They are kept out of the
comparison (no gutter mark, never aligned, never "only this source"), since two pages' credit
lines or headings look alike without saying the same thing.

The patterns are data: one list of line starts and one of whole-line shapes.
"""

from __future__ import annotations

import re

from sidelight.annotations.comparison.sentences import Sentence

# Lines that start like this are page furniture, whatever follows.
_STARTS: tuple[str, ...] = (
    r"\(?(?:reporting|writing|editing|additional reporting|compiled|produced) by\b",
    r"by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:,| and| for|$)",
    r"by (?:a|an|our|the) (?:staff |special |political |foreign )?"
    r"(?:reporter|correspondent|writer|editor)s?\b",
    r"copyright\b", r"©", r"\(c\) ", r"all rights reserved",
    r"read more\b", r"related(?: topics| articles| stories| coverage)?\b", r"see also\b",
    r"share this\b", r"subscribe\b", r"sign up\b", r"follow us\b", r"download the\b",
    r"watch live\b", r"listen\b", r"advertisement\b", r"click here\b",
    r"end of transcript\b", r"\(?photo\b",
    # An editor's frame around a transcript or an article: who spoke where and when, or how
    # the text was edited, which every report of the event shares without telling a claim.
    r"the following is (?:an? )?(?:\w+ )?(?:transcript|excerpt)s?\b",
    r"(?:this|the) (?:transcript|interview) (?:has been|was|is) (?:\w+ )?edited\b",
    r"editor'?s note\b", r"image:", r"caption:", r"date[:\s]\s*\d{4}-\d\d",
    r"\([A-Z][\w .&-]{1,30}\)$",  # an agency credit on its own: "(Reuters)"
)
_START = re.compile("|".join(f"(?:{p})" for p in _STARTS), re.IGNORECASE)
# A line of a ticker table: mostly figures and signs ("FB FACEBOOK, INC. 346.51 +3.31").
_TICKER = re.compile(r"(?:[+\-−]?\d[\d,.]*%?\s*){2,}$")
_TICKER_HEAD = re.compile(r"^(?:ticker|symbol|security|last|change|price|%|\s)+$", re.IGNORECASE)
_SECTION_BAR = re.compile(r"\S\s+\|\s+\S")
_FINAL = ".!?\"”’'»:)"
_HEADING_WORDS = 8


def is_boilerplate(text: str, s: Sentence, first: bool) -> bool:
    """Whether sentence ``s`` of ``text`` is page furniture. ``first``: it is the document's
    first sentence (the headline), which is kept."""
    body = s.text.strip()
    if _START.match(body) or _TICKER_HEAD.match(body) or (
            "|" in body and _SECTION_BAR.search(body)):
        return True
    # A ticker row ends in a figure; only then are its digits counted.
    if (body[-1].isdigit() or body[-1] == "%") and \
            sum(c.isdigit() for c in body) * 3 > len(body) and _TICKER.search(body):
        return True
    whole_line = (s.start == 0 or text[s.start - 1] == "\n") and (
        s.end == len(text) or text[s.end] == "\n")
    if not whole_line or first or s.speaker:
        return False
    # A short line without final punctuation between paragraphs is a section heading.
    return body[-1] not in _FINAL and len(body.split()) <= _HEADING_WORDS
