"""Named entities for the reader: who, what, where and how much, linked across documents.

    from sidelight.annotations.entities import recognize, recognize_many
    ents = recognize(doc.text)            # [Entity(start, end, label, text, key), ...]
    per_doc = recognize_many([a, b])      # the same entity shares one key across a and b
    recognize(text, lang="de")            # a language given rather than detected

Each text is read in its language (``annotations.language.detect`` unless given): English,
German and French with the full rules, any other language for high-precision entities only.
Keys are shared across languages ("Vereinigte Staaten" and "United States" are one entity).

The default engine is rule-based (``rules.RuleRecognizer``): offline, no model, linear in
the text. Another engine implementing ``Recognizer`` can be registered with
``register_engine`` and chosen by name; its output is keyed by the same linker.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from sidelight.annotations.collector import no_cycle_collection
from sidelight.annotations.language import detect

from .keys import link, link_rows
from .model import LABELS, Entity, Recognizer
from .rules import RuleRecognizer

__all__ = [
    "LABELS", "Entity", "Recognizer", "RuleRecognizer", "default_recognizer", "engine",
    "engine_names", "language_of", "recognize", "recognize_many", "register_engine",
    "rule_engine",
]

_ENGINES: dict[str, Callable[[], Recognizer]] = {"rules": RuleRecognizer}


def register_engine(name: str, factory: Callable[[], Recognizer]) -> None:
    """Make another engine (e.g. a spaCy adapter) available under ``name``."""
    _ENGINES[name] = factory
    engine.cache_clear()


def engine_names() -> tuple[str, ...]:
    return tuple(_ENGINES)


@functools.cache
def engine(name: str) -> Recognizer:
    try:
        return _ENGINES[name]()
    except KeyError:
        raise ValueError(f"unknown entity engine {name!r} (have: {', '.join(_ENGINES)})") from None


def default_recognizer() -> Recognizer:
    return engine("rules")


@functools.cache
def rule_engine(lang: str) -> RuleRecognizer:
    """The rule engine for texts in ``lang`` (one per language, kept: its caches are warm)."""
    return default_recognizer() if lang == "en" else RuleRecognizer(language=lang)  # type: ignore[return-value]


def language_of(text: str, lang: str | None = None) -> str:
    """``lang`` when given, else the language detected from ``text``."""
    return lang or detect(text)


def recognize(text: str, lang: str | None = None) -> list[Entity]:
    """Entities of one text, sorted by start, non-overlapping; read in ``lang`` or in the
    language detected from the text."""
    code = language_of(text, lang)
    # One pause of the collector for reading and keying: its first pass after a pause walks
    # every object made during it, and the rows are gone by the end of this one.
    with no_cycle_collection():
        return link_rows([text], [rule_engine(code).rows(text)], [code])[0]


def recognize_many(
    texts: Sequence[str], recognizer: Recognizer | None = None,
    langs: Sequence[str | None] | None = None,
) -> list[list[Entity]]:
    """Entities of several texts; the same entity shares one key across all of them, across
    languages too. ``langs`` gives each text's language (None: detected)."""
    codes = [language_of(t, (langs[i] if langs is not None else None))
             for i, t in enumerate(texts)]
    if recognizer is None:
        with no_cycle_collection():   # as in ``recognize``
            return link_rows(texts, [rule_engine(c).rows(t)
                                     for t, c in zip(texts, codes, strict=True)], codes)
    rows = getattr(recognizer, "rows", None)
    if callable(rows):
        return link_rows(texts, [rows(t) for t in texts], codes)
    return link(texts, [recognizer.recognize(t) for t in texts])
