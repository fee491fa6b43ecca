"""The reader's changes to the store, with undo and redo.

Every change goes straight to the store (so it is saved at once and other processes see it)
and is remembered as a ``Change`` (what the annotation was before, what it is after). Undo
applies the inverse change; redo applies it again. ``History`` is pure; ``Session`` is the
edge that talks to the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from annotations.model import Annotation


class Store(Protocol):
    """What the session needs from ``annotations.store.AnnotationStore``."""

    def get(self, id: str) -> Annotation | None: ...
    def add(self, ann: Annotation) -> Annotation: ...
    def put(self, ann: Annotation) -> Annotation: ...
    def delete(self, id: str) -> Annotation: ...


@dataclass(frozen=True, slots=True)
class Change:
    """One user action: ``before`` None means it created ``after``; ``after`` None deleted."""

    before: Annotation | None
    after: Annotation | None
    label: str

    def inverse(self) -> Change:
        return Change(before=self.after, after=self.before, label=self.label)


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


def apply_change(store: Store, change: Change) -> Annotation | None:
    """Make the store hold ``change.after`` in place of ``change.before``."""
    if change.after is not None:
        return store.put(change.after)
    assert change.before is not None
    # Deleted meanwhile (another reader, the CLI): the wanted state already holds.
    if store.get(change.before.id) is None:
        return None
    store.delete(change.before.id)
    return None


class Session:
    """The reader's store plus its undo history. Store errors propagate unchanged."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.history = History()

    def add(self, ann: Annotation, label: str = "highlight") -> Annotation:
        saved = self.store.add(ann)
        self.history.record(Change(None, saved, label))
        return saved

    def replace(self, before: Annotation, after: Annotation, label: str = "edit") -> Annotation:
        saved = self.store.put(after)
        self.history.record(Change(before, saved, label))
        return saved

    def delete(self, ann: Annotation) -> Annotation:
        deleted = self.store.delete(ann.id)
        self.history.record(Change(deleted, None, "delete"))
        return deleted

    def undo(self) -> Change | None:
        """Undo the last change; None when there is nothing to undo. On a store error the
        change stays undoable."""
        if not self.history.done:
            return None
        change = self.history.done[-1]
        apply_change(self.store, change.inverse())
        self.history.done.pop()
        self.history.undone.append(change)
        return change

    def redo(self) -> Change | None:
        if not self.history.undone:
            return None
        change = self.history.undone[-1]
        apply_change(self.store, change)
        self.history.undone.pop()
        self.history.done.append(change)
        return change
