"""One figure told differently by two reports, found although their wordings differ: a
hedged time against an exact one, a time named far from its event. Every sentence here is
made up for the test."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.contrast import about_one_thing
from sidelight.annotations.comparison.features import sentence_facts
from sidelight.annotations.comparison.numbers import compare_quantities
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.comparison.when import clock_range
from sidelight.annotations.documents import make_text_document

DATE = "2026-06-12"


def _conflicts(a: str, b: str) -> list[tuple[str, str]]:
    cmp = compare_documents([make_text_document("a.txt", f"Date: {DATE}\n{a}"),
                             make_text_document("b.txt", f"Date: {DATE}\n{b}")])
    return [(n.a.text, n.b.text) for d in cmp.differences for n in d.numbers
            if n.relation == "conflict"]


def _time(text: str):  # type: ignore[no-untyped-def]
    (q,) = [q for q in all_quantities(text, DATE) if q.unit == "clock"]
    return q


def test_about_widens_a_time_by_the_step_it_is_rounded_to() -> None:
    assert clock_range(_time("at about 4 p.m.")) == (940, 980)
    assert clock_range(_time("at about 16:30")) == (980, 1000)
    assert clock_range(_time("at around 9:15 a.m.")) == (550, 560)
    assert compare_quantities(_time("at 4:25 p.m."), _time("at about 16:30")) == "compatible"
    assert compare_quantities(_time("at 4:15 p.m."), _time("at about 16:30")) == "conflict"
    assert compare_quantities(_time("at 3:45 p.m."), _time("at about 4 p.m.")) == "compatible"


def test_a_time_is_set_against_the_time_of_the_event_its_sentence_names() -> None:
    a = ("Eleven workers were in the tunnel when the collapse happened at 4:15 p.m., "
         "shortly before a change of shift, the contractor said.")
    b = ("The collapse, which engineers blamed on a failed support beam and heavy rain, "
         "occurred at about 16:30 local time on Thursday.")
    assert ("4:15 p.m.", "about 16:30 local time") in _conflicts(a, b)
    # What the time is of: the event named at the head of its sentence, however far.
    (fb,) = sentence_facts(b, split_sentences(b), [], all_quantities(b, DATE), [])
    (fa,) = sentence_facts(a, split_sentences(a), [], all_quantities(a, DATE), [])
    ta, tb = (next(q for q in f.quantities if q.unit == "clock") for f in (fa, fb))
    assert about_one_thing(ta, tb) and "collaps" in tb.context


def test_one_count_told_with_two_nouns_in_one_claim() -> None:
    a = "The blizzard cut power to about 62,000 customers across the county overnight."
    b = "Overnight the blizzard cut power to roughly 75,000 homes and businesses in the county."
    assert _conflicts(a, b) == [("about 62,000 customers", "roughly 75,000 homes")]
    c = "The flood killed at least 14 farmers in the valley, the governor said."
    d = "At least 19 people were killed in the valley by the flood, the governor said."
    assert _conflicts(c, d) == [("at least 14 farmers", "At least 19 people")]
    # Different outcomes, a measure, a vague amount: no count told twice.
    e = "At least 19 people were rescued in the valley after the flood, the governor said."
    assert _conflicts(c, e) == []
    f = "The flood in the valley covered about 40 km of road, the governor said."
    g = "The flood in the valley covered dozens of villages, the governor said."
    assert _conflicts(f, g) == []
    assert _conflicts(c, f) == []


def test_a_count_counts_the_head_of_its_noun_phrase() -> None:
    def units(text: str) -> list[tuple[str, str]]:
        return [(q.text, q.unit) for q in all_quantities(text, DATE)]

    assert units("It is recalling 84,000 sport utility vehicles.") == [
        ("84,000 sport utility vehicles", "vehicle")]
    assert units("It is recalling 91,000 Kestrel SUVs built in May.") == [
        ("91,000 Kestrel SUVs", "suv")]
    assert units("Some 14 MPs voted against.") == [("Some 14 MPs", "member")]


def test_counts_far_apart_with_two_nouns_are_two_counts() -> None:
    a = "In the capital, health workers recorded 214 new infections on Monday."
    b = "In the capital, health workers opened 3 new clinics on Monday."
    assert _conflicts(a, b) == []


def test_two_kinds_of_one_thing_are_two_counts() -> None:
    # Sheep and goats: WordNet gives them as two kinds of one animal.
    a = "The flood drowned about 400 sheep across the valley overnight."
    b = "The flood drowned about 450 goats across the valley overnight."
    assert _conflicts(a, b) == []
