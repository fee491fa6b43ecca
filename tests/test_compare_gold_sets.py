"""Every comparison gold set is well-formed: each substring it cites is found once in its
document's reading text (or at the occurrence it names), each figure lies in its sentence,
and every pair names two documents of the set. A gold row that matches nothing, or two
places, would silently score as a miss or a hit."""

from __future__ import annotations

import json
from typing import Any

import pytest

from benchmarks.compare_quality import GoldSet, gold_sets
from sidelight.annotations.documents import load_document


def _count(text: str, sub: str) -> int:
    n, i = 0, text.find(sub)
    while i >= 0:
        n, i = n + 1, text.find(sub, i + 1)
    return n


def _rows(s: GoldSet) -> list[dict[str, Any]]:
    return [json.loads(line) for line in s.gold.read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.mark.parametrize("s", gold_sets(), ids=lambda s: s.name)
def test_gold_substrings_are_found_once_in_their_documents(s: GoldSet) -> None:
    rows = _rows(s)
    texts = {r["id"]: load_document(s.roots[r["root"]] / r["file"]).text
             for r in rows if r["type"] == "doc"}
    pairs = {r["pair"]: (texts[r["a"]], texts[r["b"]]) for r in rows if r["type"] == "pair"}
    assert pairs and len(texts) == 2 * len(pairs)
    bad = []

    def once(text: str, sub: str, occ: int | None = None) -> None:
        n = _count(text, sub)
        if not sub or (n != 1 if occ is None else n < occ):
            bad.append((sub, n))

    for r in rows:
        if r["type"] in ("meta", "doc", "pair"):
            continue
        ta, tb = pairs[r["pair"]]
        if r["type"] in ("align", "quote_diff"):
            once(ta, r["a"])
            once(tb, r["b"])
        elif r["type"] == "number_diff":
            once(ta, r["a_sentence"])
            once(tb, r["b_sentence"])
            assert r["a"] in r["a_sentence"] and r["b"] in r["b_sentence"], r
        elif r["type"] == "unique":
            once(ta if r["side"] == "a" else tb, r["text"], r.get("occ"))
    assert not bad, bad
