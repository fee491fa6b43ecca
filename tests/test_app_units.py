"""The reader's pure parts: colours, settings, undo history, marks, safe text, argument parsing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.theme import BUILTIN_THEMES

from sidelight.annotations import edits
from sidelight.annotations.documents import make_text_document
from sidelight.annotations.model import COLORS, Annotation, new_highlight, quote_target
from sidelight.tui import marks
from sidelight.tui.colors import (
    LABEL_HUES,
    MIN_CONTRAST,
    contrast,
    distance,
    palette_for,
    readable_on,
)
from sidelight.tui.commands import read
from sidelight.tui.safe_text import one_line, printable
from sidelight.tui.session import DroppedChange, Session
from sidelight.tui.settings import Settings, load_settings, save_settings

THEME_BACKGROUNDS = sorted(
    {t.background for t in BUILTIN_THEMES.values() if t.background} | {"#000000", "#ffffff"}
)


# --- colours ------------------------------------------------------------------------------


@pytest.mark.parametrize("background", THEME_BACKGROUNDS)
def test_entity_colours_are_readable_on_every_builtin_theme(background: str) -> None:
    palette = palette_for(background)
    for label in [*LABEL_HUES, "SOMETHING_NEW"]:
        assert contrast(palette.entity(label), palette.background) >= MIN_CONTRAST, label


@pytest.mark.parametrize("background", ["#121212", "#e0e0e0", "#000000", "#ffffff"])
def test_highlight_text_is_readable_and_colours_differ(background: str) -> None:
    palette = palette_for(background)
    bgs = [palette.highlight_bg(c) for c in COLORS]
    assert len(set(bgs)) == len(COLORS)
    for color in COLORS:
        fg, _, bg = palette.highlight(color).partition(" on ")
        assert contrast(fg, bg) >= MIN_CONTRAST
        # The band must stand out from the page itself (by hue when not by lightness).
        assert distance(bg, palette.background) >= 80, (color, bg)


@pytest.mark.parametrize("dark", [True, False])
def test_terminal_default_background_falls_back_to_the_theme_polarity(dark: bool) -> None:
    assert palette_for("ansi_default", dark).dark is dark
    assert palette_for("not a colour", dark).dark is dark


def test_readable_on_moves_toward_the_far_end() -> None:
    assert contrast(readable_on("#333333", "#000000"), "#000000") >= MIN_CONTRAST
    assert contrast(readable_on("#eeeeee", "#ffffff"), "#ffffff") >= MIN_CONTRAST
    assert readable_on("#ffffff", "#000000") == "#ffffff"


# --- settings -------------------------------------------------------------------------------


def test_settings_round_trip_and_env_override(config_dir: Path) -> None:
    save_settings(Settings(theme="textual-light", keymap={"sidelight.highlight": "H"}))
    assert (config_dir / "settings.json").exists()
    loaded = load_settings()
    assert loaded.theme == "textual-light"
    assert loaded.keymap == {"sidelight.highlight": "H"}


@pytest.mark.parametrize("content", ["", "{not json", "[1, 2]", '{"theme": 3, "keymap": [1]}'])
def test_bad_settings_mean_defaults(config_dir: Path, content: str) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "settings.json").write_text(content)
    assert load_settings() == Settings()


# --- undo history ---------------------------------------------------------------------------


class MemoryStore:
    """The store's compare-and-swap rules over a dict."""

    def __init__(self) -> None:
        self.data: dict[str, Annotation] = {}

    def add(self, ann: Annotation) -> Annotation:
        self.data[ann.id] = ann
        return ann

    def update(self, base: Annotation, **changes: Any) -> Annotation:
        new = edits.updated(base, self.data.get(base.id), changes)
        self.data[new.id] = new
        return new

    def delete(self, id: str, *, base: Annotation | None = None) -> Annotation:
        assert base is not None
        edits.check_delete(base, self.data.get(id))
        return self.data.pop(id)

    def recreate(self, ann: Annotation) -> Annotation:
        if edits.check_recreate(ann, self.data.get(ann.id)):
            self.data[ann.id] = ann
        return self.data[ann.id]


def _highlight(text: str = "alpha beta gamma", start: int = 0, end: int = 5) -> Annotation:
    return new_highlight(quote_target("/d.txt", "fp", text, start, end))


def test_undo_redo_add_edit_delete() -> None:
    store = MemoryStore()
    session = Session(store)
    ann = session.add(_highlight())
    edited = session.replace(ann, ann.edited(note="n1"))
    session.delete(edited)
    assert store.data == {}
    session.undo()
    assert store.data[ann.id].note == "n1"
    session.undo()
    assert store.data[ann.id].note == ""
    session.undo()
    assert store.data == {}
    assert session.undo() is None
    session.redo()
    session.redo()
    assert store.data[ann.id].note == "n1"
    session.redo()
    assert store.data == {}
    assert session.redo() is None


def test_new_change_drops_redo() -> None:
    store = MemoryStore()
    session = Session(store)
    session.add(_highlight())
    session.undo()
    session.add(_highlight(start=6, end=10))
    assert session.redo() is None


def test_undo_of_what_another_process_deleted_is_dropped_not_resurrected() -> None:
    store = MemoryStore()
    session = Session(store)
    ann = session.add(_highlight())
    edited = session.replace(ann, ann.edited(note="mine"))
    del store.data[ann.id]  # the command line deletes it
    with pytest.raises(DroppedChange, match="deleted in another window"):
        session.undo()
    assert store.data == {}
    # The add before it: its undo finds nothing to delete either, and is dropped too.
    with pytest.raises(DroppedChange):
        session.undo()
    assert not session.history.can_undo() and not session.history.can_redo()
    assert edited.note == "mine"


def test_undo_never_wipes_another_process_edit_of_the_same_field() -> None:
    store = MemoryStore()
    session = Session(store)
    ann = session.add(_highlight())
    session.replace(ann, ann.edited(color="green"))
    store.data[ann.id] = store.data[ann.id].edited(note="IMPORTANT")  # another window
    # The colour is ours to undo; the note is theirs and stays.
    session.undo()
    assert (store.data[ann.id].color, store.data[ann.id].note) == ("yellow", "IMPORTANT")
    session.redo()
    store.data[ann.id] = store.data[ann.id].edited(color="blue")  # the colour again, elsewhere
    with pytest.raises(DroppedChange, match="changed in another window"):
        session.undo()
    assert (store.data[ann.id].color, store.data[ann.id].note) == ("blue", "IMPORTANT")


def test_undo_of_a_delete_does_not_replace_a_re_created_annotation() -> None:
    store = MemoryStore()
    session = Session(store)
    ann = session.add(_highlight())
    session.delete(ann)
    store.data[ann.id] = ann.edited(note="re-created elsewhere")
    with pytest.raises(DroppedChange, match="re-created"):
        session.undo()
    assert store.data[ann.id].note == "re-created elsewhere"


def test_failed_undo_stays_undoable() -> None:
    store = MemoryStore()
    session = Session(store)
    session.add(_highlight())

    def broken(id: str, base: Annotation | None = None) -> Annotation:
        raise RuntimeError("disk full")

    store.delete = broken  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        session.undo()
    assert session.history.can_undo()


# --- marks ---------------------------------------------------------------------------------


def test_step_wraps_both_ways() -> None:
    assert marks.step([], 3, True) is None
    assert marks.step([2, 5, 9], 2, True) == (5, False)
    assert marks.step([2, 5, 9], 9, True) == (2, True)
    assert marks.step([2, 5, 9], 5, False) == (2, False)
    assert marks.step([2, 5, 9], 2, False) == (9, True)


def test_find_all_is_smartcase() -> None:
    text = "Facebook and facebook and FACEBOOK"
    assert len(marks.find_all(text, "facebook")) == 3
    assert marks.find_all(text, "Facebook") == [(0, 8)]
    assert marks.find_all(text, "a.d") == []  # literal, not a pattern
    assert marks.find_all(text, "") == []


def test_annotation_at_prefers_the_innermost_and_skips_orphans() -> None:
    doc = make_text_document("/d.txt", "one two three four")
    outer = new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, 0, 13))
    inner = new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, 4, 7))
    orphan_target = quote_target(doc.path, doc.fingerprint, doc.text, 14, 18)
    orphan = new_highlight(
        type(orphan_target)(**{**orphan_target.to_dict(), "orphan": True})
    )
    other_doc = new_highlight(quote_target("/other.txt", "x", doc.text, 0, 3))
    anns = [outer, inner, orphan, other_doc]
    assert marks.annotation_at(anns, doc, 5) is inner
    assert marks.annotation_at(anns, doc, 1) is outer
    assert marks.annotation_at(anns, doc, 15) is None
    assert [s for s, _, _ in marks.ranges_on(anns, doc)] == [0, 4]


@dataclass
class Ent:
    start: int
    end: int
    label: str
    text: str
    key: str


def test_entity_at_and_spans() -> None:
    ents = [Ent(0, 4, "PERSON", "Mark", "p:m"), Ent(10, 18, "ORG", "Facebook", "o:f")]
    assert marks.entity_at(ents, 2) is ents[0]
    assert marks.entity_at(ents, 6) is None
    assert marks.entity_at(ents, 17) is ents[1]
    assert marks.entity_spans(ents, {"ORG"}, lambda label: label) == [(0, 4, "PERSON")]


# --- safe text -----------------------------------------------------------------------------


def test_printable_shows_controls() -> None:
    hostile = "a\x1b]2;pwned\x07b\x9bc\u202ed\x7f"
    shown = printable(hostile)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert "\u202e" not in shown
    assert shown.startswith("a␛]2;pwned␇b")
    assert one_line("x\ny" * 50, 10).endswith("…")


# --- argument parsing ---------------------------------------------------------------------


def test_parse_accepts_up_to_four_files() -> None:
    args = read.parse(["a.txt", "b.md", "--db", "x.json", "--encoding", "latin-1"])
    assert args.files == ["a.txt", "b.md"] and args.db == "x.json"
    assert args.encoding == "latin-1"


def test_parse_rejects_five_files(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        read.parse([f"{i}.txt" for i in range(5)])
    assert exc.value.code == 2
    assert "at most 4" in capsys.readouterr().err


def test_load_documents_keeps_the_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Hello there.\n")
    docs, failures = read.load_documents([good, tmp_path / "missing.txt"])
    assert [d.name for d in docs] == ["good.txt"]
    assert len(failures) == 1 and "missing.txt" in failures[0]


def test_settings_file_is_json(config_dir: Path) -> None:
    save_settings(Settings(theme="nord"))
    assert json.loads((config_dir / "settings.json").read_text())["theme"] == "nord"
