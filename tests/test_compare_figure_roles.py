"""Figures set against each other by the part they play in their sentences: of two dates
in one sentence, the one that plays the other report's date's part. Every sentence here is
made up for the test."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.features import SentenceFacts, sentence_facts
from sidelight.annotations.comparison.figure_pairs import figure_pairs
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.documents import make_text_document

DATE = "2026-03-11"


def _conflicts(a: str, b: str) -> list[tuple[str, str]]:
    cmp = compare_documents([make_text_document("a.txt", f"Date: {DATE}\n{a}"),
                             make_text_document("b.txt", f"Date: {DATE}\n{b}")])
    return [(n.a.text, n.b.text) for d in cmp.differences for n in d.numbers
            if n.relation == "conflict"]


def _facts(text: str) -> list[SentenceFacts]:
    return sentence_facts(text, split_sentences(text), [], all_quantities(text, DATE), [])


def _roles(text: str) -> dict[str, str]:
    (f,) = _facts(text)
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


def test_the_years_of_what_is_counted_are_no_time_of_the_claim() -> None:
    assert _roles("Brightline is calling back 135,000 SUVs built between 2021 and 2024.") == {
        "2021": "made", "2024": "made"}
    assert _roles("The plant has made 9,000 vans since 2021.") == {"2021": "start"}


def test_a_count_named_by_its_initials_in_the_other_report() -> None:
    a = ("Brightline Motors is recalling about 120,000 sport utility vehicles in Canada "
         "because a brake line can leak, regulators said on Monday.")
    b = ("Brightline is calling back more than 135,000 Tundra SUVs built between 2021 and "
         "2024 because the brake hose can crack, according to a company filing.")
    assert _conflicts(a, b) == [("about 120,000 sport utility vehicles",
                                 "more than 135,000 Tundra SUVs")]


def test_one_ordinal_of_one_event_each_report_gives() -> None:
    a = ("WELLINGTON, March 11 - The Reserve Bank lowered its official cash rate by a quarter "
         "point to 3.0% on Wednesday, its second cut this year, as growth stalled.")
    b = "It was the bank's third rate reduction of 2026."
    assert _conflicts(a, b) == [("second cut", "third rate reduction")]
    # Sentences the aligner scores low are paired for the one ordinal of an event each
    # report gives, not for an ordinal of a time: "the second time" tells nothing of what.
    c = "Engineers were called to the station on Wednesday for the second time, after a fault."
    d = "Engineers at the station said it was the third time in 2026 that a fault stopped trains."
    assert figure_pairs(_facts(c), _facts(d), [], lambda i, j: 0.0) == []
    e = "The bank cut its rate on Wednesday, its second cut this year, as growth stalled."
    f = "It was the bank's third rate reduction of 2026, as growth stalled."
    assert [(p.contrast.a.text, p.contrast.b.text) for p in figure_pairs(
        _facts(e), _facts(f), [], lambda i, j: 0.0)] == [("second cut", "third rate reduction")]


def test_of_a_total_and_its_part_the_count_near_the_other_reports() -> None:
    a = ("Health Minister Ruth Banda said 2,310 cases had been confirmed in the capital, "
         "186 of them in the past 24 hours.")
    b = "Health Minister Ruth Banda said 205 new infections were confirmed in the capital."
    assert _conflicts(a, b) == [("186 of them", "205 new infections")]
    # Two counts near the other report's one: which of them it tells is a guess.
    c = ("Health Minister Ruth Banda said 190 cases had been confirmed in the capital, "
         "160 of them in the past week.")
    assert _conflicts(c, b) == []


def test_a_year_after_the_reports_is_a_goal() -> None:
    qs = all_quantities("It will build 8,000 homes by 2031, after 2,000 by 2025.", DATE)
    assert {q.text: q.role for q in qs if q.unit == "calendar-year"} == {"2031": "future",
                                                                         "2025": ""}
    assert _roles("It will build 8,000 homes by 2031, after 2,000 by 2025.") == {
        "2031": "future", "2025": "end"}


def test_one_count_named_with_two_nouns_one_same_word_qualifies() -> None:
    a = ("Councillors backed the plan on Tuesday. She has promised to build 8,000 "
         "affordable homes in five years. The vote was close.")
    b = ("The vote was close, councillors said. Lena Ortiz pledged in her victory speech to "
         "deliver 10,000 new affordable units by 2031.")
    assert _conflicts(a, b) == [("8,000 affordable homes", "10,000 new affordable units")]
    # The word qualifies two counts of one report: which of them the other's is, a guess.
    c = ("Councillors backed the plan on Tuesday. She has promised to build 8,000 "
         "affordable homes and 300 affordable shops in five years. The vote was close.")
    assert _conflicts(c, b) == []


def test_a_distance_that_says_where_is_no_distance_covered() -> None:
    a = "Mwangi ran alone for the last 9 kilometres after the pacemakers dropped out."
    b = "Mwangi was on his own from the 33-kilometre mark, after the pacemakers dropped out."
    assert _conflicts(a, b) == []
    c = "Mwangi ran alone for the last 12 kilometres after the pacemakers dropped out."
    assert _conflicts(a, c) == [("9 kilometres", "12 kilometres")]
