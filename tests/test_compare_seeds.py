"""The comparison checks on the two bundled articles, with the real entity recogniser."""

from __future__ import annotations

import pytest

from sidelight.annotations.comparison import Comparison, compare_documents
from sidelight.annotations.documents import load_document
from sidelight.annotations.locations import seed_paths


@pytest.fixture(scope="module")
def seeds() -> Comparison:
    paths = seed_paths()
    first = next(p for p in paths if p.name.startswith("000_"))
    second = next(p for p in paths if p.name.startswith("003_"))
    return compare_documents([load_document(first), load_document(second)])


def test_fifty_million_appears_in_both(seeds: Comparison) -> None:
    row = next(r for r in seeds.figure_rows if r.value == 50e6)
    assert row.unit == "user" and row.counts == (1, 1)
    assert all("50 million" in t for t in row.texts)


def test_share_price_sentences_differ_on_the_percentages(seeds: Comparison) -> None:
    d = next(d for d in seeds.differences if "7 percent" in d.a.text + d.b.text)
    assert "roughly 9%" in d.a.text + d.b.text
    pct = [n for n in d.conflicts if n.a.unit == "percent"]
    assert [(n.a.text, n.b.text) for n in pct] == [("around 7 percent", "roughly 9%")]
    money = next(n for n in d.numbers if n.a.unit == "USD")
    assert (money.a.text, money.b.text, money.relation) == (
        "$9 billion", "several billion dollars", "vaguer")
    first = next(s for s in seeds.sentences[0] if "7 percent" in s.text)
    assert first.kind == "differs"


def test_the_data_promise_is_aligned_as_one_statement(seeds: Comparison) -> None:
    first = next(s for s in seeds.sentences[0]
                 if "We don’t deserve to serve our users if we can’t protect their data"
                 in s.text)
    start, end = seeds.counterparts(0, first.start)[1]
    assert "if we can't then we don't deserve to serve you" in seeds.documents[1].text[start:end]


def test_entities_only_one_source_mentions(seeds: Comparison) -> None:
    only_second = {n for r in seeds.entities_only_in(1) for n in r.names}
    only_first = {n for r in seeds.entities_only_in(0) for n in r.names}
    assert {"Sheryl Sandberg", "Alexander Nix", "Channel 4"} <= only_second
    assert {"WhatsApp", "Reuters"} <= only_first
    shared = {r.name for r in seeds.entity_rows if r.only_in is None}
    assert {"Facebook", "Cambridge Analytica"} <= shared
