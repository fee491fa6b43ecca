"""Web articles through the command line, against a real local server: annotate a page, read
it back offline, refresh a changed page, compare two outlets, list and remove snapshots."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from web_server import PageServer, Response, article, web_server_fixture  # noqa: F401

from benchmarks.web_pages import build_page


def sidelight(*args: str, db: Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(SIDELIGHT_DB=str(db), SIDELIGHT_FETCH_TIMEOUT="2", COLUMNS="250")
    proc = subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True,
                          text=True, env=env, timeout=60)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def _notes(url: str, db: Path) -> list[dict]:
    return json.loads(sidelight("notes", url, "--format", "json", db=db).stdout)


def test_annotate_a_page_then_read_it_offline(web_server: PageServer, db_path: Path) -> None:
    url = web_server.url("/herald/story")
    herald = article("portal")
    quote = herald.paragraphs[1][:40]
    ann_id = sidelight("annotate", url, "--quote", quote, "--note", "check this", db=db_path
                       ).stdout.strip()
    assert web_server.requests == ["/herald/story"]
    web_server.stop()
    # Offline: the snapshot answers, the annotation is where it was.
    (found,) = _notes(url, db_path)
    assert found["id"] == f"urn:uuid:{ann_id}"
    target = found["target"]
    assert target["source"] == url
    selectors = {s["type"]: s for s in target["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == quote
    # With no names, notes opens every annotated source, the page from its snapshot.
    table = sidelight("notes", db=db_path).stdout
    assert "check this" in table and "orphan" not in table.lower()
    assert herald.outlet in table
    exported = sidelight("export", url, db=db_path).stdout
    assert herald.outlet in exported and quote in exported
    snapshots = db_path.parent / "snapshots"
    assert len(list((snapshots / "html").glob("*.html"))) == 1


def test_refresh_follows_moved_words_and_orphans_removed_ones(
    web_server: PageServer, db_path: Path
) -> None:
    url = web_server.url("/herald/story")
    herald = article("portal")
    kept, dropped = herald.paragraphs[2][:50], herald.paragraphs[3][:50]
    sidelight("annotate", url, "--quote", kept, db=db_path)
    sidelight("annotate", url, "--quote", dropped, db=db_path)
    # The page changes: a new first paragraph, and the fourth paragraph is gone.
    changed = herald.__class__(**{**{f: getattr(herald, f) for f in herald.__slots__},
                                  "paragraphs": ("Update: this story was corrected.",
                                                 *herald.paragraphs[:3],
                                                 *herald.paragraphs[4:])})
    web_server.pages["/herald/story"] = Response(body=build_page(changed, "portal"))
    # Without --refresh the snapshot is used: nothing is fetched, nothing moves.
    before = _notes(url, db_path)
    assert web_server.requests == ["/herald/story"]
    proc = sidelight("notes", url, "--refresh", db=db_path)
    assert "fetched again; 2 annotations: 0 unchanged, 1 moved, 1 orphaned" in proc.stderr
    after = {a["id"]: a for a in _notes(url, db_path)}
    for old in before:
        new = after[old["id"]]
        quote = next(s for s in new["target"]["selector"] if s["type"] == "TextQuoteSelector")
        if quote["exact"] == kept:
            assert not new["target"].get("sidelight:orphan")
        else:
            assert new["target"]["sidelight:orphan"] is True
    listing = json.loads(sidelight("library", "--format", "json", db=db_path).stdout)
    assert listing[0]["snapshots"] == 2 and listing[0]["annotations"] == 2


def test_entities_and_compare_of_two_outlets(web_server: PageServer, db_path: Path) -> None:
    a, b = web_server.url("/herald/story"), web_server.url("/courier/story")
    ents = sidelight("entities", a, db=db_path).stdout
    assert ents.strip() and "charset" not in ents
    report = sidelight("compare", a, b, db=db_path).stdout
    assert article("portal").headline.split()[0] in report
    assert article("portal").outlet in report and article("legacy").outlet in report


def test_redirect_is_shown_and_the_page_named_as_asked(
    web_server: PageServer, db_path: Path
) -> None:
    url = web_server.url("/old-address")
    proc = sidelight("entities", url, db=db_path)
    assert f"{url} was redirected to {web_server.url('/herald/story')}" in proc.stderr


@pytest.mark.parametrize(("path", "expected"), [
    ("/missing", "not found (HTTP 404)"), ("/report.pdf", "is not a web page"),
])
def test_fetch_failures_exit_1_with_one_line(
    web_server: PageServer, db_path: Path, path: str, expected: str
) -> None:
    proc = sidelight("annotate", web_server.url(path), "--quote", "x", db=db_path, ok=False)
    assert proc.returncode == 1
    assert expected in proc.stderr and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr


def test_file_urls_are_refused(db_path: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    proc = sidelight("entities", secret.as_uri(), db=db_path, ok=False)
    assert proc.returncode == 1
    assert "no such file" in proc.stderr or "only http" in proc.stderr
    assert "do not read me" not in proc.stdout + proc.stderr


def test_library_lists_and_removes_keeping_orphans(web_server: PageServer, db_path: Path) -> None:
    url = web_server.url("/herald/story")
    sidelight("annotate", url, "--quote", article("portal").paragraphs[1][:30], db=db_path)
    sidelight("entities", web_server.url("/courier/story"), db=db_path)
    table = sidelight("library", db=db_path).stdout
    assert article("portal").outlet in table and article("legacy").outlet in table
    out = sidelight("library", "--remove", url, db=db_path).stdout
    assert "1 annotation kept as orphans" in out
    listing = json.loads(sidelight("library", "--format", "json", db=db_path).stdout)
    assert [r["url"] for r in listing] == [web_server.url("/courier/story")]
    (note,) = json.loads(sidelight("notes", "--format", "json", db=db_path).stdout)
    assert note["target"]["sidelight:orphan"] is True
    missing = sidelight("library", "--remove", url, db=db_path, ok=False)
    assert missing.returncode == 1 and "not in the snapshot library" in missing.stderr


def test_w3c_export_gives_web_targets_a_time_state_that_import_reads_back(
    web_server: PageServer, db_path: Path, tmp_path: Path
) -> None:
    url = web_server.url("/herald/story")
    quote = article("portal").paragraphs[1][:40]
    ann_id = sidelight("annotate", url, "--quote", quote, db=db_path).stdout.strip()
    out = tmp_path / "notes.json"
    sidelight("export", "--format", "json", "-o", str(out), db=db_path)
    (item,) = json.loads(out.read_text(encoding="utf-8"))["first"]["items"]
    target = item["target"]
    assert target["source"] == url
    state = target["state"]
    assert state["type"] == "TimeState" and state["sourceDate"].endswith("Z")
    cached = Path(state["cached"].removeprefix("file://"))
    assert cached.is_file() and cached.parent == db_path.parent / "snapshots" / "html"
    herald = article("portal")
    assert target["sidelight:page"]["siteName"] == herald.outlet
    assert target["sidelight:page"]["authors"] == list(herald.authors)
    # Another tool's copy: no sidelight fingerprint, and a cached address pointing elsewhere
    # with the same snapshot name. The file named is never read; the name finds our snapshot.
    del target["sidelight:fingerprint"]
    state["cached"] = "file:///etc/" + cached.name
    web_server.stop()
    sidelight("delete", ann_id, db=db_path)
    out.write_text(json.dumps([item]), encoding="utf-8")
    sidelight("import", str(out), db=db_path)
    (back,) = _notes(url, db_path)
    assert back["target"]["sidelight:fingerprint"]
    assert not back["target"].get("sidelight:orphan")
    assert back["target"]["state"]["cached"] == cached.as_uri()


def test_piped_html_is_read_as_an_article_and_text_as_text(db_path: Path) -> None:
    page = build_page(article("minimal"), "minimal")
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["SIDELIGHT_DB"] = str(db_path)
    run = lambda data: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "tui.cli", "entities", "-"], input=data, capture_output=True,
        env=env, timeout=60)
    html = run(page)
    assert html.returncode == 0, html.stderr
    assert b"charset" not in html.stdout and b"og:site_name" not in html.stdout
    text = run(b"The mayor of Paris spoke on Monday.\n")
    assert text.returncode == 0 and b'"text": "Paris"' in text.stdout
    binary = run(b"\x00\x01\x02")
    assert binary.returncode == 1 and b"binary" in binary.stderr


HOSTILE = """<!DOCTYPE html><html><head>
<title>Breaking\x1b]0;pwned\x07 news\u202e</title>
<link rel="canonical" href="file:///etc/passwd">
<meta property="og:site_name" content="Evil\x1b[31m Times">
<script>fetch('file:///etc/passwd')</script></head><body>
<iframe src="file:///etc/passwd"></iframe><object data="file:///etc/hostname"></object>
<article><h1>Breaking news</h1>
<p>The council voted on Tuesday &#27;[2J after a long debate about the harbour and its
future, with \x9b31m many residents watching from the public gallery.</p>
<p>A second paragraph, long enough to count as the article's text, says what happened next
in the chamber and who spoke for the plan.</p>
<img src="file:///etc/shadow" onerror="alert(1)"></article></body></html>"""


def test_a_hostile_page_drives_nothing_and_reads_no_local_file(
    web_server: PageServer, db_path: Path
) -> None:
    web_server.pages["/evil"] = Response(body=HOSTILE.encode("utf-8"))
    url = web_server.url("/evil")
    sidelight("annotate", url, "--quote", "The council voted", db=db_path)
    outputs = [sidelight(*cmd, db=db_path) for cmd in (
        ("notes",), ("library",), ("export", url), ("entities", url, "--format", "table"),
        ("notes", url, "--format", "json"),
    )]
    for proc in outputs:
        for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert raw not in proc.stdout + proc.stderr
        assert "root:" not in proc.stdout
    (listing,) = json.loads(sidelight("library", "--format", "json", db=db_path).stdout)
    # The page's canonical file: address is not taken; the page is named by its own address.
    assert listing["url"] == url
    # The snapshot holds the page as sent, and nothing else was read or fetched.
    assert web_server.requests == ["/evil"]
