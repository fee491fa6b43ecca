"""Compare-and-swap rules for changes made from what a user saw (pure; the store applies them).

A change made from a record a program read earlier (a note saved in the reader, a colour
cycled, an undo, ``sidelight edit``) names that record as its *base*: the version it was based
on. By the time it is written another program may have changed or deleted the record. Rules:

* update: every field the change sets must still hold the base's value in the store (or
  already the new value). Fields another program changed that this change does not set are
  kept: a colour changed in one window and a note in another both survive (field-wise merge).
* delete: the stored record must still say what the base said (kind, note, colour, tags,
  relation). Positions moved by re-anchoring are not the user's and do not count.
* re-create: no record with the id may exist; one with the same content counts as done.

Otherwise nothing is written and ``EditConflict`` says whether the record was deleted or
changed elsewhere, carrying the stored record so the caller can show it.

The values are compared, not a revision number, so an edit made and undone elsewhere meanwhile
is no conflict (the record says what the caller saw), and two changes within one clock tick
cannot pass for one version.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sidelight.annotations.errors import EditConflict
from sidelight.annotations.model import Annotation, now_iso

# What a change may set; ``id``, ``created`` and ``modified`` belong to the store.
EDITABLE: tuple[str, ...] = ("kind", "targets", "color", "tags", "note", "relation")
# What a user reads and decides on; re-anchoring moves targets without the user.
_CONTENT: tuple[str, ...] = ("kind", "color", "tags", "note", "relation")


def changed_fields(before: Annotation, after: Annotation) -> dict[str, Any]:
    """The editable fields whose value differs, with ``after``'s values."""
    return {f: getattr(after, f) for f in EDITABLE if getattr(before, f) != getattr(after, f)}


def same_content(a: Annotation, b: Annotation) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in _CONTENT)


def updated(base: Annotation, current: Annotation | None, changes: dict[str, Any]) -> Annotation:
    """``current`` with ``changes`` applied, if none of them overwrites a change made after
    ``base`` was read; else raise ``EditConflict``."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if current is None:
        raise deleted_conflict(base)
    clashes = [
        f for f, value in changes.items()
        if getattr(current, f) != getattr(base, f) and getattr(current, f) != value
    ]
    if clashes:
        raise changed_conflict(base, current, clashes)
    return replace(current, modified=now_iso(), **changes)


def check_delete(base: Annotation, current: Annotation | None) -> Annotation:
    """The record to delete, if it still says what ``base`` said; else raise."""
    if current is None:
        raise deleted_conflict(base)
    if not same_content(base, current):
        clashes = [f for f in _CONTENT if getattr(base, f) != getattr(current, f)]
        raise changed_conflict(base, current, clashes, doing="deleted")
    return current


def check_recreate(ann: Annotation, current: Annotation | None) -> bool:
    """True if ``ann`` must be written; False if an equal record is already there."""
    if current is None:
        return True
    if same_content(ann, current):
        return False
    raise EditConflict(
        f"annotation {_name(ann)} is back, re-created by another sidelight with other "
        "content; nothing was written",
        kind="exists", id=ann.id, current=current,
    )


def deleted_conflict(base: Annotation) -> EditConflict:
    return EditConflict(
        f"annotation {_name(base)} was deleted by another sidelight after it was read; "
        "nothing was written",
        kind="deleted", id=base.id,
    )


def changed_conflict(
    base: Annotation, current: Annotation, fields: list[str], *, doing: str = "changed"
) -> EditConflict:
    what = ", ".join("colour" if f == "color" else f for f in fields) or "it"
    return EditConflict(
        f"annotation {_name(base)} was changed by another sidelight after it was read "
        f"({what}); nothing was {doing}",
        kind="changed", id=base.id, current=current,
    )


def _name(ann: Annotation) -> str:
    quote = next((t.exact for t in ann.targets if t.exact), "")
    short = " ".join(quote.split())
    if len(short) > 40:
        short = short[:39] + "…"
    return f"{ann.id[:8]} (“{short}”)" if short else ann.id[:8]
