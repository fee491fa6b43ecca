"""Writes ``reference.jsonl``: the entities (offsets, label, key) the recogniser gives every
test article on the reader's path, each alone and each set read together, and a digest of
its reading of the benchmark's shuffled news in each language.

The speed work on the recogniser must not change what a reader sees: ``test_entity_reference``
compares the code with this file. After a change *meant* to alter entities (a quality fix,
measured on the gold sets), write it again from the repository root:

    python -m tests.data.entity_reference.make_reference
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sidelight.annotations.entities import recognize, recognize_many

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SETS = ("entities_dev", "entities_blind", "entities_blind2", "entities_blind3",
        "entities_blind4", "entities_blind_de", "entities_blind_fr", "languages",
        "multilingual")
# Bytes of the benchmark's shuffled news read as one document per language.
NEWS_BYTES = 200_000


def texts() -> dict[str, list[Path]]:
    """Each set's articles (the seeds as a set of their own)."""
    out = {name: sorted((REPO / "tests" / "data" / name).glob("*.txt")) for name in SETS}
    out["seeds"] = sorted((REPO / "seeds").glob("*.txt"))
    return out


def _rows(ents: list) -> list[list]:
    return [[e.start, e.end, e.label, e.key] for e in ents]


def digest(ents: list) -> str:
    return hashlib.sha256(json.dumps(_rows(ents)).encode()).hexdigest()


def records() -> list[dict]:
    """One record per article alone, one per set read together, one per language's news."""
    from benchmarks.bench_entities import news_text

    out: list[dict] = []
    for name, paths in texts().items():
        bodies = [p.read_text(encoding="utf-8") for p in paths]
        for p, body in zip(paths, bodies, strict=True):
            out.append({"doc": f"{name}/{p.name}", "entities": _rows(recognize(body))})
        together = recognize_many(bodies)
        out.append({"set": name, "entities": [_rows(ents) for ents in together]})
    for lang in ("en", "de", "fr", "other"):
        ents = recognize(news_text(lang, NEWS_BYTES))
        out.append({"news": lang, "count": len(ents), "sha256": digest(ents)})
    return out


def main() -> None:
    with (HERE / "reference.jsonl").open("w", encoding="utf-8") as f:
        for rec in records():
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
