"""The reader's changes to the store, with undo and redo.

Every change goes straight to the store (so it is saved at once and other processes see it)
and is remembered as a ``Change``: the record as it was before and as this reader wrote it.
Every write names the version it was based on (see ``annotations.edits``): an edit, a delete,
an undo or a redo made from an old view never overwrites what another window or the command
line saved, and never brings back what they deleted. Such a change raises ``EditConflict`` and
writes nothing; an undo or redo that conflicts is dropped from the history (``DroppedChange``).
``History`` is pure; ``Session`` is the edge that talks to the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from sidelight.annotations.edits import changed_fields
from sidelight.annotations.errors import EditConflict, StoreError
from sidelight.annotations.model import Annotation


class Store(Protocol):
    """What the session needs from ``annotations.store.AnnotationStore``."""

    def add(self, ann: Annotation) -> Annotation: ...
    def update(self, base: Annotation, **changes: Any) -> Annotation: ...
    def delete(self, id: str, *, base: Annotation | None = None) -> Annotation: ...
    def recreate(self, ann: Annotation) -> Annotation: ...


class DroppedChange(StoreError):
    """An undo or redo could not be applied without overwriting another program's change;
    it was removed from the history and nothing was written."""

    def __init__(self, message: str, conflict: EditConflict) -> None:
        super().__init__(message)
        self.conflict = conflict


@dataclass(frozen=True, slots=True)
class Change:
    """One user action: ``before`` None means it created ``after``; ``after`` None deleted.

    ``after`` is what this reader wrote, so it is the version an undo expects to find.
    """

    before: Annotation | None
    after: Annotation | None
    label: str


@dataclass(slots=True)
class History:
    limit: int = 500
    done: list[Change] = field(default_factory=list)
    undone: list[Change] = field(default_factory=list)

    def record(self, change: Change) -> None:
        self.done.append(change)
        del self.done[: -self.limit]
        # A new action forks history: what was undone can no longer be redone.
        self.undone.clear()

    def can_undo(self) -> bool:
        return bool(self.done)

    def can_redo(self) -> bool:
        return bool(self.undone)


def revert(store: Store, change: Change) -> Annotation | None:
    """Make the store go from ``change.after`` back to ``change.before``, if it still holds
    ``change.after`` (field by field); returns what was written (None: deleted).

    Raises ``EditConflict`` when another program changed or deleted the record meanwhile.
    """
    if change.after is None:
        assert change.before is not None
        return store.recreate(change.before)
    if change.before is None:
        store.delete(change.after.id, base=change.after)
        return None
    return store.update(change.after, **changed_fields(change.after, change.before))


class Session:
    """The reader's store plus its undo history. Store errors propagate unchanged."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.history = History()
        # What this session wrote since ``written()`` was last called: id -> the record as
        # written (None: deleted), so that the reader redraws just these.
        self._written: dict[str, Annotation | None] = {}

    def written(self) -> dict[str, Annotation | None]:
        """The records written since the last call (id -> record, None when deleted)."""
        out, self._written = self._written, {}
        return out

    def _wrote(self, id: str, ann: Annotation | None) -> None:
        self._written[id] = ann

    def add(self, ann: Annotation, label: str = "highlight") -> Annotation:
        saved = self.store.add(ann)
        self._wrote(saved.id, saved)
        self.history.record(Change(None, saved, label))
        return saved

    def edit(self, base: Annotation, label: str = "edit", **changes: Any) -> Annotation:
        """Set fields of ``base`` (the annotation as the user saw it); see ``Store.update``."""
        saved = self.store.update(base, **changes)
        self._wrote(saved.id, saved)
        # What undo goes back to: the stored record with this change's fields as they were.
        before = replace(saved, **{f: getattr(base, f) for f in changes},
                         modified=base.modified)
        self.history.record(Change(before, saved, label))
        return saved

    def replace(self, before: Annotation, after: Annotation, label: str = "edit") -> Annotation:
        """``edit`` with the fields in which ``after`` differs from ``before``."""
        return self.edit(before, label, **changed_fields(before, after))

    def delete(self, base: Annotation) -> Annotation:
        """Delete the annotation the user saw, unless it changed elsewhere meanwhile."""
        deleted = self.store.delete(base.id, base=base)
        self._wrote(deleted.id, None)
        self.history.record(Change(deleted, None, "delete"))
        return deleted

    def recreate(self, ann: Annotation, label: str = "re-create") -> Annotation:
        """Write back an annotation another program deleted, as the user asked; undo deletes
        it again."""
        saved = self.store.recreate(ann)
        self._wrote(saved.id, saved)
        self.history.record(Change(None, saved, label))
        return saved

    def undo(self) -> Change | None:
        """Undo the last change; None when there is nothing to undo.

        A conflict drops the change from the history and raises ``DroppedChange``; any other
        store error leaves it undoable.
        """
        return self._step(self.history.done, self.history.undone, "undo")

    def redo(self) -> Change | None:
        return self._step(self.history.undone, self.history.done, "redo")

    def _step(self, source: list[Change], target: list[Change], verb: str) -> Change | None:
        if not source:
            return None
        change = source[-1]
        try:
            written = revert(self.store, change)
        except EditConflict as err:
            source.pop()
            raise DroppedChange(_dropped_message(verb, change, err), err) from None
        source.pop()
        touched = change.after or change.before
        assert touched is not None
        self._wrote(touched.id, written)
        target.append(Change(_way_back(change, written), written, change.label))
        return change


def _way_back(change: Change, written: Annotation | None) -> Annotation | None:
    """What undoing ``revert(change)`` goes back to: ``change.after`` where the change set
    fields, and what was just written in every other field (another window's changes stay)."""
    if change.after is None or change.before is None or written is None:
        return change.after
    fields = changed_fields(change.after, change.before)
    return replace(written, **{f: getattr(change.after, f) for f in fields})


def _dropped_message(verb: str, change: Change, err: EditConflict) -> str:
    what = {
        "deleted": "was deleted in another window",
        "changed": "was changed in another window",
        "exists": "was re-created in another window",
    }.get(err.kind, "changed elsewhere")
    return (f"Cannot {verb} the {change.label}: the annotation {what}; "
            f"its {verb} was dropped and nothing was written")
