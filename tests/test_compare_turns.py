"""A transcript turn is one unit of what a speaker said: the rest of an answer joins the
claim its first sentence tells, never a figure conflict of its own."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.features import sentence_facts
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.comparison.turns import one_turn, turn_pairs
from sidelight.annotations.documents import make_text_document

BRIEFING = ("Port briefing, March 3\n\n"
            "REPORTER: What happened overnight?\n\n"
            "INES BERG: The storm tore away a section of the pier. We are keeping the north "
            "quay shut until Friday.\n\n"
            "REPORTER: Will the ferries run?\n\n"
            "INES BERG: The ferry to Skarvik will sail from the south quay instead. "
            "{rest}\n")
REPORT = ("Storm shuts Narvik quay\n\n"
          "The north quay in Narvik will remain closed until Friday after the storm ripped "
          "off part of the pier, harbour master Ines Berg said on Tuesday. Ferries to Skarvik "
          "will leave from the south quay, and travellers were told to plan for delays of "
          "{delay}.\n")


def _compare(rest: str, delay: str = "an hour"):  # type: ignore[no-untyped-def]
    return compare_documents([make_text_document("/t.txt", BRIEFING.format(rest=rest)),
                              make_text_document("/r.txt", REPORT.format(delay=delay))])


def _sentence(c, words: str):  # type: ignore[no-untyped-def]
    return next(s for s in c.sentences[0] if words in s.text)


def test_the_rest_of_an_answer_joins_the_claim_its_turn_tells() -> None:
    c = _compare("Passengers should allow an extra hour.")
    rest = _sentence(c, "Passengers should")
    ferry = _sentence(c, "The ferry to Skarvik")
    assert rest.kind != "unique"
    assert rest.counterpart_in(1) == ferry.counterpart_in(1) or \
        rest.counterpart_in(1).first == ferry.counterpart_in(1).first


def test_the_rest_of_an_answer_sharing_nothing_stays_unique() -> None:
    c = _compare("The harbour cafe is also closing for the winter.")
    cafe = _sentence(c, "The harbour cafe")
    # Joined to nothing; with no name or figure the report lacks, no "+" either.
    assert not cafe.counterparts and cafe.kind == "unmatched"


def test_a_figure_in_the_rest_of_a_turn_is_not_set_against_the_claim() -> None:
    # The rest of the answer counts those booked on one crossing; the report counts those
    # waiting at the quay: two figures about two things.
    c = _compare("About 40 passengers were booked on the first crossing.",
                 delay="an hour, where 120 passengers waited on Tuesday")
    assert _sentence(c, "About 40 passengers").kind != "unique"
    assert not [d for d in c.differences if "40 passengers" in d.a.text + d.b.text]


def test_one_turn_is_one_label_without_a_line_break() -> None:
    text = BRIEFING.format(rest="Passengers should allow an extra hour.")
    sentences = split_sentences(text)
    facts = sentence_facts(text, sentences, [], [], [])
    index = {s.sentence.text: k for k, s in enumerate(facts)}
    pier, quay = index["The storm tore away a section of the pier."], \
        index["We are keeping the north quay shut until Friday."]
    ferry = index["The ferry to Skarvik will sail from the south quay instead."]
    assert one_turn(facts, text, pier, quay)
    assert not one_turn(facts, text, quay, ferry)  # two answers of one speaker
    assert not one_turn(facts, text, 0, 1)  # no label
    # Joined only beside an aligned sentence of its turn, and only on enough evidence.
    assert turn_pairs([(pier, 0, 0.5)], (facts, facts), (text, text),
                      lambda i, j: 0.2, 0.08) == [(quay, 0, 0.2)]
    assert turn_pairs([(pier, 0, 0.5)], (facts, facts), (text, text),
                      lambda i, j: 0.05, 0.08) == []
