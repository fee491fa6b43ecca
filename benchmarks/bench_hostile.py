"""Hostile documents through the document view: trials, crashes, mismatches.

The generator and the checks live in ``tests/hostile.py`` (shared with the test suite); see
there for what a hostile document holds and what is checked. ``hostile_documents(n)`` is the
entry point for the reliability table.

    python -m benchmarks.bench_hostile [--quick]
"""

from __future__ import annotations

import sys
import time

from benchmarks.figures import REPO, Figure

_TESTS = str(REPO / "tests")


def hostile_documents(n: int, *, seed: int = 7) -> dict[str, int]:
    """Run ``n`` random hostile documents through the view; {trials, crashes, mismatches}."""
    if _TESTS not in sys.path:
        sys.path.insert(0, _TESTS)
    import hostile

    return hostile.hostile_documents(n, seed=seed)


def run(quick: bool) -> list[Figure]:
    n = 20 if quick else 200
    started = time.perf_counter()
    result = hostile_documents(n)
    elapsed = time.perf_counter() - started
    note = "random Unicode, controls, CJK/emoji/ZWJ, RTL, tabs, CRLF, surrogates"
    return [
        Figure("view hostile trials", result["trials"], "docs", note),
        Figure("view hostile crashes", result["crashes"], "", "target 0"),
        Figure("view hostile mismatches", result["mismatches"], "",
               "selection != highlighted text, or a control drawn; target 0"),
        Figure("view hostile time", elapsed, "s", "wrap + render + selection checks"),
    ]


if __name__ == "__main__":
    for figure in run("--quick" in sys.argv):
        print(f"{figure.name:28} {figure.value:10.3f} {figure.unit:4} {figure.note}")
