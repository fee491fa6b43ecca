"""A search without hits in this pane says so in one way, whether enter or n found none."""

from __future__ import annotations

from pathlib import Path

from conftest import alpha_beta, pilot_test, reader_app, search_phrase, until


@pilot_test
async def test_enter_and_n_say_the_same_when_this_pane_has_no_hit(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path, keymap={"sidelight.next_pane": "ctrl+n"})
    async with app.run_test(size=(160, 50)) as pilot:
        reader = app.reader
        await until(pilot, lambda: app.focused is reader.panes[0].view)
        await search_phrase(pilot, "presented")  # only the second report has it
        await until(pilot, lambda: "presented" in reader.status.message)
        after_enter = reader.status.message
        assert after_enter == ("“presented”: not found in this pane; 1 in other panes "
                               "(^n to go there)")
        reader.say("")
        await pilot.press("n")
        await until(pilot, lambda: "presented" in reader.status.message)
        assert reader.status.message == after_enter
        await search_phrase(pilot, "zebra")
        await until(pilot, lambda: "zebra" in reader.status.message)
        assert reader.status.message == "“zebra”: not found in this pane"
