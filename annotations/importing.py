"""Merging imported annotations into the store without ever overwriting the user's.

For each imported annotation, against what the store holds now:

* ``new``: its id is not in the store: added;
* ``same``: the store holds the same annotation (same kind, words, note, colour, tags and
  relation; positions may differ, they follow the document): nothing to do;
* ``kept``: the store holds a different version that was modified at the same time or later:
  the user's version is kept and the imported one skipped;
* ``copy``: the imported version was modified later than the user's: both are kept, the
  imported one under a new id (the same id on every import of that version, so importing
  twice adds it once).

Times are compared as times, not as strings.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sidelight.annotations.import_json import stored_time
from sidelight.annotations.model import Annotation

_COPY_NAMESPACE = uuid.UUID("0d6b8a52-6f3e-4f7b-8a0c-2f4e5d9b1c33")
ACTIONS = ("new", "same", "kept", "copy")


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str  # the imported annotation's id
    action: str  # one of ACTIONS
    stored_as: str = ""  # for a copy: the id it was added under


def content_key(ann: Annotation) -> tuple[object, ...]:
    """What makes two versions of an annotation the same to a reader."""
    return (
        ann.kind, ann.color, tuple(ann.tags), ann.note, ann.relation,
        tuple((t.source, t.exact) for t in ann.targets),
    )


def copy_id(ann: Annotation) -> str:
    digest = hashlib.sha256(repr(content_key(ann)).encode("utf-8", "surrogatepass")).hexdigest()
    return str(uuid.uuid5(_COPY_NAMESPACE, f"{ann.id}:{digest}"))


def plan_import(
    incoming: Sequence[Annotation], current: Mapping[str, Annotation]
) -> tuple[list[Annotation], list[Outcome]]:
    """What to write, and what happened to each imported annotation."""
    writes: list[Annotation] = []
    outcomes: list[Outcome] = []
    for ann in incoming:
        mine = current.get(ann.id)
        if mine is None:
            writes.append(ann)
            outcomes.append(Outcome(ann.id, "new"))
        elif content_key(mine) == content_key(ann):
            outcomes.append(Outcome(ann.id, "same"))
        elif not _later(ann.modified, mine.modified):
            outcomes.append(Outcome(ann.id, "kept"))
        else:
            twin = copy_id(ann)
            existing = current.get(twin)
            if existing is None:
                writes.append(replace(ann, id=twin))
            outcomes.append(Outcome(ann.id, "copy" if existing is None else "same", twin))
    return writes, outcomes


def _later(theirs: str, mine: str) -> bool:
    a, b = stored_time(theirs), stored_time(mine)
    if a is None:
        return False
    if b is None:
        return True
    return a > b


def summary(outcomes: Sequence[Outcome]) -> str:
    """``2 new, 1 kept yours, 1 added as copy, 3 already there``."""
    counts = {action: sum(o.action == action for o in outcomes) for action in ACTIONS}
    words = {"new": "new", "same": "already there", "kept": "kept yours",
             "copy": "added as copy"}
    parts = [f"{counts[a]} {words[a]}" for a in ("new", "kept", "copy", "same") if counts[a]]
    return ", ".join(parts) or "nothing to import"


def details(outcomes: Sequence[Outcome]) -> list[str]:
    """One line per annotation whose import needed a decision."""
    out: list[str] = []
    for o in outcomes:
        if o.action == "kept":
            out.append(f"  kept yours: {o.id} (yours was changed at the same time or later; "
                       "the imported version was skipped)")
        elif o.action == "copy":
            out.append(f"  added as copy: {o.id} → {o.stored_as} (the imported version is "
                       "newer; yours is kept as it was)")
    return out


