"""The entity value type, the engine interface and the label set."""

from __future__ import annotations

from typing import NamedTuple, Protocol, runtime_checkable

# Display order: who, what, where, then the numbers. TIME, QUANTITY, ORDINAL, LOC, FAC,
# PRODUCT and EVENT are extra labels an engine may emit; the comparison features and the
# evaluation use the first eight.
LABELS: tuple[str, ...] = (
    "PERSON", "ORG", "GPE", "NORP", "DATE", "MONEY", "PERCENT", "CARDINAL",
    "LOC", "FAC", "PRODUCT", "EVENT", "TIME", "QUANTITY", "ORDINAL",
)


class Entity(NamedTuple):
    """One entity mention.

    ``start``/``end`` are Python ``str`` indices into the document's reading text (end
    exclusive); ``key`` is the canonical identity shared by every mention of the same entity
    across the documents recognised together, e.g. ``"PERSON:mark zuckerberg"``.

    A named tuple rather than a frozen dataclass: a news text makes some 25,000 per megabyte,
    and a frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field) cost twice
    as much as building the tuple (a twentieth of the reader's recognition time). Immutable and
    hashable by value as before.
    """

    start: int
    end: int
    label: str
    text: str
    key: str


@runtime_checkable
class Recognizer(Protocol):
    """An entity engine: rules by default, another (e.g. spaCy) when plugged in."""

    name: str

    def recognize(self, text: str) -> list[Entity]:
        """Entities of ``text``, sorted by start and non-overlapping."""
        ...
