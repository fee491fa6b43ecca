"""Compare-and-swap: a change made from an old view never overwrites or resurrects.

Two store objects on one file stand for two programs (two readers, a reader and the CLI).
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from harness_store import realistic_annotation

from sidelight.annotations.errors import EditConflict
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.cli import main
from sidelight.tui.session import DroppedChange, Session


@pytest.fixture
def rng() -> random.Random:
    return random.Random(7)


def _fresh(store: AnnotationStore, id: str):  # type: ignore[no-untyped-def]
    """What ``store`` shows after polling for other programs' changes."""
    store.reload()
    return store.get(id)


def _pair(tmp_path: Path) -> tuple[AnnotationStore, AnnotationStore]:
    db = tmp_path / "a.json"
    return AnnotationStore(db), AnnotationStore(db)


def test_update_from_a_deleted_annotation_does_not_bring_it_back(tmp_path: Path,
                                                                  rng: random.Random) -> None:
    reader, cli = _pair(tmp_path)
    seen = reader.add(realistic_annotation(rng))
    cli.delete(seen.id)
    with pytest.raises(EditConflict, match="deleted by another sidelight") as err:
        reader.update(seen, note="typed in the editor")
    assert err.value.kind == "deleted"
    assert AnnotationStore(reader.path).get(seen.id) is None


def test_update_merges_fields_changed_elsewhere_and_refuses_the_same_field(
        tmp_path: Path, rng: random.Random) -> None:
    reader, cli = _pair(tmp_path)
    seen = reader.add(replace(realistic_annotation(rng), color="yellow", note="original"))
    cli.update(_fresh(cli, seen.id), note="IMPORTANT")
    # A colour change from the old view keeps the note saved elsewhere.
    merged = reader.update(seen, color="green")
    assert (merged.color, merged.note) == ("green", "IMPORTANT")
    # The note from the old view would overwrite it: refused, nothing written.
    with pytest.raises(EditConflict, match=r"changed by another sidelight.*\(note\)") as err:
        reader.update(seen, note="mine")
    assert err.value.kind == "changed" and err.value.current.note == "IMPORTANT"
    assert AnnotationStore(reader.path).get(seen.id).note == "IMPORTANT"
    # From the version now stored, the same change goes through.
    assert reader.update(_fresh(reader, seen.id), note="mine").note == "mine"


def test_delete_from_an_old_view_refused_when_the_note_changed(tmp_path: Path,
                                                               rng: random.Random) -> None:
    reader, cli = _pair(tmp_path)
    seen = reader.add(replace(realistic_annotation(rng), note="original"))
    cli.update(_fresh(cli, seen.id), note="IMPORTANT")
    with pytest.raises(EditConflict, match="nothing was deleted"):
        reader.delete(seen.id, base=seen)
    assert AnnotationStore(reader.path).get(seen.id).note == "IMPORTANT"
    # Moved by re-anchoring only: what the user saw still holds, the delete goes through.
    current = _fresh(cli, seen.id)
    moved = replace(current, targets=tuple(replace(t, orphan=True) for t in current.targets))
    cli.replace_unchanged([(current, moved)])
    reader.delete(seen.id, base=current)
    assert AnnotationStore(reader.path).get(seen.id) is None


def test_recreate_only_where_nothing_else_came_back(tmp_path: Path, rng: random.Random) -> None:
    reader, cli = _pair(tmp_path)
    seen = reader.add(realistic_annotation(rng))
    deleted = reader.delete(seen.id, base=seen)
    assert reader.recreate(deleted) == deleted
    assert reader.recreate(deleted) == deleted  # already there: done, nothing written
    cli.update(_fresh(cli, seen.id), note="theirs")
    reader.delete(seen.id, base=_fresh(reader, seen.id))
    cli.recreate(replace(deleted, note="back elsewhere"))
    with pytest.raises(EditConflict) as err:
        reader.recreate(deleted)
    assert err.value.kind == "exists"
    assert AnnotationStore(reader.path).get(seen.id).note == "back elsewhere"


def test_undo_in_one_reader_keeps_the_edit_saved_by_another(tmp_path: Path,
                                                            rng: random.Random) -> None:
    store_a, store_b = _pair(tmp_path)
    a, b = Session(store_a), Session(store_b)
    ann = a.add(replace(realistic_annotation(rng), note="original", color="yellow"))
    a.edit(ann, "colour", color="green")
    b.edit(_fresh(store_b, ann.id), "note", note="IMPORTANT")
    a.undo()  # the colour goes back, the note saved in B stays
    stored = AnnotationStore(store_a.path).get(ann.id)
    assert (stored.color, stored.note) == ("yellow", "IMPORTANT")
    with pytest.raises(DroppedChange, match="changed in another window"):
        a.undo()  # undoing the add would delete B's note unseen
    assert AnnotationStore(store_a.path).get(ann.id).note == "IMPORTANT"
    b.undo()
    assert AnnotationStore(store_a.path).get(ann.id).note == "original"


def test_undo_of_a_delete_in_a_second_reader_after_the_cli_deleted(tmp_path: Path,
                                                                 rng: random.Random) -> None:
    store_a, store_b = _pair(tmp_path)
    a, b = Session(store_a), Session(store_b)
    ann = a.add(realistic_annotation(rng))
    a.edit(ann, "note", note="mine")
    b.delete(_fresh(store_b, ann.id))
    b.undo()  # B's own delete undone: back with A's note
    assert AnnotationStore(store_a.path).get(ann.id).note == "mine"
    store_b.delete(ann.id)  # and deleted for good from the command line
    with pytest.raises(DroppedChange):
        a.undo()  # A's undo of its note edit must not bring it back
    with pytest.raises(DroppedChange):
        b.redo()
    assert AnnotationStore(store_a.path).get(ann.id) is None


def _race_cli_with(monkeypatch: pytest.MonkeyPatch, db: Path, other: object) -> None:
    """Run ``other(store)`` from another store object right after the CLI read the record."""
    original = AnnotationStore.find

    def find_then_race(self: AnnotationStore, key: str):  # type: ignore[no-untyped-def]
        found = original(self, key)
        other(AnnotationStore(db))  # type: ignore[operator]
        return found

    monkeypatch.setattr(AnnotationStore, "find", find_then_race)


def test_cli_edit_never_overwrites_a_note_saved_meanwhile(
        tmp_path: Path, rng: random.Random, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.json"
    ann = AnnotationStore(db).add(replace(realistic_annotation(rng), note="original"))
    _race_cli_with(monkeypatch, db, lambda s: s.update(s.get(ann.id), note="from the reader"))
    assert main(["edit", ann.id[:8], "--note", "from the CLI", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "changed by another sidelight" in err and "run the command again" in err
    assert AnnotationStore(db).get(ann.id).note == "from the reader"
    # A colour given meanwhile is a different field: merged.
    assert main(["edit", ann.id[:8], "--color", "pink", "--db", str(db)]) == 0
    stored = AnnotationStore(db).get(ann.id)
    assert (stored.color, stored.note) == ("pink", "from the reader")


def test_cli_delete_never_deletes_a_note_saved_meanwhile(
        tmp_path: Path, rng: random.Random, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.json"
    ann = AnnotationStore(db).add(replace(realistic_annotation(rng), note="original"))
    _race_cli_with(monkeypatch, db, lambda s: s.update(s.get(ann.id), note="just typed"))
    assert main(["delete", ann.id, "--db", str(db)]) == 1
    assert "nothing was deleted" in capsys.readouterr().err
    assert AnnotationStore(db).get(ann.id).note == "just typed"
