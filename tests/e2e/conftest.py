"""The terminal every end-to-end test drives: a private tmux server with a clean shell.

A test module that needs a wider screen (a whole message on one line) sets
``TERMINAL_WIDTH`` or ``TERMINAL_HEIGHT``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_driver import Tmux


def user_env(tmp_path: Path) -> dict[str, str]:
    """A new user's environment: own store and settings in the test's folder, no animations."""
    return {
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATIONS": "none",
        "SIDELIGHT_DB": str(tmp_path / "annotations.json"),
        "SIDELIGHT_CONFIG_DIR": str(tmp_path / "config"),
        "LANG": "C.UTF-8",
    }


@pytest.fixture
def tmux(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Tmux]:
    width = getattr(request.module, "TERMINAL_WIDTH", 160)
    height = getattr(request.module, "TERMINAL_HEIGHT", 50)
    session = Tmux(tmp_path, user_env(tmp_path), width=width, height=height)
    try:
        session.wait_for("$")
        yield session
    finally:
        session.kill()
