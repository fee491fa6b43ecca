"""What a figure is about, so that it meets only a figure about the same thing: the date of
a dateline or of a source speaking is no figure of the claim, and the part of a day is how a
date is written, not the event it dates. Every sentence here is made up for the test."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.attribution import told_on
from sidelight.annotations.comparison.features import SentenceFacts, sentence_facts
from sidelight.annotations.comparison.figure_pairs import figure_pairs
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.dateline import dateline_span
from sidelight.annotations.documents import make_text_document

DATE = "2026-06-12"  # a Friday


def _conflicts(a: str, b: str) -> list[tuple[str, str]]:
    cmp = compare_documents([make_text_document("a.txt", f"Date: {DATE}\n{a}"),
                             make_text_document("b.txt", f"Date: {DATE}\n{b}")])
    return [(n.a.text, n.b.text) for d in cmp.differences for n in d.numbers
            if n.relation == "conflict"]


def test_a_dateline_date_is_the_reports_own_not_a_figure() -> None:
    wire = "OSLO, June 12 (Agency) - The strike at the smelter began on June 2, the union said."
    assert dateline_span(wire) == (6, 13)
    dates = [q.text for q in all_quantities(wire, DATE) if q.unit == "date"]
    assert dates == ["June 2"]
    # A date on a line of its own at the top is the report's date too.
    top = "Smelter strike goes on\n\nFri., June 12, 2026\n\nThe strike began on June 2."
    assert [q.text for q in all_quantities(top, DATE) if q.unit == "date"] == ["June 2"]
    # The same date in the body is a figure.
    body = "The walkout began on June 12 at the smelter in Oslo."
    assert [q.text for q in all_quantities(body, DATE) if q.unit == "date"] == ["June 12"]
    other = ("Smelter strike enters second week\n\nWorkers at the Oslo smelter walked out "
             "on June 3 over pay, the union says.")
    found = _conflicts("Smelter strike\n\n" + wire, other)
    assert ("June 12", "June 3") not in found and ("June 2", "June 3") in found


def test_the_day_a_source_spoke_is_not_the_day_of_the_claim() -> None:
    s = "The dam burst, officials told a news conference on Thursday, as rain kept falling."
    assert told_on(s, s.index("Thursday"))
    assert told_on("The ministry said late Tuesday that", len("The ministry said late "))
    # A date the claim itself gives, after a speech verb and its words.
    t = "She said the dam burst on Thursday."
    assert not told_on(t, t.index("Thursday"))
    facts = sentence_facts(s, split_sentences(s), [], all_quantities(s, DATE), [])
    assert [q.unit for f in facts for q in f.quantities] == []
    a = ("Two villages were flooded when the dam burst, officials told a news conference on "
         "Thursday, as rain kept falling over the valley.")
    b = "The dam burst on Tuesday and flooded two villages in the valley."
    assert _conflicts(a, b) == []


def test_the_part_of_a_day_does_not_make_two_dates_one_event() -> None:
    a = "A cargo ship ran aground off the cape on Monday night, stranding twelve crew."
    b = "The Nordlys departed Tromso harbour on Tuesday night, June 9, bound for Bergen."

    def facts(t: str) -> list[SentenceFacts]:
        return sentence_facts(t, split_sentences(t), [], all_quantities(t, DATE), [])

    # Running aground and departing share only "night", which belongs to both dates.
    assert figure_pairs(facts(a), facts(b), [], lambda i, j: 0.3) == []
    c = "The Nordlys left the port of Tromso on Monday night, bound for Bergen."
    assert [(p.contrast.a.text, p.contrast.b.text)
            for p in figure_pairs(facts(c), facts(b), [], lambda i, j: 0.3)] == [
        ("Monday", "June 9")]


def _standing(text: str) -> list[tuple[str, list[str], list[str]]]:
    from sidelight.annotations.entities import recognize_many

    ents = recognize_many([text])[0]
    facts = sentence_facts(text, split_sentences(text), ents, all_quantities(text, DATE), [])
    return [(q.text, sorted(q.subjects), sorted(q.standing)) for f in facts
            for q in f.quantities]


def test_two_people_s_figures_are_never_one_figure_told_differently() -> None:
    a = "Rachel Dumont, the centrist, won 18,240 votes in the run-off in Lyon."
    b = "Counting in the Lyon run-off is over: Paul Garnier won 16,900 votes."
    assert _standing(a)[0][1] == ["dumont", "rachel"]
    assert _conflicts(a, b) == []
    # The same candidate named in part in the other report: one figure, told differently.
    c = "Counting in the Lyon run-off is over: Dumont won 17,900 votes."
    assert _conflicts(a, c) == [("18,240 votes", "17,900 votes")]
    # Who only told the figure is not whose it is.
    d = "Counting in the Lyon run-off is over: Paul Garnier said the winner had 17,900 votes."
    assert _standing(d)[0][1] == []


def test_an_expected_or_adjusted_figure_is_not_the_figure_reported() -> None:
    assert [s for _, _, s in _standing(
        "Profit was $2.10 a share, against expectations of $2.25. "
        "Sales rose to $9.1 billion, above the $8.8 billion analysts had forecast. "
        "On an underlying basis, profit was $2.40 a share. "
        "The results are expected on June 30.")] == [
        [], ["expected"], [], ["expected"], ["adjusted"], []]
    a = "Harlow Foods made a profit of $2.10 a share in the first half, the company said."
    b = ("Excluding one-off costs, Harlow Foods earned $2.40 a share in the first half, "
         "against expectations of $2.25.")
    assert _conflicts(a, b) == []
    c = ("Excluding one-off costs, Harlow Foods earned $2.45 a share in the first half, "
         "against expectations of $2.20.")
    assert sorted(_conflicts(b, c)) == [("$2.25", "$2.20"), ("$2.40", "$2.45")]
