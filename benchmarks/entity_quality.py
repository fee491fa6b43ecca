"""Entity quality on every gold set the project has, scored as the shared scorer does.

    python -m benchmarks.entity_quality

Micro precision, recall and F1, one-to-one and label-exact, in two matchings: strict (same
span) and overlap (at least one shared character, the headline figure). Gold rows labelled
IGNORE mark regions that are not scored; predictions with labels the gold does not use are
dropped. Sets: the seed gold in ``../shared/eval`` (when present), the development set and
four blind sets in ``tests/data`` (each blind set's first, untouched score is in its
SOURCES.md: that is the estimate for unseen articles), and the German and French blind sets,
each text read in the language detected from it.

    python -m benchmarks.entity_quality --spacy

also scores spaCy's ``fr_core_news_sm`` on the French set's people, organisations and places
(PER/ORG/LOC, against the gold's PERSON/ORG/GPE) beside the rule engine on the same three
labels, when spaCy and that model are installed (they are no dependency of sidelight).
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from benchmarks.figures import REPO
from sidelight.annotations.entities import recognize

Spans = dict[str, list[tuple[int, int, str]]]
DATA = REPO / "tests" / "data"
SHARED = REPO.parent / "shared"


@dataclass(frozen=True, slots=True)
class GoldSet:
    name: str
    gold: Path
    texts: Path
    lang: str = "en"


def gold_sets() -> list[GoldSet]:
    sets = []
    if (SHARED / "eval" / "entities-seeds.jsonl").is_file():
        sets.append(GoldSet("seeds", SHARED / "eval" / "entities-seeds.jsonl", SHARED / "seeds"))
    for name in ("entities_dev", "entities_blind", "entities_blind2", "entities_blind3",
                 "entities_blind4"):
        short = name.removeprefix("entities_")
        sets.append(GoldSet(short, DATA / name / "gold.jsonl", DATA / name))
    for name in ("entities_blind_de", "entities_blind_fr", "entities_blind2_de",
                 "entities_blind2_fr"):
        if (DATA / name / "gold.jsonl").is_file():  # a set being written has no gold yet
            sets.append(GoldSet(name.removeprefix("entities_"), DATA / name / "gold.jsonl",
                                DATA / name, name[-2:]))
    return sets


def load_gold(path: Path) -> Spans:
    rows: Spans = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows[r["doc"]].append((int(r["start"]), int(r["end"]), r["label"]))
    return rows


def predict(gold: Spans, folder: Path) -> Spans:
    return {
        doc: [(e.start, e.end, e.label) for e in recognize((folder / doc).read_text("utf-8"))]
        for doc in gold
    }


def score(gold: Spans, pred: Spans, *, strict: bool = False) -> dict[str, Counter[str]]:
    """Counts of tp/pred/gold per label and under ``"all"``."""
    labels = {lab for spans in gold.values() for _, _, lab in spans} - {"IGNORE"}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, spans in gold.items():
        ignore = [(s, e) for s, e, lab in spans if lab == "IGNORE"]
        g = [x for x in spans if x[2] != "IGNORE"]
        p = [x for x in pred.get(doc, []) if x[2] in labels
             and not any(x[0] < ie and is_ < x[1] for is_, ie in ignore)]
        used: set[int] = set()
        for ps, pe, pl in p:
            for i, (gs, ge, gl) in enumerate(g):
                hit = (ps, pe) == (gs, ge) if strict else ps < ge and gs < pe
                if i not in used and gl == pl and hit:
                    used.add(i)
                    counts[pl]["tp"] += 1
                    counts["all"]["tp"] += 1
                    break
        for _, _, lab in p:
            counts[lab]["pred"] += 1
            counts["all"]["pred"] += 1
        for _, _, lab in g:
            counts[lab]["gold"] += 1
            counts["all"]["gold"] += 1
    return counts


def f1(c: Counter[str]) -> float:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def overlap_f1(gold: Spans, folder: Path) -> float:
    return f1(score(gold, predict(gold, folder))["all"])


_PLACES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def _three_labels(spans: Spans) -> Spans:
    """People, organisations and places only, in spaCy's French label set."""
    return {doc: [(s, e, _PLACES.get(lab, lab)) for s, e, lab in rows
                  if lab in _PLACES or lab == "IGNORE"] for doc, rows in spans.items()}


def spacy_anchor() -> int:
    try:
        import spacy  # type: ignore[import-not-found]

        nlp = spacy.load("fr_core_news_sm")
    except (ImportError, OSError) as err:
        print(f"spaCy anchor unavailable: {err}")
        return 1
    s = next(g for g in gold_sets() if g.name == "blind_fr")
    gold = _three_labels(load_gold(s.gold))
    ours = _three_labels(predict(load_gold(s.gold), s.texts))
    theirs: Spans = {}
    for doc in gold:
        parsed = nlp((s.texts / doc).read_text("utf-8"))
        theirs[doc] = [(e.start_char, e.end_char, e.label_) for e in parsed.ents
                       if e.label_ in ("PER", "ORG", "LOC")]
    for name, pred in (("sidelight rules", ours), (f"spaCy fr_core_news_sm {spacy.__version__}"
                                                   f" / model {nlp.meta['version']}", theirs)):
        c = score(gold, pred)
        cs = score(gold, pred, strict=True)
        print(f"{name}: French blind set, PER/ORG/LOC overlap F1 {f1(c['all']):.3f} "
              f"(strict {f1(cs['all']):.3f}); PER {f1(c['PER']):.3f}, ORG {f1(c['ORG']):.3f}, "
              f"LOC {f1(c['LOC']):.3f}")
    return 0


def main() -> int:
    if "--spacy" in sys.argv[1:]:
        return spacy_anchor()
    sets = gold_sets()
    results = []
    for s in sets:
        gold = load_gold(s.gold)
        pred = predict(gold, s.texts)
        results.append((s, score(gold, pred), score(gold, pred, strict=True)))
    labels = sorted({lab for _, c, _ in results for lab in c} - {"all"})
    table = Table(title="entity quality: F1, overlap matching unless named strict")
    table.add_column("set")
    table.add_column("docs", justify="right")
    table.add_column("overlap", justify="right")
    table.add_column("strict", justify="right")
    for lab in labels:
        table.add_column(lab, justify="right")
    for s, overlap, strict in results:
        table.add_row(
            s.name, str(len(load_gold(s.gold))), f"{f1(overlap['all']):.3f}",
            f"{f1(strict['all']):.3f}",
            *(f"{f1(overlap[lab]):.3f}" if overlap[lab]["gold"] else "–" for lab in labels),
        )
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
