"""End-to-end: two web pages from a local server in the installed ``sidelight`` in a real
terminal (tmux): outlets in the title bars, highlight and note, quit, stop the server, open
again from the snapshots with the note there, export with the outlet named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_driver import Tmux, available
from web_server import PageServer, same_story

pytestmark = pytest.mark.skipif(bool(available()), reason=available() or "tmux available")

PHRASE = "revised agreement"
NOTE = "price went from 70 to 115"
TERMINAL_WIDTH, TERMINAL_HEIGHT = 180, 45


@pytest.fixture
def server() -> Iterator[PageServer]:
    s = PageServer()
    try:
        yield s
    finally:
        s.stop()


def test_two_pages_highlight_note_then_offline(
    server: PageServer, tmux: Tmux, tmp_path: Path
) -> None:
    mag, blog = same_story()
    a, b = server.url("/meridian/acacia"), server.url("/northfield/acacia")
    tmux.run(f"sidelight {a} {b}; echo sidelight-exit=$?")
    screen = tmux.wait_for(lambda s: "NORMAL" in s and "? Help" in s)
    assert mag.outlet in screen and blog.outlet in screen
    tmux.keys("/")
    tmux.wait_for("SEARCH")
    tmux.type(PHRASE)
    tmux.keys("Enter")
    tmux.wait_for("hit 1 of")
    tmux.keys("v", "e", "e")
    tmux.keys("h")
    tmux.wait_for(f"Highlighted “{PHRASE}”")
    tmux.keys("a")
    tmux.wait_for("ctrl+s save")
    tmux.type(NOTE)
    tmux.keys("C-s")
    tmux.wait_for("Note saved")
    tmux.keys("q")
    tmux.wait_for("sidelight-exit=0")
    server.stop()
    tmux.run("clear")
    tmux.run(f"sidelight {a} {b}; echo sidelight-exit=$?")
    screen = tmux.wait_for(NOTE)
    assert mag.outlet in screen and "not found" not in screen
    tmux.keys("q")
    tmux.wait_for("sidelight-exit=0")
    tmux.run(f"sidelight export {a} -o notes.md; echo export-exit=$?")
    tmux.wait_for("export-exit=0")
    exported = (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert NOTE in exported and mag.outlet in exported and PHRASE in exported
