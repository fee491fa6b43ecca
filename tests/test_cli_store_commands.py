"""``sidelight annotate``, ``notes``, ``edit`` and ``delete``, run as the user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = (
    "Date: 2018-03-21\n"
    "The chief executive said the company made mistakes.\n"
    "The company said \x1b[2J\x9b31m data of 87 million users was shared.\n"
)


def sidelight(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    # A wide table, so that no cell wraps in the middle of the words a test looks for.
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "sidelight", *args, "--db", str(db)],
                          capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store" / "annotations.json"


def _one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


def test_annotate_then_notes_shows_it(doc: Path, db: Path) -> None:
    added = sidelight("annotate", str(doc), "--quote", "made mistakes", "--note", "admission",
                      "--color", "green", "--tag", "claim", "--tag", "ceo", db=db)
    assert added.returncode == 0, added.stderr
    ann_id = added.stdout.strip()
    listed = sidelight("notes", db=db)
    assert listed.returncode == 0, listed.stderr
    assert ann_id[:8] in listed.stdout
    for words in ("story.txt", "made mistakes", "admission", "green", "claim, ceo"):
        assert words in listed.stdout
    as_json = json.loads(sidelight("notes", "--format", "json", db=db).stdout)
    assert [a["id"] for a in as_json] == [f"urn:uuid:{ann_id}"]
    selectors = {s["type"]: s for s in as_json[0]["target"]["selector"]}
    start = TEXT.index("made mistakes")
    assert selectors["TextPositionSelector"] == {"type": "TextPositionSelector",
                                                 "start": start, "end": start + 13}
    assert selectors["TextQuoteSelector"]["exact"] == "made mistakes"


def test_annotate_by_offsets_and_notes_for_a_file_shows_lines(doc: Path, db: Path) -> None:
    start = TEXT.index("87 million")
    added = sidelight("annotate", str(doc), "--start", str(start), "--end", str(start + 10),
                      db=db)
    assert added.returncode == 0, added.stderr
    listed = sidelight("notes", str(doc), db=db)
    assert listed.returncode == 0, listed.stderr
    assert "87 million" in listed.stdout and "L3" in listed.stdout


def test_notes_never_prints_terminal_controls(doc: Path, db: Path) -> None:
    start = TEXT.index("said \x1b")
    sidelight("annotate", str(doc), "--start", str(start), "--end", str(start + 14),
              "--note", "odd \x1b]0;title\x07 bytes", db=db)
    for fmt in ("table", "json"):
        out = sidelight("notes", "--format", fmt, db=db).stdout
        assert not any(ch in out for ch in "\x1b\x07\x9b"), fmt
    assert "␛" in sidelight("notes", db=db).stdout


def test_quote_found_twice_or_never_is_an_error(doc: Path, db: Path) -> None:
    twice = sidelight("annotate", str(doc), "--quote", "company", db=db)
    assert twice.returncode == 1
    message = _one_line_error(twice)
    first, second = TEXT.index("company"), TEXT.index("company", TEXT.index("company") + 1)
    assert "occurs 2 times in" in message and str(doc) in message
    assert f"{first}..{first + 7}, {second}..{second + 7}" in message
    never = sidelight("annotate", str(doc), "--quote", "a retraction", db=db)
    assert never.returncode == 1
    assert "not found in" in _one_line_error(never)
    assert not db.exists()


def test_offsets_out_of_range_are_an_error(doc: Path, db: Path) -> None:
    done = sidelight("annotate", str(doc), "--start", "5", "--end", "100000", db=db)
    assert done.returncode == 1
    assert "outside the document" in _one_line_error(done)
    assert not db.exists()


@pytest.mark.parametrize("args", [
    ("--start", "5"),
    ("--quote", "said", "--end", "9"),
    ("--quote", "said", "--color", "octarine"),
    (),
])
def test_usage_errors_exit_2(doc: Path, db: Path, args: tuple[str, ...]) -> None:
    done = sidelight("annotate", str(doc), *args, db=db)
    assert done.returncode == 2
    assert not db.exists()


def test_missing_document_is_a_one_line_error(tmp_path: Path, db: Path) -> None:
    done = sidelight("annotate", str(tmp_path / "nope.txt"), "--quote", "x", db=db)
    assert done.returncode == 1
    assert "no such file" in _one_line_error(done)


def test_edit_and_delete_by_prefix(doc: Path, db: Path) -> None:
    ann_id = sidelight("annotate", str(doc), "--quote", "made mistakes", db=db).stdout.strip()
    edited = sidelight("edit", ann_id[:8], "--note", "revised", "--color", "blue", db=db)
    assert edited.returncode == 0, edited.stderr
    [ann] = json.loads(sidelight("notes", "--format", "json", db=db).stdout)
    assert ann["body"]["value"] == "revised"
    assert "blue" in sidelight("notes", db=db).stdout
    assert sidelight("edit", ann_id, db=db).returncode == 2
    deleted = sidelight("delete", ann_id[:8], db=db)
    assert deleted.returncode == 0 and deleted.stdout.strip() == ann_id
    assert json.loads(sidelight("notes", "--format", "json", db=db).stdout) == []
    again = sidelight("delete", ann_id, db=db)
    assert again.returncode == 1
    assert "no annotation with id" in _one_line_error(again)


def test_damaged_store_is_reported_and_left_alone(doc: Path, db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b'{"_meta": {"1": {"schema": 1}}, "annotations": {')
    for args in (("notes",), ("annotate", str(doc), "--quote", "made mistakes")):
        done = sidelight(*args, db=db)
        assert done.returncode == 1
        message = _one_line_error(done)
        assert str(db) in message and "truncated" in message and "left untouched" in message
    assert db.read_bytes() == b'{"_meta": {"1": {"schema": 1}}, "annotations": {'


def test_newer_store_lists_but_refuses_changes(doc: Path, db: Path) -> None:
    ann_id = sidelight("annotate", str(doc), "--quote", "made mistakes", db=db).stdout.strip()
    raw = json.loads(db.read_text(encoding="utf-8"))
    raw["_meta"]["1"]["schema"] = 99
    db.write_text(json.dumps(raw), encoding="utf-8")
    before = db.read_bytes()
    assert ann_id[:8] in sidelight("notes", db=db).stdout
    done = sidelight("delete", ann_id, db=db)
    assert done.returncode == 1
    assert "newer sidelight (schema 99)" in _one_line_error(done)
    assert db.read_bytes() == before


def test_notes_on_an_edited_document_follows_the_words_or_flags_orphans(doc: Path,
                                                                         db: Path) -> None:
    kept = sidelight("annotate", str(doc), "--quote", "87 million", db=db).stdout.strip()
    gone = sidelight("annotate", str(doc), "--quote", "made mistakes", db=db).stdout.strip()
    doc.write_text("Breaking update.\n" + TEXT.replace("made mistakes", "apologised"),
                   encoding="utf-8")
    listed = json.loads(sidelight("notes", str(doc), "--format", "json", db=db).stdout)
    by_id = {a["id"].removeprefix("urn:uuid:"): a for a in listed}
    moved = {s["type"]: s for s in by_id[kept]["target"]["selector"]}
    new_text = doc.read_text(encoding="utf-8")
    assert moved["TextPositionSelector"]["start"] == new_text.index("87 million")
    assert "ORPHAN" in sidelight("notes", str(doc), db=db).stdout
    assert gone in by_id


def test_notes_without_files_anchors_every_readable_document(doc: Path, db: Path) -> None:
    added = sidelight("annotate", str(doc), "--quote", "made mistakes", db=db)
    assert added.returncode == 0, added.stderr
    # The quoted words are edited away; `notes` with no files still opens the document.
    doc.write_text(doc.read_text(encoding="utf-8").replace("made mistakes", "x"),
                   encoding="utf-8")
    listed = sidelight("notes", "--format", "json", db=db)
    assert listed.returncode == 0, listed.stderr
    [ann] = json.loads(listed.stdout)
    assert ann["target"]["sidelight:orphan"] is True
    assert "ORPHAN" in sidelight("notes", db=db).stdout


def test_notes_filters_limits_and_streams_json_lines(doc: Path, db: Path) -> None:
    for quote, color, tag in (("made mistakes", "green", "claim"), ("87 million", "blue", "number"),
                              ("chief executive", "green", "")):
        extra = ("--tag", tag) if tag else ()
        assert sidelight("annotate", str(doc), "--quote", quote, "--color", color, *extra,
                         db=db).returncode == 0
    lines = sidelight("notes", "--format", "jsonl", db=db).stdout.splitlines()
    assert len(lines) == 3 and all(json.loads(x)["type"] == "Annotation" for x in lines)
    greens = json.loads(sidelight("notes", "--format", "json", "--filter", "green", db=db).stdout)
    quotes = {s["exact"] for a in greens for s in a["target"]["selector"] if "exact" in s}
    assert quotes == {"made mistakes", "chief executive"}
    table = sidelight("notes", "--filter", "#number", db=db).stdout
    assert "87 million" in table and "made mistakes" not in table
    first = sidelight("notes", "--limit", "1", db=db).stdout.splitlines()
    assert len(first) == 2 and first[0].split()[:2] == ["id", "document"]  # header and one row
    none = sidelight("notes", "--filter", "#nothing", db=db)
    assert none.returncode == 0 and "matching #nothing" in none.stdout
    bad = sidelight("notes", "--limit", "0", db=db)
    assert bad.returncode == 2 and "at least 1" in bad.stderr


def test_untag_of_a_tag_the_annotation_lacks_says_so(doc: Path, db: Path) -> None:
    ann_id = sidelight("annotate", str(doc), "--quote", "made mistakes", "--tag", "check",
                       db=db).stdout.strip()
    done = sidelight("edit", ann_id[:8], "--untag", "#verified", db=db)
    assert done.returncode == 0 and done.stdout.strip() == ann_id
    assert "has no tag #verified; nothing changed" in done.stderr
    same = sidelight("edit", ann_id[:8], "--tag", "check", db=db)
    assert "already says that; nothing changed" in same.stderr


def test_removing_a_page_the_library_lacks_says_what_library_lists(db: Path) -> None:
    done = sidelight("library", "--remove", "https://news.example/story", db=db)
    assert done.returncode == 1
    assert "not in the snapshot library" in done.stderr
    assert "`sidelight library` lists the saved pages" in done.stderr


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_store_where_no_file_can_be_made_is_not_said_to_be_locked(doc: Path) -> None:
    # /proc takes no new files: the lock file cannot be made, which no other process holds.
    done = sidelight("annotate", str(doc), "--quote", "made mistakes",
                     db=Path("/proc/sidelight-store.json"))
    assert done.returncode == 1
    line = _one_line_error(done)
    assert "/proc/sidelight-store.json" in line and "unchanged" in line
    assert "locked" not in line
