"""Entities across sources: each entity with its names and mentions in every document.

Keys are shared across documents by ``annotations.entities.recognize_many``, so one row
is one person, organisation or place however each source spells it. Two more links are made
here, where every document is in view: a name the recogniser labelled as a place in one
source and as an organisation in another ("Jajarkot") is one row, and so is an acronym that
a source sets in parentheses right after a name ("German Research Centre for Geosciences
(GFZ)", "Acacia Communications (ACIA)"). Numbers and dates are left to ``numbers``: a table
row for "2016" says nothing about who is in the story.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from sidelight.annotations.comparison.features import NUMERIC_LABELS, Mention
from sidelight.annotations.comparison.model import EntityRow

# Labels whose names may be given one of the others by mistake; a person's name is not.
_PLACE_OR_BODY = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.]{1,7}")
_PAREN_GAP = re.compile(r"\s*\(\s*")


def entity_rows(
    entities: Sequence[Sequence[Mention]], texts: Sequence[str] | None = None,
) -> list[EntityRow]:
    """One row per entity, most mentioned first (then by name). With ``texts`` (the
    documents' texts), acronyms in parentheses after a name join that name's row."""
    n = len(entities)
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_name: dict[str, str] = {}
    for doc, ents in enumerate(entities):
        kept = sorted((e for e in ents if e.label not in NUMERIC_LABELS and e.key),
                      key=lambda e: e.start)
        for e in kept:
            if e.label in _PLACE_OR_BODY:
                name = " ".join(e.text.split()).casefold()
                union(by_name.setdefault(name, e.key), e.key)
        if texts is None:
            continue
        text = texts[doc]
        for a, b in itertools.pairwise(kept):
            gap = _PAREN_GAP.fullmatch(text, a.end, b.start)
            if (gap and a.label == b.label == "ORG" and _ACRONYM.fullmatch(b.text)
                    and text[b.end : b.end + 1] == ")"):
                union(a.key, b.key)

    labels: dict[str, Counter[str]] = {}
    names: dict[str, Counter[str]] = {}
    mentions: dict[str, list[list[tuple[int, int]]]] = {}
    for doc, ents in enumerate(entities):
        for e in ents:
            if e.label in NUMERIC_LABELS or not e.key:
                continue
            key = find(e.key)
            if key not in mentions:
                mentions[key] = [[] for _ in range(n)]
                labels[key] = Counter()
                names[key] = Counter()
            mentions[key][doc].append((e.start, e.end))
            labels[key][e.label] += 1
            names[key][" ".join(e.text.split())] += 1
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
