"""Which language a text is written in, from its script and its function words.

Every language writes its commonest words — articles, pronouns, prepositions, auxiliaries —
on nearly every line, and those words differ between languages: counting them over the first
few thousand characters tells German from Dutch or French from Italian on a paragraph.
Scripts other than Latin (Cyrillic, Greek, Arabic, Han, ...) are told by their letters.
A word shared by several languages ("de", "la", "in") counts for each of them in part.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from itertools import chain
from pathlib import Path

# English names of the languages told apart (what the reader shows).
NAMES: dict[str, str] = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "pl": "Polish", "cs": "Czech", "tr": "Turkish", "fi": "Finnish", "hu": "Hungarian",
    "ro": "Romanian", "ru": "Russian", "uk": "Ukrainian", "el": "Greek", "ar": "Arabic",
    "he": "Hebrew", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "hi": "Hindi",
    "th": "Thai", "und": "unknown language",
}
# How much text is read: enough for a confident count, bounded so a book costs no more
# than a page.
_SAMPLE = 4000
_WORD = re.compile(r"[^\W\d_]+")
# The same words in ASCII text (letters are a-z there), split apart without a regex: the
# JSON of a store's notes detects every note, and the regex cost most of that. As bytes, one
# table lowercases and blanks out the rest in a single pass (a third of the time of lowering,
# then translating through a str table).
_ASCII_NON_LETTERS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalpha()})
_ASCII_WORD_BYTES = bytes(c if chr(c).islower() else c + 32 if chr(c).isupper() else 32
                          for c in range(128)) + bytes(128)
# Fewer words than this decide nothing: a headline or a list of names.
_MIN_WORDS = 6
# A text in no known language needs this many words to be called so.
_UNKNOWN_WORDS = 30
# How far another language must lead the default one.
_LEAD = 1.5
# Letters that only some Latin-script languages use: a small bonus each.
_LETTER_HINTS: dict[str, tuple[str, ...]] = {
    "ß": ("de",), "ä": ("de", "sv", "fi"), "ö": ("de", "sv", "fi", "hu", "tr"),
    "ü": ("de", "tr", "hu"), "é": ("fr", "es", "pt", "hu", "cs", "it"), "è": ("fr", "it"),
    "ê": ("fr", "pt"), "ç": ("fr", "pt", "tr"), "à": ("fr", "it", "pt"), "ñ": ("es",),
    "ã": ("pt",), "õ": ("pt",), "å": ("sv", "da", "no"), "ø": ("da", "no"), "æ": ("da", "no"),
    "ł": ("pl",), "ą": ("pl",), "ę": ("pl",), "ż": ("pl",), "ř": ("cs",), "ů": ("cs",),
    "ě": ("cs",), "ğ": ("tr",), "ş": ("tr", "ro"), "ı": ("tr",), "ő": ("hu",), "ű": ("hu",),
    "ș": ("ro",), "ț": ("ro",), "ă": ("ro",), "î": ("ro", "fr"), "œ": ("fr",),
}
_SCRIPTS: tuple[tuple[str, int, int], ...] = (
    ("el", 0x0370, 0x03FF), ("ru", 0x0400, 0x04FF), ("he", 0x0590, 0x05FF),
    ("ar", 0x0600, 0x06FF), ("hi", 0x0900, 0x097F), ("th", 0x0E00, 0x0E7F),
    ("ko", 0xAC00, 0xD7AF), ("ja", 0x3040, 0x30FF), ("zh", 0x4E00, 0x9FFF),
)
_UKRAINIAN = frozenset("іїєґ")
# Any letter outside the Latin blocks: most texts have none, and then no letter is counted.
_NON_LATIN = re.compile("[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for _, lo, hi in _SCRIPTS) + "]")


def language_name(code: str) -> str:
    return NAMES.get(code, code)


@functools.cache
def _weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> ((language, weight), ...); a word of k languages weighs 1/k in each."""
    # Read beside this module, not through ``importlib.resources``: the reader detects the
    # language for its first screen, and importing that machinery cost more than the read.
    text = (Path(__file__).parent / "data" / "function_words.txt").read_text(encoding="utf-8")
    langs: dict[str, set[str]] = {}
    for ln in text.splitlines():
        if ln.strip() and not ln.startswith("#"):
            code, *words = ln.split()
            langs[code] = set(words)
    owners: dict[str, list[str]] = {}
    for code, words in langs.items():
        for w in words:
            owners.setdefault(w, []).append(code)
    return {w: tuple((c, 1.0 / len(cs)) for c in cs) for w, cs in owners.items()}


def _script(sample: str) -> str | None:
    """The language of a text in a script other than Latin, or None for Latin script."""
    if _NON_LATIN.search(sample) is None:
        return None
    counts: Counter[str] = Counter()
    latin = 0
    for ch in sample:
        if ch.isalpha():
            o = ord(ch)
            if o < 0x0250:
                latin += 1
                continue
            for code, lo, hi in _SCRIPTS:
                if lo <= o <= hi:
                    counts[code] += 1
                    break
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    if n <= latin:
        return None
    if code == "zh" and counts["ja"]:
        return "ja"   # Japanese mixes kana into Han characters
    if code == "ru" and any(c in _UKRAINIAN for c in sample):
        return "uk"
    return code


def _words(sample: str) -> list[str]:
    """The lowercased words of ``sample`` (runs of letters)."""
    if sample.isascii():
        return sample.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()
    # Lowering may make a text ASCII (the Kelvin sign becomes "k").
    lowered = sample.lower()
    if lowered.isascii():
        return lowered.translate(_ASCII_NON_LETTERS).split()
    return _WORD.findall(lowered)


def scores(text: str, words: list[str] | None = None) -> dict[str, float]:
    """Each Latin-script language's evidence in ``text`` (function words and letters)."""
    sample = text[:_SAMPLE]
    if words is None:
        words = _words(sample)
    out: dict[str, float] = {}
    # The function words among the words, picked out in C (every note of a store is
    # detected when it is listed as JSON); added up in text order, as always.
    for code, wt in chain.from_iterable(filter(None, map(_weights().get, words))):
        out[code] = out.get(code, 0.0) + wt
    if not sample.isascii():  # every hint letter is outside ASCII
        for ch, codes in _LETTER_HINTS.items():
            n = sample.count(ch)
            if n:
                for code in codes:
                    out[code] = out.get(code, 0.0) + min(n, 5) * 0.2 / len(codes)
    return out


def detect(text: str, default: str = "en") -> str:
    """The language code of ``text`` (ISO 639-1), ``default`` when the text is too short to
    tell, and ``"und"`` for a Latin-script text in none of the languages known here."""
    sample = text[:_SAMPLE]
    other = None if sample.isascii() else _script(sample)
    if other is not None:
        return other
    words = _words(sample)
    n_words = len(words)
    if n_words < _MIN_WORDS:
        return default
    sc = scores(sample, words)
    best = max(sc, key=sc.__getitem__) if sc else default  # the first of equals, as always
    top = sc.get(best, 0.0)
    # A few shared words in a long text in another language are no evidence; a short text
    # of names and headline words ("President Trump met Chancellor Merkel") has too few
    # words to say it is in no known language.
    if top < max(1.5, n_words * 0.04):
        return "und" if n_words >= _UNKNOWN_WORDS else default
    # Leaving the default language takes a clear lead: one shared word ("met", "on") must
    # not turn a short English sentence Dutch.
    if best != default and top - sc.get(default, 0.0) < _LEAD:
        return default
    return best
