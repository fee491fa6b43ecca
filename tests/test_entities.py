"""The entity recogniser: hard cases of news text, keys across documents, quality, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.entity_quality import load_gold, overlap_f1
from sidelight.annotations.entities import (
    LABELS,
    Entity,
    Recognizer,
    default_recognizer,
    engine,
    link_rows,
    recognize,
    recognize_many,
    register_engine,
)
from sidelight.annotations.entities.keys import company_tail

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "data" / "entities_dev"
BLIND = REPO / "tests" / "data" / "entities_blind"
BLIND2 = REPO / "tests" / "data" / "entities_blind2"
# Overlap F1 the rules reach on the hand-annotated dev set (0.975: "said one worker" now counts
# as a CARDINAL the dev gold leaves out), less a margin.
DEV_FLOOR = 0.95
# The blind set (gold written before the recogniser was run on it) scored 0.890 overlap F1
# (0.852 strict) on first contact: the honest estimate of how the rules generalise. Rules were
# then changed by error category; they reach 0.986 on it now, and must not fall back.
BLIND_FIRST = 0.890
BLIND_FLOOR = 0.96
# The second blind set (ten wire, market, court and transcript pages, gold written before the
# engine saw them) scored 0.847 overlap F1 (0.813 strict) on first contact: the current honest
# estimate. The rules were then changed by error category; they reach 0.972 on it now.
BLIND2_FIRST = 0.847
BLIND2_FLOOR = 0.95
# The third blind set (ten online reports of company scandals, breaches, regulators and the
# politics around them, gold written before the engine saw them) scored 0.974 overlap F1
# (0.938 strict) on first contact: the current honest estimate. Rules changed by error category
# since reach 0.998 on it.
BLIND3 = REPO / "tests" / "data" / "entities_blind3"
BLIND3_FIRST = 0.974
BLIND3_FLOOR = 0.98
# The fourth blind set (eight results, markets, regulation and politics reports, gold written
# before the engine saw them) scored 0.937 overlap F1 (0.914 strict) on first contact: the
# current honest estimate, recorded per label in its SOURCES.md.
BLIND4 = REPO / "tests" / "data" / "entities_blind4"
BLIND4_FIRST = 0.937
# The seed gold: 0.994 now; the floor leaves room for small trade-offs, never a fall below 0.97.
SEED_FLOOR = 0.97


def spans(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in recognize(text)}


def keys(text: str) -> dict[str, str]:
    return {e.text: e.key for e in recognize(text)}


# -- hard cases ------------------------------------------------------------------------------

def test_title_case_headline_keeps_names_and_drops_capitalised_words() -> None:
    text = ("Apple Unveils New iPhone As Tim Cook Takes The Stage\n\n"
            "Apple chief executive Tim Cook spoke in Cupertino on Tuesday.")
    found = spans(text)
    assert ("Apple", "ORG") in found
    assert ("Tim Cook", "PERSON") in found
    assert ("Cupertino", "GPE") in found
    words = {t for t, _ in found}
    assert not words & {"Unveils", "New", "Takes", "Stage", "Takes The Stage", "As"}


def test_all_caps_speaker_labels() -> None:
    text = ("JANE DOUGLAS, BBC CORRESPONDENT: The talks in Geneva ended late.\n\n"
            "DOUGLAS: Both sides said they would meet again.\n\n"
            "UNIDENTIFIED MALE: No comment.\n")
    ents = recognize(text)
    found = {(e.text, e.label) for e in ents}
    assert ("JANE DOUGLAS", "PERSON") in found
    assert ("BBC", "ORG") in found
    assert ("DOUGLAS", "PERSON") in found
    assert ("Geneva", "GPE") in found
    assert not any("UNIDENTIFIED" in e.text for e in ents)
    by_text = {e.text: e.key for e in ents}
    assert by_text["DOUGLAS"] == by_text["JANE DOUGLAS"] == "PERSON:jane douglas"


def test_sentence_initial_capitals_are_not_names() -> None:
    text = ("Meanwhile, the regulator opened an inquiry. Refuting the claims, Siemens said it "
            "had complied. Additionally, shares fell. Critics were unconvinced.")
    found = spans(text)
    assert ("Siemens", "ORG") in found
    assert not {t for t, _ in found} & {"Meanwhile", "Refuting", "Additionally", "Critics"}


def test_sentence_initial_common_word_before_of_heads_the_name() -> None:
    # A common word that "of" follows at a sentence start is a name's head, read as it
    # would be mid-sentence; a common word glued to a name without one is still dropped.
    for text in ("Pension fund reports came out. Ministry of Finance officials met the "
                 "lenders on Friday.",
                 "Ministry of Finance officials met the lenders on Friday."):
        assert ("Ministry of Finance", "ORG") in spans(text)
    text = "Prices fell. Bank of Norway and Harbour Capital cut their forecasts."
    assert not any(t.startswith("of ") for t, _ in spans(text))
    assert spans(text) == spans("Prices fell. Analysts at Bank of Norway and Harbour "
                                "Capital cut their forecasts.")
    assert ("Facebook", "ORG") in spans("Meanwhile Facebook said it would appeal.")


def test_sentence_initial_name_confirmed_by_the_document() -> None:
    text = "The minister met Kemal Yilmaz on Monday. Yilmaz said the deal was close."
    ents = {e.text: e for e in recognize(text)}
    assert ents["Yilmaz"].label == "PERSON"
    assert ents["Yilmaz"].key == ents["Kemal Yilmaz"].key == "PERSON:kemal yilmaz"


def test_hyphenated_compounds_split_into_their_entities() -> None:
    found = spans("The Google-Motorola deal and the US-based fund drew scrutiny from "
                  "Paris-based Vivendi.")
    assert ("Google", "ORG") in found
    assert ("Motorola", "ORG") in found
    assert ("US", "GPE") in found
    assert ("Paris", "GPE") in found
    assert not any("-" in t for t, _ in found)


def test_based_compound_yields_the_place() -> None:
    found = spans("the United Kingdom-based data firm and a Toronto-based bank")
    assert ("United Kingdom", "GPE") in found
    assert ("Toronto", "GPE") in found


def test_ticker_and_table_debris_is_skipped() -> None:
    text = ("Shares of the carmaker rose on Friday.\n\n"
            "Ticker Security Last Change Change %\n"
            "TSLA TESLA, INC. 172.10 +1.25 +0.73%\n\n"
            "Tesla said deliveries rose 5 percent.")
    ents = recognize(text)
    table_start = text.index("Ticker")
    table_end = text.index("\n\nTesla said")
    assert not [e for e in ents if table_start <= e.start < table_end]
    assert ("Tesla", "ORG") in {(e.text, e.label) for e in ents}
    assert ("5 percent", "PERCENT") in {(e.text, e.label) for e in ents}


def test_typo_in_a_name_shares_the_key() -> None:
    text = ("Jacinda Ardern spoke first. Later Jacinda Ardern took questions, and Jacinda "
            "Ardern left. Reporters said Jacinda Arden looked tired.")
    ks = {e.key for e in recognize(text) if e.label == "PERSON"}
    assert ks == {"PERSON:jacinda ardern"}


def test_possessives_stay_outside_the_span() -> None:
    ents = recognize("Google’s chief and Microsoft's lawyers met Angela Merkel's aides.")
    texts = {e.text for e in ents}
    assert {"Google", "Microsoft", "Angela Merkel"} <= texts
    assert not any(t.endswith(("’s", "'s")) for t in texts)


def test_acronym_in_brackets_is_an_alias() -> None:
    text = ("Researchers at Global Science Research (GSR) built the app. GSR later shared the "
            "data.")
    ents = [e for e in recognize(text) if e.text in ("GSR", "Global Science Research")]
    assert {e.label for e in ents} == {"ORG"}
    assert {e.key for e in ents} == {"ORG:global science research"}


def test_acronym_of_a_lower_case_phrase_is_not_an_entity() -> None:
    found = spans("patients with chronic refractory cough (CRC) were treated")
    assert not any(t == "CRC" for t, _ in found)


def test_titles_are_left_out_of_person_spans() -> None:
    found = spans("Chief Operating Officer Jane Holt and President Trump met Sen. Ron Wyden.")
    assert ("Jane Holt", "PERSON") in found
    assert ("Trump", "PERSON") in found
    assert ("Ron Wyden", "PERSON") in found


def test_numbers_dates_and_amounts() -> None:
    text = ("On March 22, 2018, shares fell 7 percent, or 9%, wiping $9 billion off a company "
            "with 50 million users, after 270,000 people joined in 2016.")
    found = spans(text)
    assert ("March 22, 2018", "DATE") in found
    assert ("7 percent", "PERCENT") in found
    assert ("9%", "PERCENT") in found
    assert ("$9 billion", "MONEY") in found
    assert ("50 million", "CARDINAL") in found
    assert ("270,000", "CARDINAL") in found
    assert ("2016", "DATE") in found


def test_document_consistency_same_name_same_label() -> None:
    text = ("Orsted said on Monday it would cut jobs. Analysts expect Orsted to sell assets. "
            "Orsted shares fell.")
    labels = {e.label for e in recognize(text) if e.text == "Orsted"}
    assert labels == {"ORG"}


def test_aliases_of_places_share_a_key() -> None:
    ks = keys("The US and the United Kingdom, the UK for short, joined the United States.")
    assert ks["US"] == ks["United States"] == "GPE:united states"
    assert ks["UK"] == ks["United Kingdom"] == "GPE:united kingdom"


def test_amounts_in_currencies_named_after_the_number() -> None:
    found = spans("He took 2 million ringgit, then 20.5 trillion naira and 300 rand, a fine of "
                  "NT$154 million (about U.S.$5 million).")
    assert {("2 million ringgit", "MONEY"), ("20.5 trillion naira", "MONEY"),
            ("300 rand", "MONEY"), ("NT$154 million", "MONEY"),
            ("U.S.$5 million", "MONEY")} <= found
    assert not any(label == "ORG" for _, label in found)


def test_title_case_headline_amounts_and_verbs() -> None:
    text = ("Acacia Stock Rises 30% After Cisco Agrees to Buy It for $4.5 Billion\n"
            "Cisco said the offer for Acacia was final.")
    found = spans(text)
    assert {("Acacia", "ORG"), ("Cisco", "ORG"), ("$4.5 Billion", "MONEY")} <= found
    assert not {t for t, _ in found} & {"Acacia Stock Rises", "Cisco Agrees", "Billion"}


def test_season_years_and_dates_after_an_organisation() -> None:
    found = spans("In the 2019-20 season the Supreme Court on Nov 11 upheld the ruling.")
    assert ("2019-20", "DATE") in found
    assert ("Supreme Court", "ORG") in found
    assert ("Nov 11", "DATE") in found


def test_surname_first_names_and_their_short_form() -> None:
    text = ("Former president Chen Shui-bian and his wife Wu Shu-jen appealed. Lim Guan Eng "
            "denied it. Chen, Wu and Lim will appeal; the Party-led coalition agreed.")
    found = spans(text)
    assert {("Chen Shui-bian", "PERSON"), ("Wu Shu-jen", "PERSON"),
            ("Lim Guan Eng", "PERSON"), ("Wu", "PERSON"), ("Lim", "PERSON")} <= found
    assert not any(t.endswith("-led") for t, _ in found)


def test_short_form_of_an_organisation_named_after_a_person() -> None:
    text = ("Researchers at Johns Hopkins University built it. The Johns Hopkins team said "
            "the Johns Hopkins model worked.")
    labels = {e.label for e in recognize(text) if e.text.startswith("Johns Hopkins")}
    assert labels == {"ORG"}


def test_place_noun_after_an_unknown_multi_word_name() -> None:
    text = ("Floods hit Oriental Mindoro province on Friday. In Oriental Mindoro, 153 villages "
            "were swamped near Naujan town.\nHelp reached Oriental Mindoro later.")
    labels = {(e.text, e.label) for e in recognize(text)}
    assert ("Oriental Mindoro", "GPE") in labels
    assert ("Oriental Mindoro", "ORG") not in labels
    assert ("Naujan", "GPE") in labels


def test_page_furniture_in_capitals_is_not_an_organisation() -> None:
    found = spans("By a staff writer\n\nSHARE\n\nThe WHO and NATO met in Geneva.")
    assert ("SHARE", "ORG") not in found
    assert {("WHO", "ORG"), ("NATO", "ORG"), ("Geneva", "GPE")} <= found


def test_states_and_provinces_outside_the_us() -> None:
    found = spans("Counting began in Telangana and Madhya Pradesh. Officials in Guangdong and "
                  "Nova Scotia agreed, as did Punjab.")
    assert {("Telangana", "GPE"), ("Madhya Pradesh", "GPE"), ("Guangdong", "GPE"),
            ("Nova Scotia", "GPE"), ("Punjab", "GPE")} <= found


def test_instrument_codes_stay_outside_company_names() -> None:
    ents = recognize("Amazon AMZN.O, Meta META.O and Microsoft MSFT.O face the probe.")
    assert {(e.text, e.label) for e in ents} == {("Amazon", "ORG"), ("Meta", "ORG"),
                                                 ("Microsoft", "ORG")}


def test_hyphenated_amounts_and_amounts_after_a_name() -> None:
    found = spans("The Commission imposed a 2.95-billion-euro fine and later fined Google "
                  "250 million euros.")
    assert {("2.95-billion-euro", "MONEY"), ("Google", "ORG"),
            ("250 million euros", "MONEY")} <= found


def test_names_that_start_with_a_digit() -> None:
    found = spans("He faces trials over 1MDB, a state fund. 3M said sales rose; the 5G rollout "
                  "and 3D printers did not.")
    assert {("1MDB", "ORG"), ("3M", "ORG")} <= found
    assert not {t for t, _ in found} & {"5G", "3D"}


def test_headline_verbs_between_names_split_them() -> None:
    text = ("China Approves AMD's $35 Billion Acquisition of Chipmaker Xilinx\n\n"
            "WARNING COMES AFTER OTTAWA HALTS HONG KONG PRIVILEGES\n\n"
            "Regulators in China cleared the deal, AMD said.")
    found = spans(text)
    assert {("China", "GPE"), ("AMD", "ORG"), ("Xilinx", "ORG"), ("OTTAWA", "GPE"),
            ("HONG KONG", "GPE")} <= found
    assert not any(" " in t and "Approves" in t for t, _ in found)


def test_weekday_before_a_name_and_a_country_is_never_a_surname() -> None:
    text = "On Friday Canada joined the talks. Canada said Canadians were safe."
    ents = recognize(text)
    assert {(e.text, e.label) for e in ents} >= {("Friday", "DATE"), ("Canada", "GPE"),
                                                 ("Canadians", "NORP")}
    assert not any(e.label == "PERSON" for e in ents)


def test_surname_first_names_and_company_forms() -> None:
    found = spans("The arrest of Huawei executive Meng Wanzhou angered Beijing. A suit against "
                  "HQ Sustainable Maritime Industries, Inc. and Wells Fargo and Co. went ahead.")
    assert ("Meng Wanzhou", "PERSON") in found
    assert ("HQ Sustainable Maritime Industries, Inc.", "ORG") in found
    assert ("Wells Fargo and Co.", "ORG") in found


def test_courts_commissions_and_bracketed_acronyms_are_bodies() -> None:
    text = ("The European Commission opened a probe. The Commission said the EU's General "
            "Court and the Court of Justice of the European Union agreed. Voters backed the "
            "Bharat Rashtra Samiti (BRS); the BRS won 39 seats.")
    found = spans(text)
    assert {("Commission", "ORG"), ("General Court", "ORG"),
            ("Court of Justice of the European Union", "ORG"),
            ("Bharat Rashtra Samiti", "ORG"), ("BRS", "ORG")} <= found
    assert not any(label == "PERSON" for _, label in found)


def test_bare_one_counts_only_before_a_noun() -> None:
    text = ("The party won one seat, one of the largest swings; the wrong one lost one year "
            "later.")
    ones = [(e.start, e.label) for e in recognize(text) if e.text == "one"]
    assert ones == [(text.index("one seat"), "CARDINAL")]


def test_date_stamp_and_dateline_open_the_first_sentence() -> None:
    text = (" date 2020-06-23 Former Ridgefield chief executive Jonas Ekdahl was arrested.\n"
            "BERLIN, Sept 27 Six U.S. senators wrote to him.")
    found = spans(text)
    assert {("2020-06-23", "DATE"), ("Ridgefield", "ORG"), ("Jonas Ekdahl", "PERSON"),
            ("Six", "CARDINAL"), ("U.S.", "GPE")} <= found
    assert not any(t.startswith(("Former", "Six ")) for t, _ in found)


def test_capitalised_word_before_a_number_does_not_swallow_it() -> None:
    found = spans("Charges were filed. Nearly 40 states joined, and half a million people "
                  "signed in October of 2016.")
    assert {("40", "CARDINAL"), ("half a million", "CARDINAL"),
            ("October of 2016", "DATE")} <= found
    assert not any(t.startswith("Nearly") for t, _ in found)


def test_names_broken_by_hard_wrapped_lines() -> None:
    text = ("The letter was signed by Senators Patrick Leahy, Al Franken, Richard\n"
            "Blumenthal and Ron Wyden.\n")
    found = spans(text)
    assert {("Patrick Leahy", "PERSON"), ("Richard\nBlumenthal", "PERSON"),
            ("Ron Wyden", "PERSON")} <= found
    assert not any(label == "ORG" for _, label in found)


def test_titles_of_several_words_and_places_before_people() -> None:
    text = ("Home Affairs Minister Clare Vance spoke. Securities and Exchange Commission Chair "
            "Mary Jo White declined. Florida Republican Michael Bilirakis objected.")
    found = spans(text)
    assert {("Clare Vance", "PERSON"), ("Securities and Exchange Commission", "ORG"),
            ("Mary Jo White", "PERSON"), ("Florida", "GPE"), ("Republican", "NORP"),
            ("Michael Bilirakis", "PERSON")} <= found
    assert not any("Minister" in t or "Chair" in t for t, _ in found)


def test_government_body_named_with_its_country_is_one_organisation() -> None:
    found = spans("He will testify before a U.S. House of Representatives panel.")
    assert ("U.S. House of Representatives", "ORG") in found
    assert ("U.S.", "GPE") not in found


def test_link_text_and_collective_nouns_are_not_names() -> None:
    text = ("Regulators crack down on Big Tech\n\nPressure on Big Tech grew. Amazon (AMZN) - "
            "Get Report fell and Nike (NKE) - Get Report rose; Big Tech firms lobbied.")
    found = spans(text)
    assert {("Amazon", "ORG"), ("Nike", "ORG")} <= found
    assert not {t for t, _ in found} & {"Big Tech", "Get Report", "Tech"}


def test_read_more_headline_and_lower_case_agency_dateline() -> None:
    text = ("Manila (dpa) - Floods hit the capital.\n"
            "Read more: AMD's Lisa Su Redoubles Intel Challenge With Record Deal\n"
            "AMD competes with Intel.")
    ents = recognize(text)
    found = {(e.text, e.label) for e in ents}
    assert {("dpa", "ORG"), ("Manila", "GPE")} <= found
    assert {e.label for e in ents if e.text == "Intel"} == {"ORG"}
    assert any(e.label == "PERSON" and e.text.startswith("Lisa Su") for e in ents)


def test_listed_companies_named_like_people() -> None:
    found = spans("Freddie Mac, Charles Schwab and Estee Lauder reported; Morgan Stanley "
                  "advised.")
    assert {("Freddie Mac", "ORG"), ("Charles Schwab", "ORG"), ("Estee Lauder", "ORG"),
            ("Morgan Stanley", "ORG")} <= found


# -- across documents ------------------------------------------------------------------------

def test_recognize_many_links_the_same_entity_across_documents() -> None:
    a = ("Angela Merkel met officials from Global Science Research (GSR) in the United States.")
    b = "Merkel said GSR had told US regulators everything."
    da, db = recognize_many([a, b])
    ka = {e.text: e.key for e in da}
    kb = {e.text: e.key for e in db}
    assert kb["Merkel"] == ka["Angela Merkel"] == "PERSON:angela merkel"
    assert kb["GSR"] == ka["Global Science Research"]
    assert kb["US"] == ka["United States"]


def _org_keys(text: str) -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for e in recognize(text):
        if e.label == "ORG":
            keys.setdefault(e.text, set()).add(e.key)
    return keys


def test_short_and_long_names_of_a_company_share_a_key() -> None:
    keys = _org_keys("Cisco Systems agreed to buy Acacia Communications. Campbell Soup Company "
                     "was not involved. Cisco said Acacia staff would join. Campbell Soup fell.")
    assert keys["Cisco"] == keys["Cisco Systems"] == {"ORG:cisco systems"}
    assert keys["Acacia"] == keys["Acacia Communications"] == {"ORG:acacia communications"}
    assert keys["Campbell Soup"] == keys["Campbell Soup Company"] == {"ORG:campbell soup"}


def test_short_and_long_company_names_share_a_key_across_documents() -> None:
    da, db = recognize_many(["Shares of Uber Technologies rose on Monday.",
                             "Uber said the results were strong."])
    assert {e.key for e in da if e.text == "Uber Technologies"} == \
        {e.key for e in db if e.text == "Uber"} == {"ORG:uber technologies"}


def test_a_stem_of_two_longer_names_keeps_its_own_key() -> None:
    keys = _org_keys("Acme Systems and Acme Networks were sued. Acme denied it.")
    assert keys["Acme"] == {"ORG:acme"}
    assert keys["Acme Systems"] == {"ORG:acme systems"}
    assert keys["Acme Networks"] == {"ORG:acme networks"}
    # "Acme Group" is keyed by its stem, but beside "Acme Systems" it is another company.
    rows = [(0, 12, "ORG", "Acme Systems"), (17, 27, "ORG", "Acme Group"), (29, 33, "ORG", "Acme")]
    (doc,) = link_rows(["Acme Systems and Acme Group. Acme"], [rows])
    assert [e.key for e in doc] == ["ORG:acme systems", "ORG:acme", "ORG:acme"]


def test_company_words_only_join_organisations_with_their_own_stem() -> None:
    rows_a = [(0, 13, "ORG", "Cisco Systems"), (14, 21, "ORG", "Systems")]
    rows_b = [(0, 5, "PERSON", "Cisco"), (6, 14, "ORG", "Ciscoish")]
    da, db = link_rows(["Cisco Systems Systems", "Cisco Ciscoish"], [rows_a, rows_b])
    assert [e.key for e in da] == ["ORG:cisco systems", "ORG:systems"]
    assert [e.key for e in db] == ["PERSON:cisco", "ORG:ciscoish"]


def test_company_tail_is_the_descriptive_words_before_any_legal_form() -> None:
    assert company_tail("Cisco Systems Inc.") == (6, 13)
    assert company_tail("Global Industries International, Ltd") == (7, 31)
    for bare in ("Campbell Soup Company", "Systems", "Cisco"):
        start, end = company_tail(bare)
        assert start == end, bare


def test_a_plugged_in_engine_gets_the_same_linking() -> None:
    class Fixed:
        name = "fixed"

        def recognize(self, text: str) -> list[Entity]:
            i = text.find("U.S.")
            return [Entity(i, i + 4, "GPE", "U.S.", "")] if i >= 0 else []

    register_engine("fixed", Fixed)
    rec = engine("fixed")
    assert isinstance(rec, Recognizer)
    (doc,) = recognize_many(["Officials in the U.S. agreed."], rec)
    assert doc[0].key == "GPE:united states"
    assert default_recognizer().name == "rules"


# -- invariants ------------------------------------------------------------------------------

_ALPHABET = st.sampled_from([
    *"abc XYZ Mr. US $%,.:-’'\n0123456789", "Apple ", "Tim Cook ", "March ", "2016 ", " percent",
    "(GSR)", "JOHN SMITH, CNN: ", "Facebook-Cambridge Analytica ", "the ", "said ",
    "United Kingdom-based ",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_entities_are_sorted_disjoint_and_match_the_text(text: str) -> None:
    ents = recognize(text)
    last = -1
    for e in ents:
        assert 0 <= e.start < e.end <= len(text)
        assert e.start >= last
        assert text[e.start:e.end] == e.text
        assert e.label in LABELS
        assert e.key.startswith(e.label + ":")
        last = e.end


def test_empty_and_plain_texts() -> None:
    assert recognize("") == []
    assert recognize("nothing capitalised here at all") == []


def test_annotations_never_import_textual() -> None:
    code = "import sys, sidelight.annotations.entities as m; m.recognize('Apple'); " \
           "sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0


# -- quality ---------------------------------------------------------------------------------

def test_seed_gold_overlap_f1() -> None:
    # The seed gold ships with the tests (a copy of the shared evaluation set), so the test
    # runs in a fresh clone too; the seeds are the project's own.
    gold = load_gold(Path(__file__).parent / "data" / "entities_seeds" / "gold.jsonl")
    assert overlap_f1(gold, REPO / "seeds") >= SEED_FLOOR


def test_dev_set_overlap_f1() -> None:
    gold = load_gold(DEV / "gold.jsonl")
    assert len(gold) >= 8
    assert overlap_f1(gold, DEV) >= DEV_FLOOR


def test_blind_set_overlap_f1() -> None:
    gold = load_gold(BLIND / "gold.jsonl")
    assert len(gold) >= 6
    assert overlap_f1(gold, BLIND) >= max(BLIND_FLOOR, BLIND_FIRST)


def test_second_blind_set_overlap_f1() -> None:
    gold = load_gold(BLIND2 / "gold.jsonl")
    assert len(gold) >= 8
    assert overlap_f1(gold, BLIND2) >= max(BLIND2_FLOOR, BLIND2_FIRST)


def test_third_blind_set_overlap_f1() -> None:
    gold = load_gold(BLIND3 / "gold.jsonl")
    assert len(gold) >= 10
    assert overlap_f1(gold, BLIND3) >= max(BLIND3_FLOOR, BLIND3_FIRST)


def test_fourth_blind_set_overlap_f1() -> None:
    gold = load_gold(BLIND4 / "gold.jsonl")
    assert len(gold) >= 8
    assert overlap_f1(gold, BLIND4) >= BLIND4_FIRST - 0.01


# -- command line ----------------------------------------------------------------------------

def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sidelight", "entities", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


def test_cli_jsonl_on_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    text = "Mark Carney met officials in Ottawa on Monday.\n"
    path.write_text(text, encoding="utf-8")
    res = _cli(str(path))
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert {(r["text"], r["label"]) for r in rows} >= {("Mark Carney", "PERSON"),
                                                       ("Ottawa", "GPE"), ("Monday", "DATE")}
    for r in rows:
        assert set(r) == {"start", "end", "label", "text", "key"}
        assert text[r["start"]:r["end"]] == r["text"]


def test_cli_on_markdown_uses_the_reading_text(tmp_path: Path) -> None:
    from sidelight.annotations.documents import load_document

    path = tmp_path / "story.md"
    path.write_text("# Talks in **Geneva**\n\nThe *United Nations* said on Friday that "
                    "[Kofi Annan](http://example.org) would attend.\n", encoding="utf-8")
    res = _cli(str(path), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    doc = load_document(path)
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert {r["text"] for r in rows} >= {"Geneva", "United Nations", "Kofi Annan", "Friday"}
    for r in rows:
        assert doc.text[r["start"]:r["end"]] == r["text"]


def test_cli_table_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Reuters reported that Siemens hired 500 engineers.", encoding="utf-8")
    res = _cli(str(path), "--format", "table")
    assert res.returncode == 0, res.stderr
    assert "Siemens" in res.stdout and "ORG" in res.stdout
    res = _cli(str(tmp_path / "nope.txt"))
    assert res.returncode == 1
    assert res.stderr.count("\n") == 1


# -- general fixes: measures, small places, amounts in words ---------------------

def test_measurement_scale_is_no_organisation() -> None:
    for text in ("It measured 5.6 on the Richter Scale, the agency said.",
                 "It measured 5.6 on the Richter scale."):
        assert not [e for e in recognize(text) if e.label == "ORG"]


def test_small_places_after_in_and_beside_a_district() -> None:
    assert ("Jajarkot", "GPE") in spans("The earthquake struck in Jajarkot late on Friday.")
    assert {("Jajarkot", "GPE"), ("Rukum West", "GPE")} <= spans(
        "Houses collapsed in Jajarkot district and Rukum West, officials said.")
    assert {("Jajarkot", "GPE"), ("Rukum West", "GPE")} <= spans(
        "Houses collapsed in Jajarkot and Rukum West districts.")


def test_in_is_no_place_cue_for_a_holding_or_against_other_mentions() -> None:
    assert ("Acmeco", "ORG") in spans("He bought a stake in Acmeco last year.")
    text = "Acmeco said profits fell. Shares in Acmeco dropped. Acmeco declined to comment."
    assert {e.label for e in recognize(text) if e.text == "Acmeco"} == {"ORG"}


def test_amount_in_words_with_its_currency_is_money() -> None:
    got = spans("It earned three cents a share, up from one cent; it paid twenty dollars.")
    assert {("three cents", "MONEY"), ("one cent", "MONEY"), ("twenty dollars", "MONEY")} <= got


def test_what_was_read_before_never_changes_a_document_s_entities() -> None:
    # The span analysis cache is shared across documents; it must hold nothing document-specific.
    from sidelight.annotations.entities.rules import RuleRecognizer

    texts = [p.read_text(encoding="utf-8") for d in (DEV, BLIND, BLIND2, BLIND3)
             for p in sorted(d.glob("*.txt"))]
    shared = RuleRecognizer()
    for text in texts:
        shared.recognize(text)
    for text in reversed(texts):
        assert shared.recognize(text) == RuleRecognizer().recognize(text)


@pytest.mark.parametrize("place", ["Menlo Park", "Ocean Park", "Silver Bridge", "Bad Kreuznach"])
def test_a_wire_datelines_place_is_a_place(place: str) -> None:
    # The name before the agency is where the report was filed, whatever its last word
    # suggests alone (a park, a bridge) or however unknown its words are.
    text = (f"Streit um den Hafen\n\n{place} (dpa) - Der Bürgermeister hat am Montag den Ausbau "
            "gestoppt. Die Gemeinde will nun klagen.\n")
    found = [(text[e.start:e.end], e.label) for e in recognize(text, lang="de")]
    assert (place, "GPE") in found and ("dpa", "ORG") in found


def test_a_full_month_name_leaves_the_sentence_full_stop_outside_the_date() -> None:
    # The full stop after an abbreviation is the abbreviation's; after a full name it ends
    # the sentence and stays outside the date.
    cases = [("Le vote aura lieu le 13 février. Ensuite", "fr", "13 février"),
             ("Die Wahl war am 13. Februar. Dann", "de", "13. Februar"),
             ("The vote is on 13 February. Then", "en", "13 February"),
             ("Le vote aura lieu le 13 févr. 2025.", "fr", "13 févr. 2025"),
             ("It was Feb. 13, 2018.", "en", "Feb. 13, 2018"),
             ("Sie kam am 3. Sept. 2019.", "de", "3. Sept. 2019")]
    for text, lang, date in cases:
        assert [e.text for e in recognize(text, lang=lang) if e.label == "DATE"] == [date], text
