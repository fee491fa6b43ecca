"""Figures that are no count: times of day in time zones, durations such as race times.
Every sentence here is made up for the test."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.numbers import compare_quantities
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.documents import make_text_document

DATE = "2026-06-12"


def _numbers(a: str, b: str) -> list[tuple[str, str, str]]:
    cmp = compare_documents([make_text_document("a.txt", f"Date: {DATE}\n{a}"),
                             make_text_document("b.txt", f"Date: {DATE}\n{b}")])
    return [(n.a.text, n.b.text, n.relation) for d in cmp.differences for n in d.numbers]


def _conflicts(a: str, b: str) -> list[tuple[str, str]]:
    return [(x, y) for x, y, rel in _numbers(a, b) if rel == "conflict"]


def _figures(text: str) -> list[tuple[str, str, float | None]]:
    return [(q.text, q.unit, q.value) for q in all_quantities(text, DATE)]


def _one(text: str, unit: str):  # type: ignore[no-untyped-def]
    (q,) = [q for q in all_quantities(text, DATE) if q.unit == unit]
    return q


BLAST = "The blast at the chemical plant happened at {}, the fire brigade said."


def test_a_time_keeps_its_zone() -> None:
    assert [(q.text, q.zone) for q in all_quantities(
        "Trains stopped at 9:40 a.m. local time (0640 GMT) and ran again at 18:30+02:00, "
        "at 2 pm UTC+1 and at 4 p.m. Eastern Time; et al at 3 pm et al.", DATE)
        if q.unit == "clock"] == [
        ("9:40 a.m. local time", "local"), ("0640 GMT", "GMT"), ("18:30+02:00", "UTC+120"),
        ("2 pm UTC+1", "UTC+60"), ("4 p.m. Eastern Time", "ET"), ("3 pm", "")]
    # A number without a colon is a time only with its zone.
    assert _figures("Shares rose 0640 points.") == [("0640 points", "points", 640.0)]


def test_times_in_two_known_zones_are_compared_in_utc() -> None:
    gmt = _one("at 14:00 GMT", "clock")
    assert compare_quantities(gmt, _one("at 3 p.m. CET", "clock")) == "same"
    assert compare_quantities(gmt, _one("at 4 p.m. CET", "clock")) == "conflict"
    assert compare_quantities(_one("at 23:30 GMT", "clock"),
                              _one("at 1:30 a.m. CEST", "clock")) == "same"
    # "ET" is five hours behind in winter and four in summer: either may be meant.
    assert compare_quantities(gmt, _one("at 10 a.m. ET", "clock")) == "same"
    assert compare_quantities(gmt, _one("at 9 a.m. ET", "clock")) == "same"
    assert compare_quantities(gmt, _one("at 11 a.m. ET", "clock")) == "conflict"
    assert compare_quantities(gmt, _one("at about 16:00+02:00", "clock")) == "compatible"


def test_a_local_time_and_a_gmt_time_of_one_event_are_no_difference() -> None:
    assert _conflicts(BLAST.format("9:40 a.m. local time"), BLAST.format("06:40 GMT")) == []
    assert _conflicts(BLAST.format("9:40 a.m."), BLAST.format("0640 UTC")) == []
    assert _conflicts(BLAST.format("9:40 a.m. local time"), BLAST.format("9:40 a.m. CET")) \
        == []
    # Both local, or a bare time beside the regional zone a report names: one zone.
    assert _conflicts(BLAST.format("9:40 a.m."), BLAST.format("10:15 a.m. local time")) == [
        ("9:40 a.m.", "10:15 a.m. local time")]
    assert _conflicts(BLAST.format("about 4 a.m. CDT"), BLAST.format("around 5 a.m.")) == [
        ("about 4 a.m. CDT", "around 5 a.m.")]
    assert _conflicts(BLAST.format("06:40 GMT"), BLAST.format("07:40 GMT")) == [
        ("06:40 GMT", "07:40 GMT")]


def test_race_times_are_durations() -> None:
    assert _figures("Cheruiyot won in 2:05:12 and Abebe ran the 800m in 1:58.3.") == [
        ("2:05:12", "duration", 7512.0), ("800m", "metre", 800.0),
        ("1:58.3", "duration", 118.3)]
    assert _figures("She finished in 2 hours, 5 minutes and 40 seconds.") == [
        ("2 hours, 5 minutes and 40 seconds", "duration", 7540.0)]
    assert _figures("a time of 27:41 and 31 min 2 s; 2h05m12s") == [
        ("27:41", "duration", 1661.0), ("31 min 2 s", "duration", 1862.0),
        ("2h05m12s", "duration", 7512.0)]
    # A time of day stays one; millions stay millions.
    assert _figures("The race began at 8:30 and 1.5m people watched.") == [
        ("8:30", "clock", 510.0), ("1.5m people", "people", 1_500_000.0)]


def test_a_race_time_is_compared_only_with_a_race_time() -> None:
    a = "Cheruiyot won the Lisbon marathon in 2:05:12 on Sunday, the organisers said."
    b = "Cheruiyot won the Lisbon marathon in 2 hours, 5 minutes and 40 seconds on Sunday."
    assert _conflicts(a, b) == [("2:05:12", "2 hours, 5 minutes and 40 seconds")]
    c = "Cheruiyot won the Lisbon marathon on Sunday by 12 seconds in 2:05:12."
    d = "Cheruiyot won the Lisbon marathon on Sunday in 2 hours, 5 minutes and 12 seconds."
    assert _conflicts(c, d) == []
    e = "Cheruiyot won the Lisbon marathon by 12 seconds on Sunday, the organisers said."
    assert _conflicts(a, e) == []


def test_shares_of_different_things_are_not_set_against_each_other() -> None:
    turnout = "Turnout in the Kestrel Valley referendum was 41%, the electoral office said."
    won = "The Yes side won 58% of the vote in the Kestrel Valley referendum, the office said."
    assert _numbers(turnout, won) == []
    # How far a count has got is no share of the vote.
    counted = "With 92% of ballots counted, Ms Varga led the Kestrel Valley race with 48.1%."
    share = "Ms Varga led the Kestrel Valley race with 46.7% of the vote, the office said."
    assert _conflicts(counted, share) == []
    later = ("Ms Varga had 46.7% of the vote in the Kestrel Valley race, with 95% of ballots "
             "counted.")
    assert _conflicts(counted, later) == [("92%", "95%")]


def test_shares_of_one_thing_are_compared() -> None:
    stock = "Shares of Kestrel Foods fell 7% on Monday after the recall, traders said."
    slid = "Kestrel Foods stock slid 9% on Monday after the recall, traders said."
    assert _conflicts(stock, slid) == [("7%", "9%")]
    # Two nouns for one thing: both kinds of personnel.
    staff = "Kestrel Foods will cut 900 jobs, or 6 percent of its workforce, by March."
    force = "Kestrel Foods will cut 900 jobs, about 5% of its staff, by March."
    assert _conflicts(staff, force) == [("6 percent", "about 5%")]
    # The one share of each of two sentences told as one claim, moved in other words.
    moved = "Annual inflation in Kestrel Valley slowed to 1.8% in September, officials said."
    rose = "Consumer prices in Kestrel Valley rose 1.9% in September, officials said."
    assert _conflicts(moved, rose) == [("1.8%", "1.9%")]


def test_number_words_and_weekdays_meet_across_languages() -> None:
    def keys(text: str, lang: str) -> set[tuple[str, float | None]]:
        return {(q.unit, q.value) for q in all_quantities(text, DATE, lang)}

    en = keys("Ms Varga lost $9 billion on Monday and nine billion on Tuesday.", "en")
    de = keys("Frau Varga verlor am Montag neun Milliarden Dollar, am Dienstag neun "
              "Milliarden.", "de")
    fr = keys("Mme Varga a perdu neuf milliards de dollars lundi et neuf milliards mardi.",
              "fr")
    assert ("USD", 9e9) in en & de & fr and ("", 9e9) in en & de & fr
    days = [{v for u, v in k if u == "date"} for k in (en, de, fr)]
    assert days[0] == days[1] == days[2] and len(days[0]) == 2
    assert {u for u, _ in en} == {u for u, _ in de} == {u for u, _ in fr} == {"USD", "", "date"}
    # A weekday before a full date is that date's, once.
    assert [(q.text, q.unit) for q in all_quantities(
        "Am Montag, 19. März 2018, fiel die Aktie.", DATE, "de")] == [
        ("19. März 2018", "date")]


def test_an_ordinal_in_a_set_phrase_is_no_count() -> None:
    assert _figures("Data went to a third party; the second hand and the third world.") == []
    assert _figures("It was the bank's third rate cut.") == [("third rate cut", "#cut", 3.0)]


def test_race_times_agree_to_the_digit_they_are_written_to() -> None:
    a = "Her winning time of 14:32.07 in the 5,000 metres was a championship record."
    b = "She won the 5,000m in 14 minutes 32 seconds, a championship record."
    assert _conflicts(a, b) == []
    c = "The 1500 metres was won by Ngetich in 3:29.4, with Moller second in 3:30.1."
    d = "Ngetich won the 1500 metres in 3:29.61 ahead of Moller in 3:30.12."
    assert _conflicts(c, d) == [("3:29.4", "3:29.61")]


def test_about_allows_what_a_report_would_round_to_that_figure() -> None:
    def rel(a: str, b: str) -> str:
        (x,), (y,) = all_quantities(a, DATE), all_quantities(b, DATE)
        return compare_quantities(x, y)

    assert rel("about 750 flights", "680 flights") == "conflict"
    assert rel("about 750 flights", "740 flights") == "compatible"
    assert rel("nearly 40 miners", "37 miners") == "conflict"
    assert rel("nearly 40 miners", "39 miners") == "compatible"


def test_numbers_joined_to_their_noun_and_ages_after_names() -> None:
    assert _figures("After a six-week trial, the 500-bed centre and a 23-year-old man; "
                    "two-thirds of voters, a one-off, the 3-2 vote.") == [
        ("six-week", "week", 6.0), ("500-bed", "bed", 500.0), ("23-year-old", "age", 23.0),
        ("two-thirds", "percent", 66.667)]
    assert _figures("Ana Ruiz, 21, and Tom Lee, 23, were hurt; in Paris, 2019, it rained.") == [
        ("21", "age", 21.0), ("23", "age", 23.0), ("2019", "calendar-year", 2019.0)]
    a = "The jury in Kestrel gave its verdict after a six-week trial, Ana Ruiz, 21, said."
    b = "The jury in Kestrel gave its verdict after a seven-week trial, Ana Ruiz, 22, said."
    assert _conflicts(a, b) == [("six-week", "seven-week"), ("21", "22")]
    c = "The 400-bed isolation centre in Kestrel opened on Monday, officials said."
    d = "The isolation centre in Kestrel, with 500 beds, opened on Monday, officials said."
    assert _conflicts(c, d) == [("400-bed", "500 beds")]


def test_what_a_count_counts_after_a_participle_or_as_others() -> None:
    assert _figures("With all 214 voting places counted; 12 remaining hostages.") == [
        ("214 voting places", "place", 214.0), ("12 remaining hostages", "hostage", 12.0)]
    assert _figures("Five other people were injured. Six others were hurt. 9 dead.") == [
        ("Five other people", "people", 5.0), ("Six others", "people", 6.0),
        ("9 dead", "people", 9.0)]
    a = "With all 214 voting places counted in Kestrel, Ms Varga had 61,000 votes."
    b = "With all 212 voting places reporting in Kestrel, Ms Varga had 61,000 votes."
    assert _conflicts(a, b) == [("214 voting places", "212 voting places")]
    c = "Five other people were injured in the fall at the Kestrel site, police said."
    d = "Six others were hurt in the fall at the Kestrel site, police said."
    assert _conflicts(c, d) == [("Five other people", "Six others")]


def test_the_figures_table_keeps_times_in_two_zones_apart() -> None:
    cmp = compare_documents([
        make_text_document("a.txt", f"Date: {DATE}\n" + BLAST.format("06:40 GMT")),
        make_text_document("b.txt", f"Date: {DATE}\n" + BLAST.format("06:40"))])
    assert sorted((r.unit, r.counts) for r in cmp.figure_rows) == [
        ("clock", (0, 1)), ("clock GMT", (1, 0))]


def test_a_count_named_before_it() -> None:
    assert _figures("The toll rose to 71, with the number of confirmed cases now at 2,016.") \
        == [("71", "people", 71.0), ("2,016", "case", 2016.0)]


def test_the_one_count_of_a_thing_each_report_gives_is_compared() -> None:
    a = ("Ferries across the Kestrel strait were cancelled on Monday after the gale. "
         "Around 4,200 passengers were affected, the operator said.")
    b = ("Gales shut the Kestrel strait on Monday. An estimated {} passengers had their "
         "crossings disrupted.")
    assert _conflicts(a, b.format("5,100")) == [
        ("Around 4,200 passengers", "An estimated 5,100 passengers")]
    # Far apart, or a measure ("4,200 km"): not one figure told twice.
    from sidelight.annotations.comparison.figure_pairs import _near

    def near(x: str, y: str) -> bool:
        (qx,), (qy,) = all_quantities(x, DATE), all_quantities(y, DATE)
        return _near(qx, qy)

    assert near("4,200 passengers", "5,100 passengers")
    assert not near("4,200 passengers", "9,000 passengers")
    assert not near("4,200 km", "5,100 km")


def test_a_time_written_with_a_dot() -> None:
    assert [(q.text, q.value, q.zone) for q in all_quantities(
        "It struck at 3.30pm BST (1430 GMT) and again at 10.15 a.m.", DATE)] == [
        ("3.30pm BST", 930.0, "BST"), ("1430 GMT", 870.0, "GMT"), ("10.15 a.m.", 615.0, "")]
    assert _conflicts(BLAST.format("3.30pm BST"), BLAST.format("14:30 GMT")) == []


def test_just_over_a_share_is_close_above_it() -> None:
    (third,) = all_quantities("Just over a third of voters cast a ballot.", DATE)
    assert (third.approx, round(third.value or 0, 1)) == ("just over", 33.3)
    (forty,) = all_quantities("She took 40.7%.", DATE)
    (thirty_five,) = all_quantities("Turnout was 35%.", DATE)
    assert compare_quantities(third, forty) == "conflict"
    assert compare_quantities(third, thirty_five) == "compatible"


def test_another_subjects_figure_settles_nothing() -> None:
    from dataclasses import replace

    from sidelight.annotations.comparison.features import sentence_facts
    from sidelight.annotations.comparison.figure_pairs import _unsettled
    from sidelight.annotations.comparison.sentences import split_sentences

    text = "Varga had 47.1 per cent."
    (other,) = sentence_facts(text, split_sentences(text), [], all_quantities(text, DATE), [])
    varga = replace(other, quantities=tuple(replace(q, subjects=frozenset({"varga"}))
                                            for q in other.quantities))
    (mine,) = all_quantities("Lund took 40.7%.", DATE)
    (theirs,) = all_quantities("Lund is on 40.9 per cent.", DATE)
    lund = replace(mine, subjects=frozenset({"lund"}))
    assert _unsettled([(0, lund)], [(5, theirs)], {0: {0}}, [varga]) == [(0, lund)]
    same = replace(mine, subjects=frozenset({"varga"}))
    assert _unsettled([(0, same)], [(5, theirs)], {0: {0}}, [varga]) == []
