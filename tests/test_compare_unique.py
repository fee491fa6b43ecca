""""Only this source tells it": a sentence is marked so only when the other source does not
tell it, however reworded. Each rule on small texts of its own."""

from __future__ import annotations

from sidelight.annotations.comparison import Comparison, compare_documents
from sidelight.annotations.documents import make_text_document


def _compare(a: str, b: str) -> Comparison:
    return compare_documents([make_text_document("a.txt", a), make_text_document("b.txt", b)])


def _kind(c: Comparison, doc: int, words: str) -> str:
    return next(s.kind for s in c.sentences[doc] if words in s.text)


def _told_together(c: Comparison, words_a: str, words_b: str) -> bool:
    s = next(s for s in c.sentences[0] if words_a in s.text)
    text = c.documents[1].text
    return any(words_b in text[cp.start:cp.end] for cp in s.counterparts if cp.doc == 1)


_HARBOUR_A = (
    "Harbour strike halts container traffic\n\n"
    "Dock workers at the port of Valmora walked out on Monday over a pay offer, leaving "
    "cranes idle and lorries queueing on the coast road. "
    "Valmora handles roughly 4,300 vessels annually. "
    "Union leader Petra Hollis said the stoppage would last until Friday. "
    "Freight firms warned of empty shelves within a week. "
    "The port authority has asked a court to order the union to end the strike.\n")
_HARBOUR_B = (
    "Valmora dockers strike over pay\n\n"
    "Dockers in Valmora stopped work on Monday after rejecting the latest wage deal, and "
    "cranes stood idle along the quays. "
    "Union leader Petra Hollis said the stoppage would last until Friday. "
    "The operator, at whose quays some 4,300 ships call every year, has asked a court to "
    "order the union to end the strike. "
    "A spokesman for the ferry line said passenger sailings were not affected.\n")


def test_a_claim_retold_around_one_same_rare_figure_is_not_unique() -> None:
    c = _compare(_HARBOUR_A, _HARBOUR_B)
    # "4,300 vessels annually" / "some 4,300 ships call every year": other nouns, other
    # words, in a sentence whose best partner is another (the court case), one figure
    # given alike by both reports.
    assert _told_together(c, "roughly 4,300 vessels", "some 4,300 ships")
    assert _kind(c, 0, "roughly 4,300 vessels") != "unique"
    assert _told_together(c, "asked a court", "asked a court")
    # What one report alone says stays its own; with no name or figure the other never
    # gives, nothing shows that the other does not tell it in other words: no mark.
    assert _kind(c, 0, "Freight firms warned") == "unmatched"
    assert _kind(c, 1, "ferry line said") == "unmatched"


def _facts(text: str):  # type: ignore[no-untyped-def]
    from sidelight.annotations.comparison.features import sentence_facts
    from sidelight.annotations.comparison.quantities import all_quantities
    from sidelight.annotations.comparison.sentences import split_sentences

    return sentence_facts(text, split_sentences(text), [],
                          all_quantities(text, "2026-05-04"), [])


def _agree(a: str, b: str, aligned: list[tuple[int, int, float]] | None = None
           ) -> list[tuple[int, int]]:
    from sidelight.annotations.comparison.figure_agree import agreeing_pairs

    return [(i, j) for i, j, _ in agreeing_pairs(_facts(a), _facts(b), aligned or [],
                                                  lambda i, j: 0.1)]


def test_one_figure_alike_pairs_only_sentences_about_one_thing() -> None:
    assert _agree("The plant employs about 2,400 people.",
                  "Its 2,400 workers were sent home.") == [(0, 0)]
    # The same happened to them, or nothing is said: 140 on board and 140 rescued are two
    # figures that happen to be equal.
    assert _agree("The ferry had 140 people on board.",
                  "Rescuers said 140 people were pulled alive from the sea.") == []
    # Another year, another event.
    assert _agree("The bridge carried 2,600 vehicles a day in 2019.",
                  "In 2024, 2,600 vehicles a day used the crossing.") == []
    # A small count or a share alike is common: it needs words around it in common.
    assert _agree("The storm damaged 14 schools.", "Crews from 14 counties came.") == []
    assert _agree("Sales rose 6 percent.", "The firm cut 6 percent of its staff.") == []
    assert _agree("Fourteen people were still missing.",
                  "The search for 14 missing people went on.") == [(0, 0)]
    # Dates, times and years are a story's own: many of its sentences give them.
    assert _agree("The plant opened in 1998.", "Since 1998 the plant has grown.") == []


def test_a_figure_the_aligner_already_set_side_by_side_adds_nothing() -> None:
    a = "Nearly 2,400 people work at the plant. The plant employs 2,400 people."
    b = "The plant's 2,400 staff were sent home."
    assert _agree(a, b, [(0, 0, 0.4)]) == [(1, 0)]  # the second place that tells it
    assert _agree(a, b, [(0, 0, 0.4), (1, 0, 0.3)]) == []
    # A figure given in many places of a report (a running tally) pairs nothing.
    many = " ".join(f"Update {k}: 2,400 people." for k in range(3))
    assert _agree(many, b) == []


def test_a_small_count_alike_needs_more_than_the_number() -> None:
    a = ("Storm hits coast\n\nThe storm damaged 14 schools along the coast on Sunday. "
         "Power was restored to most homes by the evening.\n")
    b = ("Coastal storm\n\nCrews from 14 counties helped clear fallen trees on Sunday. "
         "Power was restored to most homes by the evening.\n")
    c = _compare(a, b)
    assert not _told_together(c, "damaged 14 schools", "Crews from 14 counties")


def test_a_clause_that_opens_with_said_and_goes_on_with_the_claim_is_the_claim() -> None:
    from sidelight.annotations.comparison.attribution import attribution_spans, is_attribution
    from sidelight.annotations.comparison.sentences import split_sentences

    # The speaker is named before the comma; what follows "said" is what was said.
    text = ("The operator, whose quays see thousands of ships a year, said it would take "
            "legal action against the union.")
    assert attribution_spans(split_sentences(text)[0]) == []
    assert not is_attribution("said it would take legal action against the union")
    assert not is_attribution("said on Monday that talks had failed")
    # Who told it, after the claim, stays apart from it.
    for said in ("said Petra Hollis", "the agency said on Thursday", "he told reporters",
                 "according to the port authority"):
        assert is_attribution(said), said
    text = "Talks had failed, the port authority said on Monday."
    assert [text[a:b] for a, b in attribution_spans(split_sentences(text)[0])] == [
        " the port authority said on Monday."]


def test_a_claim_told_after_a_long_subject_meets_its_short_retelling() -> None:
    a = ("Harbour strike halts container traffic\n\n"
         "Dock workers at the port of Valmora walked out on Monday over a pay offer. "
         "Union leader Petra Hollis said the stoppage would last until Friday. "
         "Freight firms warned of empty shelves within a week. "
         "The port authority said it would take legal action against the union.\n")
    b = ("Valmora dockers strike over pay\n\n"
         "Dockers in Valmora stopped work on Monday after rejecting the latest wage deal. "
         "Union leader Petra Hollis said the stoppage would last until Friday. "
         "The operator, whose quays see thousands of ships a year, said it would take legal "
         "action against the union. "
         "A spokesman for the ferry line said passenger sailings were not affected.\n")
    c = _compare(a, b)
    assert _kind(c, 0, "legal action") != "unique"
    assert _told_together(c, "legal action", "legal action")
    assert _kind(c, 0, "Freight firms warned") == "unmatched"


def test_the_compare_command_lists_a_retold_claim_as_told_by_both(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    (tmp_path / "a.txt").write_text(_HARBOUR_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_HARBOUR_B, encoding="utf-8")
    run = [sys.executable, "-m", "sidelight", "compare", str(tmp_path / "a.txt"),
           str(tmp_path / "b.txt"), "--db", str(tmp_path / "db.json")]
    out = json.loads(subprocess.run([*run, "--format", "json"], capture_output=True,
                                    text=True, check=True, cwd=root).stdout)
    unique = " ".join(u["text"] for u in out["unique"])
    unmatched = " ".join(u["text"] for u in out["unmatched"])
    assert "Freight firms warned" in unmatched and "ferry line" in unmatched
    assert "4,300" not in unique + unmatched
    assert any("4,300 vessels" in s["text"] for p in out["passages"] for s in p["sides"])
    md = subprocess.run(run, capture_output=True, text=True, check=True, cwd=root).stdout
    only = md.split("## Passages unique to one source", 1)[1].split("\n## ", 1)[0]
    assert "Freight firms warned" not in only and "4,300" not in only
    open_ = md.split("## No counterpart found", 1)[1].split("\n## ", 1)[0]
    assert "Freight firms warned" in open_ and "4,300" not in open_


def test_a_question_tells_no_claim_and_gets_no_mark() -> None:
    a = ("Port strike\n\nREPORTER: Will the strike spread to other ports? "
         "HOLLIS: Dock workers at Valmora walked out on Monday over a pay offer. "
         "Freight firms warned of empty shelves within a week.\n")
    b = ("Valmora dockers strike\n\nDock workers at Valmora walked out on Monday over a pay "
         "offer. What happens next? Got a tip? Email the newsroom.\n")
    c = _compare(a, b)
    marked = [s.text for doc in c.sentences for s in doc]
    assert not [t for t in marked if t.rstrip().endswith("?")]
    assert _kind(c, 0, "Freight firms warned") == "unique"
    assert _kind(c, 0, "walked out on Monday") != "unique"
    assert all("?" not in u.text for i in range(2) for u in c.unique(i))
