"""The snapshot library on its own: content-addressed files, the index, removal, and damage
(a broken index, a missing snapshot, an index entry naming a path) as one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidelight.annotations.errors import DocumentError
from sidelight.annotations.sources import reanchor_report
from sidelight.annotations.web.page import html_document
from sidelight.annotations.web.snapshots import SnapshotLibrary

PAGE = ("<html><head><title>Dam opens | Valley Post</title>"
        '<meta property="og:site_name" content="Valley Post"></head><body><article>'
        "<h1>Dam opens</h1><p>The new dam on the river opened on Friday after four years of "
        "building, the regional water board said in a statement.</p><p>It will supply "
        "drinking water to about 200,000 people in the valley.</p></article></body></html>")
URL = "https://post.example/dam"


def _save(lib: SnapshotLibrary, body: str = PAGE, when: str = "2024-05-01T10:00:00.000Z"):
    doc = html_document(URL, body, URL)
    return lib.save(URL, body.encode("utf-8"), doc, when, URL), doc


def test_saved_page_reads_back_as_the_same_document(tmp_path: Path) -> None:
    lib = SnapshotLibrary(tmp_path / "snapshots")
    entry, doc = _save(lib)
    back = lib.document(lib.latest(URL))
    assert (back.text, back.styles, back.fingerprint) == (doc.text, doc.styles, doc.fingerprint)
    assert back.web.site_name == "Valley Post" and back.web.fetched == entry.fetched
    assert lib.html_path(entry.snapshot).read_bytes() == PAGE.encode("utf-8")
    # Same bytes again: one file, two fetches in the index.
    _save(lib, when="2024-05-02T10:00:00.000Z")
    assert len(list((tmp_path / "snapshots" / "html").iterdir())) == 1
    assert [e.fetched[:10] for e in lib.entries(URL)] == ["2024-05-01", "2024-05-02"]
    assert not list((tmp_path / "snapshots").rglob("*.tmp"))


def test_remove_deletes_only_files_no_other_address_uses(tmp_path: Path) -> None:
    lib = SnapshotLibrary(tmp_path)
    entry, doc = _save(lib)
    lib.save("https://mirror.example/dam", PAGE.encode("utf-8"), doc, "2024-05-03T00:00:00Z")
    assert len(lib.remove(URL)) == 1
    assert lib.html_path(entry.snapshot).exists()
    assert lib.urls() == ["https://mirror.example/dam"]
    lib.remove("https://mirror.example/dam")
    assert not lib.html_path(entry.snapshot).exists()


def test_damage_is_a_one_line_error(tmp_path: Path) -> None:
    lib = SnapshotLibrary(tmp_path)
    entry, _ = _save(lib)
    (tmp_path / "pages" / f"{entry.snapshot}.json").unlink()
    with pytest.raises(DocumentError, match="--refresh"):
        lib.document(entry)
    (tmp_path / "index.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DocumentError, match="snapshot index cannot be read"):
        lib.latest(URL)


def test_an_index_entry_cannot_name_a_file_outside_the_library(tmp_path: Path) -> None:
    lib = SnapshotLibrary(tmp_path)
    (tmp_path / "index.json").write_text(json.dumps({"snapshots": [
        {"url": URL, "snapshot": "../../etc/passwd", "fetched": ""},
        {"url": URL, "snapshot": "a" * 63 + "/", "fetched": ""},
    ]}), encoding="utf-8")
    assert lib.latest(URL) is None


def test_reanchor_report_counts_kept_moved_and_orphaned() -> None:
    from dataclasses import replace

    from sidelight.annotations.model import Target, new_highlight

    a1 = new_highlight(Target(URL, "f", 0, 4, "word"))
    a2 = new_highlight(Target(URL, "f", 10, 14, "word"))
    a3 = new_highlight(Target(URL, "f", 20, 24, "word"))
    after = [a1, replace(a2, targets=(replace(a2.target, start=30, end=34),)),
             replace(a3, targets=(replace(a3.target, orphan=True),))]
    report = reanchor_report(URL, [a1, a2, a3], after)
    assert (report.kept, report.moved, report.orphaned) == (1, 1, 1)
    assert "3 annotations: 1 unchanged, 1 moved, 1 orphaned" in report.message()
    # Words changed under a highlight (moved or not) are said; spacing alone is no change.
    edited = [replace(a1, targets=(replace(a1.target, exact="ward"),)),
              replace(a2, targets=(replace(a2.target, start=30, end=35, exact="wo\nrd"),)), a3]
    a2_spaced = replace(a2, targets=(replace(a2.target, exact="wo rd"),))
    report = reanchor_report(URL, [a1, a2_spaced, a3], edited)
    assert (report.kept, report.moved, report.reworded, report.orphaned) == (1, 1, 1, 0)
    assert "1 on changed words (check its note)" in report.message()


def test_two_programs_saving_at_once_lose_no_entry(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = f"""
import sys
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
from sidelight.annotations.web.page import html_document
from sidelight.annotations.web.snapshots import SnapshotLibrary
lib = SnapshotLibrary({str(tmp_path)!r})
page = {PAGE!r}
for i in range(15):
    body = page.replace("Friday", f"day {{sys.argv[1]}}-{{i}}")
    doc = html_document("{URL}", body, "{URL}")
    lib.save("{URL}", body.encode(), doc, f"2024-01-01T00:00:{{i:02d}}Z")
"""
    procs = [subprocess.Popen([sys.executable, "-c", script, str(n)]) for n in range(2)]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    lib = SnapshotLibrary(tmp_path)
    assert len(lib.entries(URL)) == 30
    assert len({e.snapshot for e in lib.entries(URL)}) == 30
    for entry in lib.entries(URL)[::7]:
        assert "day " in lib.document(entry).text
