"""``notes --format json`` and ``jsonl`` of a whole store: exactly json.dumps of each annotation's
W3C object, in the listing's order, over several chunks of the streamed output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.store_fixture import make_store
from sidelight.annotations.documents import load_document
from sidelight.annotations.listing import Listing, stream_everything
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.annotations.w3c import to_w3c

# Notes a store holds beside the generated ones: languages, escapes, characters outside the
# BMP (written as surrogate pairs) and a backslash before "ud" (which looks like one).
NOTES = (
    "Der Minister hat am Donnerstag gesagt, dass die Pläne nicht fertig sind.",
    "Le ministre a dit que le plan était définitif et que les critiques ont tort.",
    'a "quoted" word, a tab\tand a line\nbreak 😀 and C:\\udir\\x',
    "🙂",
)


def _store(tmp_path: Path) -> tuple[Path, Path]:
    # 1,250 annotations: 250 on a document that is there, 1,000 on one that is gone, so the
    # output runs over several chunks and both kinds of document.
    fx = make_store(tmp_path / "store", 1_250, 250, doc_bytes=40_000)
    store = AnnotationStore(fx.db)
    doc = load_document(fx.document)
    for i, note in enumerate(NOTES):
        start = 100 + 50 * i
        target = quote_target(doc.path, doc.fingerprint, doc.text, start, start + 20)
        store.add(new_highlight(target, note=note, tags=("check",) if i % 2 else ()))
    return fx.db, fx.document


def _expected(db: Path) -> list[str]:
    store = AnnotationStore(db)
    listing = Listing()
    anns = list(stream_everything(store, listing))
    return [json.dumps(to_w3c(a, listing.by_path), ensure_ascii=True) for a in anns]


def _notes(db: Path, fmt: str) -> str:
    done = subprocess.run([sys.executable, "-m", "sidelight", "notes", "--format", fmt,
                           "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_json_of_a_whole_store_is_each_annotations_object(tmp_path: Path) -> None:
    db, _ = _store(tmp_path)
    expected = _expected(db)
    assert len(expected) == 1_254
    assert _notes(db, "json") == "[\n  " + ",\n  ".join(expected) + "\n]\n"
    assert _notes(db, "jsonl") == "".join(line + "\n" for line in expected)
    # Each note carries the language its words tell (the part detected per annotation).
    said = {}
    for obj in map(json.loads, expected):
        bodies = obj.get("body", [])
        for body in bodies if isinstance(bodies, list) else [bodies]:
            if body.get("purpose") == "commenting" and body["value"] in NOTES[:2]:
                said[body["value"]] = body.get("language")
    assert said == {NOTES[0]: "de", NOTES[1]: "fr"}
