"""The reader on the seeds, checked against the hand-written development gold
(tests/data/compare_dev): each gold pair the comparison finds shows the right gutter mark,
and ``=`` on one side moves the other pane to its counterpart; the misquote is flagged."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import compared, pilot_test, reader_app

from sidelight.annotations.documents import load_document
from sidelight.tui.colors import COMPARE_GLYPHS

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).parent / "data" / "compare_dev" / "gold.jsonl"
SEEDS = ("000_95310665ade1c0aa.txt", "003_3a0c9eed804c7a9d.txt")


@pilot_test
async def test_dev_gold_pairs_have_their_mark_and_counterpart(db_path: Path,
                                                              config_dir: Path) -> None:
    docs = [load_document(ROOT / "seeds" / n) for n in SEEDS]
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    sure = [r for r in rows if r["type"] == "align" and r["sure"]]
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        c = reader.comparison
        found = 0
        for g in sure:
            a_at = docs[0].text.index(g["a"])
            b_at = docs[1].text.index(g["b"])
            s = c.sentence_at(0, a_at)
            places = [cp for cp in (s.counterparts if s else ()) if cp.doc == 1]
            place = next((k for k, cp in enumerate(places) if cp.start <= b_at < cp.end), None)
            if place is None:
                continue  # not found (the benchmark counts these)
            found += 1
            # The gutter mark: ≠ where the gold says the two differ (a sentence that differs
            # from one of its places shows ≠ even where another place agrees).
            if g["relation"] == "differs":
                assert COMPARE_GLYPHS[s.kind] == "≠", g["a"]
            else:
                assert COMPARE_GLYPHS[s.kind] in "=≈≠", g["a"]
            reader.focus_pane(0)
            reader.panes[0].view.move_cursor(a_at)
            for _ in range(place + 1):  # = again goes on to the next place
                await pilot.press("equals_sign")
                await pilot.pause()
            assert reader.panes[1].view.cursor == places[place].start, g["a"]
        assert found >= 7, f"only {found} of {len(sure)} gold pairs found"
        # The misquote: seed 000 gives Zuckerberg's words unquoted and reworded.
        misquote = docs[0].text.index("We don’t deserve to serve our users")
        assert c.sentence_at(0, misquote).kind == "differs"
        reader.panes[0].view.move_cursor(misquote)
        await pilot.press("equals_sign")
        await pilot.pause()
        shown = str(reader.status.message)
        assert "≠" in shown and "quote:" in shown and "→ “you”" in shown
