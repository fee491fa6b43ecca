"""Shared fixtures. Textual runs without animations in every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["TEXTUAL_ANIMATIONS"] = "none"


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private reader config directory (theme, keymap) for the test."""
    path = tmp_path / "config"
    monkeypatch.setenv("SIDELIGHT_CONFIG_DIR", str(path))
    return path


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private annotation store path, also set as $SIDELIGHT_DB for subprocesses."""
    path = tmp_path / "annotations.json"
    monkeypatch.setenv("SIDELIGHT_DB", str(path))
    return path
