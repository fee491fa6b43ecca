"""The gazetteers in ``data/``, loaded once on first use.

Files and their sources are described in ``data/SOURCES.md``; ``data/_build.py`` regenerates
the derived ones. Nothing is fetched at run time.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

# A word list is a dict of its words to None rather than a set: a dict that holds only strings
# is not tracked by the garbage collector, while a set always is, and every full collection
# of the reader's process would visit each of the lists' several hundred thousand words
# (tens of milliseconds each time, during a recognition pass that triggers one).
Words = dict[str, None]


def words(text: str) -> Words:
    """The whitespace-separated words of ``text`` as a word list."""
    return dict.fromkeys(text.split())


@dataclass(frozen=True, slots=True)
class Gazetteer:
    # name as written -> (label, key); one table for every fixed name so a span costs one lookup
    names: dict[str, tuple[str, str]]
    first_names: Words
    surnames: Words
    common_words: Words
    # Countries, capitals, states and provinces: never a person's surname in disguise
    major_places: Words
    # Family names written first ("Meng Wanzhou", "Zhao Lijian")
    surname_first: Words
    # surname -> full name of a widely covered person ("Putin" -> "vladimir putin")
    famous_surnames: dict[str, str]
    # Common nouns are compounded (German "Datenschutzskandal"): a word that ends in a common
    # noun is common too.
    compound_nouns: bool = False


_BIG_CITY = 170_000


def _read(name: str) -> str:
    return (resources.files(__package__) / "data" / name).read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    return [ln for ln in _read(name).splitlines() if ln.strip() and not ln.startswith("#")]


@functools.cache
def load() -> Gazetteer:
    names: dict[str, tuple[str, str]] = {}
    major: set[str] = set()
    first_names = words(_read("first_names.txt"))
    for ln in _lines("places.tsv"):
        name, key, kind = ln.split("\t")
        # A town that shares a first name (Elizabeth NJ, Mary TM) would turn every Elizabeth
        # into a place; countries, states, capitals and big cities keep theirs (Georgia,
        # Paris, Dallas, Geneva).
        if kind.startswith("city:") and name in first_names and int(kind[5:]) < _BIG_CITY:
            continue
        names[name] = ("GPE", key)
        if not kind.startswith("city:"):
            major.add(name)
    # States and provinces outside the US (ISO 3166-2): a city of the same name keeps its entry.
    for ln in _lines("admin1.tsv"):
        name, key, _kind = ln.split("\t")
        names.setdefault(name, ("GPE", key))
        major.add(name)
    # Hand-curated aliases win over the derived city list ("Victoria" the state, not a
    # Hong Kong alias).
    for ln in _lines("places_extra.tsv"):
        name, label, key = ln.split("\t")
        names[name] = (label, key)
        major.add(name)
    for ln in _lines("norp.tsv"):
        name, key = ln.split("\t")
        names.setdefault(name, ("NORP", key))
    for ln in _lines("orgs.txt"):
        forms = [f.strip() for f in ln.split("|")]
        key = forms[0].lower()
        for f in forms:
            # An organisation listed by name beats a town of the same name (Reuters, Nike).
            if names.get(f, ("", ""))[0] != "NORP":
                names[f] = ("ORG", key)
    # Member companies of the major stock indices: never over a name listed above (a place,
    # a nationality, a hand-listed organisation or alias keeps its own entry).
    for ln in _lines("companies.txt"):
        forms = [f.strip() for f in ln.split("|")]
        key = forms[0].lower()
        for f in forms:
            names.setdefault(f, ("ORG", key))
    famous: dict[str, str] = {}
    for ln in _lines("people.txt"):
        full = ln.strip()
        names.setdefault(full, ("PERSON", full.lower()))
        famous.setdefault(full.split()[-1], full.lower())
    return Gazetteer(
        names=names,
        first_names=first_names,
        surnames=words(_read("surnames.txt")),
        common_words=words(_read("common_words.txt")),
        famous_surnames=famous,
        major_places=dict.fromkeys(major),
        surname_first=words(_read("surnames_chinese.txt")),
    )


# Adjective endings a nationality stem takes ("deutsch*" -> deutsche, deutschen, ...).
_ENDINGS: dict[str, tuple[str, ...]] = {
    "de": ("", "e", "en", "er", "es", "em"),
    "fr": ("", "e", "s", "es"),
}


def _forms(lang: str, stem: str) -> list[str]:
    out = []
    for end in _ENDINGS.get(lang, ("",)):
        w = stem + end
        if lang == "fr" and stem.endswith("e") and end.startswith("e"):
            continue   # "belge" + "e"
        if lang == "fr" and stem.endswith("s") and end == "s":
            continue   # "français" + "s"
        out.append(w)
        if w[:1].islower():
            out.append(w[:1].upper() + w[1:])
    return out


@functools.cache
def for_language(lang: str) -> Gazetteer:
    """The gazetteer for texts in ``lang``: the English names (news in every language quotes
    them) with the language's own names, given names and common words from ``data/<lang>/``
    taking precedence."""
    base = load()
    folder = resources.files(__package__) / "data" / lang
    if not folder.is_dir():
        return base
    names = dict(base.names)
    major = set(base.major_places)
    for ln in _lines(f"{lang}/names.tsv"):
        name, label, key = ln.split("\t")
        forms = _forms(lang, name[:-1]) if name.endswith("*") else [name]
        for f in forms:
            if name.endswith("*") and f in names and names[f][0] != "NORP":
                continue   # "Suisse" the country, not "suisse" the adjective capitalised
            names[f] = (label, key)
            if label == "GPE":
                major.add(f)
                if lang == "de" and not f.endswith(("s", "z", "x", "ß")):
                    names.setdefault(f + "s", (label, key))   # genitive: "Bayerns"
                    major.add(f + "s")
    first = base.first_names | words(_read(f"{lang}/first_names.txt"))
    common = base.common_words | words(_read(f"{lang}/common_words.txt"))
    return Gazetteer(
        names=names, first_names=first, surnames=base.surnames, common_words=common,
        major_places=dict.fromkeys(major), surname_first=base.surname_first,
        famous_surnames=base.famous_surnames, compound_nouns=lang == "de",
    )
