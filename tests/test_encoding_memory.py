"""A document read with --encoding: its annotations remember the encoding, so that commands
listing every annotation read the file the same way (no warning, lines instead of offsets)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import pilot_test, reader_app, select_phrase

from sidelight.annotations.anchoring import anchor_target
from sidelight.annotations.documents import load_document
from sidelight.annotations.model import Annotation, Target, new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.annotations.w3c import to_w3c
from sidelight.annotations.w3c_import import from_w3c
from sidelight.tui.cli import main

LATIN = "Titre\n\nLe café est fermé depuis lundi.\n\nLa mairie a refusé.\n"


@pytest.fixture
def latin(tmp_path: Path) -> Path:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN.encode("latin-1"))
    return path


def test_target_keeps_its_encoding_through_the_store_and_anchoring() -> None:
    target = quote_target("/a.txt", "f", "un café noir", 3, 7, "latin-1")
    assert Target.from_dict(target.to_dict()) == target
    # Only a remembered encoding is written: UTF-8 targets look as they always did.
    assert "encoding" not in quote_target("/a.txt", "f", "un café", 3, 7).to_dict()
    moved = anchor_target(target, "Hier, un café noir", "g")
    assert (moved.start, moved.encoding) == (9, "latin-1")


def test_an_old_record_without_encoding_still_reads() -> None:
    record = quote_target("/a.txt", "f", "un café", 3, 7).to_dict()
    record.pop("encoding", None)
    assert Target.from_dict(record).encoding == ""
    with pytest.raises(ValueError, match="encoding"):
        Target.from_dict({**record, "encoding": 7})


def test_utf8_given_is_not_remembered(latin: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("café", encoding="utf-8")
    assert load_document(plain, "UTF8").encoding == ""
    assert load_document(latin, "latin-1").encoding == "latin-1"
    assert load_document(plain).encoding == ""


def test_notes_of_the_whole_store_reads_the_remembered_encoding(
    latin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    assert main(["annotate", str(latin), "--quote", "La mairie a refusé", "--encoding",
                 "latin-1", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["notes", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    row = next(line for line in out.splitlines() if "La mairie" in line)
    assert " L5 " in row and "51–" not in row
    assert main(["notes", "--format", "jsonl", "--db", str(db)]) == 0
    item = json.loads(capsys.readouterr().out)
    assert item["target"]["sidelight:encoding"] == "latin-1"


def test_opening_with_another_encoding_updates_what_is_remembered(
    latin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    doc = load_document(latin, "latin-1")
    start = doc.text.index("café")
    # Made before encodings were remembered: the target names none.
    AnnotationStore(db).add(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text,
                                                       start, start + 4)))
    assert main(["notes", "--db", str(db)]) == 0
    assert "--encoding" in capsys.readouterr().err
    assert main(["notes", str(latin), "--encoding", "cp1252", "--db", str(db)]) == 0
    capsys.readouterr()
    (ann,) = AnnotationStore(db).all()
    assert ann.target.encoding == "cp1252"
    assert main(["notes", "--db", str(db)]) == 0
    assert capsys.readouterr().err == ""


def test_a_remembered_encoding_that_no_longer_fits_falls_back(
    latin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file was converted to UTF-8 since: the remembered codec fails, UTF-8 reads it."""
    db = tmp_path / "db.json"
    doc = load_document(latin, "latin-1")
    start = doc.text.index("café")
    target = quote_target(doc.path, doc.fingerprint, doc.text, start, start + 4, "utf-16")
    AnnotationStore(db).add(new_highlight(target))
    latin.write_text(LATIN, encoding="utf-8")
    assert main(["notes", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and " L3 " in out


def test_w3c_export_and_import_carry_the_encoding() -> None:
    ann: Annotation = new_highlight(quote_target("/a.txt", "f", "un café", 3, 7, "cp1252"))
    item = to_w3c(ann)
    assert item["target"]["sidelight:encoding"] == "cp1252"
    assert from_w3c(item).target.encoding == "cp1252"
    item["target"]["sidelight:encoding"] = ["x"]
    with pytest.raises(ValueError, match="sidelight:encoding"):
        from_w3c(item)


def test_notes_run_as_a_program(latin: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    env = {**os.environ, "COLUMNS": "150"}
    run = [sys.executable, "-m", "sidelight"]
    made = subprocess.run([*run, "annotate", str(latin), "--quote", "café", "--encoding",
                           "latin-1", "--db", str(db)], capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stderr
    listed = subprocess.run([*run, "notes", "--db", str(db)], capture_output=True, text=True,
                            env=env)
    assert listed.returncode == 0 and listed.stderr == ""
    assert " L3 " in listed.stdout


def test_naming_the_file_again_needs_no_encoding(
    latin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    assert main(["notes", str(latin), "--db", str(db)]) == 1  # never read with --encoding
    assert "--encoding" in capsys.readouterr().err
    assert main(["annotate", str(latin), "--quote", "café", "--encoding", "latin-1",
                 "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["notes", str(latin), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "café" in out and " L3 " in out
    assert not (tmp_path / "other.json").exists()
    assert main(["notes", str(latin), "--db", str(tmp_path / "other.json")]) == 1
    assert not (tmp_path / "other.json").exists()


@pilot_test
async def test_a_highlight_made_in_the_reader_remembers_the_encoding(
    latin: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app([load_document(latin, "latin-1")], db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await select_phrase(pilot, "La mairie")
        await pilot.press("h")
        await pilot.pause()
    (ann,) = AnnotationStore(db_path).all()
    assert (ann.target.exact, ann.target.encoding) == ("La mairie", "latin-1")


def test_hypothesis_export_and_import_carry_the_encoding() -> None:
    from sidelight.annotations.hypothesis import parse_hypothesis, to_hypothesis_export

    ann = new_highlight(quote_target("/a.txt", "f", "un café", 3, 7, "cp1252"))
    data = to_hypothesis_export([ann], {})
    (row,) = data["annotations"]
    assert row["sidelight"]["encoding"] == "cp1252"
    (back,) = parse_hypothesis(data).annotations
    assert back.target.encoding == "cp1252"
    plain = to_hypothesis_export([new_highlight(quote_target("/a.txt", "f", "café", 0, 4))], {})
    assert "encoding" not in plain["annotations"][0]["sidelight"]
