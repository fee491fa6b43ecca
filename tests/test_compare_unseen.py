"""The comparison on real reports it was not built on (tests/data/compare_unseen/, sources in
each SOURCES.md): what a fact-checker needs from it, and the rules those stories showed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from sidelight.annotations.comparison import Comparison, compare_documents, extract_quantities
from sidelight.annotations.comparison.contrast import number_contrasts
from sidelight.annotations.comparison.entities_across import entity_rows
from sidelight.annotations.comparison.quotes import find_quotes, word_diff
from sidelight.annotations.comparison.report import render_json, render_markdown
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.documents import load_document

DATA = Path(__file__).parent / "data" / "compare_unseen"


def _compare(story: str, *names: str) -> Comparison:
    return compare_documents([load_document(DATA / story / n) for n in names])


@pytest.fixture(scope="module")
def cisco() -> Comparison:
    return _compare("cisco_acacia", "barrons.txt", "thestreet.txt")


@pytest.fixture(scope="module")
def nepal() -> Comparison:
    return _compare("nepal_quake", "wion.txt", "ticker.txt", "fiscalnepal.txt")


@pytest.fixture(scope="module")
def fed() -> Comparison:
    return _compare("fed_hike", "jewishpress.txt", "newsbulletintoday.txt", "xtremecuztoms.txt")


def _figure(c: Comparison, unit: str, value: float) -> tuple[int, ...]:
    row = next(r for r in c.figure_rows if r.unit == unit and abs(r.value - value) < 1e-9)
    return row.counts


def _told_in(c: Comparison, doc: int, words: str, other: int) -> str:
    s = next(s for s in c.sentences[doc] if words in s.text)
    cp = s.counterpart_in(other)
    assert cp is not None, f"{words!r} has no counterpart in source {other + 1}"
    return c.documents[other].text[cp.start : cp.end]


# ----------------------------------------------------------------- the three stories


def test_cisco_deal_figures_and_quotes(cisco: Comparison) -> None:
    assert _figure(cisco, "USD", 4.5e9) >= (1, 1)
    assert all(_figure(cisco, "USD", 115))  # "about $115 a share" / "$115 per share"
    robbins = next(m for m in cisco.quote_matches if "delighted" in m.a.text)
    assert robbins.same and not robbins.a.text.endswith(",")
    # One source quotes part of the CEO's sentence: the same words, not a different quote.
    trimmed = next(m for m in cisco.quote_matches if "strong conviction" in m.a.text)
    assert trimmed.same and trimmed.trimmed
    assert "Source 2 quoting more" in render_markdown(cisco)


def test_cisco_deal_is_aligned_and_tickers_join_their_company(cisco: Comparison) -> None:
    told = _told_in(cisco, 0, "revised agreement to acquire", 1)
    assert "$4.5 billion merger" in told
    assert "31.3%" in _told_in(cisco, 0, "more than 30% higher", 1)
    acacia = next(r for r in cisco.entity_rows if "ACIA" in r.names)
    assert "Acacia Communications" in acacia.names and acacia.only_in is None
    # The short names share the full names' keys, and the two leads that give the full names
    # (above) still find each other.
    assert {"Acacia", "Acacia Communications"} <= set(acacia.names)
    cisco_row = next(r for r in cisco.entity_rows if "Cisco Systems" in r.names)
    assert "Cisco" in cisco_row.names and all(n >= 2 for n in cisco_row.counts)


def test_quake_magnitudes_are_one_figure_however_written(nepal: Comparison) -> None:
    # "a magnitude of 6.4", "registering a magnitude of 6.4 on the Richter Scale"
    assert _figure(nepal, "magnitude", 6.4) == (2, 1, 1)
    assert all(_figure(nepal, "magnitude", 5.6)[:2])  # "a magnitude 5.6" / "a 5.6 magnitude quake"
    assert not any(r.unit in ("today", "more", "other", "earthquake") for r in nepal.figure_rows)


def test_quake_death_tolls_differ_between_sources(nepal: Comparison) -> None:
    tolls = {(n.a.text, n.b.text) for d in nepal.differences for n in d.conflicts
             if n.a.unit == "people"}
    assert any({"143", "at least 69"} == {a, b} for a, b in tolls)
    assert "5.6 magnitude" in _told_in(nepal, 0, "later downgraded the magnitude", 1)


def test_quake_entities_merge_across_labels_and_acronyms(nepal: Comparison) -> None:
    jajarkot = [r for r in nepal.entity_rows if r.name == "Jajarkot"]
    assert len(jajarkot) == 1 and all(jajarkot[0].counts)
    gfz = next(r for r in nepal.entity_rows if "GFZ" in r.names)
    assert "German Research Centre for Geosciences" in gfz.names
    assert {"Pushpa Kamal Dahal"} <= {n for r in nepal.entities_only_in(1) for n in r.names}
    assert {"Nepal Police"} <= {n for r in nepal.entities_only_in(2) for n in r.names}


def test_fed_quarter_point_is_one_figure_in_every_source(fed: Comparison) -> None:
    assert all(_figure(fed, "points", 0.25))  # "a quarter of a percentage point", "25 basis points"
    assert all(_figure(fed, "percent", 4.75))
    told = _told_in(fed, 0, "federal funds rate to a range", 2)
    assert "4.50 percent and 4.75 percent" in told


def test_fed_reworded_statement_is_a_quote_difference(fed: Comparison) -> None:
    d = next(d for d in fed.differences if d.quotes and {d.a.doc, d.b.doc} == {0, 1})
    changed = {(w.old, w.new) for q in d.quotes for w in q.diff if w.op != "equal"}
    elevated, rising = "remains elevated", "is still rising"
    assert changed & {(elevated, rising), (rising, elevated)}
    # The spaced ellipsis inside the quotation does not end the sentence.
    assert any(". . . will be appropriate" in s.text and "making it clear" in s.text
               for s in fed.sentences[0])


@pytest.mark.parametrize("story", ["cisco_acacia", "nepal_quake", "fed_hike"])
def test_reports_are_well_formed(story: str) -> None:
    names = sorted(p.name for p in (DATA / story).glob("*.txt"))
    c = _compare(story, *names)
    md = render_markdown(c)
    assert "<" not in md.replace("\\<", "")  # no live HTML from document text
    assert all(line.count("|") >= 4 for line in md.splitlines() if line.startswith("| "))
    data = json.loads(render_json(c))
    assert len(data["documents"]) == len(names) and data["passages"]


# ----------------------------------------------------------------- the rules they showed


def _q(text: str) -> list[tuple[str, float | None, str]]:
    return [(q.text, q.value, q.unit) for q in extract_quantities(text)]


def test_rate_moves_in_fractions_and_basis_points() -> None:
    assert _q("raised by a quarter of a percentage point") == [
        ("a quarter of a percentage point", 0.25, "points")]
    assert _q("up 25 basis points") == [("25 basis points", 0.25, "points")]
    assert _q("cut by half a percentage point") == [("half a percentage point", 0.5, "points")]
    assert _q("a quarter of the vote and one of the men") == []


def test_magnitude_before_or_after_the_number() -> None:
    got = _q("a magnitude of 6.4, a magnitude-7.1 quake, a 6.8-magnitude tremor, "
             "5.6 on the Richter scale")
    assert [(v, u) for _, v, u in got] == [(6.4, "magnitude"), (7.1, "magnitude"),
                                          (6.8, "magnitude"), (5.6, "magnitude")]


def test_casualty_counts_count_people_and_clock_times_are_no_counts() -> None:
    assert _q("The death toll rose on Saturday to 143.") == [("143", 143.0, "people")]
    assert _q("a quake kills at least 69") == [("at least 69", 69.0, "people")]
    assert _q("Nearly 70 killed") == [("Nearly 70 killed", 70.0, "people")]
    assert _q("105 lives were lost") == [("105 lives", 105.0, "people")]
    assert _q("released at 3:30 PM today; 85 more were hurt later") == []


def test_spaced_ellipsis_does_not_end_a_sentence() -> None:
    got = [s.text for s in split_sentences("He said “increases . . . will be needed,” then left. "
                                           "He paused . . . Then he went on.")]
    assert got == ["He said “increases . . . will be needed,” then left.",
                   "He paused . . .", "Then he went on."]


def test_quote_leaves_its_attribution_comma_and_diffs_ignore_punctuation() -> None:
    (q,) = find_quotes("“Prices have eased,” the bank said.")
    assert q.text == "Prices have eased"
    assert all(w.op == "equal" for w in word_diff("Growth is low. Prices eased,",
                                                  "Growth is low, prices eased."))


@dataclass(frozen=True)
class _Ent:
    start: int
    end: int
    label: str
    text: str
    key: str


def test_entity_rows_join_a_parenthesised_acronym_and_label_splits() -> None:
    a = "The Geo Centre (GFZ) said Jajarkot was hit. WASHINGTON (AP) reported."
    b = "GFZ and Jajarkot."
    ents_a = [_Ent(4, 14, "ORG", "Geo Centre", "ORG:geo centre"),
              _Ent(16, 19, "ORG", "GFZ", "ORG:gfz"),
              _Ent(26, 34, "GPE", "Jajarkot", "GPE:jajarkot"),
              _Ent(44, 54, "GPE", "WASHINGTON", "GPE:washington"),
              _Ent(56, 58, "ORG", "AP", "ORG:ap")]
    ents_b = [_Ent(0, 3, "ORG", "GFZ", "ORG:gfz"), _Ent(8, 16, "ORG", "Jajarkot", "ORG:jajarkot")]
    rows = {r.names: r.counts for r in entity_rows([ents_a, ents_b], [a, b])}
    assert rows[("GFZ", "Geo Centre")] == (2, 1)
    assert rows[("Jajarkot",)] == (1, 1)
    assert rows[("AP",)] == (1, 0) and rows[("WASHINGTON",)] == (1, 0)  # a dateline is no acronym


def test_years_and_bare_numbers_are_not_conflicts() -> None:
    a = extract_quantities("the 2016 campaign, with 143 and 12 people")
    b = extract_quantities("deleted in 2015, with over 100 and 15 people")
    assert [(n.a.text, n.b.text) for n in number_contrasts(a, b)] == [("12 people", "15 people")]
