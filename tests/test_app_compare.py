"""Pilot tests of comparing sources in the reader, and of cross-source link notes.

The three accounts in tests/data/compare tell one story with different numbers and a quote
worded two ways, so every comparison feature has something to find. Expected positions are
taken from ``compare_documents`` on the same documents, never written out by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import compare_docs, compared, pilot_test, reader_app, until, workers_settled
from rich.segment import Segment

from sidelight.annotations.comparison import Comparison, compare_documents
from sidelight.annotations.documents import Document
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.colors import COMPARE_GLYPHS
from sidelight.tui.screens.link_dialog import LinkDialog
from sidelight.tui.screens.note_editor import NoteEditor
from sidelight.tui.screens.reader import ReaderScreen
from sidelight.tui.view import DocumentView
from sidelight.tui.widgets.compare_panel import ClaimList, DifferenceList, EntityTable
from sidelight.tui.widgets.side_panel import COMPARE_TAB

DATA = Path(__file__).parent / "data" / "compare"


ALL = ("broadcast.txt", "gazette.md", "wire.txt")


def _reference(docs: list[Document]) -> Comparison:
    from sidelight.annotations.entities import recognize_many

    return compare_documents(docs, recognize_many([d.text for d in docs]))


async def _select(pilot: Any, view: DocumentView, phrase: str, words: int) -> None:
    """Cursor to the phrase, then v and one e per word, as a reader would select it."""
    view.move_cursor(view.document.text.index(phrase))
    await pilot.press("v", *["e"] * words)


def _row_text(view: DocumentView, offset: int) -> str:
    """The text drawn on the screen row that holds ``offset`` (gutter included)."""
    row = view.wrap_index.row_of_offset(offset) - round(view.scroll_y)
    return view.render_line(row).text


def _row_segments(view: DocumentView, offset: int) -> list[Segment]:
    row = view.wrap_index.row_of_offset(offset) - round(view.scroll_y)
    return list(view.render_line(row))


@pytest.fixture(scope="module")
def reference() -> Comparison:
    return _reference(compare_docs(*ALL))


def _store_link(docs: list[Document], db_path: Path, relation: str, note: str = "") -> None:
    """A link between "pledged" (broadcast) and "nearly $12m" (gazette), saved as the CLI would."""
    from sidelight.annotations.model import new_link, quote_target

    a, b = docs
    sa, sb = a.text.index("pledged"), b.text.index("nearly $12m")
    AnnotationStore(db_path).add(new_link(
        (quote_target(a.path, a.fingerprint, a.text, sa, sa + 7),
         quote_target(b.path, b.fingerprint, b.text, sb, sb + 11)),
        relation, note,
    ))


async def _open_link_dialog(pilot: Any, reader: ReaderScreen) -> None:
    """From the first pane: select "Good evening", l, then "Some 1,500" in the second pane, l."""
    first, second = reader.panes
    await _select(pilot, first.view, "Good evening", 2)
    await pilot.press("l", "tab")
    await _select(pilot, second.view, "Some 1,500", 2)
    await pilot.press("l")
    await pilot.pause()


@pilot_test
async def test_gutter_marks_each_sentence_with_a_glyph_and_the_legend_explains(
    db_path: Path, config_dir: Path, reference: Comparison
) -> None:
    app = reader_app(compare_docs(*ALL), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        assert "5 differences" in str(app.query_one("#status-progress").render())
        glyphs = set(COMPARE_GLYPHS.values())
        for pane in reader.panes:
            view = pane.view
            first, last = view.visible_range()
            shown = [m for m in reference.marks(pane.index) if first <= m[0] <= last]
            assert len(shown) >= 3
            row_of = view.wrap_index.row_of_offset
            previous_end = 0
            for start, end, kind in shown:
                drawn = _row_text(view, start)[0]
                starting = {k for s, _e, k in shown if row_of(s) == row_of(start)}
                # A row shows the mark of a sentence that starts on it (or a bar when a
                # sentence of a more telling kind runs on into it) ...
                assert drawn in {COMPARE_GLYPHS[k] for k in starting} or drawn not in glyphs
                # ... a sentence that differs always keeps its glyph ...
                if kind == "differs":
                    assert drawn == COMPARE_GLYPHS[kind], (pane.index, start)
                # ... and a sentence alone on its first row shows its own.
                if len(starting) == 1 and row_of(previous_end - 1) < row_of(start):
                    assert drawn == COMPARE_GLYPHS[kind], (pane.index, start)
                previous_end = end
        # A new theme recolours the marks and keeps them.
        app.theme = "textual-light"
        await pilot.pause()
        differs = next(m for m in reference.marks(1) if m[2] == "differs")
        assert _row_text(reader.panes[1].view, differs[0])[0] == COMPARE_GLYPHS["differs"]
        kinds = {k for i in range(3) for _, _, k in reference.marks(i)}
        assert {"similar", "differs", "unique"} <= kinds  # the data shows several kinds
        await pilot.press("L", "L")
        assert reader.side.tab == COMPARE_TAB
        legend = str(app.query_one("#compare-legend").render())
        for kind, glyph in COMPARE_GLYPHS.items():
            assert glyph in legend and (kind in legend or "only in this source" in legend)


@pilot_test
async def test_equals_jumps_the_other_panes_to_the_counterpart(
    db_path: Path, config_dir: Path, reference: Comparison
) -> None:
    app = reader_app(compare_docs(*ALL), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        first = reader.panes[0]
        told = next(s for s in reference.sentences[0] if len(s.counterparts) == 2)
        first.view.move_cursor(told.start + 3)
        await pilot.press("equals_sign")
        for cp in told.counterparts:
            assert reader.panes[cp.doc].view.cursor == cp.start
        assert app.focused is first.view  # the reader stays where they were
        assert "Counterpart" in reader.status.message and "pane 2" in reader.status.message
        lone = next(s for s in reference.sentences[0] if s.kind == "unique")
        before = [p.view.cursor for p in reader.panes[1:]]
        first.view.move_cursor(lone.start)
        await pilot.press("equals_sign")
        assert "Only this source" in reader.status.message
        assert [p.view.cursor for p in reader.panes[1:]] == before


@pilot_test
async def test_synced_scrolling_follows_the_alignment_without_feedback(
    db_path: Path, config_dir: Path, reference: Comparison
) -> None:
    app = reader_app(compare_docs(*ALL), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        first, second, third = reader.panes
        await pilot.press("S")
        assert reader.synced and "SYNC" in str(app.query_one("#status-mode").render())
        told = [s for s in reference.sentences[0] if s.counterparts]
        target = told[-1]
        first.view.move_cursor(target.start)
        follow = reference.follow(0, target.start)
        await until(pilot, lambda: (second.view.cursor, third.view.cursor)
                    == (follow[1], follow[2]))
        lead_cursor = first.view.cursor
        second.view.scroll_y = 0  # a pane that does not lead moves nothing
        await pilot.pause(0.2)
        assert first.view.cursor == lead_cursor
        await pilot.press("S")
        assert not reader.synced
        first.view.move_cursor(0)
        await pilot.pause(0.2)
        assert second.view.cursor == follow[1]


@pilot_test
async def test_synced_scrolling_follows_the_mouse_wheel_too(
    db_path: Path, config_dir: Path
) -> None:
    docs = compare_docs("broadcast.txt", "gazette.md")
    reference = _reference(docs)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(100, 16)) as pilot:
        reader = await compared(pilot)
        first, second = reader.panes
        await pilot.press("S")
        assert first.view.max_scroll_y > 5
        # As the wheel does: the view scrolls and the cursor stays behind.
        first.view.scroll_relative(y=8, animate=False)
        await pilot.pause()
        top, _ = first.view.visible_range()
        assert first.view.cursor < top
        assert reference.follow(0, top)[1] > 0
        await until(pilot, lambda: second.view.cursor == reference.follow(0, top)[1])
        # The counterpart starts on the screen row where the sentence starts in the lead
        # pane (as near as the other document's ends allow).
        told = [s for s in reference.sentences[0] if s.counterpart_in(1)]
        for sentence in (told[len(told) // 2], told[-1]):
            first.view.move_cursor(sentence.end - 2)
            cp = sentence.counterpart_in(1)
            assert cp is not None
            await until(pilot, lambda cp=cp: second.view.cursor == cp.start)
            await pilot.pause()
            lead = first.view
            row = lead.wrap_index.row_of_offset(sentence.start) - round(lead.scroll_y)
            view = second.view
            expected = view.wrap_index.row_of_offset(cp.start) - row
            assert round(view.scroll_y) == max(0, min(expected, round(view.max_scroll_y)))


@pilot_test
async def test_next_and_previous_difference_show_both_sides(
    db_path: Path, config_dir: Path, reference: Comparison
) -> None:
    app = reader_app(compare_docs(*ALL), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        await pilot.press("tab")  # the gazette has a difference with each other source
        pane = reader.pane
        diffs = reference.differences_in(pane.index)
        assert len(diffs) >= 3
        for d in diffs:
            await pilot.press("greater_than_sign")
            assert pane.view.cursor == d.a.start
            assert reader.panes[d.b.doc].view.cursor == d.b.start
        assert "≠" in reader.status.message or "→" in reader.status.message
        await pilot.press("greater_than_sign")
        assert pane.view.cursor == diffs[0].a.start and "wrapped" in reader.status.message
        await pilot.press("less_than_sign")
        assert pane.view.cursor == diffs[-1].a.start
        await pilot.press("less_than_sign")
        assert pane.view.cursor == diffs[-2].a.start
        assert f"Difference {len(diffs) - 1} of {len(diffs)}" in reader.status.message


@pilot_test
async def test_next_unique_walks_passages_only_this_source_tells(
    db_path: Path, config_dir: Path, reference: Comparison
) -> None:
    app = reader_app(compare_docs(*ALL), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        await pilot.press("tab", "tab")  # the wire names a county and a crew no other does
        view = reader.pane.view
        runs = reference.unique(reader.pane.index)
        assert len(runs) >= 2
        view.move_cursor(runs[0].start)
        for run in runs[1:]:
            await pilot.press("U")
            assert view.cursor == run.start
        assert "Only in this source" in reader.status.message
        await pilot.press("U")
        assert view.cursor == runs[0].start and "wrapped" in reader.status.message


@pilot_test
async def test_compare_panel_claims_entities_and_differences_jump_to_the_panes(
    db_path: Path, config_dir: Path, reference: Comparison
) -> None:
    app = reader_app(compare_docs(*ALL), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        await pilot.press("C")
        panel = reader.side.compare
        # Claims come first: enter shows the claim in every pane that tells it.
        claims_list = app.query_one(ClaimList)
        assert app.focused is claims_list
        claim = panel.claims[0]
        assert claim.sources == 3
        drawn = claims_list.row_text(0).plain
        assert drawn.startswith("1. ") and len(drawn.split()[1]) == 3  # one mark per source
        await pilot.press("enter")
        await pilot.pause()
        for side in claim.sides:
            if side == next(s for s in claim.sides if s.doc == side.doc):
                assert reader.panes[side.doc].view.cursor == side.start
        assert "Claim 1 of" in str(reader.status.message)
        await pilot.press("tab")
        entities = app.query_one(EntityTable)
        assert app.focused is entities
        row = reference.entity_rows[0]
        assert panel.rows[0].key == row.key
        drawn = str(entities.get_option_at_index(0).prompt)
        # The name (cut to the panel's width) and one count per source.
        assert drawn.startswith(row.name[:8])
        assert drawn.split()[-3:] == [str(n) if n else "·" for n in row.counts]
        mentions = sorted((d, s) for d, spans in enumerate(row.mentions) for s, _ in spans)
        # The walk starts at the first mention after the cursor: from the top of pane 1.
        reader.pane.view.move_cursor(0)
        for doc, start in mentions[:3]:
            await pilot.press("enter")
            assert (reader.pane.index, reader.pane.view.cursor) == (doc, start)
            assert app.focused is entities  # enter walks on
        await pilot.press("tab")
        assert app.focused is app.query_one(DifferenceList)
        await pilot.press("down", "enter")
        await pilot.pause()
        d = reference.differences[1]
        assert app.focused is reader.panes[d.a.doc].view
        assert reader.panes[d.a.doc].view.cursor == d.a.start
        assert reader.panes[d.b.doc].view.cursor == d.b.start
        shown = str(reader.status.message)
        assert "Difference 2 of" in shown
        await pilot.press("C", "escape")
        assert isinstance(app.focused, DocumentView)


@pilot_test
async def test_with_one_document_comparison_asks_for_a_second(
    db_path: Path, config_dir: Path
) -> None:
    app = reader_app(compare_docs("wire.txt"), db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await workers_settled(pilot)
        await pilot.pause()
        reader = app.reader
        for key in ("equals_sign", "greater_than_sign", "U", "S"):
            await pilot.press(key)
            assert "two or more documents" in reader.status.message, key
        assert not reader.synced
        await pilot.press("C")
        assert "two or more documents" in str(app.query_one("#compare-legend").render())
        assert reader.comparison is None


@pilot_test
async def test_link_note_is_made_drawn_listed_edited_deleted_and_undone(
    db_path: Path, config_dir: Path
) -> None:
    docs = compare_docs("broadcast.txt", "gazette.md")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        first, second = reader.panes
        await _select(pilot, first.view, "thousands of residents", 3)
        await pilot.press("l")
        assert reader.pending_link is not None
        assert "select the other passage" in reader.status.message
        await pilot.press("tab")
        await _select(pilot, second.view, "Some 1,500", 4)  # Some · 1 · , · 500
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LinkDialog)
        await pilot.press("3", *"counts differ by 500", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and reader.pending_link is None
        (link,) = AnnotationStore(db_path).all()
        assert (link.kind, link.relation) == ("link", "contradicts")
        assert link.note == "counts differ by 500"
        assert [t.exact for t in link.targets] == ["thousands of residents", "Some 1,500"]
        # Drawn in both panes (underlined) and listed once per pane.
        for pane, phrase in ((first, "thousands"), (second, "Some 1,500")):
            assert [a.id for a in pane.annotations] == [link.id]
            at = pane.document.text.index(phrase)
            pane.view.scroll_to_offset(at)
            await pilot.pause()
            assert any((seg.style and seg.style.underline and "thousands" in seg.text)
                       or (seg.style and seg.style.underline and "Some" in seg.text)
                       for seg in _row_segments(pane.view, at))
        assert [e.pane for e in reader.side.entries] == [0, 1]
        # The cursor is on the link: a edits it (a word of one's own), d deletes, u undoes.
        second.view.move_cursor(second.document.text.index("1,500"))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, LinkDialog)
        assert app.screen.note == "counts differ by 500"
        await pilot.press("5", *"undercounts", "ctrl+s")
        await pilot.pause()
        (edited,) = AnnotationStore(db_path).all()
        assert (edited.relation, edited.note) == ("undercounts", "counts differ by 500")
        await pilot.press("d")
        await pilot.pause()
        assert AnnotationStore(db_path).all() == []
        assert reader.panes[0].annotations == []
        await pilot.press("u")
        await pilot.pause()
        (back,) = AnnotationStore(db_path).all()
        assert back.relation == "undercounts"
        assert [a.id for a in first.annotations] == [back.id]


@pilot_test
async def test_link_is_edited_from_the_annotation_list(
    db_path: Path, config_dir: Path
) -> None:
    docs = compare_docs("broadcast.txt", "gazette.md")
    _store_link(docs, db_path, "agrees")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await pilot.pause()
        listed = str(app.query_one("#annotation-list").row_text(0))
        assert "agrees" in listed and "nearly $12m" in listed and "pledged" in listed
        await pilot.press("tab", "tab")
        assert app.focused is app.query_one("#annotation-list")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, LinkDialog)
        await pilot.press("2", *"both", "ctrl+s")  # 2 picks "agrees", then the note has focus
        await pilot.pause()
        (link,) = AnnotationStore(db_path).all()
        assert (link.relation, link.note) == ("agrees", "both")
        assert not isinstance(app.screen, NoteEditor)
        await pilot.press("escape")
        assert app.focused is reader.pane.view


@pilot_test
async def test_escape_cancels_a_link_at_every_step(db_path: Path, config_dir: Path) -> None:
    docs = compare_docs("broadcast.txt", "gazette.md")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await pilot.pause()
        first, second = reader.panes
        await pilot.press("l")
        assert "Select a passage first" in reader.status.message
        await _select(pilot, first.view, "Good evening", 2)
        await pilot.press("l", "escape")
        assert reader.pending_link is None and "cancelled" in reader.status.message
        await _select(pilot, first.view, "Good evening", 2)
        await pilot.press("l", "tab")
        await pilot.press("l")
        assert "Select the other passage" in reader.status.message
        await _select(pilot, second.view, "Some 1,500", 2)
        await pilot.press("escape")  # first escape: the selection
        assert second.view.selection is None and reader.pending_link is not None
        await _select(pilot, second.view, "Some 1,500", 2)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LinkDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert reader.pending_link is None
        assert AnnotationStore(db_path).all() == []


@pilot_test
async def test_own_word_must_be_typed(db_path: Path, config_dir: Path) -> None:
    docs = compare_docs("broadcast.txt", "gazette.md")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await pilot.pause()
        await _open_link_dialog(pilot, reader)
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LinkDialog)
        assert "own word" in str(app.screen.query_one("#link-help").render())
        await pilot.press(*"echoes", "ctrl+s")
        await pilot.pause()
        assert [a.relation for a in AnnotationStore(db_path).all()] == ["echoes"]


@pilot_test
async def test_links_are_exported(db_path: Path, config_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("sidelight.annotations.export_markdown")
    docs = compare_docs("broadcast.txt", "gazette.md")
    _store_link(docs, db_path, "same-claim", "the fund")
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        out = tmp_path / "notes.md"
        assert app.reader.export_to(out) is None
        text = out.read_text(encoding="utf-8")
        links = text[text.index("Links between sources"):]
        assert "same-claim" in links and "pledged" in links and "12m" in links
        assert "the fund" in links


@pilot_test
async def test_help_and_palette_list_the_comparison_keys(
    db_path: Path, config_dir: Path
) -> None:
    app = reader_app(compare_docs("broadcast.txt", "gazette.md"), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        rows = {r.description: r.keys for r in app.reader_key_rows()}
        assert rows["Show where the other sources tell this sentence"] == "="
        assert rows["Next difference from another source"] == ">"
        assert rows["Previous difference from another source"] == "<"
        assert rows["Next passage only this source tells"] == "U"
        assert rows["Synced scrolling: the other panes follow this one"] == "S"
        assert rows["Compare the sources (side panel)"] == "C"
        assert any(d.startswith("Link note") and k == "l" for d, k in rows.items())
        titles = {c.title for c in app.get_system_commands(app.reader)}
        assert "Show where the other sources tell this sentence" in titles


# --- the pure helpers behind the panel and the status line ----------------------------------


def test_step_index_visits_items_that_share_a_start_one_by_one() -> None:
    from sidelight.tui.marks import step_index

    starts = [5, 5, 9]
    assert step_index(starts, 0, True) == (0, False)
    assert step_index(starts, 5, True, current=0) == (1, False)
    assert step_index(starts, 5, True, current=1) == (2, False)
    assert step_index(starts, 9, True, current=2) == (0, True)
    assert step_index(starts, 5, False, current=0) == (2, True)
    assert step_index(starts, 7, False) == (1, False)
    assert step_index([], 3, True) is None


def test_differences_are_described_with_both_wordings(reference: Comparison) -> None:
    from sidelight.tui.widgets.compare_panel import describe_difference, difference_spans, excerpt

    numbers = next(d for d in reference.differences if d.numbers)
    n = numbers.numbers[0]
    assert describe_difference(numbers).startswith(f"{n.a.text} ≠ {n.b.text}")
    text = reference.documents[numbers.a.doc].text
    assert [text[s:e] for s, e in difference_spans(numbers, "a")] == [
        x.a.text for x in numbers.numbers
    ]
    quoted = next(d for d in reference.differences if d.quotes)
    described = describe_difference(quoted)
    assert described.startswith("quote: ") and "→" in described
    spans = difference_spans(quoted, "b")
    other = reference.documents[quoted.b.doc].text
    changed = {w.new for q in quoted.quotes for w in q.diff if w.op != "equal" and w.new}
    assert {other[s:e] for s, e in spans} == changed
    shown = excerpt(quoted.b.text, quoted.b.start, spans, "bold")
    assert all(word in shown.plain for word in changed)
    assert any(str(span.style) == "bold" for span in shown.spans)


def test_excerpt_keeps_terminal_controls_off_the_screen() -> None:
    from sidelight.tui.widgets.compare_panel import excerpt

    text = "Before \x1b]2;TITLE\x07 the 7 percent figure\u202e and after." + " more" * 60
    at = text.index("7 percent")
    shown = excerpt(text, 100, [(100 + at, 100 + at + 9)], "bold").plain
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "7 percent" in shown and shown.endswith("…")


@pilot_test
async def test_large_sources_are_compared_only_when_asked(
    db_path: Path, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sidelight.tui.reading import comparing

    docs = compare_docs("broadcast.txt", "gazette.md")
    # These two stand in for sources too large to compare unasked.
    monkeypatch.setattr(comparing, "AUTO_COMPARE_CHARS", sum(len(d.text) for d in docs) - 1)
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await until(pilot, lambda: reader.entities is not None)
        await workers_settled(pilot)
        await pilot.pause()
        assert reader.comparison is None
        assert "press C to compare them anyway" in reader.compare_note
        assert "not compared" in str(app.query_one("#status-progress").render())
        await pilot.press("C")
        assert "Comparing the large sources" in reader.status.message
        assert await compared(pilot) is reader
        assert reader.comparison is not None and reader.comparison.marks(0)
