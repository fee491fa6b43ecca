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
        assert text_a.index("Freight firms") in stops
        # A question claims nothing: no mark, no stop, no unique passage.
        assert not [s for s in reader.comparison.sentences[0] if "Will the strike" in s.text]
        assert text_a.index("Will the strike") not in stops
        assert "4,300 ships" not in " ".join(u.text for u in reader.comparison.unique(1))
