"""Comparison quality on every gold set the project has, one table.

    python -m benchmarks.compare_quality [-v] [--json]

Each gold set is a JSON-lines file of hand-written pairs of sentences that a fact-checker
would cite as telling the same claim (sure or possible), figures and quotations that differ,
and sentences only one source tells. The comparison runs in this process on each pair of
documents and its JSON report is scored as the shared scorer (``score_compare.py``) scores
the command's output:

* align P / R / F1: every passage gives one predicted pair per (side in A, side in B); it is
  right when both sides hold the two substrings of one gold pair; recall is over sure pairs;
  pairs touching a title (the first line, or the one after a leading date line) that match
  no gold pair are not counted, nor are conflicts with a figure in a title;
* relation: gold same/similar vs differs against the kind of the passage that covers a
  found sure pair;
* differing figures R / P: the report's conflicts against the gold figure differences;
* unique R / P: gold unique sentences inside a passage listed as unique, against sure-aligned
  sentences listed as unique.

Sets: ``dev`` (the seed pair, tests/data/compare_dev) and ``blind`` (six pairs of other
stories, tests/data/compare_blind; their first scores, from before the aligner was changed,
are in its SOURCES.md), ``holdout`` (four pairs of other stories written later and kept out
of every fix, tests/data/compare_holdout: the check that a fix generalises; its first scores
are in its SOURCES.md) and ``fresh`` (five pairs of five more stories, tests/data/compare_fresh,
written after all the others had been used for fixing and kept from sight until then: a
measure nobody has tuned on; its first scores are in its SOURCES.md), ``only`` (four pairs
of four more stories written for the "+" mark, tests/data/compare_only: claims both reports
tell in other words, often with a name, time or figure only one adds, and sentences one
report alone tells; used for fixing), ``only2`` (two pairs of two more stories written as a
check of the "+" rules once chosen, tests/data/compare_only2: scored, not used for fixing;
its first score is in its README.md) and ``sealed`` (five
pairs of five more stories, tests/data/compare_sealed, written while the comparison was being
tuned on all the others and read by its author only; its scores are in its SOURCES.md) and
``sealed2`` (five pairs of five more stories, tests/data/compare_sealed2, written and committed
before any comparison code ran on them, read by its author only and scored by the lead at the
end: the final unseen measure). ``-v`` lists every error by category, except a sealed set's:
its errors are listed only with ``--sealed-errors`` (for its author), so that nobody tunes on
them. ``sealed2`` is held back: it is scored only with ``--held-back``, so that no change is
chosen by its score either.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.figures import REPO
from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.report import to_dict
from sidelight.annotations.documents import Document, load_document

DATA = REPO / "tests" / "data"


@dataclass(frozen=True, slots=True)
class GoldSet:
    name: str
    gold: Path
    roots: dict[str, Path]
    sealed: bool = False  # its errors are not listed by -v: nobody but its author reads it
    held_back: bool = False  # scored only with --held-back: no change is picked by its score


def gold_sets() -> list[GoldSet]:
    return [
        GoldSet("dev", DATA / "compare_dev" / "gold.jsonl", {"seeds": REPO / "seeds"}),
        GoldSet("blind", DATA / "compare_blind" / "gold.jsonl",
                {"articles": DATA / "compare_blind"}),
        GoldSet("holdout", DATA / "compare_holdout" / "gold.jsonl",
                {"articles": DATA / "compare_holdout"}),
        GoldSet("fresh", DATA / "compare_fresh" / "gold.jsonl",
                {"articles": DATA / "compare_fresh"}),
        GoldSet("only", DATA / "compare_only" / "gold.jsonl",
                {"articles": DATA / "compare_only"}),
        GoldSet("only2", DATA / "compare_only2" / "gold.jsonl",
                {"articles": DATA / "compare_only2"}),
        GoldSet("sealed", DATA / "compare_sealed" / "gold.jsonl",
                {"articles": DATA / "compare_sealed"}, sealed=True),
        GoldSet("sealed2", DATA / "compare_sealed2" / "gold.jsonl",
                {"articles": DATA / "compare_sealed2"}, sealed=True, held_back=True),
    ]


def _locate(text: str, sub: str, occ: int | None = None) -> tuple[int, int]:
    starts = []
    i = text.find(sub)
    while i >= 0:
        starts.append(i)
        i = text.find(sub, i + 1)
    if not starts or (occ is None and len(starts) != 1) or (occ and len(starts) < occ):
        raise SystemExit(f"gold substring not found once: {sub!r}")
    s = starts[(occ or 1) - 1]
    return s, s + len(sub)


def _inside(span: tuple[int, int], side: dict[str, Any]) -> bool:
    return side["start"] <= span[0] and span[1] <= side["end"]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _short(s: str, n: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


_DATE_LINE = re.compile(r"\s*date[:\s]\s*\d{4}-\d\d-\d\d\s*\n", re.IGNORECASE)


def _title_end(text: str) -> int:
    """Where the headline ends: the first line, or the line after a leading date line
    (titles are don't-care in the gold)."""
    m = _DATE_LINE.match(text)
    start = m.end() if m else 0
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def score_pair(items: list[dict[str, Any]], texts: tuple[str, str], out: dict[str, Any],
               errors: list[str]) -> Counter[str]:
    """Counts for one pair of documents (see the module docstring); errors are appended."""
    ta, tb = texts
    aligns = [{**it, "sa": _locate(ta, it["a"]), "sb": _locate(tb, it["b"])}
              for it in items if it["type"] == "align"]
    sure = [g for g in aligns if g["sure"]]
    uniques = []
    for it in items:
        if it["type"] == "unique":
            d = 0 if it["side"] == "a" else 1
            uniques.append((d, _locate(texts[d], it["text"], it.get("occ")), it["text"]))
    sure_sents = {(0, g["sa"]) for g in sure} | {(1, g["sb"]) for g in sure}

    preds = []
    for p in out["passages"]:
        for x in (s for s in p["sides"] if s["doc"] == 0):
            for y in (s for s in p["sides"] if s["doc"] == 1):
                preds.append({"kind": p["kind"], "a": x, "b": y})

    def covers(pr: dict[str, Any], g: dict[str, Any]) -> bool:
        return _inside(g["sa"], pr["a"]) and _inside(g["sb"], pr["b"])

    title_end = [_title_end(t) for t in texts]
    c: Counter[str] = Counter()
    for pr in preds:
        if any(covers(pr, g) for g in aligns):
            c["pred_ok"] += 1
            c["preds"] += 1
        elif not (pr["a"]["start"] < title_end[0] or pr["b"]["start"] < title_end[1]):
            c["preds"] += 1
            errors.append(f"FALSE ALIGNMENT [{pr['kind']}]\n      A: {_short(pr['a']['text'])!r}"
                          f"\n      B: {_short(pr['b']['text'])!r}")
    c["sure"] = len(sure)
    for g in sure:
        cov = [pr for pr in preds if covers(pr, g)]
        if not cov:
            errors.append(f"MISSED [{g['relation']}]\n      A: {_short(g['a'])!r}"
                          f"\n      B: {_short(g['b'])!r}")
            continue
        c["found"] += 1
        pr = min(cov, key=lambda x: (x["a"]["end"] - x["a"]["start"])
                 + (x["b"]["end"] - x["b"]["start"]))
        gold_differs = g["relation"] == "differs"
        c["rel_n"] += 1
        if gold_differs == (pr["kind"] == "differs"):
            c["rel_ok"] += 1
        else:
            errors.append(f"RELATION gold={g['relation']} tool={pr['kind']}: "
                          f"{_short(g['a'], 50)!r} / {_short(g['b'], 50)!r}")

    gold_nums = []
    for it in items:
        if it["type"] == "number_diff":
            a0, b0 = _locate(ta, it["a_sentence"]), _locate(tb, it["b_sentence"])
            ia, ib = ta.find(it["a"], a0[0], a0[1]), tb.find(it["b"], b0[0], b0[1])
            gold_nums.append({**it, "va": (ia, ia + len(it["a"])), "vb": (ib, ib + len(it["b"]))})
    conflicts = []
    for d in out["differences"]:
        flip = d["sides"][0]["doc"] != 0
        for nc in d["numbers"]:
            if nc["relation"] == "conflict":
                a, b = (nc["b"], nc["a"]) if flip else (nc["a"], nc["b"])
                if a["start"] < title_end[0] or b["start"] < title_end[1]:
                    continue  # a headline's figure: titles are don't-care in the gold
                conflicts.append(((a["start"], a["end"]), (b["start"], b["end"]), a, b))

    def num_match(pn: tuple[Any, ...], g: dict[str, Any]) -> bool:
        return _overlaps(pn[0], g["va"]) and _overlaps(pn[1], g["vb"])

    c["num_gold"] = len(gold_nums)
    c["num_pred"] = len(conflicts)
    for g in gold_nums:
        if any(num_match(pn, g) for pn in conflicts):
            c["num_found"] += 1
        else:
            errors.append(f"FIGURE MISSED: {g['a']!r} vs {g['b']!r} ({g['what']})")
    for pn in conflicts:
        if any(num_match(pn, g) for g in gold_nums):
            c["num_pred_ok"] += 1
        else:
            errors.append(f"SPURIOUS CONFLICT: {pn[2]['text']!r} vs {pn[3]['text']!r}")

    uspans = [(u["doc"], u["start"], u["end"]) for u in out["unique"]]

    def in_unique(d: int, sp: tuple[int, int]) -> bool:
        return any(ud == d and us <= sp[0] and sp[1] <= ue for ud, us, ue in uspans)

    c["u_gold"] = len(uniques)
    for d, sp, txt in uniques:
        if in_unique(d, sp):
            c["u_tp"] += 1
        else:
            errors.append(f"UNIQUE MISSED ({'AB'[d]}): {_short(txt)!r}")
    for d, sp in sorted(sure_sents):
        if in_unique(d, sp):
            c["u_fp"] += 1
            errors.append(f"FALSE UNIQUE ({'AB'[d]}): {_short(texts[d][sp[0]:sp[1]])!r}")
    return c


def read_gold(s: GoldSet) -> tuple[list[dict[str, Any]], dict[str, Document]]:
    """A gold set's rows and its documents by id."""
    rows = [json.loads(line) for line in s.gold.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    docs = {r["id"]: load_document(s.roots[r["root"]] / r["file"])
            for r in rows if r["type"] == "doc"}
    return rows, docs


def score_set(s: GoldSet, verbose: bool = False) -> Counter[str]:
    rows, docs = read_gold(s)
    total: Counter[str] = Counter()
    for pair in (r for r in rows if r["type"] == "pair"):
        a, b = docs[pair["a"]], docs[pair["b"]]
        out = to_dict(compare_documents([a, b]))
        items = [r for r in rows if r.get("pair") == pair["pair"] and r["type"] != "pair"]
        errors: list[str] = []
        total.update(score_pair(items, (a.text, b.text), out, errors))
        if verbose and errors:
            print(f"== {s.name} {pair['pair']}")
            for e in errors:
                print("  " + e)
    return total


def _ratio(n: int, d: int) -> float | None:
    return n / d if d else None


def measures(c: Counter[str]) -> dict[str, float | None]:
    p, r = _ratio(c["pred_ok"], c["preds"]), _ratio(c["found"], c["sure"])
    f = None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)
    return {
        "align_p": p, "align_r": r, "align_f1": f,
        "relation": _ratio(c["rel_ok"], c["rel_n"]),
        "differs_r": _ratio(c["num_found"], c["num_gold"]),
        "differs_p": _ratio(c["num_pred_ok"], c["num_pred"]),
        "spurious_conflicts": float(c["num_pred"] - c["num_pred_ok"]),
        "unique_r": _ratio(c["u_tp"], c["u_gold"]),
        "unique_p": _ratio(c["u_tp"], c["u_tp"] + c["u_fp"]),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="comparison quality on the gold sets")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list every error (a sealed set's only with --sealed-errors)")
    ap.add_argument("--sealed-errors", action="store_true",
                    help="with -v, list a sealed set's errors too (for its author only)")
    ap.add_argument("--held-back", action="store_true",
                    help="also score the held-back set (sealed2), once the work is done")
    ap.add_argument("--json", action="store_true", help="one JSON object of figures")
    args = ap.parse_args(argv)
    results = {s.name: (s, score_set(s, args.verbose and (not s.sealed or args.sealed_errors)))
               for s in gold_sets() if args.held_back or not s.held_back}
    if args.json:
        print(json.dumps({name: measures(c) for name, (_, c) in results.items()}, indent=1))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title="comparison quality (micro-averaged over each set's pairs)")
    for col in ("set", "pairs", "sure", "align P", "align R", "align F1", "relation",
                "figures R", "figures P", "spurious", "unique R", "unique P"):
        table.add_column(col, justify="left" if col == "set" else "right")
    for name, (s, c) in results.items():
        m = measures(c)
        n_pairs = sum(1 for line in s.gold.read_text(encoding="utf-8").splitlines()
                      if '"type": "pair"' in line)

        def fmt(k: str, m: dict[str, float | None] = m) -> str:
            v = m[k]
            return "n/a" if v is None else f"{v:.2f}"

        table.add_row(name, str(n_pairs), str(c["sure"]), fmt("align_p"), fmt("align_r"),
                      fmt("align_f1"), fmt("relation"), fmt("differs_r"), fmt("differs_p"),
                      str(int(m["spurious_conflicts"] or 0)), fmt("unique_r"), fmt("unique_p"))
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
