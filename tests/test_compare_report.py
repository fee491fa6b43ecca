"""The comparison report: JSON shape, and Markdown in which document text stays text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

pytest.importorskip("sidelight.annotations.markdown_escape")

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.report import render_json, render_markdown, to_dict
from sidelight.annotations.documents import load_document, make_text_document
from sidelight.annotations.model import new_link, quote_target

DATA = Path(__file__).parent / "data" / "compare"


def _fixture_comparison(links=()):  # type: ignore[no-untyped-def]
    docs = [load_document(DATA / "wire.txt"), load_document(DATA / "gazette.md")]
    return compare_documents(docs, entities=[[], []], links=links)


def test_json_has_the_documented_shape() -> None:
    c = _fixture_comparison()
    data = json.loads(render_json(c))
    assert set(data) >= {"documents", "passages", "differences", "unique", "entities"}
    assert [d["index"] for d in data["documents"]] == [0, 1]
    for p in data["passages"]:
        assert p["kind"] in ("same", "similar", "differs") and 0 < p["score"] <= 1
        for side in p["sides"]:
            text = c.documents[side["doc"]].text
            assert text[side["start"] : side["end"]] == side["text"]
    d = data["differences"][0]
    assert len(d["sides"]) == 2 and (d["numbers"] or d["quotes"])
    assert all(u["text"] for u in data["unique"])
    assert to_dict(c)["passages"] == data["passages"]


def test_json_escapes_terminal_controls_losslessly() -> None:
    a = make_text_document("/a.txt", "Prices rose 5% on Monday \x1b[2J\x9b31m in Paris.")
    b = make_text_document("/b.txt", "Prices rose 5% on Monday in Paris and Lyon.")
    out = render_json(compare_documents([a, b], entities=[[], []]))
    assert "\x1b" not in out and "\x9b" not in out
    texts = [s["text"] for s in json.loads(out)["unique"]]
    texts += [side["text"] for p in json.loads(out)["passages"] for side in p["sides"]]
    assert any("\x1b[2J\x9b31m" in t for t in texts)


def test_markdown_sections_and_contents() -> None:
    md = render_markdown(_fixture_comparison())
    for heading in ("## Sources", "## Entities", "## Figures", "## Differences",
                    "## Passages unique to one source", "## Aligned passages", "## Link notes"):
        assert heading in md
    assert "Source 1" in md and "Source 2" in md


def test_markdown_keeps_hostile_document_text_inert() -> None:
    hostile = ('Officials said <script>alert(1)</script> 40 homes burned. '
               '[Click here](javascript:alert(1)) for the *full* story | with a pipe.\n\n'
               '> not a quote\n# not a heading\n')
    calm = "Officials said 45 homes burned on Friday, the fire service reported."
    c = compare_documents([make_text_document("/h.txt", hostile),
                           make_text_document("/c.txt", calm)], entities=[[], []])
    md = render_markdown(c)
    # Rendered as a Markdown viewer would (raw HTML allowed), nothing from the document
    # became a tag, a link or a heading, and every line of it stayed inside its quote.
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    assert "<script" not in html and "<a " not in html
    assert "not a heading</h1>" not in html
    assert html.count("<blockquote>") >= 1
    assert "not a heading" in html and "alert(1)" in html  # shown, as text


def test_link_notes_are_listed_with_both_quotes() -> None:
    docs = [load_document(DATA / "wire.txt"), load_document(DATA / "gazette.md")]
    a_text, b_text = docs[0].text, docs[1].text
    a_start = a_text.index("about 2,000 residents")
    b_start = b_text.index("Some 1,500 people")
    link = new_link(
        (quote_target(docs[0].path, docs[0].fingerprint, a_text, a_start, a_start + 21),
         quote_target(docs[1].path, docs[1].fingerprint, b_text, b_start, b_start + 17)),
        "contradicts", "Evacuation figures disagree",
    )
    c = compare_documents(docs, entities=[[], []], links=[link])
    md = render_markdown(c)
    section = md[md.index("## Link notes"):]
    assert "contradicts" in section and "Evacuation figures disagree" in section
    assert "2,000 residents" in section and "1,500 people" in section
    assert json.loads(render_json(c))["links"][0]["relation"] == "contradicts"


def test_a_figure_given_twice_is_one_difference_in_the_claims_table() -> None:
    # A headline and its body both give the second source's toll; the claim's row names
    # the difference once, and each different figure still appears.
    one = make_text_document(
        "one.txt", "At least 12 people died when the river burst its banks near Lodi on "
        "Monday, officials said.\n")
    two = make_text_document(
        "two.txt", "Flood kills at least 9\n\nAt least 9 people died when the river burst its "
        "banks near Lodi on Monday, officials said.\n")
    md = render_markdown(compare_documents([one, two]))
    row = next(line for line in md.split("## Claims", 1)[1].splitlines()
               if "river burst" in line)
    cell = row.rstrip(" |").rsplit("|", 1)[1]
    assert cell.count(" vs ") == cell.count("At least 12 people") == 1, cell
