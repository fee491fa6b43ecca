"""Named entities for the reader: who, what, where and how much, linked across documents.

    from annotations.entities import recognize, recognize_many
    ents = recognize(doc.text)            # [Entity(start, end, label, text, key), ...]
    per_doc = recognize_many([a, b])      # the same entity shares one key across a and b

The default engine is rule-based (``rules.RuleRecognizer``): offline, no model, linear in
the text. Another engine implementing ``Recognizer`` can be registered with
``register_engine`` and chosen by name; its output is keyed by the same linker.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from .keys import link, link_rows
from .model import LABELS, Entity, Recognizer
from .rules import RuleRecognizer

__all__ = [
    "LABELS", "Entity", "Recognizer", "RuleRecognizer", "default_recognizer", "engine",
    "engine_names", "recognize", "recognize_many", "register_engine",
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


def recognize(text: str) -> list[Entity]:
    """Entities of one text with the default engine, sorted by start, non-overlapping."""
    return default_recognizer().recognize(text)


def recognize_many(
    texts: Sequence[str], recognizer: Recognizer | None = None
) -> list[list[Entity]]:
    """Entities of several texts; the same entity shares one key across all of them."""
    rec = recognizer or default_recognizer()
    rows = getattr(rec, "rows", None)
    if callable(rows):
        return link_rows(texts, [rows(t) for t in texts])
    return link(texts, [rec.recognize(t) for t in texts])
