"""A key typed right after a jump to another pane acts in the pane jumped to: the jump moves
the focus at once, not on the app's next turn (keys typed together, a loaded machine).

The keys are posted together, before the first is handled, as keys typed fast reach a busy
app: ``pilot.press`` waits for the app to go idle after each key, so the jump's deferred
focus would always have landed before the second key."""

from __future__ import annotations

from pathlib import Path

from conftest import alpha_beta, pilot_test, reader_app, until, workers_settled
from textual import events


def _type(app, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


@pilot_test
async def test_a_key_typed_right_after_star_acts_in_the_pane_jumped_to(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await until(pilot, lambda: reader.entities is not None)
        await workers_settled(pilot)
        first, second = reader.panes
        shared = {e.key for e in first.entities} & {e.key for e in second.entities}
        key = sorted(shared)[0]
        first.view.move_cursor([e for e in first.entities if e.key == key][-1].start)
        await until(pilot, lambda: app.focused is first.view)
        _type(app, "asterisk", "v")
        await until(pilot, lambda: first.view.visual or second.view.visual)
        assert second.view.visual, "v starts the selection in the pane * went to"
        assert not first.view.visual
        assert app.focused is second.view and reader.pane is second


@pilot_test
async def test_a_key_typed_right_after_escape_from_the_list_acts_in_the_document(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        first, second = reader.panes
        await workers_settled(pilot)
        await pilot.press("tab", "tab")  # the second pane, then the annotation list
        await until(pilot, lambda: app.focused is reader.side.active_list)
        # escape goes back to the document; v, typed with it, is the document's key.
        _type(app, "escape", "v")
        await until(pilot, lambda: first.view.visual or second.view.visual)
        assert second.view.visual and app.focused is second.view
        assert "acts on a document" not in reader.status.message


@pilot_test
async def test_a_key_typed_right_after_c_moves_in_the_claims_list(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    from conftest import compared

    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = await compared(pilot)
        first = reader.panes[0]
        cursor = first.view.cursor
        claims = reader.side.compare.lists[0]
        assert claims.highlighted == 0
        _type(app, "C", "down")
        await until(pilot, lambda: claims.highlighted == 1 or first.view.cursor != cursor)
        assert claims.highlighted == 1, "down moves in the list C focused"
        assert first.view.cursor == cursor


@pilot_test
async def test_a_key_typed_right_after_enter_in_the_list_acts_in_the_pane_jumped_to(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    from conftest import BETA

    from sidelight.annotations.model import new_highlight, quote_target
    from sidelight.annotations.store import AnnotationStore

    docs = alpha_beta(tmp_path)
    beta = docs[1]
    start = BETA.index("Critics")
    AnnotationStore(db_path).add(new_highlight(
        quote_target(beta.path, beta.fingerprint, beta.text, start, start + 7)))
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        first, second = reader.panes
        await workers_settled(pilot)
        await pilot.press("tab")
        await until(pilot, lambda: app.focused is second.view)
        await pilot.press("tab")
        await until(pilot, lambda: app.focused is reader.side.active_list)
        second.view.move_cursor(0)
        # enter jumps to the highlight in the second pane; v, typed with it, selects there.
        _type(app, "enter", "v")
        await until(pilot, lambda: first.view.visual or second.view.visual)
        assert second.view.visual and app.focused is second.view
        assert second.view.cursor == start
