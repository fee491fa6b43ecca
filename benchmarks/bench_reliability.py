"""The reliability table: trials, failures and annotations lost, one row per harness.

    python -m benchmarks.bench_reliability [--quick]     # the table the README quotes
    python -m benchmarks --only reliability [--quick]    # the same rows as figures

Full length: 500 SIGKILLs of a writer (100 more in a store of 100,000 annotations), two
writers adding 500 annotations each (again in the large store), every fault
and every damaged store once. ``--quick`` runs 20 kills and the rest unchanged.

Rows are contributed: ``ROWS`` names functions ``"module:function"`` that take ``quick`` and
return a ``Row``. Each row becomes figures ``reliability.<name>.trials`` / ``.failures`` /
``.lost`` plus any ``extra`` counts (e.g. ``reliability.crash.unreadable``).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

from benchmarks.figures import Figure

ROWS: tuple[str, ...] = (
    "benchmarks.bench_reliability:crash_row",
    "benchmarks.bench_reliability:two_writers_row",
    "benchmarks.bench_reliability:crash_large_row",
    "benchmarks.bench_reliability:two_writers_large_row",
    "benchmarks.bench_reliability:faults_row",
    "benchmarks.bench_reliability:damaged_row",
    "benchmarks.bench_reliability:hostile_row",
    "benchmarks.bench_reliability:reanchor_row",
    "benchmarks.bench_interop:export_row",
    "benchmarks.bench_interop:import_row",
    "benchmarks.bench_safety:conflicts_row",
    "benchmarks.bench_safety:special_files_row",
)

HOSTILE_DOCS = 200
QUICK_HOSTILE_DOCS = 20
REANCHOR_RUNS = 20  # random edit sequences per seed document, 100 highlights each
QUICK_REANCHOR_RUNS = 3
CRASH_KILLS = 500
QUICK_CRASH_KILLS = 20
WRITER_ADDS = 500
LARGE_STORE = 100_000  # annotations already in the store for the *_large rows
# Each kill in a large store costs a writer's start and a check (seconds on a shared machine):
# fewer kills there, the full 500 in the small store.
LARGE_CRASH_KILLS = 100
QUICK_LARGE_STORE = 10_000


@dataclass(frozen=True)
class Row:
    name: str  # figure names use it: reliability.<name>.trials
    label: str  # what the table shows
    trials: int
    failures: int
    lost: int
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)


def crash_row(quick: bool) -> Row:
    from tests.harness_store import crash_trials

    n = QUICK_CRASH_KILLS if quick else CRASH_KILLS
    r = crash_trials(n)
    return Row(
        "crash", "writer killed with SIGKILL (add/edit/delete)", r.trials, r.failures, r.lost,
        f"{r.unreadable} unreadable stores; {r.acknowledged} acknowledged changes checked; "
        f"{r.killed_in_change} kills landed during a change, {r.killed_mid_save} of them "
        "mid-write",
        {"unreadable": r.unreadable, "acknowledged": r.acknowledged,
         "killed_mid_save": r.killed_mid_save, "killed_in_change": r.killed_in_change},
    )


def two_writers_row(quick: bool) -> Row:
    from tests.harness_store import two_writers

    r = two_writers(WRITER_ADDS)
    return Row(
        "two_writers", f"two processes adding {WRITER_ADDS} each", 1,
        int(r.found != r.expected or bool(r.errors)), r.expected - r.found + r.lost,
        f"{r.found}/{r.expected} annotations in the store",
        {"found": r.found, "expected": r.expected},
    )


def crash_large_row(quick: bool) -> Row:
    from tests.harness_store import crash_trials

    n = QUICK_CRASH_KILLS if quick else LARGE_CRASH_KILLS
    size = QUICK_LARGE_STORE if quick else LARGE_STORE
    r = crash_trials(n, prefilled=size, seed=1)
    return Row(
        "crash_large", f"the same, in a store of {size:,} annotations (5,000 on the document)",
        r.trials, r.failures, r.lost,
        f"{r.unreadable} unreadable stores; {r.acknowledged} acknowledged changes checked; "
        f"{r.killed_in_change} kills landed during a change, {r.killed_mid_save} of them "
        "mid-write",
        {"unreadable": r.unreadable, "acknowledged": r.acknowledged,
         "killed_mid_save": r.killed_mid_save, "killed_in_change": r.killed_in_change,
         "store": size},
    )


def two_writers_large_row(quick: bool) -> Row:
    from tests.harness_store import two_writers

    size = QUICK_LARGE_STORE if quick else LARGE_STORE
    r = two_writers(WRITER_ADDS, prefilled=size)
    return Row(
        "two_writers_large", f"two processes adding {WRITER_ADDS} each to {size:,}", 1,
        int(r.found != r.expected or bool(r.errors)), r.expected - r.found + r.lost,
        f"{r.found}/{r.expected} new annotations in the store",
        {"found": r.found, "expected": r.expected, "store": size},
    )


def faults_row(quick: bool) -> Row:
    from tests.harness_store import fault_trials

    outcomes = fault_trials()
    failed = [o.name for o in outcomes if not o.ok]
    return Row(
        "faults", "disk full, read-only dir/fs, stuck lock, file replaced mid-save",
        len(outcomes), len(failed), sum(o.lost for o in outcomes),
        "; ".join(f"{o.name}: {o.how}" for o in outcomes)
        + (f" — failed: {', '.join(failed)}" if failed else ""),
    )


def damaged_row(quick: bool) -> Row:
    from tests.harness_store import damaged_trials

    outcomes = damaged_trials()
    failed = [o.name for o in outcomes if not o.ok]
    return Row(
        "damaged", "damaged or foreign store files (refused or read-only, untouched)",
        len(outcomes), len(failed), 0,
        f"{sum(o.read_only for o in outcomes)} opened read-only, the rest refused"
        + (f" — failed: {', '.join(failed)}" if failed else ""),
    )


def hostile_row(quick: bool) -> Row:
    from benchmarks.bench_hostile import hostile_documents

    r = hostile_documents(QUICK_HOSTILE_DOCS if quick else HOSTILE_DOCS)
    return Row(
        "hostile", "hostile documents through the view (wrap, draw, select)",
        r["trials"], r["crashes"] + r["mismatches"], 0,
        f"{r['crashes']} crashes; {r['mismatches']} selections not matching the text or "
        "controls drawn raw",
        {"crashes": r["crashes"], "mismatches": r["mismatches"]},
    )


def reanchor_row(quick: bool) -> Row:
    from benchmarks.anchoring_simulation import simulate
    from sidelight.annotations.documents import load_document
    from sidelight.annotations.locations import seed_paths

    runs = QUICK_REANCHOR_RUNS if quick else REANCHOR_RUNS
    totals: dict[str, int] = {}
    for path in seed_paths():
        text = load_document(path).text
        for seed in range(runs):
            for key, value in simulate(seed, 100, text).items():
                totals[key] = totals.get(key, 0) + value
    correct = 100.0 * totals["correct"] / totals["total"]
    return Row(
        "reanchor", "re-anchoring after random edits of the seeds (fixed seeds)",
        totals["total"], totals["wrong"], 0,
        f"{correct:.1f}% correct, {totals['orphaned']} orphaned (kept, flagged), "
        f"{totals['wrong']} on wrong text",
        {"correct_pct": round(correct, 2), "orphaned": totals["orphaned"],
         "wrong": totals["wrong"]},
    )


def rows(quick: bool, only: tuple[str, ...] = ()) -> list[Row]:
    """Every row, or those whose function name is in ``only``."""
    out = []
    for spec in ROWS:
        module_name, func_name = spec.split(":")
        if only and func_name not in only:
            continue
        func = getattr(importlib.import_module(module_name), func_name)
        out.append(func(quick))
    return out


def figures(found: list[Row]) -> list[Figure]:
    figs: list[Figure] = []
    for row in found:
        figs.append(Figure(f"reliability.{row.name}.trials", row.trials, "trials", row.label))
        figs.append(Figure(f"reliability.{row.name}.failures", row.failures, "trials", row.note))
        figs.append(Figure(f"reliability.{row.name}.lost", row.lost, "annotations"))
        for key, value in row.extra.items():
            figs.append(Figure(f"reliability.{row.name}.{key}", value, ""))
    return figs


def run(quick: bool) -> list[Figure]:
    return figures(rows(quick))


def table(found: list[Row]) -> Table:
    t = Table(title="sidelight reliability")
    t.add_column("harness")
    t.add_column("trials", justify="right")
    t.add_column("failures", justify="right")
    t.add_column("annotations lost", justify="right")
    t.add_column("note")
    for row in found:
        t.add_row(row.label, str(row.trials), str(row.failures), str(row.lost), row.note)
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_reliability")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_CRASH_KILLS} kills")
    parser.add_argument("--only", metavar="ROW,…", default="",
                        help="run only these rows (function names, e.g. export_row,import_row)")
    args = parser.parse_args(argv)
    found = rows(args.quick, tuple(n for n in args.only.split(",") if n))
    Console(width=160).print(table(found))
    return 1 if any(r.failures or r.lost for r in found) else 0


if __name__ == "__main__":
    sys.exit(main())
