"""Figures set against each other across reports: magnitudes written bare, and sentences
paired for one figure they give differently (``comparison.figure_pairs``). Every sentence
here is made up for the test."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.contrast import number_contrasts
from sidelight.annotations.comparison.features import SentenceFacts, sentence_facts
from sidelight.annotations.comparison.figure_pairs import FLOOR, figure_pairs
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.documents import make_text_document

DATE = "2026-05-02"


def _units(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.unit) for q in all_quantities(text, DATE)]


def test_a_bare_one_decimal_figure_about_a_quake_is_its_magnitude() -> None:
    assert _units("The temblor that shook the valley registered 5.8, the agency said.") == [
        ("5.8", "magnitude")]
    # A kind of earthquake (WordNet) says so too; other bare decimals stay bare.
    assert _units("The tremor measured 4.9.") == [("4.9", "magnitude")]
    assert _units("The index rose 5.8 on the day.") == [("5.8", "")]
    assert _units("The quake lasted 4.5 seconds.") == [("4.5 seconds", "second")]
    assert _units("The quake was 12.5 miles deep.") == [("12.5 miles", "mile")]


def _facts(text: str) -> list[SentenceFacts]:
    return sentence_facts(text, split_sentences(text), [], all_quantities(text, DATE), [])


def _pairs(a: str, b: str, score: float = 0.2,
           aligned: list[tuple[int, int, float]] | None = None) -> list[tuple[str, str]]:
    found = figure_pairs(_facts(a), _facts(b), aligned or [], lambda i, j: score)
    return [(p.contrast.a.text, p.contrast.b.text) for p in found]


RIVER_A = ("Volunteers filled sandbags all night. The river crested at 6.2 metres near the "
           "old stone bridge, the mayor told reporters.")
RIVER_B = ("Schools stayed shut. Water at the old stone bridge peaked at 5.9 metres before "
           "dawn.")


def test_sentences_giving_one_figure_differently_are_paired_for_it() -> None:
    assert _pairs(RIVER_A, RIVER_B) == [("6.2 metres", "5.9 metres")]
    # The sentences must share something besides the figure.
    assert _pairs(RIVER_A, RIVER_B, score=FLOOR / 2) == []
    # Already compared: a sentence aligned with one that gives metres.
    assert _pairs(RIVER_A, RIVER_B, aligned=[(1, 1, 0.5)]) == []
    # Sentences already aligned are compared as such, even through nouns for one thing.
    cut, reduction = ("The bank made its third rate cut.",
                      "The bank made its second rate reduction.")
    assert len(_pairs(cut, reduction)) == 1
    assert _pairs(cut, reduction, aligned=[(0, 0, 0.5)]) == []
    # The other report agrees with the figure somewhere: no conflict to show.
    assert _pairs(RIVER_A, RIVER_B + " Earlier it stood at 6.2 metres.") == []


def test_figures_about_different_things_are_never_paired() -> None:
    # No word around the two figures in common.
    assert _pairs("The river crested at 6.2 metres near the old bridge.",
                  "Waves off the cape reached 5.9 metres during the storm.") == []
    # A sentence naming a year tells of another time.
    assert _pairs("The river crested at 6.2 metres near the old bridge.",
                  "In 1998 the river crested at 7.4 metres near the old bridge.") == []
    # Years themselves date different events.
    assert _pairs("Prices rose at the fastest pace since 2019.",
                  "Prices are expected to rise again in 2027.") == []


def test_the_one_figure_of_a_kind_of_thing_in_each_report_is_one_figure() -> None:
    # Each report measures the flooded farmland once, in other words.
    a = "Flood water now covers about 3,000 hectares of farmland west of the town."
    b = "The county said 4,200 hectares were under water by noon."
    assert _pairs(a, b) == [("about 3,000 hectares", "4,200 hectares")]
    # Not counts of people something happened to: the dead of one village are not the dead
    # of the region, whatever words they share.
    assert _pairs("Two boats capsized on the lake, drowning 14 fishermen.",
                  "Across the province 31 fishermen have died this year.") == []


def test_a_pair_for_one_figure_is_a_passage_of_its_own_that_differs() -> None:
    # The bridge sentence of the second report tells the sandbags claim in its words and
    # the crest in its figure; only the figure ties it to the first report's crest.
    a = make_text_document("a.txt", (
        "Date: 2026-05-02\nFlooding in Marlow\n\nThe Marlow river burst its banks on Friday "
        "and flooded the lower town. Volunteers filled sandbags all night by the quay. "
        "Hundreds of homes lost power. The river crested at 6.2 metres near the old stone "
        "bridge on Friday evening, the mayor told reporters.\n"))
    b = make_text_document("b.txt", (
        "Date: 2026-05-02\nMarlow floods\n\nThe river Marlow burst its banks on Friday, "
        "flooding the lower town. At the bridge, where volunteers filled sandbags all night, "
        "a gauge read 5.9 metres. Hundreds of homes were left without power.\n"))
    c = compare_documents([a, b])
    conflicts = [(n.a.text, n.b.text) for d in c.differences for n in d.numbers
                 if n.relation == "conflict"]
    assert conflicts == [("6.2 metres", "5.9 metres")]
    crest = next(p for p in c.passages if any("6.2 metres" in s.text for s in p.sides))
    assert crest.kind == "differs" and len(crest.sides) == 2
    assert "5.9 metres" in crest.sides[1].text
    # The claim the words aligned keeps its own passage and kind.
    sandbags = next(p for p in c.passages if any(s.text.startswith("Volunteers")
                                                 for s in p.sides))
    assert sandbags.kind == "similar" and "5.9 metres" in sandbags.sides[1].text
    crest_sentence = next(s for s in c.sentences[0] if "6.2 metres" in s.text)
    assert crest_sentence.kind == "differs" and crest_sentence.counterpart_in(1) is not None


def _values(text: str) -> list[tuple[str, float, str, str]]:
    return [(q.text, q.value or 0.0, q.unit, q.approx) for q in all_quantities(text, DATE)]


def test_compound_number_words_and_dozens() -> None:
    assert _values("Twenty-five pupils and forty two teachers came.") == [
        ("Twenty-five pupils", 25, "pupil", ""), ("forty two teachers", 42, "teacher", "")]
    assert _values("It lists one hundred and twenty farms and two hundred fifty thousand "
                   "sheep.") == [("one hundred and twenty farms", 120, "farm", ""),
                                 ("two hundred fifty thousand sheep", 250_000, "sheep", "")]
    # A dozen is about twelve; "two dozen" is 24, never 2.
    assert _values("A dozen sailors and two dozen gulls and half a dozen boats.") == [
        ("A dozen sailors", 12, "sailor", "about"), ("two dozen gulls", 24, "gull", "about"),
        ("half a dozen boats", 6, "boat", "about")]
    # A number word before a hyphenated word is no compound: ninety flats of one bedroom.
    assert _values("They built ninety one-bedroom flats.") == [
        ("ninety one-bedroom flats", 90, "flat", "")]


def test_amounts_per_period_and_shares_told_as_one_in_n() -> None:
    assert _values("Tuition costs ten thousand a year.") == [
        ("ten thousand a year", 10_000, "per year", "")]
    assert _values("The ferry makes 40 crossings a day.") == [
        ("40 crossings", 40, "crossing", "")]
    assert _values("The hall holds ten thousand.") == [("ten thousand", 10_000, "", "")]
    assert _values("About one in four adults and 1 in 10 children walk.") == [
        ("About one in four", 25, "percent", "about"), ("1 in 10", 10, "percent", "")]
    assert _values("Only one in twenty-five drivers stopped.") == [
        ("one in twenty-five", 4, "percent", "")]


def test_figures_in_words_are_compared_with_figures_in_digits() -> None:
    def contrasts(a: str, b: str) -> list[tuple[str, str, str]]:
        fa, fb = _facts(a)[0], _facts(b)[0]
        return [(n.a.text, n.b.text, n.relation)
                for n in number_contrasts(fa.quantities, fb.quantities)]

    assert contrasts("Tuition costs ten thousand a year.",
                     "Tuition costs twelve thousand a year.") == [
        ("ten thousand a year", "twelve thousand a year", "conflict")]
    assert contrasts("A dozen climbers were rescued.", "Fifteen climbers were rescued.") == [
        ("A dozen climbers", "Fifteen climbers", "conflict")]
    assert contrasts("Twenty-five climbers were rescued.", "25 climbers were rescued.") == []
    assert contrasts("One in five adults smokes.", "A fifth of adults smoke.") == []


def test_ordinals_count_occurrences_of_their_noun() -> None:
    assert _values("It is the league's third straight win and the club's 4th title.") == [
        ("third straight win", 3, "#win", ""), ("4th title", 4, "#title", "")]
    assert _values("Bread rose for the fourth consecutive monthly rise.") == [
        ("fourth consecutive monthly rise", 4, "#rise", "")]
    # Names, compounds, "a second" (another) and dates are no count.
    assert _values("Fifth Avenue, the Second World War, the third-largest port, a second "
                   "look, the second quarter.") == []
    assert [u for _, _, u, _ in _values("On May 3rd the ship sailed.")] == ["date"]


def test_ordinals_of_one_thing_told_differently_conflict() -> None:
    fa = _facts("The mayor said it was the town's third evacuation this decade.")[0]
    fb = _facts("The mayor called it the town's fourth evacuation of the decade.")[0]
    assert [(n.a.text, n.b.text, n.relation) for n in number_contrasts(
        fa.quantities, fb.quantities)] == [("third evacuation", "fourth evacuation", "conflict")]
    # A noun for the same thing ("cut" / "reduction") meets; a count never meets an ordinal.
    fa = _facts("The bank made its third rate cut of the year.")[0]
    fb = _facts("The bank announced its second rate reduction of the year.")[0]
    assert [n.relation for n in number_contrasts(fa.quantities, fb.quantities)] == [
        "conflict"]
    fb = _facts("The bank made three cuts this year.")[0]
    assert number_contrasts(fa.quantities, fb.quantities) == []


def test_a_count_says_its_own_outcome() -> None:
    # "9 dead" counts people (not "deads"), and each figure of "9 dead and 4 missing" has
    # its own outcome, not its neighbour's.
    (text,) = [f for f in _facts("The avalanche left 9 dead and 4 missing on the pass.")]
    got = [(q.text, q.unit, sorted(w for w in q.context if w.startswith("o:")))
           for q in text.quantities]
    assert got == [("9 dead", "people", ["o:dead"]), ("4 missing", "people", ["o:missing"])]
    fa = _facts("The avalanche left 9 dead and 4 missing on the pass.")[0]
    fb = _facts("Six people died in the avalanche on the pass.")[0]
    assert [(n.a.text, n.b.text, n.relation) for n in number_contrasts(
        fa.quantities, fb.quantities)] == [("9 dead", "Six people", "conflict")]
