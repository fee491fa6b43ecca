"""In the reader: a claim another source retells in other words is not marked "only this
source tells it"; `=` goes to its retelling, `U` passes it by, a question gets no mark."""

from __future__ import annotations

from pathlib import Path

from conftest import compared, pilot_test, reader_app
from test_compare_unique import _HARBOUR_A, _HARBOUR_B

from sidelight.annotations.documents import load_document


@pilot_test
async def test_a_retold_claim_jumps_to_its_retelling_and_is_no_unique_passage(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    (tmp_path / "a.txt").write_text(_HARBOUR_A + "Will the strike spread?\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(_HARBOUR_B, encoding="utf-8")
    docs = [load_document(tmp_path / "a.txt"), load_document(tmp_path / "b.txt")]
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        first, second = reader.panes
        text_a = docs[0].text
        retold = text_a.index("Valmora handles roughly 4,300")
        first.view.move_cursor(retold + 2)
        await pilot.press("equals_sign")
        assert "Only this source" not in reader.status.message
        target = second.view.cursor
        sentence = reader.comparison.sentence_at(1, target)
        assert sentence is not None and "4,300 ships" in sentence.text
        # U walks the passages only this source tells: the retold claim is not one of them.
        first.view.move_cursor(0)
        stops = []
        for _ in range(4):
            await pilot.press("U")
            stops.append(first.view.cursor)
        sentence_end = text_a.index("annually.") + len("annually.")
        assert not [c for c in stops if retold <= c < sentence_end]
        # What only this report says here names nothing and gives no figure the other
        # lacks: no mark, and `=` says why rather than "only this source".
        assert text_a.index("Freight firms") not in stops
        first.view.move_cursor(text_a.index("Freight firms") + 2)
        await pilot.press("equals_sign")
        assert "No counterpart found" in reader.status.message
        assert "Only this source" not in reader.status.message
        # A question claims nothing: no mark, no stop, no unique passage.
        assert not [s for s in reader.comparison.sentences[0] if "Will the strike" in s.text]
        assert text_a.index("Will the strike") not in stops
        assert "4,300 ships" not in " ".join(u.text for u in reader.comparison.unique(1))


_QUAY_A = (
    "Quay crane collapses at Valmora port\n\n"
    "A container crane collapsed onto a cargo ship at the port of Valmora on Monday "
    "morning, the port authority said. "
    "Harbourmaster Ines Varga said the crane's boom snapped in a gust. "
    "Dock crews will inspect the other cranes on the quay.\n")
_QUAY_B = (
    "Crane falls onto ship in Valmora\n\n"
    "A container crane collapsed onto a cargo ship at the port of Valmora on Monday "
    "morning, the port authority said. "
    "Shipping lines said their schedules were not affected.\n")


@pilot_test
async def test_the_plus_mark_needs_evidence_and_the_panel_says_so(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    from test_app_compare import _row_text

    from sidelight.tui.colors import COMPARE_GLYPHS

    (tmp_path / "a.txt").write_text(_QUAY_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(_QUAY_B, encoding="utf-8")
    docs = [load_document(tmp_path / "a.txt"), load_document(tmp_path / "b.txt")]
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        view = reader.panes[0].view
        text = docs[0].text
        # A name the other report never writes: "+" in the gutter, and `=` says so.
        named = text.index("Harbourmaster Ines Varga")
        assert _row_text(view, named)[0] == COMPARE_GLYPHS["unique"]
        view.move_cursor(named + 2)
        await pilot.press("equals_sign")
        assert "Only this source tells this sentence" in reader.status.message
        # Told only here, perhaps, but with no name or figure the other lacks and words
        # the other also writes (it may tell it in other words): no mark at all.
        warned = text.index("Dock crews")
        assert _row_text(view, warned)[0] not in set(COMPARE_GLYPHS.values())
        view.move_cursor(warned + 2)
        await pilot.press("equals_sign")
        assert "No counterpart found" in reader.status.message
        # The Compare panel explains the blank gutter and counts such sentences.
        await pilot.press("C")
        legend = str(app.query_one("#compare-legend").render())
        assert "no mark: no counterpart found" in legend
        assert "No counterpart found, no mark (1 in pane 1" in legend
