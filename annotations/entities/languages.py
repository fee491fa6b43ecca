"""Per-language data for the one rule engine: its lexicon, scanners and lower-case entities.

English is the engine's native language. A language with a profile in
``annotations.language`` and a folder ``data/<lang>/`` (lexicon.txt, names.tsv,
first_names.txt, common_words.txt) gets the full recogniser; adding one is a data change.
Any other language is read in the high-precision mode (numbers, ISO dates, known names).
"""

from __future__ import annotations

import functools
from importlib import resources

from sidelight.annotations.language.profiles import profile

from .gazetteer import for_language
from .lexicon import ENGLISH, Lexicon
from .patterns import Patterns, build, english

# Parts of the day that German glues to a weekday ("Sonntagabend").
_DAY_PARTS = ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht")


def full_support(lang: str) -> bool:
    """Whether ``lang`` has the full recogniser (else only high-precision entities)."""
    return lang == "en" or (
        profile(lang) is not None
        and (resources.files("sidelight.annotations.entities") / "data" / lang).is_dir())


def _sections(lang: str) -> dict[str, set[str]]:
    text = (resources.files(__package__) / "data" / lang / "lexicon.txt").read_text(
        encoding="utf-8")
    out: dict[str, set[str]] = {}
    current: set[str] | None = None
    for ln in text.splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        if ln.rstrip().endswith(":") and " " not in ln.strip():
            current = out.setdefault(ln.strip()[:-1], set())
        elif current is not None:
            current.update(ln.split())
    return out


@functools.cache
def lexicon(lang: str) -> Lexicon:
    if lang == "en" or not full_support(lang):
        return ENGLISH
    prof = profile(lang)
    assert prof is not None
    extra = {k: frozenset(v) for k, v in _sections(lang).items()}
    cap = str.capitalize
    months = {m for m in prof.months if m[:1].isupper()} | {cap(m) for m in prof.months}
    weekdays = {cap(d) for d in prof.weekdays}
    if prof.capitalises_nouns:
        weekdays |= {cap(d) + part for d in prof.weekdays for part in _DAY_PARTS}
    numbers = set(prof.number_words)
    extra["months"] = extra.get("months", frozenset()) | months
    extra["weekdays"] = extra.get("weekdays", frozenset()) | weekdays
    extra["date_words"] = extra.get("date_words", frozenset()) | months | weekdays
    extra["number_words"] = extra.get("number_words", frozenset()) | numbers
    # Lower-case function words are refused at a sentence start in capitals too.
    extra["stopwords"] = extra.get("stopwords", frozenset()) | {
        w for w in extra.get("stopwords", ()) if w.islower()}
    return ENGLISH.extended(lang, extra, capitalises_nouns=prof.capitalises_nouns,
                            demonym_titles=True)


@functools.cache
def lower_entities(lang: str) -> dict[str, tuple[str, str]]:
    """Lower-case words that are entities in ``lang``: word -> (label, key)."""
    prof = profile(lang)
    if lang == "en" or prof is None or not full_support(lang):
        return {}
    out: dict[str, tuple[str, str]] = {}
    for name, (label, key) in for_language(lang).names.items():
        if label == "NORP" and name[:1].islower():
            out[name] = (label, key)
    for w in prof.number_words:
        out[w] = ("CARDINAL", w)
    if not prof.capitalises_nouns:
        # Months and weekdays written in lower case (French); abbreviations that spell other
        # words ("sept", "mars" is kept: a month far more often than the planet in news).
        for m in prof.months:
            if m[:1].islower() and len(m) > 3 and m not in prof.number_words:
                out.setdefault(m, ("DATE", m))
        for d in prof.weekdays:
            out.setdefault(d, ("DATE", d))
    return out


@functools.cache
def patterns(lang: str) -> Patterns:
    prof = profile(lang)
    if lang == "en" or prof is None or not full_support(lang):
        return english()
    return build(lexicon(lang), prof, lower_entities(lang))
