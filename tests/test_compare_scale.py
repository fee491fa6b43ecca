"""Comparing long documents: what would grow faster than the text is bounded, and the
marks stay those of the unbounded comparison."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.alignment import REPEATS_ALL, nearest_repeat
from sidelight.annotations.comparison.compare import _quote_matches
from sidelight.annotations.comparison.quotes import find_quotes
from sidelight.annotations.documents import make_text_document

_LINE = "Subscribers can read every story of the harbour series online."
_TOPICS = ("ferry", "crane", "dock", "pier", "tug", "barge", "quay", "berth", "buoy",
           "lock", "sluice", "jetty", "wharf", "mooring", "slipway", "dredger")


def _story(n: int, tag: str) -> str:
    """``n`` short paragraphs of different claims, each followed by the same recurring
    line."""
    out = []
    for k in range(n):
        topic = _TOPICS[k % len(_TOPICS)]
        out.append(f"The {topic} number {k + 1} of the {tag} harbour was inspected by "
                   f"{topic} engineers on day {k + 3}. {_LINE}")
    return "\n\n".join(out)


def test_a_line_repeated_in_both_documents_pairs_each_repetition_once_nearby() -> None:
    n = 12  # 12 x 12 repetitions: more pairs than REPEATS_ALL
    assert n * n > REPEATS_ALL
    a = make_text_document("/t/a.txt", _story(n, "north"))
    b = make_text_document("/t/b.txt", _story(n, "north"))
    c = compare_documents([a, b], entities=[[], []])
    repeated = [s for s in c.sentences[0] if s.text == _LINE]
    assert len(repeated) == n
    for s in repeated:
        assert s.kind == "same"
        # Each repetition is told once, at the same place of the other document, not at
        # all twelve: the pairs grow with the repetitions, not with their product.
        assert len(s.counterparts) == 1
        there = c.sentences[1][s.counterparts[0].first]
        assert there.text == _LINE
        assert s.counterparts[0].first == s.index
    assert len(c.passages) <= 3 * n


def test_a_line_repeated_a_few_times_is_paired_with_each_repetition() -> None:
    a = make_text_document("/t/a.txt", _story(3, "south"))
    b = make_text_document("/t/b.txt", _story(3, "south"))
    c = compare_documents([a, b], entities=[[], []])
    repeated = [s for s in c.sentences[0] if s.text == _LINE]
    assert len(repeated) == 3
    assert all(len(s.counterparts) == 3 for s in repeated)


def test_nearest_repeat_is_the_one_at_the_nearest_relative_place() -> None:
    # Sentence 50 of 100 against repetitions at 10, 48 and 90 of 200: 100 is the place.
    assert nearest_repeat(50, 100, [10, 48, 90], 200) == [90]
    assert nearest_repeat(50, 100, [10, 99, 101], 200) == [99]  # as near: the earlier
    assert nearest_repeat(0, 100, [5, 60], 200) == [5]
    assert nearest_repeat(99, 100, [5, 60], 200) == [60]


def test_quotations_sharing_common_words_are_matched_through_their_own() -> None:
    # Every quotation shares "harbour" and "council"; each also has words of its own.
    quoted = " ".join(f'"The harbour council will repair the {t} before winter," she said.'
                      for t in _TOPICS * 5)
    again = " ".join(f'"The harbour council must repair the {t} quickly," he said.'
                     for t in _TOPICS[:4])
    qa, qb = find_quotes(again), find_quotes(quoted)
    matches = _quote_matches([qa, qb])
    # Found through each quotation's own word, not through the words all of them share.
    assert len(matches) == 4
    for m in matches:
        topic = next(t for t in _TOPICS if f" {t} " in m.a.text)
        assert f" {topic} " in m.b.text
