"""End-to-end: in the reader, o opens a web address into a new pane while the screen keeps
answering (the wait is shown and counts up), and an unreachable address says why.

The pages come from a real HTTP server on 127.0.0.1 run by the test.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from tmux_driver import Tmux, available
from web_server import PageServer, article, web_server_fixture  # noqa: F401

pytestmark = pytest.mark.skipif(bool(available()), reason=available() or "tmux available")

TERMINAL_WIDTH, TERMINAL_HEIGHT = 200, 50


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _open(tmux: Tmux, address: str) -> None:
    tmux.keys("o")
    tmux.wait_for("Open a document into pane")
    tmux.type(address)
    tmux.keys("Enter")


def test_o_fetches_a_page_in_the_background(
    tmux: Tmux, tmp_path: Path, web_server: PageServer
) -> None:
    herald = article("portal")
    web_server.pages["/herald/story"].delay = 3.0
    tmux.run("sidelight; echo sidelight-exit=$?")
    tmux.wait_for(lambda s: "NORMAL" in s and "? help" in s)

    _open(tmux, f"http://127.0.0.1:{_closed_port()}/story")
    tmux.wait_for("connection refused")
    tmux.keys("Escape")
    tmux.wait_for(lambda s: "Open a document" not in s)

    _open(tmux, web_server.url("/herald/story"))
    first = tmux.wait_for("fetching http://127.0.0.1")
    # The screen is drawn again while the page is on its way: the time waited counts up.
    tmux.wait_for(lambda s: "fetching" in s and s != first)
    tmux.wait_for("in pane 3")
    screen = tmux.wait_for(herald.outlet)
    assert "fetching" not in screen
    tmux.keys("q")
    tmux.wait_for("sidelight-exit=0")
