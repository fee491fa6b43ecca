"""A store file's records read a column at a time, when all of them have the plain shape.

Nearly every record sidelight writes is a highlight or a document note with one target and
no import fields: the same nine keys, and eight in its target. ``Annotation.from_dict``
checks a record field by field, in Python, and a listing of 100,000 annotations spends a
fifth of its time there. For a table whose records all have that shape, the same checks are
made here over each field's column at once (key sets, value types, kinds, colours, tags,
ranges), by the interpreter's own loops, and the annotations built from the columns.

``plain_annotations`` gives exactly what ``from_dict`` gives for each record, or None as soon
as one record is not plain (another kind, a link, an import field, an unknown field, a wrong
type, a bad value): the caller then checks the table record by record, with its messages.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from itertools import chain, compress, repeat
from operator import eq, is_not, itemgetter, le, not_
from typing import Any

from sidelight.annotations.model import COLORS, Annotation, _stored_annotation, _stored_target

_KEYS = frozenset(("id", "kind", "targets", "color", "tags", "note", "relation", "created",
                   "modified"))
_TARGET_KEYS = frozenset(("source", "fingerprint", "start", "end", "exact", "prefix", "suffix",
                          "orphan"))
_fields = itemgetter("id", "kind", "targets", "color", "tags", "note", "relation", "created",
                     "modified")
_target_fields = itemgetter("source", "fingerprint", "start", "end", "exact", "prefix",
                            "suffix", "orphan")
# Exact types, as the json module makes them: a bool is not a position, nor a str subclass text.
# Checked a column at a time (each column's set of types) rather than as each record's tuple of
# types, which made a tuple per record: reading 100,000 records takes a tenth less. A position
# is an int, or None in both fields of a target without a range (checked apart).
_TYPES = ({str}, {str}, {list}, {str}, {list}, {str}, {str}, {str}, {str})
_POSITION = frozenset((int, type(None)))
_TARGET_TYPES = ({str}, {str}, _POSITION, _POSITION, {str}, {str}, {str}, {bool})
# One target with a range is a valid highlight and a valid document note, one without a range
# a valid document note; links have two.
_ONE_TARGET_KINDS = frozenset(("highlight", "note"))
_COLORS = frozenset(COLORS)
_DICT = {dict}
_STR = {str}
_ONE = {1}
_first = itemgetter(0)


def _typed(column: tuple[Any, ...], types: Set[type]) -> bool:
    return set(map(type, column)) <= types


def plain_annotations(records: Mapping[str, Any]) -> dict[str, Annotation] | None:
    """``{id: Annotation.from_dict(record)}`` for records that are all plain and each stored
    under its own id, in the table's order; None when one is not."""
    docs = list(records.values())
    if not docs:
        return {}
    if set(map(type, docs)) != _DICT or not all(map(eq, repeat(_KEYS), map(dict.keys, docs))):
        return None
    columns = list(zip(*map(_fields, docs), strict=True))
    if not all(map(_typed, columns, _TYPES)):
        return None
    ids, kinds, targets, colors, tags, notes, relations, created, modified = columns
    if (list(ids) != list(records) or not all(ids) or not set(kinds) <= _ONE_TARGET_KINDS
            or not set(colors) <= _COLORS or not all(modified)
            or not set(map(type, chain.from_iterable(tags))) <= _STR
            or set(map(len, targets)) != _ONE):
        return None
    target_docs = list(map(_first, targets))
    if (set(map(type, target_docs)) != _DICT
            or not all(map(eq, repeat(_TARGET_KEYS), map(dict.keys, target_docs)))):
        return None
    target_columns = list(zip(*map(_target_fields, target_docs), strict=True))
    if not all(map(_typed, target_columns, _TARGET_TYPES)):
        return None
    sources, prints, starts, ends, exacts, prefixes, suffixes, orphans = target_columns
    ranged = list(map(is_not, starts, repeat(None)))
    if (ranged != list(map(is_not, ends, repeat(None))) or not all(sources)
            or not all(map(le, repeat(0), compress(starts, ranged)))
            or not all(map(le, compress(starts, ranged), compress(ends, ranged)))
            or "highlight" in compress(kinds, map(not_, ranged))):
        return None
    n = len(ids)
    built = map(_stored_target, sources, prints, starts, ends, exacts, prefixes, suffixes,
                orphans, repeat(False, n), repeat("", n))
    return dict(zip(ids, map(_stored_annotation, ids, kinds, zip(built), colors,
                             map(tuple, tags), notes, relations, created, modified,
                             repeat("", n), repeat("", n)), strict=True))
