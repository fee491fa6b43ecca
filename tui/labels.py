"""Names a reader understands for the entity labels the recogniser emits.

The core and the command line keep the standard codes (PERSON, ORG, GPE, …); the reader shows a
plain plural name where a kind of entity is listed (the legend, the command palette, status
messages about hidden kinds) and a short singular word where one entity's type is given (the
Compare panel's type column, status messages about one mention). This is the one mapping.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LabelName:
    plural: str  # a kind of entity, as listed: "People"
    short: str  # one entity's type, at most SHORT_WIDTH characters: "person"


# The width the Compare panel gives the type column.
SHORT_WIDTH = 8

# In the order the legend lists them: who, then where, then when and how much.
LABEL_NAMES: dict[str, LabelName] = {
    "PERSON": LabelName("People", "person"),
    "ORG": LabelName("Organisations", "org"),
    "NORP": LabelName("Nationalities & groups", "group"),
    "GPE": LabelName("Places", "place"),
    "LOC": LabelName("Other locations", "location"),
    "FAC": LabelName("Buildings & sites", "site"),
    "EVENT": LabelName("Events", "event"),
    "PRODUCT": LabelName("Products", "product"),
    "LAW": LabelName("Laws", "law"),
    "WORK_OF_ART": LabelName("Works (books, films…)", "work"),
    "LANGUAGE": LabelName("Languages", "language"),
    "DATE": LabelName("Dates", "date"),
    "TIME": LabelName("Times", "time"),
    "MONEY": LabelName("Money", "money"),
    "PERCENT": LabelName("Percentages", "percent"),
    "QUANTITY": LabelName("Quantities", "quantity"),
    "CARDINAL": LabelName("Counts", "count"),
    "ORDINAL": LabelName("Rankings (first, second…)", "rank"),
}
_ORDER = {label: i for i, label in enumerate(LABEL_NAMES)}


def _name_of(label: str) -> LabelName:
    known = LABEL_NAMES.get(label)
    if known is not None:
        return known
    # A label from another recogniser engine: its code, made readable.
    words = label.replace("_", " ").strip().lower() or "other"
    return LabelName(words.capitalize(), words[:SHORT_WIDTH])


def plain_name(label: str) -> str:
    """The kind of entity as a reader would list it: ``GPE`` -> ``Places``."""
    return _name_of(label).plural


def short_name(label: str) -> str:
    """One entity's type in a word: ``GPE`` -> ``place``."""
    return _name_of(label).short


def label_order(labels: Iterable[str]) -> list[str]:
    """``labels`` in the legend's order: known kinds first as listed above, then the rest."""
    return sorted(labels, key=lambda label: (_ORDER.get(label, len(_ORDER)), plain_name(label)))
