"""Two readers and the command line on one store, in random order: the conflict harness.

Each interleaving starts a store with a few highlights, then runs a random sequence of what
users do: reader A and reader B (each a ``Session`` on its own store object, showing what it
last read — its view goes stale between polls, as a reader's does for up to a second) save
notes, change colours, delete, undo, redo and poll; the command line runs ``sidelight edit``
and ``sidelight delete`` for real (in this process). A reader told that an annotation was
deleted elsewhere sometimes presses R (re-create: the user asking); told that it changed, it
sometimes saves again over the version it was shown.

Operations run one at a time and the store is read afresh before and after each, so every
write can be judged against what its writer had seen:

* lost: a field whose stored value the writer had never seen was overwritten, a record the
  writer had never seen in its current state was deleted, or a refused change wrote anything;
* resurrected: a deleted annotation came back other than by its deleter's undo or redo or by
  an explicit re-create.
"""

from __future__ import annotations

import contextlib
import io
import random
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from sidelight.annotations.edits import EDITABLE
from sidelight.annotations.errors import EditConflict, SidelightError
from sidelight.annotations.model import COLORS, Annotation, new_highlight, now_iso, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.cli import main as cli_main
from sidelight.tui.session import DroppedChange, Session

TEXT = ("Alice went to Paris. Bob stayed in Rome. The mayor said 40 people died. "
        "Critics said the budget was not final. The council met on Monday.")
PHRASES = ("Alice", "Bob", "mayor", "40 people", "budget", "council")
_FIELDS = ("color", "note", "tags", "relation", "kind")


@dataclass
class ConflictResult:
    interleavings: int = 0
    operations: int = 0
    acknowledged: int = 0
    refused: int = 0
    lost: int = 0
    resurrected: int = 0
    recreated_on_request: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return self.lost + self.resurrected


@dataclass
class _Reader:
    name: str
    store: AnnotationStore
    session: Session
    view: dict[str, Annotation] = field(default_factory=dict)
    # Told by a refused change that this was deleted elsewhere: R re-creates it.
    recreatable: Annotation | None = None

    def poll(self) -> None:
        self.store.reload()
        self.view = {a.id: a for a in self.store.all()}


def _state(db: Path) -> dict[str, Annotation]:
    return {a.id: a for a in AnnotationStore(db).all()}


def _seed(db: Path, rng: random.Random) -> None:
    store = AnnotationStore(db)
    for phrase in rng.sample(PHRASES, 3):
        at = TEXT.index(phrase)
        store.add(new_highlight(quote_target("/news/story.txt", "f" * 64, TEXT, at,
                                             at + len(phrase)), note=f"on {phrase}"))


def _cli(*args: str) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return cli_main(list(args))


def interleavings(n: int, steps: int = 14, seed: int = 10) -> ConflictResult:
    result = ConflictResult()
    root = Path(tempfile.mkdtemp(prefix="sidelight-conflicts-"))
    try:
        for trial in range(n):
            _one(root / f"t{trial}" / "annotations.json", random.Random(seed * 7919 + trial),
                 steps, result)
            result.interleavings += 1
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return result


def _one(db: Path, rng: random.Random, steps: int, result: ConflictResult) -> None:
    db.parent.mkdir(parents=True)
    _seed(db, rng)
    readers = [_Reader(n, s := AnnotationStore(db), Session(s)) for n in ("A", "B")]
    for r in readers:
        r.poll()
    deleted_by: dict[str, str] = {}  # id -> who deleted it last
    for step in range(steps):
        actor = rng.choice(("A", "B", "cli"))
        before = _state(db)
        if actor == "cli":
            seen = before  # the command line reads the store as it runs
            op, ok, recreate_ok = _cli_op(db, rng, before)
        else:
            reader = readers[actor == "B"]
            seen = reader.view
            op, ok, recreate_ok = _reader_op(reader, rng, deleted_by)
            reader.poll()  # the reader re-reads after every change it makes or is refused
        after = _state(db)
        result.operations += 1
        result.acknowledged += ok
        result.refused += not ok
        where = f"{db.parent.name} step {step} {actor} {op}"
        if not ok and after != before:
            result.lost += 1
            result.problems.append(f"{where}: refused, yet the store changed")
        _judge(before, after, seen, where, recreate_ok, deleted_by, actor, result)


def _judge(before: dict[str, Annotation], after: dict[str, Annotation],
           seen: dict[str, Annotation], where: str, recreate_ok: bool,
           deleted_by: dict[str, str], actor: str, result: ConflictResult) -> None:
    for id, old in before.items():
        new = after.get(id)
        known = seen.get(id)
        if new is None:
            deleted_by[id] = actor
            if known is None or any(getattr(old, f) != getattr(known, f) for f in _FIELDS):
                result.lost += 1
                result.problems.append(f"{where}: deleted {id[:8]} with changes unseen")
            continue
        for f in EDITABLE:
            if f == "targets":
                continue
            if getattr(new, f) != getattr(old, f) and (
                    known is None or getattr(known, f) != getattr(old, f)):
                result.lost += 1
                result.problems.append(f"{where}: overwrote {f} of {id[:8]} unseen")
    for id in after.keys() - before.keys():
        if id in deleted_by:
            if recreate_ok:
                result.recreated_on_request += 1
            else:
                result.resurrected += 1
                result.problems.append(f"{where}: brought back {id[:8]}, deleted by "
                                       f"{deleted_by[id]}")


def _cli_op(db: Path, rng: random.Random, state: dict[str, Annotation]) -> tuple[str, bool, bool]:
    if not state:
        return "nothing", True, False
    id = rng.choice(sorted(state))
    kind = rng.choice(("note", "color", "delete"))
    if kind == "note":
        code = _cli("edit", id, "--note", f"cli {rng.randint(0, 999)}", "--db", str(db))
    elif kind == "color":
        code = _cli("edit", id, "--color", rng.choice(COLORS), "--db", str(db))
    else:
        code = _cli("delete", id, "--db", str(db))
    return f"cli {kind}", code == 0, False


def _reader_op(reader: _Reader, rng: random.Random,
               deleted_by: dict[str, str]) -> tuple[str, bool, bool]:
    """One action of a reader from what it shows; (what, acknowledged, a re-create asked)."""
    choices = ["note", "color", "delete", "undo", "redo", "poll"]
    if reader.recreatable is not None:
        choices.append("recreate")
    op = rng.choice(choices)
    session = reader.session
    shown = sorted(reader.view)
    try:
        if op == "poll":
            return op, True, False
        if op == "undo" or op == "redo":
            own = [c for c in (session.history.done if op == "undo" else session.history.undone)]
            change = own[-1] if own else None
            (session.undo if op == "undo" else session.redo)()
            # Undoing its own delete (or redoing its re-creation) brings back what this
            # reader deleted: asked for, if it was the last to delete it.
            target = change and (change.before or change.after)
            asked = bool(target and deleted_by.get(target.id) == reader.name)
            return op, True, asked
        if op == "recreate":
            ann, reader.recreatable = reader.recreatable, None
            assert ann is not None
            session.recreate(ann)
            return op, True, True
        if not shown:
            return "nothing", True, False
        ann = reader.view[rng.choice(shown)]
        if op == "delete":
            session.delete(ann)
            return op, True, False
        changes = ({"note": f"{reader.name} {rng.randint(0, 999)}"} if op == "note"
                   else {"color": rng.choice(COLORS)})
        return op, _edit(reader, ann, changes, rng), False
    except DroppedChange:
        return op, False, False
    except EditConflict:
        return op, False, False
    except SidelightError as err:
        raise AssertionError(f"{reader.name} {op}: {err}") from None


def _edit(reader: _Reader, ann: Annotation, changes: dict[str, object],
          rng: random.Random) -> bool:
    try:
        reader.session.edit(ann, "edit", **changes)
        return True
    except EditConflict as err:
        if err.kind == "deleted":
            # "deleted in another window — press R to re-create": sometimes the user does.
            reader.recreatable = replace(ann, modified=now_iso(), **changes)
        elif isinstance(err.current, Annotation) and rng.random() < 0.5:
            # "changed in another window" — the user reads it and saves again over it.
            reader.view[err.current.id] = err.current
            reader.session.edit(err.current, "edit", **changes)
            return True
        raise
