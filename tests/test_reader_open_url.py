"""The reader's o with a web address: the page is fetched in the background while the dialog
says so and keeps answering keys; an unreachable address says why; escape stops waiting."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from conftest import alpha_beta, pilot_test, reader_app, workers_settled
from web_server import PageServer, article, web_server_fixture  # noqa: F401

from sidelight.tui.screens.open_dialog import OpenDialog


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _submit(pilot, source: str) -> OpenDialog:  # type: ignore[no-untyped-def]
    await pilot.press("o")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, OpenDialog)
    dialog.query_one("#open-path").value = source
    await pilot.press("enter")
    return dialog


def _help(dialog: OpenDialog) -> str:
    return str(dialog.query_one("#open-help").render())


@pilot_test
async def test_a_slow_page_is_fetched_while_the_screen_answers(
    web_server: PageServer, tmp_path: Path, db_path: Path, config_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    herald = article("portal")
    monkeypatch.setenv("SIDELIGHT_FETCH_TIMEOUT", "30")
    web_server.pages["/herald/story"].delay = 4.0
    url = web_server.url("/herald/story")
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        dialog = await _submit(pilot, url)
        await pilot.pause(0.3)
        assert dialog.fetching and "fetching" in _help(dialog) and "escape" in _help(dialog)
        first = _help(dialog)
        await pilot.pause(0.6)
        # The event loop ran while the page was on its way: the time waited went on.
        assert dialog.fetching and _help(dialog) != first
        await pilot.press("enter")  # a second enter while fetching does nothing
        await workers_settled(pilot)
        await pilot.pause()
        reader = app.reader
        assert [p.document.path for p in reader.panes][-1] == url
        assert herald.outlet in str(reader.panes[2].meta_text())
        assert "in pane 3" in reader.status.message


@pilot_test
async def test_an_unreachable_address_says_why_and_can_be_corrected(
    web_server: PageServer, tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        dialog = await _submit(pilot, f"http://127.0.0.1:{_closed_port()}/story")
        await workers_settled(pilot)
        await pilot.pause()
        assert app.screen is dialog and not dialog.fetching
        assert "connection refused" in _help(dialog)
        field = dialog.query_one("#open-path")
        assert not field.disabled and app.focused is field
        field.value = web_server.url("/missing")
        await pilot.press("enter")
        await workers_settled(pilot)
        await pilot.pause()
        assert "not found (HTTP 404)" in _help(dialog)
        assert len(app.reader.panes) == 2


@pilot_test
async def test_escape_stops_waiting_and_a_late_page_opens_nothing(
    web_server: PageServer, tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    web_server.pages["/herald/story"].delay = 0.8
    app = reader_app(alpha_beta(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        dialog = await _submit(pilot, web_server.url("/herald/story"))
        await pilot.pause(0.1)
        assert dialog.fetching
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.reader
        await workers_settled(pilot)
        await pilot.pause(0.3)
        assert len(app.reader.panes) == 2
        await pilot.press("j")  # the reader has the keys again
        await pilot.pause()
        assert app.reader.panes[0].view.cursor > 0
