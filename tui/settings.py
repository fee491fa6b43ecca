"""The reader's remembered preferences: a small JSON file in the per-user config directory.

Only choices the user made in the reader live here (the theme, key remappings); annotations
live in the store. A missing, unreadable or malformed file means "defaults": a preference is
never worth refusing to start for.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from annotations.output_files import write_text

CONFIG_ENV = "SIDELIGHT_CONFIG_DIR"
FILE_NAME = "settings.json"


def config_dir() -> Path:
    """``$SIDELIGHT_CONFIG_DIR`` (tests, portable setups), else the per-user config directory."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("sidelight", appauthor=False))


def settings_path() -> Path:
    return config_dir() / FILE_NAME


@dataclass(slots=True)
class Settings:
    theme: str = ""
    # Binding id -> comma-separated keys, handed to Textual's keymap as is.
    keymap: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"theme": self.theme, "keymap": dict(self.keymap)}

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        if not isinstance(data, dict):
            return cls()
        theme = data.get("theme")
        keymap = data.get("keymap")
        return cls(
            theme=theme if isinstance(theme, str) else "",
            keymap={
                str(k): str(v)
                for k, v in (keymap.items() if isinstance(keymap, dict) else ())
                if isinstance(v, str) and v.strip()
            },
        )


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        return Settings.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically so a crash mid-write leaves the old file. Raises OSError or
    SidelightError on failure."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, json.dumps(settings.to_dict(), indent=2, sort_keys=True) + "\n", replace=True)
