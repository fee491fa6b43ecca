"""A short highlighted quote is exported with the sentence around it; an article whose
dateline gives its date is not "Date: not given"; the context line is escaped like every
document text (hostile sentences neither inject HTML nor break the export's structure)."""

from __future__ import annotations

import random

from export_hostile import PARSERS, Tally, build, check_export
from markdown_it.token import Token

from sidelight.annotations.dateline import dateline_date
from sidelight.annotations.documents import Document, make_text_document
from sidelight.annotations.export_markdown import export_markdown
from sidelight.annotations.markdown_escape import control_picture, is_control
from sidelight.annotations.model import new_highlight, new_link, quote_target
from sidelight.annotations.quote_context import SIDE_CHARS, quote_context

STAMP = "2024-05-01T12:00:00.000Z"
TEXT = ("LONDON, March 21 (Wire) - The company suspended its chief executive.\n\n"
        "The board said Alexander Nix had been suspended\npending a full investigation. "
        "Nothing else was said.\n")


def _highlight(doc: Document, words: str):  # type: ignore[no-untyped-def]
    start = doc.text.index(words)
    return new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, start,
                                      start + len(words)))


def _contexts(markdown: str) -> list[tuple[str, str]]:
    """Each rendered "Context:" paragraph: its whole text and the text in bold."""
    out = []
    for md in PARSERS.values():
        tokens = md.parse(markdown)
        for tok in tokens:
            if tok.type == "inline" and tok.content.startswith("Context: "):
                out.append((_text(tok.children or []), _bold(tok.children or [])))
    return out


def _text(children: list[Token]) -> str:
    return "".join(c.content for c in children if c.type in ("text", "code_inline"))


def _bold(children: list[Token]) -> str:
    inside, out = False, []
    for c in children:
        if c.type == "strong_open":
            inside = True
        elif c.type == "strong_close":
            inside = False
        elif inside and c.type == "text":
            out.append(c.content)
    return "".join(out)


def test_the_sentence_around_a_short_quote() -> None:
    found = quote_context(TEXT, TEXT.index("Nix"), TEXT.index("Nix") + 3)
    assert found is not None
    assert (found.before, found.quote) == ("The board said Alexander ", "Nix")
    assert found.after == " had been suspended pending a full investigation."  # line folded
    # A quote that is its whole sentence, or a long one, is its own context.
    whole = "Nothing else was said."
    assert quote_context(TEXT, TEXT.index(whole), TEXT.index(whole) + len(whole)) is None
    long_text = "He said " + " ".join(["word"] * 20) + " today."
    assert quote_context(long_text, 8, 8 + 5 * 20 - 1) is None
    # A very long sentence is cut around the quote.
    huge = "Start " + "filler " * 100 + "Nix " + "more " * 100 + "end."
    cut = quote_context(huge, huge.index("Nix"), huge.index("Nix") + 3)
    assert cut is not None and cut.before.startswith("…") and cut.after.endswith("…")
    assert len(cut.before) <= SIDE_CHARS + 1 and len(cut.after) <= SIDE_CHARS + 1


def test_export_gives_the_context_and_the_dateline_date() -> None:
    doc = make_text_document("/docs/wire.txt", TEXT)
    ann = _highlight(doc, "Nix")
    out = export_markdown([doc], [ann], exported_at=STAMP)
    assert "> Nix\n" in out
    assert ("Context: The board said Alexander **Nix** had been suspended pending a full "
            "investigation.") in out
    assert "Date: March 21 (from the dateline)" in out and "not given" not in out
    assert set(_contexts(out)) == {(
        "Context: The board said Alexander Nix had been suspended pending a full "
        "investigation.", "Nix")}


def test_a_link_passage_gets_its_context_too() -> None:
    a = make_text_document("/docs/a.txt", TEXT)
    b = make_text_document("/docs/b.txt", "Nix was suspended on Tuesday, the board said.\n")
    t_a = _highlight(a, "Nix").target
    t_b = _highlight(b, "suspended").target
    out = export_markdown([a, b], [new_link((t_a, t_b), "agrees")], exported_at=STAMP)
    assert "Context: The board said Alexander **Nix** had been suspended" in out
    assert "Context: Nix was **suspended** on Tuesday, the board said." in out


def test_dates_other_articles_give() -> None:
    assert dateline_date("BERLIN, July 11 (Reuters) - Germany's cartel office said") == \
        "July 11"
    assert dateline_date("L'AQUILA, Italy, April 12 (Wire) - A quake") == "April 12"
    assert dateline_date("Title\n\nWednesday, March 21, 2018\n\nBody.") == \
        "Wednesday, March 21, 2018"
    assert dateline_date("Published: 21 March 2018\nBody") == "21 March 2018"
    for none in ("WASHINGTON (Reuters) - The agency", "The mayor said on March 21 (AP) - no",
                 "Title\n\nBody without a date.", "Q1 2018\n\nx"):
        assert dateline_date(none) is None


def _shown(text: str) -> str:
    return "".join(control_picture(ch) if is_control(ch) else ch for ch in text)


def test_hostile_sentences_around_quotes_stay_text() -> None:
    rng = random.Random(3)
    checked = 0
    for _ in range(30):
        docs, anns, quotes = build(rng, 6)
        (doc,) = docs
        export = export_markdown(docs, anns, exported_at=STAMP)
        tally = Tally()
        check_export(export, doc.title, quotes, tally, callouts=False)
        assert tally.failures == []
        highlights = [a for a in anns if a.kind == "highlight"]
        want = []
        for ann in highlights:
            t = ann.target
            found = quote_context(doc.text, t.start or 0, t.end or 0)
            if found is not None:
                want.append(("Context: " + _shown(found.before + found.quote + found.after),
                             _shown(found.quote)))
        got = _contexts(export)
        links = len(got) - 2 * len(want)  # the link's passages are highlights' too
        assert links >= 0
        for parser in range(2):
            mine = got[parser * len(got) // 2:(parser + 1) * len(got) // 2]
            assert mine[:len(want)] == want
        checked += len(want)
    assert checked > 50
