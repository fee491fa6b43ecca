"""The aligner's index: which sentence pairs get scored.

Scoring every sentence against every other is quadratic, so the index proposes candidates
(sentences that share rare features) and only those are scored. These tests check that
nothing is lost by that: on the development and blind gold, the accepted pairs are the ones
exhaustive scoring accepts, and every pair that scores above the threshold is proposed
(a pair that meets only through word meanings, between the mutual floor and the threshold,
may not be: such pairs are accepted only as each other's best, which they are not there);
sentences repeated word for word across many documents (scored once per class) align as
when each is looked up on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from benchmarks.bench_compare import edited_copy
from benchmarks.compare_quality import gold_sets, read_gold
from sidelight.annotations.comparison.alignment import (
    MUTUAL_SHARE,
    THRESHOLD,
    CorpusIndex,
    align_all,
    select,
)
from sidelight.annotations.comparison.clauses import ClauseIndex, DocumentClauses
from sidelight.annotations.comparison.compare import _claim_sentences
from sidelight.annotations.comparison.features import (
    SentenceFacts,
    feature_weights,
    sentence_facts,
)
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.comparison.quotes import find_quotes
from sidelight.annotations.documents import Document, make_text_document
from sidelight.annotations.entities import recognize_many
from sidelight.annotations.language import document_language

FLOOR = THRESHOLD * MUTUAL_SHARE
DATA = Path(__file__).parent / "data" / "compare"


def _index(docs: Sequence[Document], entities: bool = True) -> CorpusIndex:
    """The index ``compare_documents`` builds (clauses included)."""
    langs = [document_language(d) for d in docs]
    ents = (recognize_many([d.text for d in docs], langs=langs) if entities
            else [[] for _ in docs])
    qs = [all_quantities(d.text, d.date, lang) for d, lang in zip(docs, langs, strict=True)]
    facts: list[list[SentenceFacts]] = [
        sentence_facts(d.text, _claim_sentences(d.text), e, q, find_quotes(d.text))
        for d, e, q in zip(docs, ents, qs, strict=True)]
    weights = feature_weights(facts)
    return ClauseIndex(facts, weights, [DocumentClauses(f, e, q, weights)
                                        for f, e, q in zip(facts, ents, qs, strict=True)])


def _gold_pairs() -> list[object]:
    out = []
    for s in gold_sets():
        if s.name not in ("dev", "blind"):
            continue
        rows, docs = read_gold(s)
        out += [pytest.param(f"{s.name}/{r['pair']}", docs[r["a"]], docs[r["b"]],
                             id=f"{s.name}/{r['pair']}")
                for r in rows if r["type"] == "pair"]
    return out


@pytest.mark.parametrize("name,a,b", _gold_pairs())
def test_the_index_accepts_what_exhaustive_scoring_accepts(name: str, a: Document,
                                                           b: Document) -> None:
    index = _index([a, b])
    facts = index.facts
    na, nb = len(facts[0]), len(facts[1])
    proposed = {(i, j) for i in range(na) for j in index.candidates((0, i)).get(1, [])}
    proposed |= {(i, j) for j in range(nb) for i in index.candidates((1, j)).get(0, [])}
    every = {(i, j): index.score((0, i), (1, j)) for i in range(na) for j in range(nb)}
    above = {p for p, s in every.items() if s >= THRESHOLD}
    assert above, name  # the gold pairs tell shared claims
    assert above <= proposed, f"{name}: not proposed {sorted(above - proposed)}"
    accepted = align_all(index)[0, 1]
    assert accepted == select(every, na, nb)
    assert {(i, j) for i, j, _ in accepted} <= proposed
    # Nearly every pair above the mutual floor is proposed too.
    floor = {p for p, s in every.items() if s >= FLOOR}
    assert len(floor - proposed) <= max(1, len(floor) // 10), sorted(floor - proposed)


def test_sentences_repeated_across_documents_align_as_when_looked_up_one_by_one() -> None:
    story = (DATA / "wire.txt").read_text(encoding="utf-8")
    docs = [make_text_document(f"/retold/{k}.txt", story if k == 0 else edited_copy(story, k))
            for k in range(6)]
    index = _index(docs, entities=False)
    facts = index.facts
    assert len(set(index.klass[0]) & set(index.klass[1])) > 3  # shared classes exist
    wanted: dict[tuple[int, int], dict[tuple[int, int], float]] = {}
    for d, doc_facts in enumerate(facts):
        for i in range(len(doc_facts)):
            for od, js in index.candidates((d, i)).items():
                for j in js:
                    a, b = ((d, i), (od, j)) if d < od else ((od, j), (d, i))
                    wanted.setdefault((a[0], b[0]), {})[a[1], b[1]] = index.score(a, b)
    one_by_one = {ab: select(table, len(facts[ab[0]]), len(facts[ab[1]]))
                  for ab, table in wanted.items()}
    assert align_all(index) == one_by_one


@pytest.mark.parametrize("enabled", [True, False])
def test_a_comparison_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    import gc

    from sidelight.annotations.comparison import compare_documents

    story = (DATA / "wire.txt").read_text(encoding="utf-8")
    docs = [make_text_document(f"/gc/{k}.txt", story if k == 0 else edited_copy(story, k))
            for k in range(2)]
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert compare_documents(docs, entities=[[], []]).passages
        assert gc.isenabled() is enabled
        (gc.disable if enabled else gc.enable)()
        with pytest.raises(ValueError):
            compare_documents(docs, entities=[[]])  # one entity list for two documents
        assert gc.isenabled() is not enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_quotation_and_clause_scores_are_kept_per_pair_of_wordings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Twelve retellings repeat most sentences: a pair of wordings met in many pairs of
    documents is read clause by clause once, and scores as when read afresh each time."""
    from sidelight.annotations.comparison import clauses as clauses_module

    story = (DATA / "wire.txt").read_text(encoding="utf-8")
    docs = [make_text_document(f"/retold/{k}.txt", story if k == 0 else edited_copy(story, k))
            for k in range(12)]
    calls = {"n": 0}
    share = clauses_module.clause_share

    def counted(*args: object) -> float:
        calls["n"] += 1
        return share(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(clauses_module, "clause_share", counted)

    def scores() -> tuple[dict[tuple[tuple[int, int], tuple[int, int]], float], int]:
        calls["n"] = 0
        index = _index(docs)
        out = {}
        for d, doc_facts in enumerate(index.facts):
            for i in range(len(doc_facts)):
                for od, js in index.candidates((d, i)).items():
                    for j in js:
                        out[(d, i), (od, j)] = index.score((d, i), (od, j))
        return out, calls["n"]

    kept, read_kept = scores()
    monkeypatch.setattr(clauses_module, "_WORDINGS", 1)  # nothing kept: every pair afresh
    fresh, read_fresh = scores()
    assert kept == fresh
    assert 0 < read_kept < read_fresh / 4


def _every_pair() -> list[object]:
    """Every article pair of the open gold sets (the sealed set is read by its author only)."""
    out = []
    for s in gold_sets():
        if s.sealed:
            continue
        rows, docs = read_gold(s)
        out += [pytest.param([docs[r["a"]], docs[r["b"]]], id=f"{s.name}/{r['pair']}")
                for r in rows if r["type"] == "pair"]
    story = (DATA / "wire.txt").read_text(encoding="utf-8")
    out.append(pytest.param([make_text_document(f"/retold/{k}.txt", story if k == 0
                                                else edited_copy(story, k)) for k in range(6)],
                            id="six-retellings"))
    return out


def _plain_class_score(index: CorpusIndex, ka: int, kb: int) -> float:
    """``CorpusIndex._score`` as first written: every meaning of every word looked up by
    its name, no shortcut."""
    import math

    from sidelight.annotations.comparison.alignment import SENSE_SHARE, SINGLE_WORD

    if index._normal[ka] == index._normal[kb]:
        return 1.0
    ta, tb = index._totals[ka], index._totals[kb]
    if ta <= 0 or tb <= 0:
        return 0.0
    w, number = index._w, index._number
    shared = index._features[ka] & index._features[kb]
    total = sum(w[x] for x in sorted(shared))
    n = len(shared)
    if index._senses[ka] and index._senses[kb]:
        mb: dict[int, int] = {}
        for feat, ms in index._senses[kb]:
            for m in ms:
                mb.setdefault(m, number[feat])
        used: set[int] = set()
        for feat, ms in index._senses[ka]:
            x = number[feat]
            if x in shared:
                continue
            for m in ms:
                g = mb.get(m) if m >= 0 else None
                if g is None:
                    g = mb.get(-m - 1)
                if g is not None and g not in shared and g not in used:
                    used.add(g)
                    total += SENSE_SHARE * min(w[x], w[g])
                    n += 1
                    break
    score = min(1.0, total / math.sqrt(ta * tb))
    return score if n >= 2 or score >= SINGLE_WORD else 0.0


@pytest.mark.parametrize("docs", _every_pair())
def test_the_aligner_accepts_what_plain_scoring_of_every_candidate_accepts(
        docs: list[Document]) -> None:
    """The aligner's shortcuts (a pair of one same text taken as 1 unscored, a word whose
    meanings the other sentence lacks skipped at one look, each wanted pair scored once)
    change no score and no accepted pair: every candidate scored plainly, one sentence at a
    time, gives the same alignment on every article pair of the gold sets."""
    index = _index(docs, entities=len(docs) == 2)
    facts = index.facts
    wanted: dict[tuple[int, int], dict[tuple[int, int], float]] = {}
    for d, doc_facts in enumerate(facts):
        for i in range(len(doc_facts)):
            for od, js in index.candidates((d, i)).items():
                for j in js:
                    a, b = ((d, i), (od, j)) if d < od else ((od, j), (d, i))
                    ka, kb = index.klass[a[0]][a[1]], index.klass[b[0]][b[1]]
                    assert index.class_score(ka, kb) == _plain_class_score(index, ka, kb)
                    wanted.setdefault((a[0], b[0]), {})[a[1], b[1]] = index.score(a, b)
    plain = {ab: select(table, len(facts[ab[0]]), len(facts[ab[1]]))
             for ab, table in wanted.items()}
    assert align_all(index) == plain
    assert any(plain.values())
