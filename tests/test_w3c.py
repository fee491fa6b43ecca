"""W3C Web Annotation JSON-LD: export, import, round trip, and malformed files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from sidelight.annotations.documents import load_document, make_text_document
from sidelight.annotations.library import open_annotations
from sidelight.annotations.model import (
    Annotation,
    new_document_note,
    new_highlight,
    new_link,
    quote_target,
)
from sidelight.annotations.store import AnnotationStore
from sidelight.annotations.w3c import ANNO_CONTEXT, to_w3c, to_w3c_list
from sidelight.annotations.w3c_import import from_w3c, parse_w3c_file
from sidelight.tui.cli import main

TEXT = "The minister said the plan was final. Critics said the plan would change.\n"


def _sample() -> list[Annotation]:
    doc = make_text_document("/docs/a story.txt", TEXT)
    other = make_text_document("/docs/other.txt", "Critics insist the plan will change.\n")

    def target(d, quote):  # type: ignore[no-untyped-def]
        s = d.text.index(quote)
        return quote_target(d.path, d.fingerprint, d.text, s, s + len(quote))

    hl = new_highlight(target(doc, "the plan was final"), color="blue",
                       tags=("claim", "policy"), note="**Check** <b>this</b>\n\nTwo paragraphs.")
    plain = new_highlight(target(doc, "Critics said"))
    orphan = new_highlight(replace(target(doc, "minister"), orphan=True, exact="ministre"))
    note = new_document_note(doc.path, doc.fingerprint, "A note on the whole story.")
    link = new_link((target(doc, "the plan would change"), target(other, "the plan will change")),
                    "agrees", note="Same claim.")
    return [hl, plain, orphan, note, link]


def _as_imported(anns: list[Annotation]) -> list[Annotation]:
    """What an import stores: the same annotations, their documents not yet opened here."""
    return [replace(a, targets=tuple(replace(t, imported=True) for t in a.targets))
            for a in anns]


def test_shape_follows_the_data_model() -> None:
    hl, plain, _, note, link = _sample()
    obj = to_w3c(hl)
    assert obj["@context"][0] == ANNO_CONTEXT
    assert obj["type"] == "Annotation" and obj["id"] == f"urn:uuid:{hl.id}"
    assert obj["motivation"] == "commenting"
    assert to_w3c(plain)["motivation"] == "highlighting"
    assert to_w3c(note)["motivation"] == "commenting"
    bodies = obj["body"]
    assert {"type": "TextualBody", "value": hl.note, "format": "text/markdown",
            "purpose": "commenting"} in bodies
    assert [b["value"] for b in bodies if b["purpose"] == "tagging"] == ["claim", "policy"]
    selectors = {s["type"]: s for s in obj["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == "the plan was final"
    assert selectors["TextPositionSelector"] == {"type": "TextPositionSelector",
                                                 "start": hl.target.start, "end": hl.target.end}
    assert obj["target"]["source"] == "file:///docs/a%20story.txt"
    linked = to_w3c(link)
    assert linked["motivation"] == "linking" and len(linked["target"]) == 2
    # Extension terms use a prefix the context declares, so the JSON-LD stays valid.
    assert all(k.split(":")[0] in ("sidelight", "@context") or ":" not in k for k in obj)
    assert obj["@context"][1]["sidelight"].startswith("urn:")


def test_round_trip_gives_the_same_annotations() -> None:
    anns = _sample()
    text = json.dumps(to_w3c_list(anns))
    assert parse_w3c_file(text) == _as_imported(anns)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "not valid JSON (line 1"),
        ('"a string"', "expected a list of W3C Web Annotations"),
        ("[1]", "annotation 1: an annotation must be a JSON object"),
        ('[{"type": "Note"}]', "'type' must be \"Annotation\""),
        ('[{"type": "Annotation", "target": "file:///a"}]', "'id' is missing"),
        ('[{"type": "Annotation", "id": "urn:uuid:0b7e4c5e-1111-4222-8333-444455556666"}]',
         "'target' is missing"),
        ('[{"type": "Annotation", "id": "x", "target": {"selector": []}}]',
         "target 1: 'source' is missing"),
        ('[{"type": "Annotation", "id": "x", "target": {"source": "file:///a", "selector": '
         '{"type": "TextPositionSelector", "start": -1, "end": 3}}}]',
         "TextPositionSelector 'start' must be a whole number"),
        ('[{"type": "Annotation", "id": "x", "target": {"source": "file:///a", "selector": '
         '[{"type": "TextQuoteSelector", "exact": "abc"}, '
         '{"type": "TextPositionSelector", "start": 0, "end": 9}], '
         '"sidelight:fingerprint": "ab"}}]',
         "spans 9 characters but the quote has 3"),
        ('[{"type": "Annotation", "id": "x", "sidelight:color": "red", '
         '"target": "file:///a"}]', "'sidelight:color' must be one of"),
        ('[{"type": "Annotation", "id": "x", "body": {"type": "Image"}, '
         '"target": "file:///a"}]', "a 'body' must be a TextualBody or have an 'id'"),
        ('[{"type": "Annotation", "id": "x", "motivation": "linking", '
         '"target": ["file:///a", "file:///b"]}]', "a link has two or more targets with ranges"),
    ],
)
def test_malformed_input_is_rejected_naming_the_problem(data: str, message: str) -> None:
    with pytest.raises(ValueError, match=None) as err:
        parse_w3c_file(data)
    assert message in str(err.value)


def test_duplicate_ids_in_one_file_are_rejected() -> None:
    hl = _sample()[0]
    with pytest.raises(ValueError, match="same id as annotation 1"):
        parse_w3c_file(json.dumps([to_w3c(hl), to_w3c(hl)]))


def test_other_tools_annotations_are_read_and_anchored(tmp_path: Path) -> None:
    """A quote without position or fingerprint, with a non-uuid id (as other tools write)."""
    path = tmp_path / "story.txt"
    path.write_text("Intro line.\n" + TEXT, encoding="utf-8")
    obj = {
        "@context": ANNO_CONTEXT,
        "id": "https://example.org/annotations/17",
        "type": "Annotation",
        "motivation": "highlighting",
        "target": {"source": path.as_uri(), "selector": {
            "type": "TextQuoteSelector", "exact": "the plan would change",
            "prefix": "Critics said ", "suffix": ".\n"}},
    }
    ann = from_w3c(obj)
    assert ann.id == from_w3c(obj).id  # the same IRI always gives the same uuid
    assert ann.kind == "highlight"
    store = AnnotationStore(tmp_path / "db.json")
    store.add(ann)
    doc = load_document(path)
    [anchored] = open_annotations(store, doc)
    t = anchored.target
    assert not t.orphan and doc.text[t.start : t.end] == "the plan would change"  # type: ignore[misc]


# -- the commands ---------------------------------------------------------------------------


def _store_with_sample(tmp_path: Path) -> tuple[Path, list[Annotation]]:
    db = tmp_path / "db.json"
    store = AnnotationStore(db)
    anns = _sample()
    store.put_many(anns)
    return db, anns


def test_export_json_then_import_into_an_empty_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, anns = _store_with_sample(tmp_path)
    out = tmp_path / "export.json"
    assert main(["export", "--format", "json", "-o", str(out), "--db", str(db)]) == 0
    empty = tmp_path / "empty.json"
    assert main(["import", str(out), "--db", str(empty)]) == 0
    imported = {a.id: a for a in AnnotationStore(empty).all()}
    assert imported == {a.id: a for a in _as_imported(anns)}
    assert "5 new" in capsys.readouterr().err
    # Importing again changes nothing and duplicates nothing.
    assert main(["import", str(out), "--db", str(empty)]) == 0
    assert len(AnnotationStore(empty).all()) == len(anns)
    assert "5 already there" in capsys.readouterr().err


def test_import_keeps_the_newer_local_edit(tmp_path: Path) -> None:
    db, anns = _store_with_sample(tmp_path)
    out = tmp_path / "export.json"
    out.write_text(json.dumps(to_w3c_list(anns)), encoding="utf-8")
    store = AnnotationStore(db)
    edited = store.put(anns[0].edited(note="edited after the export"))
    assert main(["import", str(out), "--db", str(db)]) == 0
    assert AnnotationStore(db).get(edited.id) == edited


def test_malformed_file_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = to_w3c_list(_sample())
    bad = [*good, {"type": "Annotation", "id": "x", "target": {"selector": []}}]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    db = tmp_path / "db.json"
    assert main(["import", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(path) in err and "annotation 6" in err and "nothing was imported" in err
    assert not db.exists() or AnnotationStore(db).all() == []


def test_import_of_a_missing_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(tmp_path / "nope.json"), "--db", str(tmp_path / "db")]) == 1
    assert "nope.json: no such file" in capsys.readouterr().err


def test_export_and_import_never_echo_a_control_character_of_a_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _anns = _store_with_sample(tmp_path)
    out = tmp_path / "ex\x1b[2Jport\x07.json"
    assert main(["export", "--format", "json", "-o", str(out), "--db", str(db)]) == 0
    assert main(["import", str(out), "--db", str(tmp_path / "other\x1b]0;x\x07.json")]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "Exported" in err and "Imported" in err
    assert "\x1b" not in err and "\x07" not in err
    assert "ex␛[2Jport␇.json" in err
