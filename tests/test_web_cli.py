"""Web articles through the command line, against a real local server: annotate a page, read
it back offline, refresh a changed page, compare two outlets, list and remove snapshots."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from web_server import PageServer, Response, article, web_server_fixture  # noqa: F401

from benchmarks.web_pages import build_page
from sidelight.tui.cli import main


def sidelight(*args: str, db: Path, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(SIDELIGHT_DB=str(db), SIDELIGHT_FETCH_TIMEOUT="2", COLUMNS="250")
    proc = subprocess.run([sys.executable, "-m", "sidelight", *args], capture_output=True,
                          text=True, env=env, timeout=60)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_path: Path):
    """The sidelight command run in this process (as ``main`` runs it), on the test's store."""
    monkeypatch.setenv("COLUMNS", "250")

    def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        if ok:
            assert code == 0, err
        return subprocess.CompletedProcess(list(args), code, out, err)

    return run


def _notes(url: str, cli) -> list[dict]:
    return json.loads(cli("notes", url, "--format", "json").stdout)


def test_annotate_a_page_then_read_it_offline(web_server: PageServer, db_path: Path, cli) -> None:
    url = web_server.url("/herald/story")
    herald = article("portal")
    quote = herald.paragraphs[1][:40]
    ann_id = cli("annotate", url, "--quote", quote, "--note", "check this").stdout.strip()
    assert web_server.requests == ["/herald/story"]
    web_server.stop()
    # Offline: the snapshot answers, the annotation is where it was.
    (found,) = _notes(url, cli)
    assert found["id"] == f"urn:uuid:{ann_id}"
    target = found["target"]
    assert target["source"] == url
    selectors = {s["type"]: s for s in target["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == quote
    # With no names, notes opens every annotated source, the page from its snapshot.
    table = cli("notes").stdout
    assert "check this" in table and "orphan" not in table.lower()
    assert herald.outlet in table
    exported = cli("export", url).stdout
    assert herald.outlet in exported and quote in exported
    snapshots = db_path.parent / "snapshots"
    assert len(list((snapshots / "html").glob("*.html"))) == 1


def test_refresh_follows_moved_words_and_orphans_removed_ones(
    web_server: PageServer, db_path: Path, cli
) -> None:
    url = web_server.url("/herald/story")
    herald = article("portal")
    kept, dropped = herald.paragraphs[2][:50], herald.paragraphs[3][:50]
    cli("annotate", url, "--quote", kept)
    cli("annotate", url, "--quote", dropped)
    # The page changes: a new first paragraph, and the fourth paragraph is gone.
    changed = herald.__class__(**{**{f: getattr(herald, f) for f in herald.__slots__},
                                  "paragraphs": ("Update: this story was corrected.",
                                                 *herald.paragraphs[:3],
                                                 *herald.paragraphs[4:])})
    web_server.pages["/herald/story"] = Response(body=build_page(changed, "portal"))
    # Without --refresh the snapshot is used: nothing is fetched, nothing moves.
    before = _notes(url, cli)
    assert web_server.requests == ["/herald/story"]
    proc = cli("notes", url, "--refresh")
    assert "fetched again; 2 annotations: 0 unchanged, 1 moved, 1 orphaned" in proc.stderr
    after = {a["id"]: a for a in _notes(url, cli)}
    for old in before:
        new = after[old["id"]]
        quote = next(s for s in new["target"]["selector"] if s["type"] == "TextQuoteSelector")
        if quote["exact"] == kept:
            assert not new["target"].get("sidelight:orphan")
        else:
            assert new["target"]["sidelight:orphan"] is True
    listing = json.loads(cli("library", "--format", "json").stdout)
    assert listing[0]["snapshots"] == 2 and listing[0]["annotations"] == 2


def test_entities_and_compare_of_two_outlets(web_server: PageServer, db_path: Path, cli) -> None:
    a, b = web_server.url("/herald/story"), web_server.url("/courier/story")
    ents = cli("entities", a).stdout
    assert ents.strip() and "charset" not in ents
    report = cli("compare", a, b).stdout
    assert article("portal").headline.split()[0] in report
    assert article("portal").outlet in report and article("legacy").outlet in report


def test_redirect_is_shown_and_the_page_named_as_asked(
    web_server: PageServer, db_path: Path, cli
) -> None:
    url = web_server.url("/old-address")
    proc = cli("entities", url)
    assert f"{url} was redirected to {web_server.url('/herald/story')}" in proc.stderr


@pytest.mark.parametrize(("path", "expected"), [
    ("/missing", "not found (HTTP 404)"), ("/report.pdf", "is not a web page"),
    ("/app-shell", "no article text"),
])
def test_fetch_failures_exit_1_with_one_line(
    web_server: PageServer, cli, path: str, expected: str
) -> None:
    proc = cli("annotate", web_server.url(path), "--quote", "x", ok=False)
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


def test_library_lists_and_removes_keeping_orphans(
    web_server: PageServer, db_path: Path, cli
) -> None:
    url = web_server.url("/herald/story")
    cli("annotate", url, "--quote", article("portal").paragraphs[1][:30])
    cli("entities", web_server.url("/courier/story"))
    table = cli("library").stdout
    assert article("portal").outlet in table and article("legacy").outlet in table
    out = cli("library", "--remove", url).stdout
    assert "1 annotation kept as orphans" in out
    listing = json.loads(cli("library", "--format", "json").stdout)
    assert [r["url"] for r in listing] == [web_server.url("/courier/story")]
    (note,) = json.loads(cli("notes", "--format", "json").stdout)
    assert note["target"]["sidelight:orphan"] is True
    missing = cli("library", "--remove", url, ok=False)
    assert missing.returncode == 1 and "not in the snapshot library" in missing.stderr


def test_w3c_export_gives_web_targets_a_time_state_that_import_reads_back(
    web_server: PageServer, db_path: Path, tmp_path: Path, cli
) -> None:
    url = web_server.url("/herald/story")
    quote = article("portal").paragraphs[1][:40]
    ann_id = cli("annotate", url, "--quote", quote).stdout.strip()
    out = tmp_path / "notes.json"
    cli("export", "--format", "json", "-o", str(out))
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
    cli("delete", ann_id)
    out.write_text(json.dumps([item]), encoding="utf-8")
    cli("import", str(out))
    (back,) = _notes(url, cli)
    assert back["target"]["sidelight:fingerprint"]
    assert not back["target"].get("sidelight:orphan")
    assert back["target"]["state"]["cached"] == cached.as_uri()


def test_piped_html_is_read_as_an_article_and_text_as_text(db_path: Path) -> None:
    page = build_page(article("minimal"), "minimal")
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["SIDELIGHT_DB"] = str(db_path)
    run = lambda data: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "sidelight", "entities", "-"], input=data, capture_output=True,
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
    web_server: PageServer, db_path: Path, cli
) -> None:
    web_server.pages["/evil"] = Response(body=HOSTILE.encode("utf-8"))
    url = web_server.url("/evil")
    cli("annotate", url, "--quote", "The council voted")
    outputs = [cli(*cmd) for cmd in (
        ("notes",), ("library",), ("export", url), ("entities", url, "--format", "table"),
        ("notes", url, "--format", "json"),
    )]
    for proc in outputs:
        for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert raw not in proc.stdout + proc.stderr
        assert "root:" not in proc.stdout
    (listing,) = json.loads(cli("library", "--format", "json").stdout)
    # The page's canonical file: address is not taken; the page is named by its own address.
    assert listing["url"] == url
    # The snapshot holds the page as sent, and nothing else was read or fetched.
    assert web_server.requests == ["/evil"]


def test_notes_json_of_the_whole_store_is_the_w3c_export(
    web_server: PageServer, db_path: Path, tmp_path: Path, cli
) -> None:
    # A web page (its target gets a TimeState), a Markdown file (positions count the file)
    # and a plain file, listed as JSON: each annotation as the W3C export writes it.
    url = web_server.url("/herald/story")
    cli("annotate", url, "--quote", article("portal").paragraphs[1][:40])
    md = tmp_path / "story.md"
    md.write_text("# Budget\n\nThe *minister* said the plan was **final**.\n", encoding="utf-8")
    cli("annotate", str(md), "--quote", "minister said", "--note",
        "The minister said that the plan was final and that it would not change.")
    txt = tmp_path / "story.txt"
    txt.write_text("Critics said the plan would change.\n", encoding="utf-8")
    cli("annotate", str(txt), "--quote", "Critics said", "--tag", "claim")
    out = tmp_path / "export.json"
    cli("export", "--format", "json", "-o", str(out))
    exported = json.loads(out.read_text(encoding="utf-8"))["first"]["items"]
    lines = cli("notes", "--format", "jsonl").stdout.splitlines()
    assert sorted(lines) == sorted(json.dumps(item) for item in exported)
    listed = json.loads(cli("notes", "--format", "json").stdout)
    assert sorted(map(json.dumps, listed)) == sorted(lines)
    assert any("state" in item["target"] for item in listed)
    assert any("sidelight:readingPosition" in item["target"] for item in listed)
    assert gc.isenabled()  # paused for the listing only
