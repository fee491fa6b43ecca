"""Large annotation stores for the benchmarks, written straight to disk in seconds.

A store of ``total`` annotations: ``on_doc`` highlights anchored on one real document (a
generated news-like text written beside the store), the rest spread over other documents
(1,000 each, paths that do not exist, as in a library of years of reading). Records are valid
sidelight annotations; their JSON is written directly rather than through the store's API,
so that a 200k store takes seconds to make.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.figures import generated_text
from sidelight.annotations.documents import load_document
from sidelight.annotations.model import COLORS, CONTEXT_CHARS

PER_OTHER_DOCUMENT = 1_000
_WORDS = ("claim", "check", "number", "quote", "source")


@dataclass(frozen=True, slots=True)
class StoreFixture:
    db: Path
    document: Path
    total: int
    on_doc: int


def _record(rng: random.Random, source: str, fingerprint: str, text: str,
            stamp: str, words: tuple[str, ...]) -> dict[str, Any]:
    length = rng.randint(20, 120)
    start = rng.randrange(0, max(1, len(text) - length))
    end = start + length
    note = "" if rng.random() < 0.6 else " ".join(rng.choices(words, k=rng.randint(3, 60)))
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "kind": "highlight",
        "targets": [{
            "source": source, "fingerprint": fingerprint, "start": start, "end": end,
            "exact": text[start:end], "prefix": text[max(0, start - CONTEXT_CHARS):start],
            "suffix": text[end:end + CONTEXT_CHARS], "orphan": False,
        }],
        "color": rng.choice(COLORS),
        "tags": rng.sample(_WORDS, rng.randint(0, 2)),
        "note": note,
        "relation": "",
        "created": stamp,
        "modified": stamp,
    }


def records(total: int, on_doc: int, doc_path: str, doc_fingerprint: str, doc_text: str,
            seed: int = 1) -> list[dict[str, Any]]:
    """``on_doc`` highlights on the document, then the rest on other (absent) documents."""
    rng = random.Random(seed)
    stamp = "2026-01-01T00:00:00.000Z"
    words = tuple(doc_text[:4000].split())
    out = [_record(rng, doc_path, doc_fingerprint, doc_text, stamp, words)
           for _ in range(on_doc)]
    other_text = generated_text(60_000, seed=seed + 1)
    for i in range(total - on_doc):
        k = i // PER_OTHER_DOCUMENT
        source = f"/home/reader/library/story-{k:05d}.txt"
        out.append(_record(rng, source, f"{k:064x}", other_text, stamp, words))
    return out


def write_single_file(db: Path, recs: list[dict[str, Any]]) -> None:
    """The whole store as one TinyDB file in the schema-1 layout (one file of every record)."""
    table = {r["id"]: r for r in recs}
    db.write_text(json.dumps({"_meta": {"1": {"schema": 1}}, "annotations": table},
                             ensure_ascii=False), encoding="utf-8")


def make_store(root: Path, total: int, on_doc: int, *, doc_bytes: int = 600_000,
               seed: int = 1) -> StoreFixture:
    """Write a document and a store of ``total`` annotations, ``on_doc`` of them on it."""
    root.mkdir(parents=True, exist_ok=True)
    document = root / "story.txt"
    if not document.exists():
        document.write_text(generated_text(doc_bytes, seed=seed), encoding="utf-8")
    doc = load_document(document)
    db = root / f"store-{total}-{on_doc}.json"
    write_single_file(db, records(total, on_doc, doc.path, doc.fingerprint, doc.text, seed))
    return StoreFixture(db, document, total, on_doc)
