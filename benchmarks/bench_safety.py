"""Reliability rows for two programs on one store and for special files.

    python -m benchmarks.bench_reliability           # the table, these rows included

* conflicts: random interleavings of note edits, colour changes, deletes, undo, redo and
  re-creates by two readers (each seeing what it last read) and the command line; no
  acknowledged change may be overwritten unseen, no deleted annotation may come back unless
  the user asked (R, or undoing one's own delete).
* special files: FIFOs, character and block devices, sockets and symlinks given as a
  document, a store, the settings file and an export target: refused with one line naming
  the kind, or the symlink followed to its regular file, each within a second, the special
  file untouched.

The harnesses live in tests/ (``harness_conflicts``, ``harness_special``) and generate their
own inputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.bench_reliability import Row

INTERLEAVINGS = 250
QUICK_INTERLEAVINGS = 30


def _tests_on_path() -> None:
    tests = str(Path(__file__).resolve().parent.parent / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)


def conflicts_row(quick: bool) -> Row:
    _tests_on_path()
    from harness_conflicts import interleavings

    r = interleavings(QUICK_INTERLEAVINGS if quick else INTERLEAVINGS)
    return Row(
        "conflicts", "two readers and the CLI: random edit/undo/redo/delete interleavings",
        r.interleavings, r.failures, r.lost,
        f"{r.operations} operations, {r.acknowledged} acknowledged, {r.refused} refused "
        f"(told, nothing written); {r.lost} changes lost, {r.resurrected} resurrected; "
        f"{r.recreated_on_request} re-created on request",
        {"operations": r.operations, "acknowledged": r.acknowledged, "refused": r.refused,
         "resurrected": r.resurrected, "recreated_on_request": r.recreated_on_request},
    )


def special_files_row(quick: bool) -> Row:
    _tests_on_path()
    from harness_special import LIMIT, special_files

    r = special_files()
    failed = [o.case for o in r.outcomes if not o.ok]
    return Row(
        "special_files", "FIFOs, devices, sockets, symlinks as document, store, settings, "
        "export target", r.trials, r.failures, 0,
        f"all refused or followed within {LIMIT:g} s (slowest {r.slowest:.3f} s), "
        "none replaced" + (f" — failed: {', '.join(failed)}" if failed else ""),
        {"slowest_s": round(r.slowest, 3)},
    )
