"""Run every benchmark and print one table (or, with ``--json``, one object of figures).

python -m benchmarks [--quick] [--json] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time

from rich.console import Console
from rich.table import Table

from benchmarks.figures import Figure

BENCHES: tuple[str, ...] = ("bench_store", "bench_reliability", "bench_compare", "bench_entities",
                            "bench_view", "bench_hostile", "bench_anchoring", "bench_extraction")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--json", action="store_true", help="print one JSON object of figures")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these benchmarks")
    args = parser.parse_args(argv)
    selected = [
        b
        for b in BENCHES
        if not args.only or b.removeprefix("bench_") in args.only or b in args.only
    ]
    results: dict[str, list[Figure]] = {}
    for name in selected:
        module = importlib.import_module(f"benchmarks.{name}")
        started = time.perf_counter()
        results[name] = module.run(args.quick)
        if not args.json:
            print(f"{name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.json:
        print(json.dumps({f.name: f.value for figs in results.values() for f in figs}, indent=2))
        return 0
    table = Table(title="sidelight benchmarks")
    for col in ("benchmark", "figure", "value", "unit", "note"):
        table.add_column(col, justify="right" if col == "value" else "left")
    for name, figs in results.items():
        for f in figs:
            table.add_row(
                name.removeprefix("bench_"),
                f.name,
                f"{f.value:,.3f}".rstrip("0").rstrip("."),
                f.unit,
                f.note,
            )
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
