"""Import never overwrites the user's annotations silently and never poisons the store."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from sidelight.annotations.documents import make_text_document
from sidelight.annotations.model import Annotation, new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.annotations.w3c import to_w3c, to_w3c_list
from sidelight.annotations.w3c_import import parse_w3c_file
from sidelight.tui.cli import main

TEXT = "Alice went to Paris. Bob stayed in Rome.\n"


def _highlight(quote: str, note: str = "") -> Annotation:
    doc = make_text_document("/docs/story.txt", TEXT)
    s = doc.text.index(quote)
    return new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, s, s + len(quote)),
                         note=note)


def _import(tmp_path: Path, data: object, db: Path) -> tuple[int, str]:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code = main(["import", str(path), "--db", str(db)])
    return code, ""


@pytest.mark.parametrize(
    "change",
    [
        {"modified": "zzzz"},
        {"modified": "2999-01-01T00:00:00Z", "note": "theirs"},
        {"upper": True, "note": "theirs"},
    ],
)
def test_a_conflicting_import_never_replaces_the_users_annotation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict[str, object]
) -> None:
    db = tmp_path / "db.json"
    mine = AnnotationStore(db).put(_highlight("Bob", note="mine"))
    obj = to_w3c(mine)
    obj["body"] = {"type": "TextualBody", "value": change.get("note", "mine too"),
                   "purpose": "commenting"}
    if "modified" in change:
        obj["modified"] = change["modified"]
    if change.get("upper"):
        obj["id"] = obj["id"].upper().replace("URN:UUID:", "urn:uuid:")
        obj["modified"] = "2999-01-01T00:00:00+02:00"
    path = tmp_path / "in.json"
    path.write_text(json.dumps([obj]), encoding="utf-8")
    code = main(["import", str(path), "--db", str(db)])
    err = capsys.readouterr().err
    store = AnnotationStore(db)
    assert store.get(mine.id) == mine, "the user's annotation is unchanged"
    if change.get("modified") == "zzzz":
        assert code == 1 and "'modified' must be a date-time" in err
        assert len(store.all()) == 1
        return
    assert code == 0 and "1 added as copy" in err and f"added as copy: {mine.id}" in err
    notes = sorted(a.note for a in store.all())
    assert notes == ["mine", "theirs"]
    # Importing the same file again adds nothing more.
    assert main(["import", str(path), "--db", str(db)]) == 0
    assert len(AnnotationStore(db).all()) == 2
    assert "1 already there" in capsys.readouterr().err


def test_an_older_version_is_skipped_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    old = _highlight("Bob", note="old")
    fresh = _highlight("Alice")
    path = tmp_path / "in.json"
    path.write_text(json.dumps(to_w3c_list([old, fresh])), encoding="utf-8")
    mine = AnnotationStore(db).put(old.edited(note="edited since"))
    assert main(["import", str(path), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "1 new, 1 kept yours" in err and f"kept yours: {old.id}" in err
    assert AnnotationStore(db).get(old.id) == mine


def test_times_are_compared_as_times(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "db.json"
    mine = AnnotationStore(db).put(_highlight("Bob", note="mine"))
    obj = to_w3c(mine)
    obj["body"] = {"type": "TextualBody", "value": "theirs"}
    # Later as a string ("+" sorts after "Z"? no: "2" > "1"), earlier as a time.
    stamp = mine.modified[:4]
    obj["modified"] = f"{stamp}{mine.modified[4:19]}+23:00"
    path = tmp_path / "in.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    assert main(["import", str(path), "--db", str(db)]) == 0
    assert "1 kept yours" in capsys.readouterr().err
    assert [a.note for a in AnnotationStore(db).all()] == ["mine"]


def test_body_value_and_iri_bodies_are_imported() -> None:
    base = to_w3c(_highlight("Bob"))
    base.pop("body", None)
    with_value = {**base, "bodyValue": "a note as bodyValue"}
    with_iri = {**base, "id": "urn:x:2", "body": "http://example.org/tags/politics"}
    with_resource = {**base, "id": "urn:x:3",
                     "body": {"id": "http://example.org/img.png", "type": "Image"}}
    anns = parse_w3c_file(json.dumps([with_value, with_iri, with_resource]))
    assert [a.note for a in anns] == [
        "a note as bodyValue", "http://example.org/tags/politics", "http://example.org/img.png"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100000, "nested more than"),
        ("[" * 70 + "]" * 70, "nested more than"),
        ('[{"a": ' + "9" * 5000 + "}]", "thousands of digits"),
        ('[{"type": "Annotation", "id": "x", "target": "file:///a\\ud800"}]', "lone surrogate"),
        ("[NaN]", "not a JSON number"),
    ],
)
def test_hostile_json_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "db.json"
    assert main(["import", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert str(path) in err and "nothing was imported" in err
    assert not db.exists()


def test_an_oversized_position_is_refused() -> None:
    obj = to_w3c(_highlight("Bob"))
    obj["target"]["selector"][1]["start"] = 10**40
    with pytest.raises(ValueError, match="whole number from 0"):
        parse_w3c_file(json.dumps(obj))


def test_exports_survive_a_surrogate_already_in_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A store written before imports were checked may hold a lone surrogate.
    db = tmp_path / "db.json"
    bad = _highlight("Bob", note="note \ud800 here")
    bad = replace(bad, targets=(replace(bad.target, source="/docs/st\udc00ry.txt"),))
    AnnotationStore(db).put(bad)
    for command in (["export", "--format", "json"], ["notes", "--format", "json"],
                    ["export"], ["notes"]):
        assert main([*command, "--db", str(db)]) == 0, command
        out = capsys.readouterr().out
        assert out.encode("utf-8")  # printable, no lone surrogate left
        if "json" in command:
            json.loads(out)


def test_import_from_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    data = json.dumps(to_w3c_list([_highlight("Bob")])).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    db = tmp_path / "db.json"
    assert main(["import", "-", "--db", str(db)]) == 0
    assert "from standard input" in capsys.readouterr().err
    assert len(AnnotationStore(db).all()) == 1


def test_an_imported_source_is_never_read_until_the_user_opens_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("PASSWORD=hunter2\nmore\n", encoding="utf-8")
    obj = {"type": "Annotation", "id": "urn:x:1", "target": {
        "source": secret.as_uri(),
        "selector": {"type": "TextQuoteSelector", "exact": "more"}}}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    db = tmp_path / "db.json"
    assert main(["import", str(path), "--db", str(db)]) == 0
    for command in (["export"], ["notes"], ["export", "--format", "json"]):
        assert main([*command, "--db", str(db)]) == 0
        out = capsys.readouterr().out
        assert "hunter2" not in out and "PASSWORD" not in out
    # Once the user opens the document, it is theirs: it is read and anchored.
    assert main(["notes", str(secret), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["export", "--db", str(db)]) == 0
    assert "PASSWORD" in capsys.readouterr().out


def test_a_fifo_is_refused_without_hanging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert main(["import", str(fifo), "--db", str(tmp_path / "db.json")]) == 1
    assert "is a named pipe (FIFO)" in capsys.readouterr().err
