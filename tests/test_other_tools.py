"""Hypothesis and Readwise: import their files, export in the shape their importers read,
and round-trip through sidelight with nothing lost that sidelight can represent."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from sidelight.annotations.documents import load_document
from sidelight.annotations.importing import content_key
from sidelight.annotations.library import open_annotations
from sidelight.annotations.model import new_document_note, new_highlight, new_link, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.cli import main

TEXT = "Alice went to Paris. Bob stayed in Rome. 40 people died, police said.\n"

HYPOTHESIS_ROW = {
    "id": "Ab1cD2eFGh",
    "created": "2024-03-01T10:00:00.000000+00:00",
    "updated": "2024-03-02T11:00:00.000000+00:00",
    "user": "acct:alice@hypothes.is",
    "uri": "https://example.org/story",
    "text": "Check **this** figure.",
    "tags": ["numbers", "police"],
    "group": "__world__",
    "permissions": {"read": ["group:__world__"]},
    "target": [{
        "source": "https://example.org/story",
        "selector": [
            {"type": "RangeSelector", "startContainer": "/div[1]/p[2]", "startOffset": 0,
             "endContainer": "/div[1]/p[2]", "endOffset": 9},
            {"type": "TextPositionSelector", "start": 1200, "end": 1209},
            {"type": "TextQuoteSelector", "exact": "40 people", "prefix": "Rome. ",
             "suffix": " died"},
        ],
    }],
    "document": {"title": ["The story"]},
    "links": {"html": "https://hypothes.is/a/Ab1cD2eFGh"},
}


def _store(tmp_path: Path) -> tuple[Path, Path, list]:
    doc_path = tmp_path / "story.txt"
    doc_path.write_text(TEXT, encoding="utf-8")
    doc = load_document(doc_path)

    def target(q: str):  # type: ignore[no-untyped-def]
        s = doc.text.index(q)
        return quote_target(doc.path, doc.fingerprint, doc.text, s, s + len(q))

    anns = [
        new_highlight(target("40 people"), color="pink", tags=("numbers", "two words"),
                      note="Check **this**.\n\nSecond paragraph."),
        new_highlight(target("Paris"), color="green"),
        new_document_note(doc.path, doc.fingerprint, "About the whole story."),
        new_link((target("Alice"), target("Bob")), "agrees"),
    ]
    db = tmp_path / "db.json"
    AnnotationStore(db).put_many(anns)
    return db, doc_path, anns


def test_hypothesis_api_json_is_imported_with_its_id_creator_and_unsupported_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reply = {**HYPOTHESIS_ROW, "id": "Reply1", "references": ["Ab1cD2eFGh"], "text": "Agreed"}
    private = {**HYPOTHESIS_ROW, "id": "Priv1", "permissions": {"read": ["acct:alice@x"]},
               "target": [{"source": "https://example.org/story"}], "text": "page note",
               "links": {}}
    path = tmp_path / "search.json"
    path.write_text(json.dumps({"total": 3, "rows": [HYPOTHESIS_ROW, reply, private]}),
                    encoding="utf-8")
    db = tmp_path / "db.json"
    assert main(["import", str(path), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "(Hypothesis)" in err and "2 new" in err
    assert "1 reply skipped (sidelight has no replies)" in err
    assert "permissions of 1 private or group annotation not kept" in err
    anns = sorted(AnnotationStore(db).all(), key=lambda a: a.kind)
    hl, note = anns
    assert hl.kind == "highlight" and hl.target.exact == "40 people"
    assert hl.target.prefix == "Rome. " and hl.target.source == "https://example.org/story"
    assert hl.tags == ("numbers", "police") and hl.note == "Check **this** figure."
    assert hl.via == "https://hypothes.is/a/Ab1cD2eFGh" and hl.creator == "acct:alice@hypothes.is"
    assert hl.created == "2024-03-01T10:00:00.000Z" and hl.modified == "2024-03-02T11:00:00.000Z"
    assert note.kind == "note" and note.note == "page note"
    # Exported as W3C, the original id travels as via and the user as creator.
    assert main(["export", "--format", "json", "--db", str(db)]) == 0
    items = json.loads(capsys.readouterr().out)["first"]["items"]
    item = next(i for i in items if i["sidelight:kind"] == "highlight")
    assert item["via"] == "https://hypothes.is/a/Ab1cD2eFGh"
    assert item["creator"] == "acct:alice@hypothes.is"


def test_hypothesis_json_ld_is_imported_as_w3c_and_replies_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonld = {
        "@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
        "id": "https://hypothes.is/a/Ab1cD2eFGh", "created": "2024-03-01T10:00:00.000000+00:00",
        "modified": "2024-03-02T11:00:00.000000+00:00", "creator": "acct:alice@hypothes.is",
        "body": [{"type": "TextualBody", "value": "Check this", "format": "text/markdown"},
                 {"type": "TextualBody", "purpose": "tagging", "value": "numbers"}],
        "target": [{"source": "https://example.org/story",
                    "selector": HYPOTHESIS_ROW["target"][0]["selector"]}],  # type: ignore[index]
    }
    reply = {**jsonld, "id": "https://hypothes.is/a/R1", "motivation": "replying"}
    path = tmp_path / "a.jsonld"
    path.write_text(json.dumps([jsonld, reply]), encoding="utf-8")
    db = tmp_path / "db.json"
    assert main(["import", str(path), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "1 new" in err and "1 reply skipped" in err
    (ann,) = AnnotationStore(db).all()
    assert ann.via == "https://hypothes.is/a/Ab1cD2eFGh" and ann.creator.startswith("acct:")
    assert ann.target.exact == "40 people" and ann.target.end - ann.target.start == 9


@pytest.mark.parametrize("fmt", ["hypothesis", "readwise"])
def test_round_trip_through_the_other_tools_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    db, doc_path, anns = _store(tmp_path)
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(doc_path), "--format", fmt, "-o", str(out), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert ("1 annotation not exported" if fmt == "hypothesis"
            else "2 annotations not exported") in err
    assert ("colours of 2 highlights are not in the file" in err) == (fmt == "readwise")
    fresh = tmp_path / "fresh.json"
    assert main(["import", str(out), "--db", str(fresh)]) == 0
    store = AnnotationStore(fresh)
    # Opened by the user, the imported highlights anchor on the document's words.
    back = open_annotations(store, load_document(doc_path))
    kept = [a for a in anns if a.kind == "highlight" or (fmt == "hypothesis" and a.kind == "note")]
    want = {content_key(a) for a in kept}
    if fmt == "readwise":  # Readwise has no colours, and a tag is one word
        want = {(k[0], "yellow", tuple(t.replace(" ", "-") for t in k[2]), *k[3:])
                for k in want}
    assert {content_key(a) for a in back} == want
    assert all(not a.orphan for a in back)
    for a in back:
        if a.kind == "highlight":
            assert TEXT[a.target.start : a.target.end] == a.target.exact


def test_readwise_csv_has_the_import_columns_and_tags_in_the_note(tmp_path: Path) -> None:
    db, doc_path, _ = _store(tmp_path)
    out = tmp_path / "readwise.csv"
    assert main(["export", "--format", "readwise", "-o", str(out), "--db", str(db)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date"]
    row = next(r for r in rows if r["Highlight"] == "40 people")
    assert row["Note"].startswith(".numbers .two-words\n")
    assert row["URL"] == str(doc_path) and row["Title"] == TEXT.strip()
    assert row["Location"] == str(TEXT.index("40 people"))


def test_a_readwise_export_without_urls_gives_orphans_with_their_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "readwise-export.csv"
    path.write_text(
        "Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,"
        "Location,Highlighted at,Document tags\n"
        '"A quote, with a comma",The Book,An Author,,"a note",blue,"history, war",order,'
        "12,2023-05-01 10:00:00+00:00,\n",
        encoding="utf-8",
    )
    db = tmp_path / "db.json"
    assert main(["import", str(path), "--db", str(db)]) == 0
    assert "(Readwise CSV)" in capsys.readouterr().err
    (ann,) = AnnotationStore(db).all()
    assert ann.orphan and ann.target.exact == "A quote, with a comma"
    assert ann.target.source == "Readwise: The Book" and ann.color == "blue"
    assert ann.tags == ("history", "war") and ann.note == "a note"
    # Importing again adds nothing.
    assert main(["import", str(path), "--db", str(db)]) == 0
    assert len(AnnotationStore(db).all()) == 1


def test_a_broken_readwise_csv_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text('Highlight,Title,Date\n"x",T,not a date\n', encoding="utf-8")
    assert main(["import", str(path), "--db", str(tmp_path / "db.json")]) == 1
    err = capsys.readouterr().err
    assert "row 2: 'Date'" in err and err.count("\n") == 1


def test_sidelights_own_readwise_csv_read_back_adds_no_second_highlight(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _, _ = _store(tmp_path)
    before = {a.id: a for a in AnnotationStore(db).all()}
    out = tmp_path / "readwise.csv"
    assert main(["export", "--format", "readwise", "-o", str(out), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["import", str(out), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    after = {a.id: a for a in AnnotationStore(db).all()}
    assert after == before  # nothing added, nothing replaced
    # Their colours are not in the file: each is a version of a highlight the store holds.
    assert "2 kept yours" in err and "new" not in err, err
