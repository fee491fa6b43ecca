"""The reader's remembered preferences: a small JSON file in the per-user config directory.

Only choices the user made in the reader live here (the theme, key remappings); annotations
live in the store. A missing file means "defaults". A file that cannot be read or is not a
settings object also means defaults for this run (a preference is never worth refusing to
start for), but the reader says what is wrong with it, naming the line, and never writes over
it: the user's keymap in it is worth more than a theme choice.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from sidelight.annotations.errors import SidelightError
from sidelight.annotations.output_files import write_text
from sidelight.annotations.special_files import FileTooLarge, NotRegularFile, read_regular

CONFIG_ENV = "SIDELIGHT_CONFIG_DIR"
FILE_NAME = "settings.json"
# A settings file is a few hundred bytes; anything far larger is not one.
_MAX_BYTES = 1 << 20


def config_dir() -> Path:
    """``$SIDELIGHT_CONFIG_DIR`` (tests, portable setups), else the per-user config directory."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("sidelight", appauthor=False))


def settings_path() -> Path:
    return config_dir() / FILE_NAME


class SettingsError(SidelightError):
    """The settings file is there but is not one sidelight can use; it is left as it is."""


@dataclass(slots=True)
class Settings:
    theme: str = ""
    # Binding id -> comma-separated keys, handed to Textual's keymap as is.
    keymap: dict[str, str] = field(default_factory=dict)
    # Why the file on disk could not be used (empty when it could): it is then never written.
    problem: str = field(default="", compare=False)

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


def read_settings_file(path: Path) -> dict[str, Any] | None:
    """The file's settings object; None when there is no file. Raises ``SettingsError``
    naming the file, and the line for a syntax error, when it cannot be used."""
    try:
        raw, _ = read_regular(path, _MAX_BYTES)
    except FileNotFoundError:
        return None
    except NotRegularFile as err:
        raise SettingsError(f"{path}: is {err.kind}, not a settings file; sidelight uses its "
                            "default settings and leaves it alone") from None
    except FileTooLarge:
        raise _unusable(path, "it is larger than 1 MiB") from None
    except OSError as err:
        raise SettingsError(f"{path}: cannot be read ({err.strerror or err}); sidelight uses "
                            "its default settings and leaves the file alone") from None
    if not raw.strip():
        return None  # nothing in it to keep
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise _unusable(path, f"not UTF-8 text at byte {err.start}") from None
    except json.JSONDecodeError as err:
        raise _unusable(path, f"line {err.lineno} column {err.colno}: {err.msg}") from None
    except RecursionError:
        raise _unusable(path, "nested too deeply") from None
    if not isinstance(data, dict):
        raise _unusable(path, "the top level is not an object")
    if "theme" in data and not isinstance(data["theme"], str):
        raise _unusable(path, "\"theme\" is not a string")
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(isinstance(v, str) for v in keymap.values()):
        raise _unusable(path, "\"keymap\" is not an object of strings")
    return data


def _unusable(path: Path, what: str) -> SettingsError:
    return SettingsError(f"{path}: {what}; sidelight uses its default settings and will not "
                         "write over the file — fix it or delete it")


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults with ``problem`` set when the file cannot be used."""
    path = path or settings_path()
    try:
        data = read_settings_file(path)
    except SettingsError as err:
        return Settings(problem=str(err))
    return Settings.from_dict(data or {})


def save_settings(settings: Settings, path: Path | None = None,
                  only: tuple[str, ...] = ()) -> None:
    """Write the settings atomically (a crash mid-write leaves the old file), keeping any
    other keys the file holds; with ``only``, just those keys (a theme change leaves a keymap
    edited meanwhile as it is). Refuses, with ``SettingsError``, to write over a file that
    cannot be used (it may hold the user's keymap). Raises OSError or SidelightError."""
    path = path or settings_path()
    if settings.problem:
        raise SettingsError(settings.problem)
    # Read again: the user may have edited the file (well or badly) since it was loaded.
    data = read_settings_file(path) or {}
    data.update({k: v for k, v in settings.to_dict().items() if not only or k in only})
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, json.dumps(data, indent=2, sort_keys=True) + "\n", replace=True)
