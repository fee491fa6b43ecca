"""Sentence segmentation of a document's reading text, as offsets into it.

News text is not tidy prose: it has headings without a full stop, bullet lists, ticker
tables, transcripts with speaker labels, abbreviations (Mr., U.S., Inc.), quotations that end
with the full stop inside the quotation marks, and paragraphs glued together by a scraper
("...election.Facebook's"). Segmentation works line by line first (a heading, a bullet or a
labelled line is a unit of its own; hard-wrapped prose lines are joined) and then splits each
unit at sentence-final punctuation that is not an abbreviation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sidelight.annotations.comparison.words import word_set
from sidelight.annotations.language.profiles import profile, supported


@dataclass(frozen=True, slots=True)
class Sentence:
    """``text == doc.text[start:end]``; ``speaker`` is a transcript label ("Q", "SMITH")
    that introduced the line, kept out of the span."""

    start: int
    end: int
    text: str
    speaker: str = ""


# A line's leading marker that is not part of its sentence: bullets, numbered items, block
# quote bars (as the Markdown renderer draws them) and heading hashes.
_LINE_PREFIX = re.compile(
    r"[ \t]*(?:(?:[│>][ \t]?)+|[•·▪◦●‣∙*+\-–—][ \t]+|\(?\d{1,3}[.)][ \t]+|#{1,6}[ \t]+)"
)
# A transcript speaker label: "Q:", "SMITH:", "Mark Zuckerberg:", "[00:01:02] ANCHOR:".
_SPEAKER = re.compile(
    r"(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+)?"
    r"(?P<label>[A-Z][A-Z.'’\- ]{0,40}[A-Z.]|[A-Z][a-z'’\-]+(?:[ \t][A-Z][a-z'’\-]+){0,2}|Q|A)"
    r"[ \t]*:[ \t]+(?=\S)"
)
# Labels that look like a speaker but introduce a field of a news page.
_NOT_SPEAKERS = word_set(
    "update updated note editor's note correction source sources photo image video read more "
    "see also related watch listen caption credit date by tags topics breaking exclusive "
    "analysis opinion live warning"
)
# Leading metadata the document loader recognises as the date line.
_DATE_PREFIX = re.compile(r"\A\s*date[:\s]\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s*",
                          re.IGNORECASE)

# A candidate boundary: final punctuation, any closing quotes/brackets (German „…“ closes
# with “, French «…» with a spaced »), then either space or (for glued paragraphs) an
# immediately following capitalised word.
_BOUNDARY = re.compile(
    r"(?P<punct>[.!?…]+|\.{3})(?P<close>(?:[\"'”’»)\]]|“(?=\s)|[ \u00a0\u202f]»)*)"
    r"(?:(?P<space>\s+)|(?=[A-Z][a-z]))"
)
_NEXT_START = re.compile(r"[\"'“‘«(\[]*(?P<first>\S)")

# Always followed by more of the same sentence (a name, a number).
_PREFIX_ABBREVS = word_set(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm rev hon st mt fr messrs mme "
    "mlle pres supt det insp cpl pvt maj brig no nos vol fig pp p para art sec ch "
    "op cf approx ca"
)
# Often inside a sentence, sometimes at its end: break only before a likely sentence start.
_AMBIGUOUS_ABBREVS = word_set(
    "inc corp co ltd llc plc bros jr sr vs etc al est dept univ assn intl govt jan feb mar apr "
    "jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun a.m p.m u.s u.k "
    "u.n e.u d.c n.y l.a e.g i.e"
)
_SENTENCE_STARTERS = word_set(
    "the a an he she it they we i you but and so yet in on at this that these those there his "
    "her its their our however meanwhile after before when while if as for since although "
    "then now still also shares some many most"
)

# A day of the month written with an ordinal dot (German "7. Mai"), and the month names
# that may follow it, from the language profiles.
_DAY_NUMBER = re.compile(r"(?<![\d.])\d{1,2}$")
# The word at a place, read in place: slicing the rest of the text to split off its first word
# copied the whole remainder at every day-number full stop, quadratic in a long document.
_WORD_AT = re.compile(r"\S*")
_MONTH_NAMES = frozenset(m for code in supported() if (p := profile(code)) is not None
                         and p.ordinal_dot for m in p.months)

_WRAP_MIN = 40  # lines shorter than this are never taken for hard-wrapped prose


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order; spans never overlap and hold no outer whitespace."""
    out: list[Sentence] = []
    pos = 0
    m = _DATE_PREFIX.match(text)
    if m and m.end() > 0:
        date_end = m.start() + len(m.group().rstrip())
        lead = len(m.group()) - len(m.group().lstrip())
        out.append(Sentence(lead, date_end, text[lead:date_end]))
        pos = m.end()
    for start, end, speaker in _units(text, pos):
        _split_unit(text, start, end, speaker, out)
    return out


def _units(text: str, pos: int) -> list[tuple[int, int, str]]:
    """Spans of text that no sentence crosses: paragraphs, with headings, list items and
    labelled lines cut out of them."""
    units: list[tuple[int, int, str]] = []
    for para_start, para_end in _paragraphs(text, pos):
        lines = _lines(text, para_start, para_end)
        longest = max(e - s for s, e, _ in lines)
        cur_start: int | None = None
        cur_end = 0
        cur_speaker = ""
        for i, (s, e, marked) in enumerate(lines):
            s, speaker = _strip_prefix(text, s, e, marked)
            if s >= e:
                continue
            starts_new = marked or bool(speaker)
            if cur_start is not None and starts_new:
                units.append((cur_start, cur_end, cur_speaker))
                cur_start = None
            if cur_start is None:
                cur_start, cur_speaker = s, speaker
            cur_end = e
            if not _continues(text, lines, i, longest):
                units.append((cur_start, cur_end, cur_speaker))
                cur_start = None
        if cur_start is not None:
            units.append((cur_start, cur_end, cur_speaker))
    return units


def _paragraphs(text: str, pos: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text[pos:]):
        s, e = m.start() + pos, m.end() + pos
        if text[s:e].strip():
            out.append((s, e))
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """``(start, end, marked)`` of each non-blank line, stripped; ``marked`` when the line
    begins with a list or quote marker."""
    out = []
    s = start
    while s < end:
        e = text.find("\n", s, end)
        if e == -1:
            e = end
        line = text[s:e]
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            trail = len(line) - len(line.rstrip())
            m = _LINE_PREFIX.match(line)
            marked = bool(m and m.end() > lead)
            out.append((s + lead, e - trail, marked))
        s = e + 1
    return out


def _strip_prefix(text: str, s: int, e: int, marked: bool) -> tuple[int, str]:
    if marked:
        m = _LINE_PREFIX.match(text, s, e)
        if m:
            s = m.end()
    m = _SPEAKER.match(text, s, e)
    if m and m.group("label").strip().lower().rstrip(".") not in _NOT_SPEAKERS:
        return m.end(), m.group("label").strip()
    return s, ""


def _continues(text: str, lines: list[tuple[int, int, bool]], i: int, longest: int) -> bool:
    """Whether line ``i`` runs on into line ``i + 1`` (hard-wrapped prose)."""
    if i + 1 >= len(lines):
        return False
    s, e, _ = lines[i]
    if lines[i + 1][2]:
        return False
    n = e - s
    if longest < _WRAP_MIN or n < 0.7 * longest:
        # A short line in a paragraph of long ones is a heading or a table row, unless it
        # plainly stops mid-sentence.
        return text[e - 1] in ",;-–(" or (text[e - 1].islower() and n >= _WRAP_MIN)
    return True


def _split_unit(text: str, start: int, end: int, speaker: str, out: list[Sentence]) -> None:
    seg_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end("close")
        if cut >= end:
            break
        if not _is_boundary(text, m, end):
            continue
        _emit(text, seg_start, cut, speaker, out)
        seg_start = m.end()
    _emit(text, seg_start, end, speaker, out)


def _emit(text: str, s: int, e: int, speaker: str, out: list[Sentence]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        out.append(Sentence(s, e, text[s:e], speaker))


def _is_boundary(text: str, m: re.Match[str], end: int) -> bool:
    nxt = _NEXT_START.match(text, m.end(), end)
    if not nxt:
        return False
    first = nxt.group("first")
    if first.islower() or first in ",;:)]":
        return False
    if first == "." and m.group("punct") == ".":
        return False  # a spaced ellipsis (". . ."): the sentence goes on after it
    punct = m.group("punct")
    if m.group("space") is None:
        # Glued text ("election.Facebook's"): only after a lowercase word of 2+ letters, so
        # "U.S.A" or "Node.Js" are left alone.
        before = text[max(0, m.start() - 2) : m.start()]
        return punct != "." or (len(before) == 2 and before.isalpha() and before.islower())
    if punct != "." or m.group("close"):
        return True
    if _DAY_NUMBER.search(text, max(0, m.start() - 3), m.start()) and \
            _WORD_AT.match(text, nxt.start("first")).group().rstrip(".,") in _MONTH_NAMES:
        return False  # "am 7. Mai", "der 3. Oktober": a day's ordinal dot, not a sentence end
    word_m = re.search(r"([^\W\d_][\w.'’]*)$", text[max(0, m.start() - 20) : m.start()])
    if not word_m:
        return True
    word = word_m.group(1).lower().rstrip(".")
    if len(word) == 1 and word_m.group(1).isupper():
        return False  # an initial: "J. K. Rowling"
    next_word = re.match(r"[^\W\d_]+", text[nxt.start("first") : nxt.start("first") + 20])
    if word in _PREFIX_ABBREVS:
        return False
    if word in _AMBIGUOUS_ABBREVS or ("." in word and len(word) <= 5):
        return bool(next_word) and next_word.group().lower() in _SENTENCE_STARTERS
    return True
