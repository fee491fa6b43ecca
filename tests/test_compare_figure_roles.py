"""Figures set against each other by the part they play in their sentences: of two dates
in one sentence, the one that plays the other report's date's part. Every sentence here is
made up for the test."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.features import sentence_facts
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.documents import make_text_document

DATE = "2026-03-11"


def _conflicts(a: str, b: str) -> list[tuple[str, str]]:
    cmp = compare_documents([make_text_document("a.txt", f"Date: {DATE}\n{a}"),
                             make_text_document("b.txt", f"Date: {DATE}\n{b}")])
    return [(n.a.text, n.b.text) for d in cmp.differences for n in d.numbers
            if n.relation == "conflict"]


def _roles(text: str) -> dict[str, str]:
    (f,) = sentence_facts(text, split_sentences(text), [], all_quantities(text, DATE), [])
    return {q.text: q.role for q in f.quantities if q.unit in ("date", "calendar-year")}


def test_the_word_before_a_date_says_its_part() -> None:
    assert _roles("The bridge, shut on Monday, will stay closed until April 2.") == {
        "Monday": "at", "April 2": "end"}
    assert _roles("The strike has run since March 2 and is extended to March 20.") == {
        "March 2": "start", "March 20": "end"}
    assert _roles("March 20 will be the last day of the sale.") == {"March 20": ""}


def test_of_two_dates_the_one_of_the_same_part_is_compared() -> None:
    a = "The council has delayed the reopening of the harbour bridge by a week, to March 20."
    b = ("The harbour bridge, which was due to reopen on Friday, will remain shut until "
         "March 27, the council said.")
    assert _conflicts(a, b) == [("March 20", "March 27")]


def test_two_dates_of_other_parts_are_not_compared() -> None:
    # A start against an end, a day of the event against a deadline: no claim told twice.
    a = "The harbour bridge has been shut since March 2, the council said."
    b = ("The harbour bridge, which was shut on Friday, will remain shut until March 27, "
         "the council said.")
    assert _conflicts(a, b) == []
    # Two dates of one part on a side: which is meant is a guess.
    c = "The harbour bridge will stay shut until March 20 and the ferry until March 24."
    d = "The harbour bridge will remain shut until March 27, the council said."
    assert [x for x in _conflicts(c, d) if "March 24" in x] == []
