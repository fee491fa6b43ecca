"""The evidence behind "+" ("only this source tells it"): a sentence that found no
counterpart is marked only when the other document evidently does not tell it. Each rule on
sentences of its own; names are given by hand so that the rules, not a recogniser, are
tested."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sidelight.annotations.comparison.compare import _claim_sentences
from sidelight.annotations.comparison.features import SentenceFacts, sentence_facts
from sidelight.annotations.comparison.only_here import (
    Gives,
    document_gives,
    only_here,
    tells_claim,
)
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.comparison.quotes import find_quotes


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    label: str
    text: str
    key: str


def _names(text: str, names: dict[str, str]) -> list[_Name]:
    """Every mention of each name (text -> label) in ``text``."""
    out = []
    for name, label in names.items():
        at = text.find(name)
        while at >= 0:
            out.append(_Name(at, at + len(name), label, name, f"{label}:{name.lower()}"))
            at = text.find(name, at + 1)
    return sorted(out, key=lambda e: e.start)


def _read(text: str, names: dict[str, str] | None = None
          ) -> tuple[list[SentenceFacts], Gives]:
    ents = _names(text, names or {})
    qs = all_quantities(text, "2026-05-04")
    facts = sentence_facts(text, _claim_sentences(text), ents, qs, find_quotes(text))
    return facts, document_gives(text, facts, ents, qs)


def _only_here(sentence: str, other: str, names: dict[str, str] | None = None,
               before: str = "The ferry Aurora ran aground off Kessel on Monday. ") -> bool:
    """Whether ``sentence``, told after ``before`` in one report, is evidently not told in
    a report whose text is ``other``."""
    facts, own = _read(before + sentence, names)
    f = next(f for f in facts if f.sentence.text.startswith(sentence[:20]))
    _, gives = _read(other, names)
    return only_here(f, own, [gives])


_OTHER = ("The ferry Aurora ran aground off Kessel on Monday. All 212 passengers were taken "
          "ashore by lifeboat. The coastguard said the weather had been calm. Investigators "
          "will examine the ship's radar next week.")


def test_a_name_the_other_never_writes_is_evidence() -> None:
    names = {"Tomas Brandt": "PERSON", "Aurora": "PRODUCT", "Kessel": "GPE"}
    warned = "Chief engineer Tomas Brandt had warned that the ferry's steering was faulty."
    assert _only_here(warned, _OTHER, names)
    # The other writes his surname (as "Brandt's crew"): he may be the one it means.
    assert not _only_here(warned, _OTHER + " Brandt's crew stayed on board.", names)


def test_doubtful_names_are_no_evidence() -> None:
    # A nationality: the other may write the country instead.
    assert not _only_here("Danish divers checked the hull for damage overnight.",
                          _OTHER + " Divers from Denmark checked the hull.",
                          {"Danish": "NORP", "Denmark": "GPE"})
    # A word capitalised because it starts the sentence, read as a name.
    assert not _only_here("Lifeboats from nearby towns joined the rescue effort.",
                          _OTHER, {"Lifeboats": "ORG"})


def test_a_figure_of_a_kind_the_other_never_gives_is_evidence() -> None:
    assert _only_here("The ship was carrying 48 cars and 9 lorries.", _OTHER)
    # The other gives a count of people: 230 people may be its "212 passengers" told
    # another way, and 212 is near enough to be one figure, however the noun differs.
    assert not _only_here("The ferry had about 230 people on board.", _OTHER)
    # A span of time is told in many ways ("a fortnight", "two weeks").
    assert not _only_here("The harbour will stay shut for two weeks.", _OTHER)


def test_a_year_or_date_counts_only_when_the_other_gives_none() -> None:
    assert _only_here("The ferry was built in 1998.", _OTHER)
    assert not _only_here("Divers will inspect the ferry's hull on Thursday.", _OTHER)


def test_a_rare_name_shared_ties_the_sentence_to_a_claim_of_the_other() -> None:
    names = {"Bergen": "GPE", "Tomas Brandt": "PERSON"}
    # Bergen is named once in the other report: whatever the other words, the two
    # sentences may tell one claim, so Brandt's name is no proof.
    assert not _only_here("Tomas Brandt said the ship would be towed to Bergen.",
                          _OTHER + " A tug will take the ferry to Bergen.", names)


def test_nothing_in_common_is_evidence_but_a_reply_is_no_claim() -> None:
    assert _only_here("Local bakeries donated bread and soup.", _OTHER)
    facts, _ = _read("Thanks. Yes. For more news, follow us on social media. "
                     "Local bakeries donated bread and soup.")
    assert [tells_claim(f) for f in facts] == [False, False, False, True]


def test_against_a_document_that_tells_nothing_every_claim_is_only_here() -> None:
    facts, own = _read("The ferry Aurora ran aground off Kessel on Monday.")
    _, empty = _read("")
    assert only_here(facts[0], own, [empty])


def test_sharing_no_word_is_evidence_only_within_one_language() -> None:
    from dataclasses import replace

    facts, own = _read("The ferry Aurora ran aground off Kessel on Monday. "
                       "Local bakeries donated bread and soup.")
    _, other = _read(_OTHER)
    f = facts[1]
    assert only_here(f, replace(own, language="en"), [replace(other, language="en")])
    # The other report in German shares no English word whatever it tells: no evidence.
    assert not only_here(f, replace(own, language="en"), [replace(other, language="de")])


def test_a_german_report_beside_an_english_one_marks_no_sentence_for_its_words_alone(
        tmp_path: Path) -> None:
    from sidelight.annotations.comparison.compare import compare_documents
    from sidelight.annotations.documents import load_document

    en = tmp_path / "en.txt"
    en.write_text("Harbour reopens\n\nThe harbour at Kessel reopened on Monday after the "
                  "storm. The mayor said the fishing fleet lost four boats.\n",
                  encoding="utf-8")
    de = tmp_path / "de.txt"
    de.write_text("Hafen wieder offen\n\nDer Hafen von Kessel ist seit Montag nach dem Sturm "
                  "wieder geöffnet. Die Fischer sind erleichtert und wollen bald wieder "
                  "hinausfahren, sagte eine Sprecherin der Genossenschaft.\n",
                  encoding="utf-8")
    report = compare_documents([load_document(en), load_document(de)])
    german = report.sentences[1]
    relieved = next(s for s in german if "erleichtert" in s.text)
    # Nothing in it is a name or figure the English report lacks: no "+" for it.
    assert relieved.kind != "unique"


def test_a_person_named_by_a_surname_that_is_a_word_may_be_the_same_person() -> None:
    names = {"Helen Baker": "PERSON", "Aurora": "PRODUCT", "Kessel": "GPE"}
    dredged = "The harbour master, Helen Baker, said the channel would be dredged."
    assert _only_here(dredged, _OTHER, names)
    # "Baker" is a word of the language, but the other report writes it: it may be she.
    assert not _only_here(dredged, _OTHER + " Baker said the channel was silting up.", names)


def test_a_year_the_other_never_gives_is_evidence_unless_a_shared_figure_ties_it() -> None:
    founded = _OTHER + " Its owner was founded in 1971."
    assert _only_here("The ferry was built in 1998.", founded)
    assert not _only_here("The ferry was built in 1971.", founded)
    # A pledge with the other's figure: the year it is due by is a detail of one claim.
    pledge = founded + " The yard will add about 40 berths within four years."
    assert not _only_here("The yard promised 42 new berths by 2030.", pledge)
    assert _only_here("The yard promised 42 new berths by 2030.", founded)


def test_a_figure_in_digits_far_from_every_figure_of_its_unit_is_evidence() -> None:
    fined = _OTHER + " The owner was fined $250,000 last year."
    assert _only_here("The insurer put the repair bill at $3.4 million.", fined)
    assert not _only_here("The insurer put the repair bill at $260,000.", fined)
    # A figure in words of a unit the other gives is as often a manner of speaking.
    halved = _OTHER + " Bookings fell 20% after the accident."
    assert not _only_here("Half of the crew stayed on board overnight.", halved)


def _index(a: str, b: str):  # type: ignore[no-untyped-def]
    from sidelight.annotations.comparison.clauses import ClauseIndex, DocumentClauses
    from sidelight.annotations.comparison.features import feature_weights
    from sidelight.annotations.entities import recognize_many

    texts = [a, b]
    ents = recognize_many(texts)
    qs = [all_quantities(t, "2026-05-04") for t in texts]
    facts = [sentence_facts(t, _claim_sentences(t), e, q, find_quotes(t))
             for t, e, q in zip(texts, ents, qs, strict=True)]
    gives = [document_gives(t, f, e, q) for t, f, e, q in zip(texts, facts, ents, qs, strict=True)]
    weights = feature_weights(facts)
    index = ClauseIndex(facts, weights, [DocumentClauses(f, e, q, weights)
                                         for f, e, q in zip(facts, ents, qs, strict=True)])
    return index, gives


_PYLON_A = ("Pylon collapse cuts power to Fenwick\n\n"
            "A high-voltage pylon collapsed near Fenwick on Tuesday night. "
            "The tower had been inspected in April by the engineering firm Dorrance Kell. "
            "About 9,000 homes lost power. "
            "The mayor, Ines Calloway, opened a shelter at the town sports hall.\n")
_PYLON_B = ("Storm topples pylon\n\n"
            "A power pylon came down near Fenwick late on Tuesday, cutting electricity. "
            "Engineers last looked over the tower in the spring, the operator said. "
            "Some 9,000 households were left in the dark. "
            "The grid operator apologised to customers.\n")


def test_a_sentence_near_a_counterpart_is_no_claim_of_its_source_only() -> None:
    from sidelight.annotations.comparison.alignment import MUTUAL_SHARE, THRESHOLD
    from sidelight.annotations.comparison.only_here import told_here_only

    index, gives = _index(_PYLON_A, _PYLON_B)
    inspected = next(i for i, f in enumerate(index.facts[0]) if "Dorrance" in f.sentence.text)
    mayor = next(i for i, f in enumerate(index.facts[0]) if "Calloway" in f.sentence.text)
    # Both give a name the other never writes...
    assert only_here(index.facts[0][inspected], gives[0], [gives[1]])
    assert only_here(index.facts[0][mayor], gives[0], [gives[1]])
    # ...but had the aligner paired nothing, the inspection still scores as high as a pair
    # it keeps when mutual with "Engineers last looked over the tower": a detail (who
    # inspected it) added to a claim both tell. The mayor's shelter is near nothing.
    near = THRESHOLD * MUTUAL_SHARE
    marked = told_here_only(index, {}, gives, near)
    assert (0, mayor) in marked and (0, inspected) not in marked
    # A near sentence that tells a claim of its own far better (paired, at 0.9) is not
    # this one's counterpart.
    looked = next(j for j, f in enumerate(index.facts[1]) if "looked over" in f.sentence.text)
    better = {(0, 1): [(0, looked, 0.9)]}
    assert (0, inspected) in told_here_only(index, better, gives, near)


def test_a_place_only_a_wire_dateline_gives_is_where_the_report_was_filed() -> None:
    lead = "All 212 passengers of the stranded ferry were taken ashore by lifeboat."
    facts, own = _read("HALVIK, May 4 (Wire) - " + lead, {"HALVIK": "GPE"})
    _, other = _read(_OTHER, {"HALVIK": "GPE"})
    assert not only_here(facts[0], own, [other])
    # The same place in the sentence's own words is a name the other never gives.
    facts, own = _read(lead[:-1] + " at Halvik.", {"Halvik": "GPE"})
    assert only_here(facts[0], own, [other])


def test_a_country_or_region_shared_ties_no_claim() -> None:
    names = {"Norway": "GPE", "Europe": "LOC", "Tomas Brandt": "PERSON"}
    sued = "Tomas Brandt said the ferry line would sue its insurer in Norway."
    # Norway is named once in the other report, in passing: no tie to this claim...
    assert _only_here(sued, _OTHER + " The ferry is registered in Norway.", names)
    assert _only_here("Tomas Brandt said the line's crossings to Europe would resume.",
                      _OTHER + " It is the line's worst accident in Europe.", names)
    # ...where a port named once is (as Bergen is above).
    assert not _only_here("Tomas Brandt said the ship would be towed to Bergen.",
                          _OTHER + " A tug will take the ferry to Bergen.",
                          {**names, "Bergen": "GPE"})


def test_a_pronoun_speaker_named_in_the_other_report_shares_the_quote_with_it() -> None:
    names = {"Helen Okoro": "PERSON", "Okoro": "PERSON"}
    facts, own = _read("The harbour master, Helen Okoro, met the families on Tuesday. "
                       '"Our hearts go out to every grieving family," she said.', names)
    met, grief = facts
    # The other report names her speaking, and may tell what she said in other words:
    # sharing no word with the quotation is then no evidence.
    _, told = _read(_OTHER + " Okoro spoke to reporters at the quay.", names)
    assert not only_here(grief, own, [told], before=met)
    # A report that never names her shares nothing with the quotation.
    _, other = _read(_OTHER, names)
    assert only_here(grief, own, [other], before=met)
