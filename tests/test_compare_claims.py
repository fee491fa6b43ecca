"""Claims, not shared words: what a fact-checker needs from the comparison, on the seeds,
the blind reports (tests/data/compare_blind) and small texts that show each rule."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sidelight.annotations.comparison import Comparison, compare_documents
from sidelight.annotations.comparison.boilerplate import is_boilerplate
from sidelight.annotations.comparison.claims import Claim, claims, told_by_their_own_words
from sidelight.annotations.comparison.contrast import number_contrasts, quote_contrasts
from sidelight.annotations.comparison.model import DocSpan
from sidelight.annotations.comparison.quantities import all_quantities
from sidelight.annotations.comparison.quotes import Quote, find_quotes, unmarked_speech
from sidelight.annotations.comparison.senses import meanings
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.documents import load_document, make_text_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BLIND = Path(__file__).parent / "data" / "compare_blind"
MANY = Path(__file__).parent / "data" / "compare"


@pytest.fixture(scope="module")
def seeds() -> Comparison:
    return compare_documents([load_document(SEEDS / "000_95310665ade1c0aa.txt"),
                              load_document(SEEDS / "003_3a0c9eed804c7a9d.txt")])


def _sentence(c: Comparison, doc: int, words: str):  # type: ignore[no-untyped-def]
    return next(s for s in c.sentences[doc] if words in s.text)


# ------------------------------------------------------------------- alignment as claims


def test_a_claim_told_in_two_sentences_has_both(seeds: Comparison) -> None:
    # "shares tumbled around 7 percent" is told by two sentences of the other report.
    s = _sentence(seeds, 0, "Facebook shares tumbled around 7 percent")
    cp = s.counterpart_in(1)
    assert cp is not None
    told = seeds.documents[1].text[cp.start : cp.end]
    assert "roughly 9%" in told
    roiled = _sentence(seeds, 1, "The reports roiled Facebook investors")
    assert roiled.kind != "unique"


def test_share_figures_and_the_misquote_are_differences(seeds: Comparison) -> None:
    figures = [(n.a.text, n.b.text) for d in seeds.differences for n in d.conflicts]
    assert ("around 7 percent", "roughly 9%") in figures
    # Seed 000 gives Zuckerberg's words without quotation marks and with other words.
    quoted = [d for d in seeds.differences if d.quotes]
    assert any("deserve to serve our users" in d.a.text and "serve you" in d.b.text
               for d in quoted)
    assert _sentence(seeds, 0, "We don’t deserve to serve our users").kind == "differs"


def test_reworded_claims_meet_through_wordnet_meanings() -> None:
    assert meanings("injured") & meanings("hurt")
    assert meanings("investigation") & meanings("investigators")
    assert not meanings("xylophone") & meanings("parliament")
    a = make_text_document("a.txt", "Rescuers said 40 people were injured in the blast.\n")
    b = make_text_document("b.txt", "Rescuers said 40 people were hurt by the explosion.\n")
    c = compare_documents([a, b])
    assert c.sentences[0][0].kind == "similar"


def test_a_word_meets_the_word_it_is_a_kind_of_but_not_its_siblings() -> None:
    from sidelight.annotations.comparison.alignment import CorpusIndex
    from sidelight.annotations.comparison.features import feature_weights, sentence_facts
    from sidelight.annotations.comparison.senses import kind_of

    # "house" is a kind of building, "crash" of accident: the "kind of" id meets the word.
    assert {kind_of(m) for m in meanings("houses") if m < 0} & meanings("buildings")
    assert {kind_of(m) for m in meanings("crash") if m < 0} & meanings("accident")

    def score(a: str, b: str) -> float:
        facts = [sentence_facts(t, split_sentences(t), [], [], []) for t in (a, b)]
        index = CorpusIndex(facts, feature_weights(facts))
        return index.score((0, 0), (1, 0))

    kind = score("Old houses collapsed in the hill towns.", "Old buildings collapsed in the towns.")
    plain = score("Old houses collapsed in the hill towns.", "Old ruins collapsed in the towns.")
    assert kind > plain
    # Two kinds of building (a house, a church) are not one thing.
    assert score("The house burned.", "The church burned.") == score("The house burned.",
                                                                      "The ruin burned.")


def test_a_hyphenated_compound_is_read_as_its_one_word() -> None:
    from sidelight.annotations.comparison.alignment import CorpusIndex
    from sidelight.annotations.comparison.features import feature_weights, sentence_facts

    # "walk-outs" is WordNet's "walkout", a strike; "walk" and "outs" apart are not.
    def score(a: str, b: str) -> float:
        facts = [sentence_facts(t, split_sentences(t), [], [], []) for t in (a, b)]
        index = CorpusIndex(facts, feature_weights(facts))
        return index.score((0, 0), (1, 0))

    compound = score("Dockers staged walk-outs at the harbour.",
                     "Dockers staged strikes at the harbour.")
    apart = score("Dockers staged walk outs at the harbour.",
                  "Dockers staged strikes at the harbour.")
    assert compound > apart
    # A compound WordNet does not know adds nothing ("blue-green").
    assert score("Storms hit the blue-green coast.", "Storms hit the coast.") == score(
        "Storms hit the blue green coast.", "Storms hit the coast.")


def test_page_furniture_is_never_aligned_nor_unique() -> None:
    text = ("Date: 2026-04-12\nQuake kills 27\n\nBy Paola Rinaldi\n\nA quake struck.\n\n"
            "Related Topics\n\n(Reporting by Paola Rinaldi; Editing by Tom Hale)\n")
    sentences = split_sentences(text)
    furniture = [s.text for i, s in enumerate(sentences)
                 if is_boilerplate(text, s, i == 1)]
    assert furniture == ["Date: 2026-04-12", "By Paola Rinaldi", "Related Topics",
                         "(Reporting by Paola Rinaldi; Editing by Tom Hale)"]


# ------------------------------------------------------------------------- differences


def _figures(text: str, date: str | None = "2026-03-05") -> list[tuple[str, float, str]]:
    return [(q.text, q.value or 0.0, q.unit) for q in all_quantities(text, date)]


def test_times_dates_and_weekdays_are_figures() -> None:
    got = _figures("It left at about 9 p.m. on March 3 and sank at 23:10 on Wednesday night, "
                   "March 4.")
    assert [(t, u) for t, _, u in got] == [("about 9 p.m.", "clock"), ("March 3", "date"),
                                           ("23:10", "clock"), ("March 4", "date")]
    # A weekday resolves against the document's date (Thursday 5 March 2026).
    (tuesday,) = _figures("on Tuesday night")
    (march3,) = _figures("on March 3")
    assert tuesday[1] == march3[1]
    assert _figures("on Tuesday night", None) == []  # no date to resolve it against


def test_counts_in_words_fractions_partitives_and_votes() -> None:
    assert _figures("cut roughly ten thousand positions") == [
        ("roughly ten thousand positions", 10_000, "job")]
    assert _figures("capped at a third of household income") == [("a third", 33.333,
                                                                   "percent")]
    assert [u for _, _, u in _figures("when eight of its ten cars left")] == ["car", "car"]
    assert _figures("passed by 312 votes to 287.") == [("312 votes", 312, "vote"),
                                                       ("287", 287, "vote")]


def _contrasts(a: str, b: str) -> list[tuple[str, str, str]]:
    from sidelight.annotations.comparison.features import sentence_facts

    out = []
    facts = []
    for text in (a, b):
        qs = all_quantities(text, "2026-03-05")
        facts.append(sentence_facts(text, split_sentences(text), [], qs, find_quotes(text)))
    for n in number_contrasts(facts[0][0].quantities, facts[1][0].quantities):
        out.append((n.a.text, n.b.text, n.relation))
    return out


def test_a_figure_is_compared_only_with_a_figure_about_the_same_thing() -> None:
    assert _contrasts("The quake killed at least 27 people and injured more than 200 people.",
                      "At least 31 people died and about 250 people were hurt.") == [
        ("at least 27 people", "At least 31 people", "conflict"),
        ("more than 200 people", "about 250 people", "compatible"),
    ]
    # The rescued and the missing are not the passengers on board.
    assert _contrasts("Rescuers saved 72 passengers and 14 passengers are missing.",
                      "The manifest listed 95 passengers.") == []
    assert _contrasts("The ferry left port at 9 p.m. on March 3.",
                      "The ferry left port on Wednesday night, March 4.") == [
        ("March 3", "March 4", "conflict")]
    assert _contrasts("It struck at 3:42 a.m. on Sunday.", "It struck at 03:40 on Sunday.") == [
        ("3:42 a.m.", "03:40", "conflict")]
    assert _contrasts("It started shortly after 2 p.m.", "It started around 2:15 p.m.") == [
        ("shortly after 2 p.m.", "around 2:15 p.m.", "compatible")]


def test_counts_of_people_with_different_outcomes_are_never_one_figure() -> None:
    # One figure each side, in sentences aligned on "passengers and crew": what happened to
    # the people counted differs (rescued / on board; trapped / inside), so no conflict.
    assert _contrasts("In all, 72 passengers and crew had been rescued, officials said.",
                      "The manifest listed 95 passengers and crew, but survivors said more "
                      "had boarded.") == []
    assert _contrasts("About 40 workers were still trapped underground.",
                      "He said 110 workers had been inside the pit.") == []
    # The same outcome in other words is still compared.
    assert _contrasts("The blast killed 22 workers.", "Officials said 25 workers died.") == [
        ("22 workers", "25 workers", "conflict")]


def test_counted_nouns_that_name_the_same_things_are_compared() -> None:
    # A crash is a kind of accident: the counts are set against each other.
    assert _contrasts("The company knew of four crashes linked to the fault.",
                      "The company knows of three accidents linked to the fault.") == [
        ("four crashes", "three accidents", "conflict")]
    # Two kinds of one thing (houses, churches) are not one count.
    assert _contrasts("The quake destroyed 40 houses in the town.",
                      "The quake destroyed 12 churches in the town.") == []


def test_the_counted_noun_is_the_head_of_its_phrase() -> None:
    assert _figures("Twelve opposition lawmakers broke ranks.") == [
        ("Twelve opposition lawmakers", 12.0, "member")]
    assert _figures("It had 141 passengers and 16 crew members.") == [
        ("141 passengers", 141.0, "passenger"), ("16 crew", 16.0, "crew")]
    assert _figures("It knew of four crashes and three police officers.") == [
        ("four crashes", 4.0, "crash"), ("three police officers", 3.0, "officer")]


# ------------------------------------------------------------------------------ quotes


def test_speakers_transcripts_and_unmarked_speech() -> None:
    text = "DUBOIS: We did not betray anyone."
    (s,) = split_sentences(text)
    speech = unmarked_speech(text, s.start, s.end, s.speaker)
    assert speech is not None and speech.speaker == "DUBOIS"
    assert speech.text == "We did not betray anyone"
    text = "We don't deserve to serve our users, Mark Zuckerberg said in a letter."
    speech = unmarked_speech(text, 0, len(text))
    assert speech is not None and speech.speaker == "Mark Zuckerberg"
    # Two people's words are never one quote worded differently.
    a = Quote("a major breach of trust", 0, 22, "Zuckerberg")
    b = Quote("a major violation of trust", 0, 26, "Sandberg")
    assert quote_contrasts([a], [b]) == []
    assert quote_contrasts([a], [Quote(b.text, 0, 26, "Mark Zuckerberg")])
    # A pronoun takes the speaker named since the last quote.
    text = ('"Taxes hurt savers," Lefebvre said. Dubois was asked about it. '
            'Dubois said "no". "A nurse is the middle class," she said.')
    assert [q.speaker for q in find_quotes(text)][-1] == "Dubois"


def test_quotation_marks_of_other_languages() -> None:
    assert [q.text for q in find_quotes("Er sagte: „Wir haben Fehler gemacht.“ Dann ging er. "
                                        "Sie: »Das stimmt.« Il a dit « non ».")] == [
        "Wir haben Fehler gemacht.", "Das stimmt.", "non"]


# -------------------------------------------------------------------------- many sources


def test_claims_table_says_which_sources_tell_each_claim_and_how() -> None:
    docs = [load_document(MANY / n) for n in ("wire.txt", "gazette.md", "broadcast.txt")]
    c = compare_documents(docs)
    rows = claims(c)
    assert rows and all(r.sources >= 2 for r in rows)
    shares = next(r for r in rows if "4.2%" in r.text)
    assert shares.told[0] == shares.told[1] == "differs" and shares.told[2] == ""
    assert any(n.a.text == "4.2%" for d in shares.differences for n in d.conflicts)


def test_compare_prints_the_claims_table_for_five_sources(tmp_path: Path) -> None:
    files = [str(BLIND / n) for n in ("fire_daily.txt", "fire_tv.txt")] + [
        str(MANY / n) for n in ("wire.txt", "gazette.md", "broadcast.txt")]
    run = [sys.executable, "-m", "sidelight", "compare", *files, "--db", str(tmp_path / "db.json")]
    md = subprocess.run(run, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    table = md.split("## Claims", 1)[1].split("##", 1)[0]
    assert "| # | Claim | S1 | S2 | S3 | S4 | S5 | Differences |" in table
    assert "S3 4.2\\% vs S4 about 6 percent" in table
    out = json.loads(subprocess.run([*run, "--format", "json"], capture_output=True, text=True,
                                    check=True, cwd=ROOT).stdout)
    assert out["claims"] and all(len(cl["told"]) == 5 for cl in out["claims"])
    # The fire reports and the derailment reports tell no claim in common.
    for cl in out["claims"]:
        docs_told = {i for i, t in enumerate(cl["told"]) if t}
        assert docs_told <= {0, 1} or docs_told <= {2, 3, 4}


def test_date_entities_share_one_key_per_day() -> None:
    from sidelight.annotations.entities import recognize_many

    texts = ["Date: 2018-03-22\nOn March 20, 2018 the shares fell; on 20 March 2018, on "
             "20/03/2018 and on March 20th too.",
             "Date: 2018-03-23\nThe shares fell on Tuesday."]
    keys = [{e.text: e.key for e in ents if e.label == "DATE"}
            for ents in recognize_many(texts)]
    assert {keys[0][t] for t in ("March 20, 2018", "20 March 2018", "20/03/2018",
                                 "March 20th")} == {"DATE:2018-03-20"}
    assert keys[1]["Tuesday"] == "DATE:2018-03-20"  # read against the article's date


def test_a_passage_joins_only_places_aligned_with_one_another() -> None:
    from sidelight.annotations.comparison.compare import _link, _node, _one_claim

    # A1 tells B2's claim, A3 tells B2's and B9's: A1 and B9 share nothing, so A1, A3, B2
    # and B9 are not one claim (a chain through A3), whereas A3 with A4 is one place.
    a1, a3, a4, b2, b9 = _node(0, 1), _node(0, 3), _node(0, 4), _node(1, 2), _node(1, 9)
    linked: dict[int, object] = {_link(a1, b2): 1, _link(b2, a3): 1, _link(a3, b9): 1}
    # Two groups, each one claim already, joined by the link A3-B9.
    assert not _one_claim([a1, b2, a3], [b9], linked)
    assert _one_claim([a3, a4, b2], [b9], linked)
    assert _one_claim([b9], [a3, a4, b2], linked)
    linked[_link(a1, b9)] = 1
    assert _one_claim([a1, b2, a3], [b9], linked)
    # A run of sentences that both groups hold part of is one place of the claim.
    assert _one_claim([a3, b2], [a4], linked)


def test_a_claim_told_in_one_clause_of_a_long_sentence_aligns() -> None:
    from sidelight.annotations.comparison.alignment import THRESHOLD, CorpusIndex
    from sidelight.annotations.comparison.attribution import is_attribution
    from sidelight.annotations.comparison.clauses import (
        ClauseIndex,
        DocumentClauses,
        clauses,
    )
    from sidelight.annotations.comparison.features import feature_weights, sentence_facts

    s = split_sentences("A quake struck the mountains at 3:42 a.m., killing 27 people and "
                        "bringing down houses in hill towns, the civil protection agency "
                        "said on Sunday.")[0]
    # The attribution is no claim; a comma inside a figure cuts nothing.
    assert [c.text for c in clauses(s)] == [
        "A quake struck the mountains at 3:42 a.m",
        "killing 27 people and bringing down houses in hill towns"]
    assert is_attribution("according to the Liberty County Sheriff's Office")
    assert not is_attribution("Officials said the fire had burned 12,000 acres of forest land "
                              "by Thursday night")
    assert clauses(split_sentences("It cost $1,500 in all.")[0]) == []

    texts = ("A magnitude 6.1 quake struck the Abruzzo mountains before dawn on Sunday, "
             "killing 27 people and bringing down old houses in medieval hill towns, the "
             "civil protection agency said.", "Old buildings collapsed in hill towns.")
    qs = [all_quantities(t, "2026-03-05") for t in texts]
    facts = [sentence_facts(t, split_sentences(t), [], q, []) for t, q in zip(texts, qs,
                                                                              strict=True)]
    weights = feature_weights(facts)
    parts = [DocumentClauses(f, [], q, weights) for f, q in zip(facts, qs, strict=True)]
    whole = CorpusIndex(facts, weights).score((0, 0), (1, 0))
    by_clause = ClauseIndex(facts, weights, parts).score((0, 0), (1, 0))
    assert by_clause > whole and by_clause >= THRESHOLD
    # A lead told word for word in the other report has its partner there: it is not read
    # clause by clause against that report's other sentences (which keeps long documents fast).
    texts = (texts[0], texts[0] + " " + texts[1])
    qs = [all_quantities(t, "2026-03-05") for t in texts]
    facts = [sentence_facts(t, split_sentences(t), [], q, []) for t, q in zip(texts, qs,
                                                                              strict=True)]
    weights = feature_weights(facts)
    parts = [DocumentClauses(f, [], q, weights) for f, q in zip(facts, qs, strict=True)]
    assert ClauseIndex(facts, weights, parts).score((0, 0), (1, 1)) == CorpusIndex(
        facts, weights).score((0, 0), (1, 1))


def test_one_quote_worded_differently_aligns_and_differs() -> None:
    from sidelight.annotations.comparison.alignment import THRESHOLD, CorpusIndex
    from sidelight.annotations.comparison.clauses import (
        ClauseIndex,
        DocumentClauses,
        quoted_alike,
    )
    from sidelight.annotations.comparison.features import feature_weights, sentence_facts

    a = make_text_document("a.txt", "The prime minister visited the town on Sunday. \"No "
                           "family will be left alone,\" the prime minister said.\n")
    b = make_text_document("b.txt", "Rescuers dug through the night. \"No family will be "
                           "abandoned,\" the prime minister told reporters.\n")
    c = compare_documents([a, b])
    assert [s.kind for s in c.sentences[1]] == ["unique", "differs"]
    texts = ('"No family will be left alone," he said. The town was hit hard. Homes fell.',
             '"No family will be abandoned," the prime minister said. Rescuers dug all night.')
    facts = [sentence_facts(t, split_sentences(t), [], [], find_quotes(t)) for t in texts]
    weights = feature_weights(facts)
    parts = [DocumentClauses(f, [], [], weights) for f in facts]
    assert CorpusIndex(facts, weights).score((0, 0), (1, 0)) < THRESHOLD <= ClauseIndex(
        facts, weights, parts).score((0, 0), (1, 0))
    # Different speakers, or quotes sharing only small words, are not one quote.
    qa = find_quotes('"We will build it," Smith said.')
    assert quoted_alike(qa, find_quotes('"We will build it," Jones said.')) == 0.0
    assert quoted_alike(qa, find_quotes('"We will never stop," Smith said.')) == 0.0


def test_a_date_is_one_fact_not_also_its_words() -> None:
    from sidelight.annotations.comparison.features import sentence_facts

    text = "The stock climbed 3% on Tuesday morning."
    f = sentence_facts(text, split_sentences(text), [], all_quantities(text, "2026-03-05"),
                       [])[0]
    assert "w:tuesday" not in f.features and "u:date" in f.features


def test_two_claims_of_one_long_passage_read_as_two_rows() -> None:
    # One source tells two claims in one passage that the other tells in two places; the
    # passage alone would word both rows alike.
    text = ("The storm reached the harbour at dawn and cut power to 4,000 homes. Schools shut.",
            "It cut power to 4,000 homes. The ferry did not sail. The storm came at dawn.")

    def span(doc: int, start: int, end: int) -> DocSpan:
        return DocSpan(doc, start, end, text[doc][start:end])

    rows = [Claim(text[0][:67], (span(0, 0, 84), span(1, 0, 28)), ("similar", "similar"), ()),
            Claim(text[0][:67], (span(0, 0, 67), span(1, 53, 76)), ("similar", "similar"), ())]
    worded = told_by_their_own_words(rows)
    assert [r.text for r in worded] == ["It cut power to 4,000 homes.", "The storm came at dawn."]
    assert [r.sides for r in worded] == [r.sides for r in rows]
    # A row with no passage of its own keeps the first one's words.
    assert told_by_their_own_words(rows[:1] * 2)[0].text == rows[0].text


def test_who_told_a_claim_is_kept_apart_from_the_claim() -> None:
    from sidelight.annotations.comparison.attribution import attribution_spans
    from sidelight.annotations.comparison.features import sentence_facts
    from sidelight.annotations.entities import Entity

    text = ("Fourteen people were still missing, and 72 had been rescued, agency spokesperson "
            "Yusuf Latif said. Agency spokesman Yusuf Latif blamed the weather. "
            "The tremor measured 6.0 according to the US Geological Survey. "
            '"The waves were very high," Latif told reporters.')
    sentences = split_sentences(text)
    assert [text[a:b] for a, b in attribution_spans(sentences[0])] == [
        " agency spokesperson Yusuf Latif said."]
    assert [text[a:b] for a, b in attribution_spans(sentences[2])] == [
        "according to the US Geological Survey."]
    assert attribution_spans(sentences[1]) == []
    names = [Entity(text.index("Yusuf"), text.index("Yusuf") + 11, "PERSON", "Yusuf Latif",
                    "PERSON:yusuf latif"),
             Entity(text.rindex("Yusuf"), text.rindex("Yusuf") + 11, "PERSON", "Yusuf Latif",
                    "PERSON:yusuf latif"),
             Entity(text.rindex("Latif"), text.rindex("Latif") + 5, "PERSON", "Latif",
                    "PERSON:yusuf latif")]
    told, blamed, _, quoted = sentence_facts(text, sentences, names, [], find_quotes(text))
    # The source of one claim and the subject of another do not meet ...
    assert "s:e:yusuf latif" in told.features and "e:yusuf latif" not in told.features
    assert "w:agency" not in told.features and "s:w:agency" in told.features
    assert "e:yusuf latif" in blamed.features
    # ... but a quotation's speaker is part of what is quoted.
    assert "e:yusuf latif" in quoted.features


def test_a_sentence_retold_by_three_reports_is_one_row() -> None:
    from sidelight.annotations.comparison.claims import _one_row_per_claim

    text = ("Officials said 40 people were hurt. Rain fell.", "Forty were injured, officials said.",
            "Officials counted 40 injured.", "Some 40 people needed treatment. Roads shut.")

    def span(doc: int, start: int, end: int) -> DocSpan:
        return DocSpan(doc, start, end, text[doc][start:end])

    def row(*sides: DocSpan) -> Claim:
        told = tuple("similar" if any(s.doc == d for s in sides) else "" for d in range(4))
        return Claim(sides[0].text, sides, told, ())

    first = span(0, 0, 35)
    rows = [row(first, span(1, 0, 35)), row(first, span(2, 0, 29)), row(first, span(3, 0, 32))]
    [one] = _one_row_per_claim(rows)
    assert [s.doc for s in one.sides] == [0, 1, 2, 3] and one.told == ("similar",) * 4
    # A row whose passages are all in that row already adds nothing of its own.
    assert _one_row_per_claim([*rows, row(span(1, 0, 35), span(2, 0, 29))]) == [one]
    # Two passages of one report are two claims of it; a chain through different passages
    # (0 with 1, then another passage of 1 with 2) is no shared passage.
    two = [row(first, span(1, 0, 35)), row(first, span(1, 0, 19))]
    assert _one_row_per_claim(two) == two
    chain = [row(first, span(1, 0, 35)), row(span(1, 0, 19), span(2, 0, 29))]
    assert _one_row_per_claim(chain) == chain


def test_the_figures_table_leaves_out_page_furniture() -> None:
    # A market box's prices are on the page, not in the story: only the story's figures are
    # listed as figures the reports give.
    a = make_text_document("a.txt", "Shares of the carmaker rose 4% on Tuesday after it sold "
                           "12,000 vans.\n\nTicker Security Last Change Change %\n"
                           "VLK VOLKAR AG 82.40 +1.25 +1.54%\n")
    b = make_text_document("b.txt", "The carmaker sold 12,000 vans, and its shares rose 4% on "
                           "Tuesday.\n")
    values = {row.value for row in compare_documents([a, b]).figure_rows}
    assert values == {12000, 4}
