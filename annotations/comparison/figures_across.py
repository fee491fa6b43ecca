"""Figures across sources: each precise number (by unit and value) with how every document
wrote it, so that agreement ("50 million" in both) is as visible as disagreement."""

from __future__ import annotations

from collections.abc import Sequence

from sidelight.annotations.comparison.model import FigureRow
from sidelight.annotations.comparison.numbers import Quantity


def figure_rows(quantities: Sequence[Sequence[Quantity]]) -> list[FigureRow]:
    """One row per (unit, value), figures that several documents give first. Vague amounts
    ("several billion") have no value to group by and are left to the differences."""
    n = len(quantities)
    texts: dict[tuple[str, float], list[str]] = {}
    mentions: dict[tuple[str, float], list[list[tuple[int, int]]]] = {}
    for doc, qs in enumerate(quantities):
        for q in qs:
            if q.value is None:
                continue
            # "06:40 GMT" and a bare "06:40" are not one figure.
            key = (f"{q.unit} {q.zone}" if q.zone else q.unit, q.value)
            if key not in mentions:
                mentions[key] = [[] for _ in range(n)]
                texts[key] = []
            mentions[key][doc].append((q.start, q.end))
            written = " ".join(q.text.split())
            if written not in texts[key]:
                texts[key].append(written)
    rows = [
        FigureRow(unit, value, tuple(texts[unit, value]), tuple(len(m) for m in per_doc),
                  tuple(tuple(m) for m in per_doc))
        for (unit, value), per_doc in mentions.items()
    ]
    rows.sort(key=lambda r: (-sum(1 for c in r.counts if c), r.unit, r.value))
    return rows
