"""Alignment of several reports of one (invented) event, and the API the reader uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidelight.annotations.comparison import Comparison, compare_documents
from sidelight.annotations.comparison.features import sentence_facts
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.documents import Document, load_document, make_text_document
from sidelight.annotations.entities import Entity

DATA = Path(__file__).parent / "data" / "compare"


@pytest.fixture(scope="module")
def reports() -> tuple[Document, Document, Document]:
    return (load_document(DATA / "wire.txt"), load_document(DATA / "gazette.md"),
            load_document(DATA / "broadcast.txt"))


@pytest.fixture(scope="module")
def comparison(reports: tuple[Document, ...]) -> Comparison:
    return compare_documents(reports, entities=[[] for _ in reports])


def sentence(c: Comparison, doc: int, words: str):  # type: ignore[no-untyped-def]
    return next(s for s in c.sentences[doc] if words in s.text)


def counterpart_text(c: Comparison, doc: int, words: str, other: int) -> str | None:
    s = sentence(c, doc, words)
    span = c.counterparts(doc, s.start).get(other)
    return None if span is None else c.documents[other].text[span[0] : span[1]]


def test_identical_sentence_is_same(comparison: Comparison) -> None:
    s = sentence(comparison, 0, "Thirty-two cars left the tracks")
    cp = s.counterpart_in(1)
    assert cp is not None and cp.kind == "same" and cp.score == 1.0


def test_differing_figures_make_a_differs_pair_naming_both(comparison: Comparison) -> None:
    diffs = [d for d in comparison.differences if {d.a.doc, d.b.doc} == {0, 1}]
    shares = next(d for d in diffs if "4.2%" in d.a.text + d.b.text)
    (contrast,) = shares.conflicts
    assert {contrast.a.text, contrast.b.text} == {"4.2%", "about 6 percent"}
    evacuated = next(d for d in diffs if "1,500" in d.a.text + d.b.text)
    named = {n.a.text for n in evacuated.conflicts} | {n.b.text for n in evacuated.conflicts}
    # The headline's "about 2,000 evacuated" and the body's "about 2,000 residents" are
    # one figure: either may be the side that differs from the other source's 1,500.
    assert "Some 1,500 people" in named and len(named) == 2
    assert named & {"about 2,000 residents", "about 2,000 evacuated"}


def test_compatible_figures_do_not_make_a_difference(comparison: Comparison) -> None:
    fund = sentence(comparison, 0, "$12 million fund")
    cp = fund.counterpart_in(1)
    assert cp is not None and cp.kind == "similar"  # "$12 million" vs "nearly $12m"
    assert "nearly $12m" in comparison.documents[1].text[cp.start : cp.end]


def test_reworded_quote_differs_with_a_word_diff(comparison: Comparison) -> None:
    d = next(d for d in comparison.differences if d.quotes and {d.a.doc, d.b.doc} == {0, 1})
    (qc,) = d.quotes
    changed = {(w.old, w.new) for w in qc.diff if w.op != "equal"}
    assert ("back", "") in changed or ("", "back") in changed
    assert qc.a.speaker.endswith("Whitfield") and qc.b.speaker.endswith("Whitfield")
    assert any(m.same and {m.a_doc, m.b_doc} == {0, 2} for m in comparison.quote_matches)


def test_unique_passages(reports: tuple[Document, ...]) -> None:
    # Names recognised, as the reader and the command compare: a sentence is marked as told
    # by one source only on evidence such as a name the others never write.
    comparison = compare_documents(reports)
    wire_unique = " ".join(s.text for s in comparison.unique(0))
    assert "state of emergency" in wire_unique
    gazette_unique = " ".join(s.text for s in comparison.unique(1))
    assert "Nobody told us what was on those trains" in gazette_unique
    assert "Toledo to Pittsburgh" in gazette_unique
    broadcast_unique = " ".join(s.text for s in comparison.unique(2))
    assert "basketball" in broadcast_unique
    # A question claims nothing: it is neither a counterpart nor a passage of its own.
    assert not [s for s in comparison.sentences[2] if "What do we know" in s.text]
    assert "What do we know" not in broadcast_unique


def test_three_sources_align_the_same_claim(comparison: Comparison) -> None:
    bearing = sentence(comparison, 0, "overheated wheel bearing")
    others = comparison.counterparts(0, bearing.start + 5)
    assert set(others) == {1, 2}
    assert "wheel bearing" in comparison.documents[1].text[others[1][0] : others[1][1]]
    assert "wheel bearing" in comparison.documents[2].text[others[2][0] : others[2][1]]
    passage = next(p for p in comparison.passages
                   if any("wheel bearing" in side.text for side in p.sides))
    assert {side.doc for side in passage.sides} == {0, 1, 2}


def test_marks_cover_every_sentence_with_a_known_kind(comparison: Comparison) -> None:
    for doc in range(3):
        marks = comparison.marks(doc)
        # A sentence without a counterpart and without evidence that only its source tells
        # it has no mark; every other sentence has one.
        marked = [s for s in comparison.sentences[doc] if s.kind != "unmatched"]
        assert [(s.start, s.end) for s in marked] == [(s, e) for s, e, _ in marks]
        assert {k for _, _, k in marks} <= {"same", "similar", "differs", "unique"}
        assert all(s < e for s, e, _ in marks)
    assert {k for _, _, k in comparison.marks(0)} >= {"similar", "differs", "unique"}


def test_differences_in_reading_order_from_either_side(comparison: Comparison) -> None:
    from_gazette = comparison.differences_in(1)
    assert from_gazette and all(d.a.doc == 1 for d in from_gazette)
    starts = [d.a.start for d in from_gazette]
    assert starts == sorted(starts)


def test_follow_maps_unaligned_sentences_to_the_last_aligned_one(
    comparison: Comparison,
) -> None:
    emergency = sentence(comparison, 0, "state of emergency")  # unique in the wire copy
    before = comparison.sentences[0][emergency.index - 1]
    cp = before.counterpart_in(1)
    assert cp is not None
    assert comparison.follow(0, emergency.start)[1] == cp.end
    assert comparison.follow(0, before.start)[1] == cp.start


def test_a_long_sentence_retold_as_two() -> None:
    a = make_text_document("/a.txt", (
        "The storm destroyed 40 homes in Millbrook on Friday and forced the closure of the "
        "coastal highway for two days. Schools reopened on Monday."))
    b = make_text_document("/b.txt", (
        "Schools reopened on Monday. The storm destroyed 40 homes in Millbrook on Friday. "
        "It also forced the closure of the coastal highway for two days."))
    c = compare_documents([a, b], entities=[[], []])
    (start, end) = c.counterparts(0, 0)[1]
    assert b.text[start:end] == ("The storm destroyed 40 homes in Millbrook on Friday. "
                                 "It also forced the closure of the coastal highway for two days.")
    assert all(s.kind != "unique" for s in c.sentences[1])


def test_entity_rows_from_given_entity_lists() -> None:
    a = make_text_document("/a.txt", "Jane Roe met Acme in Paris. Roe left.")
    b = make_text_document("/b.txt", "Acme said Jane Roe was in Rome.")
    ents_a = [Entity(0, 8, "PERSON", "Jane Roe", "PERSON:jane roe"),
              Entity(13, 17, "ORG", "Acme", "ORG:acme"),
              Entity(21, 26, "GPE", "Paris", "GPE:paris"),
              Entity(28, 31, "PERSON", "Roe", "PERSON:jane roe")]
    ents_b = [Entity(0, 4, "ORG", "Acme", "ORG:acme"),
              Entity(10, 18, "PERSON", "Jane Roe", "PERSON:jane roe"),
              Entity(26, 30, "GPE", "Rome", "GPE:rome")]
    c = compare_documents([a, b], entities=[ents_a, ents_b])
    rows = {r.key: r for r in c.entity_rows}
    assert rows["PERSON:jane roe"].counts == (2, 1)
    assert rows["PERSON:jane roe"].names == ("Jane Roe", "Roe")
    assert rows["PERSON:jane roe"].mentions[0] == ((0, 8), (28, 31))
    assert [r.key for r in c.entities_only_in(0)] == ["GPE:paris"]
    assert [r.key for r in c.entities_only_in(1)] == ["GPE:rome"]
    assert c.entity_rows[0].key == "PERSON:jane roe"  # most mentioned first


def test_a_company_named_in_full_keeps_its_company_words_as_words() -> None:
    text = "Acme Systems Inc. bought Beta. Acme paid cash."
    ents = [Entity(0, 17, "ORG", "Acme Systems Inc.", "ORG:acme systems"),
            Entity(25, 29, "ORG", "Beta", "ORG:beta"),
            Entity(31, 35, "ORG", "Acme", "ORG:acme systems")]
    full, short = sentence_facts(text, split_sentences(text), ents, [], [])
    assert {"e:acme systems", "e:beta", "w:system"} <= full.features
    assert not {"w:acme", "w:inc", "w:beta"} & full.features
    assert "e:acme systems" in short.features
    assert not {"w:system", "w:acme"} & short.features


def test_one_name_given_two_labels_by_the_recogniser_is_one_feature() -> None:
    text = "Houses fell near Castel di Sangro. Roads near Castel di Sangro closed."
    ents = [Entity(17, 33, "GPE", "Castel di Sangro", "GPE:castel di sangro"),
            Entity(46, 62, "PERSON", "Castel di Sangro", "PERSON:castel di sangro")]
    first, second = sentence_facts(text, split_sentences(text), ents, [], [])
    assert "e:castel di sangro" in first.features & second.features


def test_leads_naming_companies_in_full_stay_aligned_when_short_names_share_their_keys(
) -> None:
    # Both leads name the companies in full; every other sentence only by their short
    # names, which share the full names' keys and so make the keys common.
    a = make_text_document("/a.txt", (
        "Acme Systems agreed to buy Beta Networks for $2 billion, ending a long dispute. "
        "Acme shares rose after Beta accepted. Beta staff will join Acme. "
        "Acme and Beta had argued for months."))
    b = make_text_document("/b.txt", (
        "Beta Networks accepted a new $2 billion offer from Acme Systems on Monday. "
        "Beta shares rose and Acme shares fell. Acme said Beta staff will join. "
        "Beta and Acme had argued since spring."))

    def ents(doc: Document) -> list[Entity]:
        out = []
        for name, key in (("Acme Systems", "ORG:acme systems"), ("Beta Networks",
                          "ORG:beta networks"), ("Acme", "ORG:acme systems"),
                          ("Beta", "ORG:beta networks")):
            i = doc.text.find(name)
            while i >= 0:
                if not any(e.start <= i < e.end for e in out):
                    out.append(Entity(i, i + len(name), "ORG", name, key))
                i = doc.text.find(name, i + 1)
        return sorted(out, key=lambda e: e.start)

    c = compare_documents([a, b], entities=[ents(a), ents(b)])
    told = counterpart_text(c, 0, "agreed to buy", 1)
    assert told is not None and told.startswith("Beta Networks accepted")


def test_unrelated_documents_share_nothing() -> None:
    a = make_text_document("/a.txt", "The council approved the new library budget on Tuesday. "
                           "Construction starts in spring.")
    b = make_text_document("/b.txt", "A rare comet will be visible from the northern "
                           "hemisphere next week. Astronomers recommend binoculars.")
    c = compare_documents([a, b], entities=[[], []])
    assert not c.passages and not c.differences
    assert all(s.kind == "unique" for doc in c.sentences for s in doc)


def test_empty_and_single_documents() -> None:
    empty = make_text_document("/e.txt", "")
    full = make_text_document("/f.txt", "One sentence here.")
    c = compare_documents([empty, full], entities=[[], []])
    assert c.marks(0) == [] and c.counterparts(0, 0) == {} and c.unique(0) == []
    assert c.follow(0, 0) == {1: 0}
    assert [k for _, _, k in c.marks(1)] == ["unique"]


def test_a_quotation_cut_into_two_sentences_is_one_claim() -> None:
    a = make_text_document("/a.txt", (
        "The fire grew overnight near the town of Redding. "
        "\"Don't wait for the knock on the door,\" the sheriff said. "
        "The cause of the fire is under investigation."))
    b = make_text_document("/b.txt", (
        "The fire grew overnight near the town of Redding. "
        "\"Don't wait for a knock on your door. Go now,\" Sheriff Lund said. "
        "Investigators have not yet found the cause of the fire."))
    c = compare_documents([a, b], [[], []])
    go = next(s for s in c.sentences[1] if s.text.startswith("Go now"))
    assert go.kind != "unique"
    told = next(s for s in c.sentences[0] if s.text.startswith('"Don'))
    cp = told.counterpart_in(1)
    assert cp is not None
    assert b.text[cp.start:cp.end] == ("\"Don't wait for a knock on your door. Go now,\" "
                                       "Sheriff Lund said.")


def test_near_figures_of_one_unit_share_a_bucket_and_far_ones_do_not() -> None:
    from sidelight.annotations.comparison.features import quantity_features
    from sidelight.annotations.comparison.numbers import Quantity

    def near(value: float, unit: str) -> set[str]:
        return {f for f in quantity_features(Quantity(value, unit, "", "x", 0, 1))
                if f[:2] in ("b:", "c:")}

    # "about ten thousand acres" / "12,400 acres"; "40 trapped" / "37 miners".
    assert near(10_000, "acre") & near(12_400, "acre")
    assert near(40, "people") & near(37, "people")
    # Half an hour apart on the clock (minutes since midnight), both sides of a bucket edge.
    assert near(18 * 60 + 15, "clock") & near(18 * 60 + 30, "clock")
    assert near(239, "clock") & near(241, "clock")
    assert not near(10_000, "acre") & near(40_000, "acre")
    assert not near(40, "people") & near(40, "vehicle")
    # A story's dates, percentages and magnitudes are often near without being one.
    assert not near(739841, "date") and not near(15, "percent") and not near(6.1, "magnitude")


def test_when_a_source_spoke_is_no_figure_of_the_claim() -> None:
    text = ("The fire has grown to 12,400 acres, Cal Fire said in its Friday morning update. "
            "The fire had burned ten thousand acres by Thursday night.")
    doc = make_text_document("/a.txt", "date 2026-08-14\n" + text)
    from sidelight.annotations.comparison.quantities import all_quantities

    qs = all_quantities(doc.text, doc.date, "en")
    sentences = [s for s in split_sentences(doc.text) if "fire" in s.text]
    update, burned = sentence_facts(doc.text, sentences, [], qs, [])
    assert [q.unit for q in update.quantities] == ["acre"]
    assert "date" in [q.unit for q in burned.quantities]
