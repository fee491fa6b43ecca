"""Entities across sources: each key with its names and mentions in every document.

Keys are shared across documents by ``annotations.entities.recognize_many``, so one row
is one person, organisation or place however each source spells it. Numbers and dates are
left to ``numbers``: a table row for "2016" says nothing about who is in the story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from annotations.comparison.features import NUMERIC_LABELS, Mention
from annotations.comparison.model import EntityRow


def entity_rows(entities: Sequence[Sequence[Mention]]) -> list[EntityRow]:
    """One row per entity key, most mentioned first (then by name)."""
    n = len(entities)
    labels: dict[str, Counter[str]] = {}
    names: dict[str, Counter[str]] = {}
    mentions: dict[str, list[list[tuple[int, int]]]] = {}
    for doc, ents in enumerate(entities):
        for e in ents:
            if e.label in NUMERIC_LABELS or not e.key:
                continue
            if e.key not in mentions:
                mentions[e.key] = [[] for _ in range(n)]
                labels[e.key] = Counter()
                names[e.key] = Counter()
            mentions[e.key][doc].append((e.start, e.end))
            labels[e.key][e.label] += 1
            names[e.key][" ".join(e.text.split())] += 1
    rows = []
    for key, per_doc in mentions.items():
        ordered = tuple(tuple(sorted(set(m))) for m in per_doc)
        rows.append(
            EntityRow(
                key=key,
                label=labels[key].most_common(1)[0][0],
                names=tuple(name for name, _ in names[key].most_common()),
                counts=tuple(len(m) for m in ordered),
                mentions=ordered,
            )
        )
    rows.sort(key=lambda r: (-sum(r.counts), r.name.lower(), r.key))
    return rows
