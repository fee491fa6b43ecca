"""Sentence segmentation, quantities and quotations: the pieces the comparison is built on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelight.annotations.comparison.numbers import compare_quantities, extract_quantities
from sidelight.annotations.comparison.quotes import find_quotes, word_diff
from sidelight.annotations.comparison.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


# ------------------------------------------------------------------------- sentences


def test_abbreviations_initials_and_decimals_do_not_end_sentences() -> None:
    text = ("Mr. Smith met Dr. Jones in Washington on Monday. The U.S. Senate voted 52 to 48. "
            "J. K. Rowling spoke at 3.5 p.m. sharp. Acme Inc. The firm grew.")
    assert texts(text) == [
        "Mr. Smith met Dr. Jones in Washington on Monday.",
        "The U.S. Senate voted 52 to 48.",
        "J. K. Rowling spoke at 3.5 p.m. sharp.",
        "Acme Inc.",
        "The firm grew.",
    ]


def test_full_stop_inside_quotation_marks_and_attribution_after_a_question() -> None:
    text = '“We will fix it.” She left. "Why?" he asked. ‘Now,’ said Ann. It rained…'
    assert texts(text) == ["“We will fix it.”", "She left.", '"Why?" he asked.',
                           "‘Now,’ said Ann.", "It rained…"]


def test_headings_bullets_and_numbered_items_are_units_of_their_own() -> None:
    text = ("What we know\n\n- Shares fell 7%.\n- Profit rose. Costs too\n"
            "• A third item\n1. First point\n## A heading\nBody text here.")
    got = split_sentences(text)
    assert [s.text for s in got] == [
        "What we know", "Shares fell 7%.", "Profit rose.", "Costs too", "A third item",
        "First point", "A heading", "Body text here.",
    ]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_transcript_speaker_labels_are_kept_out_of_the_sentence() -> None:
    text = "ANCHOR: Good evening. Here is the news.\nQ: Did you know?\nJane Roe: No.\n"
    got = split_sentences(text)
    assert [(s.text, s.speaker) for s in got] == [
        ("Good evening.", "ANCHOR"), ("Here is the news.", "ANCHOR"),
        ("Did you know?", "Q"), ("No.", "Jane Roe"),
    ]


def test_field_labels_are_not_speakers() -> None:
    (s,) = split_sentences("Update: this story was changed.")
    assert s.speaker == "" and s.text == "Update: this story was changed."


def test_glued_paragraphs_and_hard_wrapped_prose() -> None:
    assert texts("the election.Facebook's chief spoke.") == ["the election.",
                                                            "Facebook's chief spoke."]
    wrapped = ("It is a truth universally acknowledged, that a single man in\n"
               "possession of a good fortune, must be in want of a wife. However\n"
               "little known the feelings may be.\n")
    assert texts(wrapped)[0].startswith("It is a truth") and len(texts(wrapped)) == 2
    assert "\n" in texts(wrapped)[0]  # one sentence across the wrapped lines


def test_leading_date_line_is_a_unit_of_its_own() -> None:
    assert texts(" date 2018-03-22 A probe is underway.") == ["date 2018-03-22",
                                                             "A probe is underway."]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\"“”'’:-•#1A")), max_size=120))
def test_sentence_spans_are_ordered_disjoint_and_trimmed(text: str) -> None:
    last = 0
    for s in split_sentences(text):
        assert last <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text == s.text.strip()
        last = s.end


# ------------------------------------------------------------------------- numbers


def one(text: str):  # type: ignore[no-untyped-def]
    (q,) = extract_quantities(text)
    return q


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("shares tumbled around 7 percent", 7, "percent", "about"),
        ("Share are down roughly 9% this week", 9, "percent", "about"),
        ("growth of 3.5 per cent", 3.5, "percent", ""),
        ("he lost $9 billion in wealth", 9e9, "USD", ""),
        ("a fund of nearly $12m for families", 12e6, "USD", "nearly"),
        ("a fine of €5.2bn", 5.2e9, "EUR", ""),
        ("50 million users", 5e7, "user", ""),
        ("more than 50 million Facebook users", 5e7, "user", "over"),
        ("downloaded by 270,000 people", 270_000, "people", ""),
        ("about 2,000 residents", 2000, "people", "about"),
        ("in three months", 3, "month", ""),
        ("rates rose 2 percentage points", 2, "points", ""),
        ("deleted in 2015", 2015, "calendar-year", ""),
    ],
)
def test_quantities_are_normalised(text: str, value: float, unit: str, approx: str) -> None:
    q = one(text)
    assert (q.value, q.unit, q.approx) == (value, unit, approx)
    assert text[q.start : q.end] == q.text


def test_vague_amounts_have_a_range() -> None:
    q = one("net worth has declined by several billion dollars")
    assert q.value is None and q.unit == "USD" and q.approx == "vague"
    assert q.low <= 9e9 <= q.high and q.text == "several billion dollars"
    q = one("millions of users")
    assert q.value is None and q.unit == "user" and q.low >= 1e6


@pytest.mark.parametrize(
    "text",
    ["caught by Channel 4 saying", "on 2018-03-22", "at 10:30", "COVID-19 cases",
     "one of the firms", "several steps", "the 3rd time", "March 22"],
)
def test_things_that_are_not_quantities(text: str) -> None:
    assert extract_quantities(text) == []


def test_relations_between_quantities() -> None:
    assert compare_quantities(one("9%"), one("9 percent")) == "same"
    assert compare_quantities(one("around 7 percent"), one("roughly 9%")) == "conflict"
    assert compare_quantities(one("$9 billion"), one("several billion dollars")) == "vaguer"
    assert compare_quantities(one("50 million users"),
                              one("more than 50 million users")) == "compatible"
    assert compare_quantities(one("about 2,000 people"), one("1,500 people")) == "conflict"


# ------------------------------------------------------------------------- quotes


def test_quotes_straight_curly_and_single_with_speakers() -> None:
    text = ("“We have a responsibility,” Zuckerberg wrote in a post. “We made mistakes.”\n\n"
            'Sandberg put out a separate post: "We know this was a violation of peoples\' '
            'trust." The firm said it would \'step up\' and let users “opt out”. '
            "'It is over,' said Jane Roe. “It was a mistake,” she said. We don't know.")
    got = [(q.text, q.speaker) for q in find_quotes(text)]
    assert got == [
        ("We have a responsibility", "Zuckerberg"),
        ("We made mistakes.", "Zuckerberg"),  # follows his quote in the same paragraph
        ("We know this was a violation of peoples' trust.", "Sandberg"),
        ("step up", ""),
        ("opt out", ""),
        ("It is over", "Jane Roe"),
        ("It was a mistake", "Jane Roe"),  # "she" is the last named speaker
    ]
    for q in find_quotes(text):
        assert text[q.start : q.end] == q.text


def test_apposition_names_the_speaker_and_a_finished_quote_keeps_none_from_after() -> None:
    text = ('He said: "This is bad." The chief executive, Jane Roe, told reporters: '
            "“We will fix it,” she added.")
    got = [(q.text, q.speaker) for q in find_quotes(text)]
    assert got == [("This is bad.", ""), ("We will fix it", "Jane Roe")]


def test_unclosed_quote_ends_at_the_paragraph() -> None:
    text = "“First paragraph of a speech.\n\n“Second paragraph,” he said."
    assert [q.text for q in find_quotes(text)] == ["First paragraph of a speech.",
                                                   "Second paragraph"]


def test_word_diff_shows_what_changed() -> None:
    diff = word_diff("We will not leave until every family is back home",
                     "We are not leaving until every family is home")
    assert [(d.op, d.old, d.new) for d in diff] == [
        ("equal", "We", "We"), ("replace", "will", "are"), ("equal", "not", "not"),
        ("replace", "leave", "leaving"),
        ("equal", "until every family is", "until every family is"),
        ("delete", "back", ""), ("equal", "home", "home"),
    ]


def test_a_unit_is_never_read_past_a_blank_line() -> None:
    # "kills 12" ends a headline: the body's "At least" is not what it counts.
    headline, body = extract_quantities("Flood kills 12\n\nAt least 12 people died.")
    assert (headline.text, headline.unit) == ("12", "people")
    assert body.text == "At least 12 people"
    # A single line break is a hard wrap of one paragraph.
    (wrapped,) = extract_quantities("The flood killed 12\npeople on Monday.")
    assert (wrapped.text, wrapped.unit) == ("12\npeople", "people")


def test_one_figure_rounded_or_in_another_scale_is_not_a_conflict() -> None:
    def rel(x: str, y: str) -> str:
        return compare_quantities(extract_quantities(x)[0], extract_quantities(y)[0])

    assert rel("sales of $7.36 billion", "sales of $7.4bn") == "compatible"
    assert rel("a loss of $318 million", "a loss of $0.32bn") == "compatible"
    assert rel("2.5 million people", "2.46 million people") == "compatible"
    # Written to the same precision, or past the rounding: two figures that differ.
    assert rel("sales of $7.3bn", "sales of $7.4bn") == "conflict"
    assert rel("2.5 million people", "2.4 million people") == "conflict"
    assert rel("inflation of 2.1%", "inflation of 2.2 per cent") == "conflict"
    # A whole number is taken as written.
    assert rel("9,000 acres", "9,300 acres") == "conflict"


def test_amounts_worlds_apart_are_never_one_figure() -> None:
    from sidelight.annotations.comparison.numbers import worlds_apart

    (per_share,) = extract_quantities("earnings of $2.07 a share")
    (revenue,) = extract_quantities("revenue of $3.9bn")
    assert worlds_apart(per_share, revenue)
    # A million written for a billion is a slip a reader should see.
    assert not worlds_apart(*extract_quantities("$3.9 million against $3.9 billion"))


def test_a_bare_weekday_meets_a_date_of_that_weekday() -> None:
    from sidelight.annotations.comparison.quantities import all_quantities

    date = "2026-05-14"   # a Thursday
    (monday,) = all_quantities("The trial will resume on Monday.", date)
    (full,) = all_quantities("The trial resumes on Monday, May 18.", date)
    (friday,) = all_quantities("The trial resumes on Friday, May 15.", date)
    assert compare_quantities(monday, full) == "compatible"
    assert compare_quantities(monday, friday) == "conflict"
