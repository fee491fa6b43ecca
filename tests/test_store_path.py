"""Where the store and the settings live: symlinks, leftovers of killed writers, a settings
file the user broke."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest
from conftest import until
from harness_store import realistic_annotation
from special_files import within

from sidelight.annotations.errors import StoreError
from sidelight.annotations.storage import stale_temporaries
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.cli import main
from sidelight.tui.settings import Settings, SettingsError, load_settings, save_settings


def test_a_store_given_as_a_symlink_stays_a_symlink_and_its_target_gets_the_saves(
        tmp_path: Path) -> None:
    rng = random.Random(3)
    real = tmp_path / "sync" / "annotations.json"
    real.parent.mkdir()
    first = AnnotationStore(real).add(realistic_annotation(rng))
    link = tmp_path / "link.json"
    link.symlink_to(real)
    through_link = AnnotationStore(link)
    second = through_link.add(realistic_annotation(rng))
    assert link.is_symlink() and os.readlink(link) == str(real)
    # One store, one lock: both programs see both annotations.
    assert {a.id for a in AnnotationStore(real).all()} == {first.id, second.id}
    assert through_link.lock_path == Path(f"{real}.lock")
    assert not Path(f"{link}.lock").exists()
    # And from the command line.
    assert main(["delete", first.id, "--db", str(link)]) == 0
    assert link.is_symlink()
    assert [a.id for a in AnnotationStore(real).all()] == [second.id]


def test_the_temporary_sweep_never_deletes_a_user_file(tmp_path: Path) -> None:
    db = tmp_path / "a.json"
    mine = [tmp_path / ".a.json.draft.tmp", tmp_path / ".a.json.x1y2.tmp",
            tmp_path / ".a.json.backup.sidelight-tmp"]
    for path in mine:
        path.write_text("the user's own", encoding="utf-8")
        os.utime(path, (time.time() - 86400, time.time() - 86400))
    # One of ours written after the lock was taken (a clock set ahead) is not old: kept.
    future = tmp_path / f".a.json.{'ab' * 16}.sidelight-tmp"
    future.write_text("{", encoding="utf-8")
    os.utime(future, (time.time() + 3600, time.time() + 3600))
    stale = tmp_path / f".a.json.{'cd' * 16}.sidelight-tmp"
    stale.write_text("{", encoding="utf-8")
    AnnotationStore(db).add(realistic_annotation(random.Random(1)))
    assert all(p.read_text(encoding="utf-8") == "the user's own" for p in mine)
    assert future.exists() and not stale.exists()
    assert list(stale_temporaries(db)) == [future]


SETTINGS_WITH_TRAILING_COMMA = """{
  "keymap": {"sidelight.highlight": "H"},
  "theme": "textual-light",
}
"""


def test_a_broken_settings_file_is_reported_by_line_and_never_written_over(
        config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    path = config_dir / "settings.json"
    path.write_text(SETTINGS_WITH_TRAILING_COMMA, encoding="utf-8")
    loaded = load_settings()
    assert loaded == Settings()
    assert "settings.json: line 4 column 1" in loaded.problem
    assert "will not write over" in loaded.problem
    loaded.theme = "nord"
    with pytest.raises(SettingsError, match="line 4"):
        save_settings(loaded)
    assert path.read_text(encoding="utf-8") == SETTINGS_WITH_TRAILING_COMMA


def test_settings_broken_after_start_are_not_written_over_either(config_dir: Path) -> None:
    save_settings(Settings(theme="nord", keymap={"sidelight.highlight": "H"}))
    loaded = load_settings()
    path = config_dir / "settings.json"
    path.write_text(SETTINGS_WITH_TRAILING_COMMA, encoding="utf-8")
    loaded.theme = "textual-light"
    with pytest.raises(SettingsError):
        save_settings(loaded)
    assert path.read_text(encoding="utf-8") == SETTINGS_WITH_TRAILING_COMMA


def test_a_theme_change_keeps_the_keymap_and_keys_it_does_not_know(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    path = config_dir / "settings.json"
    path.write_text(json.dumps({"theme": "nord", "keymap": {"sidelight.highlight": "H"},
                                "later": 1}), encoding="utf-8")
    loaded = load_settings()
    # The user remaps another key while the reader runs; then changes the theme in it.
    path.write_text(json.dumps({"theme": "nord", "keymap": {"sidelight.undo": "U"},
                                "later": 1}), encoding="utf-8")
    loaded.theme = "textual-light"
    save_settings(loaded, only=("theme",))
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "theme": "textual-light", "keymap": {"sidelight.undo": "U"}, "later": 1}


def test_a_fifo_as_settings_does_not_hang(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    os.mkfifo(config_dir / "settings.json")
    with within(1.0):
        assert "named pipe" in load_settings().problem


def test_a_fifo_or_device_as_store_is_refused_before_opening(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for path, kind in ((fifo, "named pipe"), (Path("/dev/null"), "character device"),
                       (Path("/dev/zero"), "character device")):
        with within(1.0), pytest.raises(StoreError, match=kind):
            AnnotationStore(path)
    assert Path("/dev/null").is_char_device()


def test_the_reader_says_the_settings_are_broken_and_keeps_them(
        tmp_path: Path, config_dir: Path) -> None:
    import asyncio

    from sidelight.annotations.documents import load_document
    from sidelight.tui.app import SidelightApp

    config_dir.mkdir(parents=True)
    path = config_dir / "settings.json"
    path.write_text(SETTINGS_WITH_TRAILING_COMMA, encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("Alice went to Paris.\n", encoding="utf-8")

    async def run() -> None:
        app = SidelightApp([load_document(doc)], AnnotationStore(tmp_path / "db.json"))
        def said(words: str) -> bool:
            return any(words in n.message for n in app._notifications)

        async with app.run_test(size=(120, 40)) as pilot:
            # Both are said through the app's messages (the second after the theme's change
            # is published): a loaded machine gets to them after a pause has ended.
            await until(pilot, lambda: said("settings.json: line 4"))
            app.theme = "textual-light"
            await until(pilot, lambda: said("could not be saved"))
            assert said("settings.json: line 4")
        assert path.read_text(encoding="utf-8") == SETTINGS_WITH_TRAILING_COMMA

    asyncio.run(run())
