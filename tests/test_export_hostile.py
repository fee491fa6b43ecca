"""Hostile notes and quotes never break the Markdown export's structure nor carry HTML."""

from __future__ import annotations

import random

from export_hostile import PARSERS, Tally, build, check_export, hostile_exports
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelight.annotations.export_markdown import MarkdownOptions, export_markdown
from sidelight.annotations.markdown_notes import escape_note

STAMP = "2024-05-01T12:00:00.000Z"


def test_hostile_notes_and_quotes_keep_every_section() -> None:
    result = hostile_exports(300, seed=5)
    assert result["trials"] == 300
    assert (result["structure_breaks"], result["html"], result["quote_mismatches"]) == (
        0, 0, 0), result["failures"]


def test_a_fence_the_line_guess_gets_wrong_cannot_swallow_the_next_note() -> None:
    # CommonMark: a backtick fence's info string holds no backtick, so "```x`y" is text; a
    # closing fence appended after it would open a block that swallows the rest.
    rng = random.Random(1)
    docs, anns, quotes = build(rng, 2)
    notes = ["```x`y", "```\n<img src=x onerror=alert(1)>"]
    anns = [a if a.kind != "highlight" else a.edited(note=notes[i % 2])
            for i, a in enumerate(anns)]
    tally = Tally()
    export = export_markdown(docs, anns, exported_at=STAMP)
    check_export(export, docs[0].title, quotes, tally, callouts=False)
    assert tally.failures == []
    for md in PARSERS.values():
        assert "<img" not in md.render(export)


def test_note_headings_are_demoted_below_the_highlight() -> None:
    out = escape_note("# Big\n\nText\n===\n\n> ## quoted\n\n- ### listed")
    assert out.startswith("##### Big")
    assert "##### Text" in out and "> ###### quoted" in out and "- ###### listed" in out


_PIECES = st.sampled_from(
    ["```", "```x`y", "~~~", "<img src=x onerror=alert(1)>", "<!--", "<script>", "<div>",
     "# h", "\n===", "\n---", "> ", "- ", "1. ", "    ", "\t", "`", "\\", "&", "|a|\n|-|",
     "[x]: /u", "\n", "\n\n", "x", " ", "^id", "<", "</pre>", "\x1b"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=12).map("".join), min_size=1,
                max_size=4),
       st.booleans())
def test_any_notes_together_keep_the_structure(notes: list[str], callouts: bool) -> None:
    docs, anns, quotes = build(random.Random(len(notes)), len(notes))
    highlights = [a for a in anns if a.kind == "highlight"]
    edited = {h.id: h.edited(note=n) for h, n in zip(highlights, notes, strict=True)}
    anns = [edited.get(a.id, a) for a in anns]
    tally = Tally()
    export = export_markdown(docs, anns, exported_at=STAMP,
                             options=MarkdownOptions(callouts=callouts))
    check_export(export, docs[0].title, quotes, tally, callouts)
    assert tally.failures == []
