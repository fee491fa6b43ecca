"""Reliability rows for exports and imports: hostile notes and quotes through the Markdown
export, hostile files through ``sidelight import``.

    python -m benchmarks.bench_reliability           # the table, these rows included

The harnesses live in tests/ (``export_hostile``, ``import_hostile``) and generate their own
inputs, so they run without ../shared.
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.bench_reliability import Row

EXPORT_NOTES = 1000
QUICK_EXPORT_NOTES = 200
IMPORT_FILES = 140
QUICK_IMPORT_FILES = 28


def _tests_on_path() -> None:
    tests = str(Path(__file__).resolve().parent.parent / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)


def export_row(quick: bool) -> Row:
    _tests_on_path()
    from export_hostile import hostile_exports

    r = hostile_exports(QUICK_EXPORT_NOTES if quick else EXPORT_NOTES)
    breaks, html, quotes = r["structure_breaks"], r["html"], r["quote_mismatches"]
    return Row(
        "export_hostile", "hostile notes and quotes through the Markdown export",
        int(r["trials"]), int(breaks) + int(html) + int(quotes), 0,
        f"{breaks} structure breaks, {html} HTML, {quotes} quotes not exact "
        "(CommonMark and GFM-like)",
        {"structure_breaks": breaks, "html": html, "quote_mismatches": quotes},
    )


def import_row(quick: bool) -> Row:
    _tests_on_path()
    from import_hostile import hostile_imports

    r = hostile_imports(QUICK_IMPORT_FILES if quick else IMPORT_FILES)
    failures = r["partial"] + r["overwrites"] + r["crashes"]
    return Row(
        "import_hostile", "hostile files through import (store holds the user's own)",
        r["trials"], failures, r["partial"] + r["overwrites"],
        f"{r['partial']} partial imports, {r['overwrites']} silent overwrites, "
        f"{r['crashes']} crashes; {r['refused']} refused whole, {r['accepted']} accepted",
        {"partial": r["partial"], "overwrites": r["overwrites"], "crashes": r["crashes"]},
    )
