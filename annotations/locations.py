"""Where sidelight finds its bundled seeds and keeps its store."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DB_ENV = "SIDELIGHT_DB"


def seeds_dir() -> Path:
    """The bundled sample articles: package data when installed, ``seeds/`` in a checkout."""
    package = Path(__file__).resolve().parent
    installed = package / "seeds"
    if installed.is_dir():
        return installed
    # An editable install runs from the source tree, where seeds/ sits beside the package.
    return package.parent / "seeds"


def seed_paths() -> list[Path]:
    return sorted(p for p in seeds_dir().iterdir() if p.suffix in (".txt", ".md"))


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("sidelight", appauthor=False)) / "annotations.json"


def resolve_db_path(cli_value: str | None = None) -> Path:
    """``--db`` wins, then ``$SIDELIGHT_DB``, then the per-user data directory."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()
