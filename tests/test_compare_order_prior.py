"""The documents' order as a prior: weak matches between two strong anchors."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.features import SentenceFacts
from sidelight.annotations.comparison.order_prior import (
    GAP_FLOOR,
    MAX_GAP,
    OPEN_FLOOR,
    anchor_chain,
    content_evidence,
    gap_pairs,
)
from sidelight.annotations.comparison.sentences import Sentence
from sidelight.annotations.documents import make_text_document

LEAD = "A bus carrying 40 pilgrims overturned on a mountain road near Tarvo on Sunday. "
DRIVER = "The driver told police that the brakes had failed on a steep bend. "


def _kinds(a: str, b: str, names: bool = False) -> list[tuple[str, str]]:
    c = compare_documents([make_text_document("/a.txt", a), make_text_document("/b.txt", b)],
                          entities=None if names else [[], []])
    return [(s.text, s.kind) for s in c.sentences[0]]


def test_a_reworded_sentence_between_two_anchors_is_aligned() -> None:
    a = LEAD + "Nine of the passengers suffered minor injuries in the crash. " + DRIVER
    b = LEAD + "Several travellers were slightly hurt. " + DRIVER
    kinds = dict(_kinds(a, b))
    assert kinds["Nine of the passengers suffered minor injuries in the crash."] != "unique"


def test_a_sentence_sharing_nothing_between_anchors_stays_unique() -> None:
    a = LEAD + "Nine of the passengers suffered minor injuries in the crash. " + DRIVER
    b = LEAD + "The pilgrimage is held every spring in the old monastery. " + DRIVER
    kinds = dict(_kinds(a, b))
    assert kinds["Nine of the passengers suffered minor injuries in the crash."] == "unique"


def test_a_shared_name_alone_between_anchors_is_no_evidence() -> None:
    a = LEAD + "The mayor of Tarvo visited the site in the evening. " + DRIVER
    b = LEAD + "Tarvo has a population of about 9,000. " + DRIVER
    kinds = dict(_kinds(a, b, names=True))
    # Not aligned; and a name the other gives in one sentence only is no proof either
    # that the other does not tell it: no counterpart, no "+".
    assert kinds["The mayor of Tarvo visited the site in the evening."] == "unmatched"


def test_anchor_chain_is_the_longest_chain_forward_in_both() -> None:
    pairs = [(0, 0, 1.0), (1, 5, 0.9), (2, 1, 0.8), (3, 2, 0.7), (3, 3, 0.6), (5, 4, 0.5)]
    assert anchor_chain(pairs) == [(0, 0), (2, 1), (3, 2), (5, 4)]
    assert anchor_chain([]) == []


def _ev(table: dict[tuple[int, int], float]):  # type: ignore[no-untyped-def]
    return lambda i, j: table.get((i, j), 0.0)


def test_gap_pairs_fill_a_gap_in_order_one_partner_each() -> None:
    anchors = [(0, 0, 0.9), (3, 3, 0.9)]
    ev = _ev({(1, 1): 0.2, (1, 2): 0.15, (2, 1): 0.14, (2, 2): 0.1})
    assert gap_pairs(anchors, 4, 4, ev) == [(1, 1, 0.2), (2, 2, 0.1)]
    # A pair that would cross the one taken is left out.
    ev = _ev({(1, 2): 0.2, (2, 1): 0.15})
    assert gap_pairs(anchors, 4, 4, ev) == [(1, 2, 0.2)]


def test_gap_pairs_need_evidence_a_short_gap_and_free_sentences() -> None:
    anchors = [(0, 0, 0.9), (2, 2, 0.9)]
    assert gap_pairs(anchors, 3, 3, _ev({(1, 1): GAP_FLOOR - 0.01})) == []
    assert gap_pairs(anchors, 3, 3, _ev({(1, 1): GAP_FLOOR})) == [(1, 1, GAP_FLOOR)]
    # Sentence 1 of the first document already has a partner.
    assert gap_pairs([*anchors, (1, 2, 0.3)], 3, 3, _ev({(1, 1): 0.5})) == []
    far = MAX_GAP + 2
    assert gap_pairs([(0, 0, 0.9), (far, far, 0.9)], far + 1, far + 1,
                     _ev({(1, 1): 0.5})) == []


def test_gap_pairs_after_the_last_anchor_need_more_evidence() -> None:
    anchors = [(0, 0, 0.9)]
    assert gap_pairs(anchors, 2, 2, _ev({(1, 1): OPEN_FLOOR - 0.01})) == []
    assert gap_pairs(anchors, 2, 2, _ev({(1, 1): OPEN_FLOOR})) == [(1, 1, OPEN_FLOOR)]


def _facts(features: set[str]) -> SentenceFacts:
    return SentenceFacts(Sentence(0, 1, "x"), frozenset(features), (), (), "x")


def test_content_evidence_counts_names_only_beside_a_shared_word_or_figure() -> None:
    weights = {"e:tarvo": 3.0, "w:bus": 2.0, "w:mayor": 2.0, "n:people:9": 1.0, "u:people": 1.0,
               "w:road": 1.0}
    name_only = content_evidence(_facts({"e:tarvo", "w:mayor"}), _facts({"e:tarvo", "w:road"}),
                                 weights)
    assert name_only == 0.0
    unit_only = content_evidence(_facts({"u:people", "w:mayor"}),
                                 _facts({"u:people", "w:road"}), weights)
    assert unit_only == 0.0
    word = content_evidence(_facts({"e:tarvo", "w:bus"}), _facts({"e:tarvo", "w:bus", "w:road"}),
                            weights)
    figure = content_evidence(_facts({"n:people:9", "w:mayor"}),
                              _facts({"n:people:9", "w:road"}), weights)
    assert word > 0.5 and 0 < figure < word
