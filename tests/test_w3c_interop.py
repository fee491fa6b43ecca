"""W3C exports other tools read correctly: positions in the file, a collection, JSON-LD that
expands against the W3C context, and every MUST of the W3C test suite."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sidelight.annotations.documents import Document, load_document, make_text_document
from sidelight.annotations.model import (
    Annotation,
    new_document_note,
    new_highlight,
    new_link,
    quote_target,
)
from sidelight.annotations.store import AnnotationStore
from sidelight.annotations.w3c import to_w3c, to_w3c_collection, to_w3c_list
from sidelight.annotations.w3c_import import parse_w3c_file
from sidelight.tui.cli import main

CONTEXT_FILE = Path(__file__).parent / "data" / "w3c" / "anno.jsonld"
RUN_WPT = Path(__file__).resolve().parents[2] / "shared" / "w3c-annotation-tests" / "run_wpt.py"
OA = "http://www.w3.org/ns/oa#"
MARKDOWN = (
    "---\ntitle: A story\ndate: 2018-03-22\n---\n\n# Facebook and the data\n\n"
    "Intro with *emphasis* and a [link](https://example.com).\n\n"
    "- The bridge is safe, the minister said.\n- Critics disagree.\n"
)


def _highlight(doc: Document, quote: str, **kw: Any) -> Annotation:
    start = doc.text.index(quote)
    return new_highlight(
        quote_target(doc.path, doc.fingerprint, doc.text, start, start + len(quote)), **kw)


def _sample(tmp_path: Path) -> tuple[list[Document], list[Annotation]]:
    md_path = tmp_path / "story.md"
    md_path.write_text(MARKDOWN, encoding="utf-8")
    md = load_document(md_path)
    txt = make_text_document(str(tmp_path / "other.txt"),
                             "Another account: the bridge is unsafe.\n")
    anns = [
        _highlight(md, "Facebook", color="green", tags=("tech",)),
        _highlight(md, "The bridge is safe", note="Die Brücke ist nicht sicher, sagen die "
                   "Kritiker, und der Minister widerspricht ihnen."),
        _highlight(md, "emphasis and a link"),
        new_document_note(md.path, md.fingerprint, "A note on the whole story."),
        new_link((_highlight(md, "Critics disagree").target,
                  _highlight(txt, "the bridge is unsafe").target), "contradicts"),
    ]
    return [md, txt], anns


def test_markdown_positions_count_the_files_characters(tmp_path: Path) -> None:
    docs, anns = _sample(tmp_path)
    md = docs[0]
    for ann in anns:
        obj = to_w3c(ann, {d.path: d for d in docs})
        targets = obj["target"] if isinstance(obj["target"], list) else [obj["target"]]
        for t, target in zip(targets, ann.targets, strict=True):
            if not target.has_range or target.source != md.path:
                continue
            sels = {s["type"]: s for s in t["selector"]}
            pos = sels["TextPositionSelector"]
            in_file = md.source_text[pos["start"] : pos["end"]]
            if "*" not in in_file and "[" not in in_file:
                assert in_file == target.exact
            else:  # the quote spans markup: the file's range holds it with its markup
                assert in_file == "emphasis* and a [link"
            assert t["sidelight:readingPosition"] == {"start": target.start, "end": target.end}
    # Before the fix, position 53 of "Facebook" landed elsewhere in the file.
    first = to_w3c(anns[0], {md.path: md})["target"]["selector"][1]
    assert MARKDOWN[first["start"] : first["end"]] == "Facebook"


def test_import_maps_markdown_positions_back_to_the_reading_text(tmp_path: Path) -> None:
    docs, anns = _sample(tmp_path)
    back = parse_w3c_file(json.dumps(to_w3c_collection(anns, docs)))
    for old, new in zip(anns, back, strict=True):
        assert [(t.start, t.end, t.exact) for t in new.targets] == [
            (t.start, t.end, t.exact) for t in old.targets]


def test_collection_colour_and_language(tmp_path: Path) -> None:
    docs, anns = _sample(tmp_path)
    col = to_w3c_collection(anns, docs)
    assert col["type"] == "AnnotationCollection" and col["total"] == len(anns)
    page = col["first"]
    assert page["type"] == "AnnotationPage" and len(page["items"]) == len(anns)
    assert to_w3c_collection(anns, docs)["id"] == col["id"]
    items = page["items"]
    assert [("sidelight:color" in i) for i in items] == [True, True, True, False, False]
    assert items[1]["body"]["language"] == "de"
    assert items[3]["body"]["language"] == "en"
    short = to_w3c(_highlight(docs[0], "Facebook", note="Paris?"))
    assert "language" not in short["body"]  # too few words to tell


def _expand(obj: Any) -> list[dict[str, Any]]:
    from pyld import jsonld

    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))

    def loader(url: str, options: Any = None) -> dict[str, Any]:
        assert url.rstrip("/") in ("http://www.w3.org/ns/anno.jsonld",
                                   "https://www.w3.org/ns/anno.jsonld"), url
        return {"contextUrl": None, "documentUrl": url, "document": context}

    return jsonld.expand(obj, {"documentLoader": loader})


def _values(node: dict[str, Any], key: str) -> list[Any]:
    return node.get(key, [])


def _check_annotation(node: dict[str, Any], ann: Annotation) -> None:
    assert _values(node, "@type") == [OA + "Annotation"]
    assert node["@id"] == f"urn:uuid:{ann.id}"
    for key in ("http://purl.org/dc/terms/created", "http://purl.org/dc/terms/modified"):
        (stamp,) = _values(node, key)
        assert stamp["@type"] == "http://www.w3.org/2001/XMLSchema#dateTime"
    (motivation,) = _values(node, OA + "motivatedBy")
    assert motivation["@id"].startswith(OA)
    targets = _values(node, OA + "hasTarget")
    assert len(targets) == len(ann.targets)
    for target, t in zip(targets, ann.targets, strict=True):
        assert _values(target, "@type") == [OA + "SpecificResource"]
        (source,) = _values(target, OA + "hasSource")
        assert source["@id"] == Path(t.source).as_uri()
        kinds = {s["@type"][0]: s for s in _values(target, OA + "hasSelector")}
        if t.exact:
            (exact,) = kinds[OA + "TextQuoteSelector"][OA + "exact"]
            assert exact["@value"] == t.exact
        if t.has_range:
            pos = kinds[OA + "TextPositionSelector"]
            for key in ("start", "end"):
                (v,) = pos[OA + key]
                assert v["@type"] == "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    for body in _values(node, OA + "hasBody"):
        assert _values(body, "@type") == [OA + "TextualBody"]
        assert _values(body, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value")
    if ann.kind == "highlight":
        assert _values(node, "urn:sidelight:color")[0]["@value"] == ann.color


def test_every_export_expands_against_the_w3c_context(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pyld")
    docs, anns = _sample(tmp_path)
    db = tmp_path / "db.json"
    AnnotationStore(db).put_many(anns)
    # What the commands print: export (a collection) and notes (a list).
    assert main(["export", "--format", "json", "--db", str(db)]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert main(["notes", "--format", "json", "--db", str(db)]) == 0
    listed = json.loads(capsys.readouterr().out)
    by_id = {f"urn:uuid:{a.id}": a for a in anns}
    (collection,) = _expand(exported)
    assert collection["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    (page,) = collection["http://www.w3.org/ns/activitystreams#first"]
    (items,) = page["http://www.w3.org/ns/activitystreams#items"]
    nodes = items["@list"]
    assert len(nodes) == len(anns)
    for node in nodes:
        _check_annotation(node, by_id[node["@id"]])
    for obj in [*listed, *to_w3c_list(anns, docs)]:
        (node,) = _expand(obj)
        _check_annotation(node, by_id[node["@id"]])


@pytest.mark.skipif(not RUN_WPT.is_file(), reason="the W3C test suite is not beside the project")
def test_every_export_passes_the_w3c_test_suite(tmp_path: Path) -> None:
    pytest.importorskip("jsonschema")
    docs, anns = _sample(tmp_path)
    db = tmp_path / "db.json"
    AnnotationStore(db).put_many(anns)
    out = tmp_path / "export.json"
    assert main(["export", "--format", "json", "-o", str(out), "--db", str(db)]) == 0
    listed = tmp_path / "notes.json"
    listed.write_text(json.dumps(to_w3c_list(anns, docs)), encoding="utf-8")
    for path in (out, listed):
        run = subprocess.run([sys.executable, str(RUN_WPT), str(path), "--summary"],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
