"""Every comparison gold set is well-formed: each substring it cites is found once in its
document's reading text (or at the occurrence it names), each figure lies in its sentence,
and every pair names two documents of the set. A gold row that matches nothing, or two
places, would silently score as a miss or a hit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import compare_quality
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


def test_a_sealed_sets_errors_are_listed_only_for_its_author(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # A sure pair of two sentences that say different things: always a miss to list.
    (tmp_path / "a.txt").write_text("Title one\n\nThe harbour ferry sails at noon every day.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title two\n\nThe library lends out violins to pupils.\n",
                                    encoding="utf-8")
    rows = [{"type": "doc", "id": "x-a", "root": "articles", "file": "a.txt"},
            {"type": "doc", "id": "x-b", "root": "articles", "file": "b.txt"},
            {"type": "pair", "pair": "x", "a": "x-a", "b": "x-b"},
            {"type": "align", "pair": "x", "sure": True, "relation": "similar",
             "a": "The harbour ferry sails at noon", "b": "The library lends out violins"}]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    sealed = GoldSet("sealed", gold, {"articles": tmp_path}, sealed=True)
    monkeypatch.setattr(compare_quality, "gold_sets", lambda: [sealed])
    compare_quality.main(["-v"])
    shown = capsys.readouterr().out
    assert "sealed" in shown and "MISSED" not in shown and "harbour ferry" not in shown
    compare_quality.main(["-v", "--sealed-errors"])
    assert "MISSED" in capsys.readouterr().out


def test_the_sealed_sets_are_rows_of_the_table() -> None:
    assert [s.name for s in gold_sets() if s.sealed] == ["sealed", "sealed2"]


def test_the_held_back_set_is_scored_only_when_asked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nThe ferry sails at noon.\n", encoding="utf-8")
    rows = [{"type": "doc", "id": "x-a", "root": "articles", "file": "a.txt"}]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    kept = GoldSet("keptback", gold, {"articles": tmp_path}, sealed=True, held_back=True)
    monkeypatch.setattr(compare_quality, "gold_sets", lambda: [kept])
    compare_quality.main([])
    assert "keptback" not in capsys.readouterr().out
    compare_quality.main(["--held-back"])
    assert "keptback" in capsys.readouterr().out
    assert [s.name for s in gold_sets() if s.held_back] == ["sealed2"]
