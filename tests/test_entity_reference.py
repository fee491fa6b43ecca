"""What the reader shows must not move with the recogniser's speed work: every test article's
entities (offsets, labels, cross-document keys), alone and read with the rest of its set, and
the benchmark's shuffled news in each language, as ``tests/data/entity_reference`` holds them.

A change meant to alter entities writes that file again (see its ``make_reference``) and says
so, with the gold sets' scores."""

from __future__ import annotations

import json

import pytest

from tests.data.entity_reference.make_reference import HERE, records

_HINT = ("entities differ from tests/data/entity_reference/reference.jsonl; if the change is "
         "meant to alter them, run python -m tests.data.entity_reference.make_reference")


def _key(rec: dict) -> str:
    if "news" in rec:
        return f"news:{rec['news']}"
    return rec.get("doc") or f"set:{rec['set']}"


@pytest.fixture(scope="module")
def reference() -> dict[str, dict]:
    lines = (HERE / "reference.jsonl").read_text(encoding="utf-8").splitlines()
    return {_key(r): r for r in map(json.loads, lines)}


def test_every_article_news_text_and_set_reads_as_the_reference(reference: dict) -> None:
    now = {_key(r): r for r in records()}
    assert now.keys() == reference.keys()
    for key, rec in now.items():
        ref = reference[key]
        if "entities" in rec:
            got = rec["entities"]
            want = ref["entities"]
            if got != want:
                # The first differing entity, so the failure says what moved.
                flat_got = got if "doc" in rec else [r for doc in got for r in doc]
                flat_want = want if "doc" in rec else [r for doc in want for r in doc]
                first = next((i for i, (a, b) in enumerate(zip(flat_got, flat_want, strict=False))
                              if a != b), min(len(flat_got), len(flat_want)))
                pytest.fail(f"{key}: entity {first}: {flat_got[first:first + 1]} != "
                            f"{flat_want[first:first + 1]}; {_HINT}")
        else:
            assert (rec["count"], rec["sha256"]) == (ref["count"], ref["sha256"]), \
                f"{key}: {_HINT}"


def test_the_reference_cannot_pass_empty(reference: dict) -> None:
    # Every German and French article has entities in it, and the news digests count thousands.
    for lang in ("de", "fr"):
        docs = [r for k, r in reference.items() if k.startswith(f"entities_blind_{lang}/")]
        assert len(docs) >= 8 and all(r["entities"] for r in docs)
        assert reference[f"news:{lang}"]["count"] > 1000
