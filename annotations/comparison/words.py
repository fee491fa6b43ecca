"""Words as the comparison sees them: tokens, content words and their normal forms.

Two reports of one event rarely use the same inflection, apostrophe or case, so every word is
reduced to a rough stem before it is compared; function words and attribution verbs carry no
claim and are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Letters joined by apostrophes (don't, O’Brien); digits are handled by ``numbers``.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# Typographic variants that must not make two renderings of one text look different.
_QUOTE_TRANS = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "‒": "-", "―": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)
# The same, as pairs: each maps one character beyond ASCII to ASCII, so replacing one never
# makes or undoes another.
_QUOTE_PAIRS: tuple[tuple[str, str], ...] = tuple((chr(k), v) for k, v in _QUOTE_TRANS.items())


def word_set(words: str) -> frozenset[str]:
    """A set of the whitespace-separated words in ``words`` (for readable word lists)."""
    return frozenset(words.split())


STOPWORDS: frozenset[str] = word_set(
    """
    a about above after again against all almost also although am among an and another any are
    aren't as at be became because been before being below between both but by can can't cannot
    could couldn't did didn't do does doesn't doing don't down during each either else even ever
    every few for from further had hadn't has hasn't have haven't having he he'd he'll he's her
    here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is
    isn't it it's its itself just least less let's like may me might more most much must mustn't
    my myself neither no nor not now of off often on once one only or other others otherwise our
    ours ourselves out over own per perhaps quite rather same shall shan't she she'd she'll she's
    should shouldn't since so some still such than that that's the their theirs them themselves
    then there there's these they they'd they'll they're they've this those though through thus
    to too toward towards under until up upon us very via was wasn't we we'd we'll we're we've
    were weren't what what's when when's where where's whether which while who who's whom whose
    why why's will with within without won't would wouldn't yet you you'd you'll you're you've
    your yours yourself yourselves
    said says say saying told tells tell wrote writes write added adds according reportedly
    mr mrs ms dr
    """
)


# Words that news reports use interchangeably for one idea; each maps to one feature so that
# "shares tumbled" and "stock fell" have something in common. Only near-synonyms of the
# recurring vocabulary of reports (markets, money, firms, inquiries, casualties).
_SYNONYM_GROUPS: tuple[str, ...] = (
    "fall fell fallen falls falling drop dropped drops tumble tumbled tumbles plunge plunged "
    "plunges plummet plummeted slump slumped sink sank sunk slide slid decline declined "
    "declines decrease decreased shed lose lost loses losing",
    "rise rose risen rises rising gain gained gains climb climbed jump jumped soar soared "
    "surge surged rally rallied increase increased grow grew grown",
    "share shares stock stocks",
    "company companies firm firms",
    "wealth fortune worth",
    "probe probes investigation investigations inquiry inquiries",
    "ban banned bans bar barred",
    "kill killed dead died die deaths death",
    "injure injured injuries wounded",
    "buy bought acquire acquired acquisition purchase purchased",
    "chief boss",
    "statement post letter",
    "begin began begun start started launch launched",
)
SYNONYMS: dict[str, str] = {
    w: "~" + group.split()[0] for group in _SYNONYM_GROUPS for w in group.split()
}


def normalise_text(text: str) -> str:
    """Text with quotes, dashes and whitespace made uniform: what "same" compares."""
    # Every character the table maps is beyond ASCII, and ``split`` cuts at the characters
    # ``\s`` matches: the same text as ``\s+`` runs made one space, several times faster.
    # A sentence holds few of the mapped characters: replacing those it holds is faster
    # than ``translate``, which looks every character up.
    if not text.isascii():
        for typographic, plain_form in _QUOTE_PAIRS:
            if typographic in text:
                text = text.replace(typographic, plain_form)
    return " ".join(text.split())


def plain(word: str) -> str:
    """A word lowercased with curly apostrophes made straight."""
    return word.lower().replace("’", "'")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A rough stem of a lowercased word: enough to meet 'tumbled'/'tumbles', 'users'/'user'."""
    w = word
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    n = len(w)
    if n > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if n > 5 and w.endswith("ing"):
        w = w[:-3]
    elif (n > 4 and w.endswith("ed")) or (n > 4 and w.endswith("es") and w[-3] in "sxz"):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    # 'tumbl' from 'tumbled' and 'tumble' from 'tumble' must meet: drop a final e.
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


# Other inflections of the group words ("killing", "tumbling") meet through their stems.
_SYNONYM_STEMS: dict[str, str] = {stem(w): g for w, g in SYNONYMS.items()}


def content_words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, stem)`` of each content word in ``text`` (offsets into it); words of
    one synonym group share one stem ("~fall")."""
    out: list[tuple[int, int, str]] = []
    feature = _word_feature
    for m in WORD.finditer(text):
        f = feature(m.group())
        if f:
            out.append((m.start(), m.end(), f))
    return out


def content_word_forms(text: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    """``content_words(text)`` and, beside it, each of those words as written."""
    out: list[tuple[int, int, str]] = []
    written: list[str] = []
    feature = _word_feature
    for m in WORD.finditer(text):
        word = m.group()
        f = feature(word)
        if f:
            out.append((m.start(), m.end(), f))
            written.append(word)
    return out, written


@lru_cache(maxsize=131072)
def _word_feature(word: str) -> str:
    """The stem a word is compared by, or "" for a function word (cached per spelling:
    a document repeats its words)."""
    w = plain(word)
    if len(w) < 2 or w in STOPWORDS:
        return ""
    s = stem(w)
    return SYNONYMS.get(w) or _SYNONYM_STEMS.get(s) or s


def tokens(text: str) -> list[str]:
    """Every word and number of ``text`` in reading order, for word-level diffs."""
    return _TOKEN.findall(normalise_text(text))


_TOKEN = re.compile(r"\w+(?:['.,]\w+)*|[^\w\s]")
