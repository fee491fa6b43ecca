"""Quotations: the words inside quotation marks, who the text says spoke them, word diffs.

Straight and curly, double and single marks are recognised; apostrophes inside words
("don't", "peoples' trust" inside a double quote) are not taken for quotation marks. A
quotation that runs on over paragraphs (each paragraph reopens it without closing the last)
ends at each paragraph end. The speaker is looked for in the attribution beside the quote
("..." Zuckerberg wrote / Sandberg said: "...") and a pronoun ("he said") takes the last
named speaker.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from sidelight.annotations.comparison.words import STOPWORDS, content_words, tokens, word_set


@dataclass(frozen=True, slots=True)
class Quote:
    """``text == doc.text[start:end]``: the words inside the marks, marks excluded."""

    text: str
    start: int
    end: int
    speaker: str = ""


@dataclass(frozen=True, slots=True)
class WordDiff:
    """One run of a word-level diff: ``op`` is 'equal', 'delete' (only in the first text),
    'insert' (only in the second) or 'replace' (``old`` became ``new``)."""

    op: str
    old: str
    new: str


_MAX_QUOTE = 1500  # characters; a longer "quote" is an unbalanced mark
_VERBS = (
    r"said|says|say|wrote|writes|told|tells|added|adds|asked|asks|stated|states|explained|"
    r"explains|noted|notes|argued|argues|claimed|claims|tweeted|tweets|posted|insisted|insists|"
    r"warned|warns|replied|replies|continued|continues|declared|declares|admitted|admits|"
    r"announced|announces|recalled|recalls|conceded|concedes|acknowledged|acknowledges|"
    r"responded|responds|testified|testifies|commented|comments|put it|put out|posted"
)
_NAME_WORD = r"[A-Z](?:[\w’'-]+|\.)"
_NAME = rf"(?:{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|de|van|von|al|bin))*)"
_PRONOUN = r"(?:he|she|they|He|She|They)"
# "…,” Zuckerberg wrote" / "…,” said Mark Zuckerberg" / "…,” he said"
# Who spoke, before the verb: a name or pronoun with an optional apposition ("Jane Roe,
# the mayor,") or a description followed by the name ("The chief executive, Jane Roe,").
_WHO = (
    rf"(?:(?P<name1>{_NAME}|{_PRONOUN})(?:,\s*(?P<appos>[^,]{{1,60}}),)?"
    rf"|[\w’' -]{{1,40}},\s*(?P<appos2>{_NAME}),)"
)
_AFTER = re.compile(
    rf"^[\s,:;!?—–-]*(?:{_WHO}\s+(?:{_VERBS})\b|(?:{_VERBS})\s+(?P<name2>{_NAME}))"
)
# "Zuckerberg said: “…" / "Sandberg put out a separate post: "…" / "according to Reuters, “…"
_BEFORE = re.compile(
    rf"(?:{_WHO}\s+(?:{_VERBS})\b[^.!?\"“”]{{0,60}}"
    rf"|according to\s+(?P<name2>{_NAME})[^.!?\"“”]{{0,20}})[,:]?\s*$"
)
_PRONOUNS = word_set("he she they")
_NOT_NAMES = word_set(
    "The A An This That These Those It In On At But And So Yet Its Their His Her Our We I You "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Shortly Later Earlier Meanwhile"
)


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order, with its speaker where the text names one."""
    spans = _double_spans(text)
    spans += _single_spans(text, spans)
    spans.sort()
    quotes: list[Quote] = []
    last_speaker = ""
    last_end = -10_000
    seen: dict[str, str] = {}  # a speaker's last name -> the name as first given
    for s, e in spans:
        inner_s, inner_e = _trim(text, s, e)
        if inner_s >= inner_e:
            continue
        speaker = _speaker(text, s, e)
        if speaker.lower() in _PRONOUNS:
            # A pronoun refers to a speaker named since the last quote ("Dubois rejected
            # the charge. “…,” she said"), else to the last named speaker if that one is close.
            speaker = _named_since(text, max(0, last_end, s - 300), s, seen) or (
                last_speaker if s - last_end < 1500 else "")
            if speaker and not _subject_agrees(text, s, speaker):
                speaker = ""  # someone else leads the sentence before: who spoke is a guess
        elif not speaker and last_speaker and _continues_quote(text, last_end, s):
            # "“...,” Smith said. “More words.”": the second quote is Smith's too.
            speaker = last_speaker
        if speaker:
            last_speaker = speaker
            seen[speaker.split()[-1].lower()] = speaker
        last_end = e
        quotes.append(Quote(text[inner_s:inner_e], inner_s, inner_e, speaker))
    return quotes


# Opening double marks and the mark that closes each: English “…”, German „…“ and »…«,
# French «…». Another language's marks are a row here.
QUOTE_PAIRS: dict[str, str] = {"“": "”", "„": "“", "«": "»", "»": "«"}
_DOUBLE_MARKS = re.compile(
    "[\"" + "".join(sorted(set(QUOTE_PAIRS) | set(QUOTE_PAIRS.values()))) + "]|\n[ \t]*\n")


_OPENERS = "\"'‘" + "".join(QUOTE_PAIRS)
_CLOSERS = "\"'’" + "".join(QUOTE_PAIRS.values())


def _named_since(text: str, start: int, end: int, seen: dict[str, str]) -> str:
    """The last speaker seen before whose last name appears in ``text[start:end]``."""
    found = ""
    for m in re.finditer(r"\b[A-Z][\w’'-]+", text[start:end]):
        name = seen.get(m.group().lower())
        if name:
            found = name
    return found


_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+|\n")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
_SUBJECT_REACH = 300  # characters before a quotation read for the sentence before it


def _subject_agrees(text: str, start: int, speaker: str) -> bool:
    """Whether the first name the sentence before ``start`` gives (its subject, most often)
    is ``speaker``'s, or it names none: a pronoun after "Olsen conceded, saying he had
    called Sandhu to congratulate her." is Olsen, not the last name read (Sandhu)."""
    body = text[max(0, start - _SUBJECT_REACH):start].rstrip()
    begin = max((m.end() for m in _SENTENCE_END.finditer(body) if m.end() < len(body)),
                default=0)
    names = {w.lower().strip(".,’'") for w in speaker.split()}
    for m in _CAPITALISED.finditer(body, begin):
        word = m.group().lower().strip(".,’'")
        if word in STOPWORDS:
            continue
        return word in names
    return True


def same_speaker(a: str, b: str) -> bool | None:
    """Whether two speakers are one person (by last name); None when either is unknown."""
    if not a or not b or a.lower() in _PRONOUNS or b.lower() in _PRONOUNS:
        return None
    return a.split()[-1].lower().strip(".,’'") == b.split()[-1].lower().strip(".,’'")


# A first-person sentence attributed without quotation marks: "We don't deserve to serve
# our users if we can't protect their data, Mark Zuckerberg said in a letter".
_UNMARKED = re.compile(
    rf"(?P<speech>(?:I|We|My|Our)\b[^\"“”„«»]{{10,}}?),\s+(?P<name>{_NAME})\s+(?:{_VERBS})\b")


def unmarked_speech(text: str, start: int, end: int, speaker: str = "") -> Quote | None:
    """The speech of a sentence that is someone's words without quotation marks: a
    transcript line (``speaker`` is its label) or first-person words attributed to a name."""
    if speaker and speaker not in ("Q", "A"):
        return Quote(text[start:end].rstrip(".!? "), start, end - (
            len(text[start:end]) - len(text[start:end].rstrip(".!? "))), speaker)
    m = _UNMARKED.match(text, start, end)
    if m and m.group("name").split()[0] not in _NOT_NAMES:
        return Quote(m.group("speech"), m.start("speech"), m.end("speech"),
                     _clean_name(m.group("name")))
    return None


def _double_spans(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of the marks of each double-quoted span (close exclusive)."""
    out: list[tuple[int, int]] = []
    open_at = -1
    closer = ""
    for m in _DOUBLE_MARKS.finditer(text):
        ch = m.group()
        i = m.start()
        if ch.startswith("\n"):
            if open_at >= 0 and i - open_at <= _MAX_QUOTE:
                # A quote that runs on into the next paragraph ends here.
                out.append((open_at, i))
            open_at = -1
            continue
        if open_at >= 0 and i - open_at > _MAX_QUOTE:
            open_at = -1
        if open_at >= 0 and ch == closer:
            out.append((open_at, i + 1))
            open_at, closer = -1, ""
        elif ch == '"':
            if open_at < 0:
                open_at, closer = i, '"'
        elif ch in QUOTE_PAIRS and not (open_at >= 0 and closer == '"'):
            if open_at >= 0 and i > open_at + 1:
                out.append((open_at, i))  # reopened without closing: paragraph-style
            open_at, closer = i, QUOTE_PAIRS[ch]
    if open_at >= 0 and len(text) - open_at <= _MAX_QUOTE:
        out.append((open_at, len(text)))
    return out


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[^\W\d_])", re.MULTILINE)
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])['’](?=[\s.,;:!?)\]—–-]|$)")


def _single_spans(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Single-quoted spans outside double quotes, kept within one paragraph."""
    out: list[tuple[int, int]] = []
    bounds = sorted(doubles)
    j = 0
    pos = 0
    while True:
        m = _SINGLE_OPEN.search(text, pos)
        if not m:
            break
        s = m.start()
        while j < len(bounds) and bounds[j][1] <= s:
            j += 1
        if j < len(bounds) and bounds[j][0] <= s:
            pos = bounds[j][1]
            continue
        limit = min(len(text), s + 400)
        para = text.find("\n\n", s, limit)
        if para != -1:
            limit = para
        c = _SINGLE_CLOSE.search(text, s + 2, limit)
        if c is None:
            pos = s + 1
            continue
        out.append((s, c.end()))
        pos = c.end()
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """The quoted words without the marks and surrounding space."""
    if text[s] in _OPENERS:
        s += 1
    if e > s and text[e - 1] in _CLOSERS:
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    # A comma, colon or semicolon before the closing mark belongs to the sentence around
    # the quote ("“…elevated,” the Fed said"), not to the quoted words.
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _continues_quote(text: str, last_end: int, s: int) -> bool:
    """A quote that opens a new sentence right after the last one's attribution."""
    gap = text[last_end:s] if 0 <= last_end <= s else ""
    opens_sentence = gap.rstrip().endswith((".", "!", "?")) or not gap.strip()
    first = text[s + 1 : s + 2]
    return len(gap) < 100 and "\n" not in gap and opens_sentence and first.isupper()


def _speaker(text: str, s: int, e: int) -> str:
    after_name = ""
    after = text[e : e + 120].split("\n", 1)[0]
    inner = text[s:e].rstrip("\"”»'’ ")
    # An attribution after the quote belongs to it only if the quote did not end its
    # sentence ("...,” she said" but not "...done.” She said later").
    if inner.endswith((",", "?", "!", "—", "–", "-")) or after.startswith(","):
        m = _AFTER.match(after)
        if m:
            after_name = _pick_name(m)
            if after_name and after_name.lower() not in _PRONOUNS:
                return after_name
    line_start = text.rfind("\n", 0, s) + 1
    before = text[max(line_start, s - 200) : s]
    m = _BEFORE.search(before)
    before_name = _pick_name(m) if m else ""
    # "Jane Roe told reporters: “…,” she added": the name before beats the pronoun after.
    if before_name and (before_name.lower() not in _PRONOUNS or not after_name):
        return before_name
    return after_name


def _pick_name(m: re.Match[str]) -> str:
    if m.group("appos2"):
        return _clean_name(m.group("appos2"))
    appos = m.group("appos")
    if appos and re.fullmatch(_NAME, appos.strip()):
        # "The chief executive, Jane Roe, said": the apposition holds the name.
        return _clean_name(appos.strip())
    return _clean_name(m.group("name1") or m.group("name2") or "")


def _clean_name(name: str) -> str:
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    if not words and name.lower() in _PRONOUNS:
        return name
    return " ".join(words).rstrip(".,’'")


def same_quote(a: str, b: str) -> bool:
    """Identical words once quotes, dashes, spacing and case are made uniform."""
    return a == b or quote_words(a) == quote_words(b)


@lru_cache(maxsize=8192)
def quote_words(text: str) -> tuple[str, ...]:
    """The words of a quotation, lowercased, without punctuation (cached: a quote is
    compared with several others)."""
    return tuple(t.lower() for t in tokens(text) if t[0].isalnum())


@lru_cache(maxsize=8192)
def quote_stems(text: str) -> frozenset[str]:
    """The content-word stems of a quotation."""
    return frozenset(w for _, _, w in content_words(text))


@lru_cache(maxsize=4096)
def word_diff(a: str, b: str) -> tuple[WordDiff, ...]:
    """A word-level diff of two renderings of one quotation (case and punctuation aside:
    a comma for a full stop is how a quote is set in a sentence, not a change of words).
    Each run shows its words with the punctuation between them. Cached: sources that
    repeat one another give the same pair of quotations many times."""
    ta, tb = tokens(a), tokens(b)
    pa = [i for i, t in enumerate(ta) if t[0].isalnum()]
    pb = [i for i, t in enumerate(tb) if t[0].isalnum()]
    matcher = difflib.SequenceMatcher(
        None, [ta[i].lower() for i in pa], [tb[i].lower() for i in pb], autojunk=False
    )
    out: list[WordDiff] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        out.append(WordDiff(op, _run(ta, pa, i1, i2), _run(tb, pb, j1, j2)))
    return tuple(out)


def _run(toks: list[str], words: list[int], i: int, j: int) -> str:
    """Words ``i..j`` (indices into ``words``) with the punctuation between them."""
    return _join(toks[words[i] : words[j - 1] + 1]) if i < j else ""


def _join(words: list[str]) -> str:
    out = ""
    for w in words:
        if out and w[0].isalnum():
            out += " "
        out += w
    return out
