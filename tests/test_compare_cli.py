"""``sidelight compare`` run as a user runs it: a separate process, exit codes, files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "compare"
WIRE, GAZETTE, BROADCAST = (str(DATA / n) for n in ("wire.txt", "gazette.md", "broadcast.txt"))

try:
    import sidelight.annotations.markdown_escape

    HAVE_ESCAPE = True
except ImportError:
    HAVE_ESCAPE = False
needs_report = pytest.mark.skipif(not HAVE_ESCAPE,
                                  reason="sidelight.annotations.markdown_escape absent")


def sidelight(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SIDELIGHT_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "sidelight", "compare", *args],
        capture_output=True, text=True, env=env, timeout=120,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store" / "annotations.json"


@needs_report
def test_markdown_to_stdout(db: Path) -> None:
    r = sidelight(WIRE, GAZETTE, BROADCAST, db=db)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# Comparison of 3 sources")
    assert "## Differences" in r.stdout
    assert not db.exists()  # reading link notes never creates a store


@needs_report
def test_dash_output_is_standard_output_as_for_export(db: Path, tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "sidelight", "compare", WIRE, GAZETTE,
                        "--format", "json", "-o", "-"], capture_output=True, text=True,
                       env={**os.environ, "SIDELIGHT_DB": str(db)}, timeout=120, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["documents"]) == 2
    assert not (tmp_path / "-").exists()  # no file named "-"


@needs_report
def test_json_to_a_file_and_no_overwrite_without_force(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    r = sidelight(WIRE, GAZETTE, "--format", "json", "-o", str(out), db=db)
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 2 and data["differences"]
    out.write_text("keep me", encoding="utf-8")
    r = sidelight(WIRE, GAZETTE, "-o", str(out), db=db)
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "already exists" in r.stderr and "--force" in r.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    r = sidelight(WIRE, GAZETTE, "-o", str(out), "--force", db=db)
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("# Comparison of 2 sources")


@needs_report
def test_link_notes_come_from_the_store(db: Path) -> None:
    from sidelight.annotations.documents import load_document
    from sidelight.annotations.model import new_link, quote_target
    from sidelight.annotations.store import AnnotationStore

    a, b = load_document(WIRE), load_document(GAZETTE)
    sa, sb = a.text.index("Thirty-two cars"), b.text.index("Thirty-two cars")
    db.parent.mkdir(parents=True)
    store = AnnotationStore(db)
    store.add(new_link((quote_target(a.path, a.fingerprint, a.text, sa, sa + 15),
                        quote_target(b.path, b.fingerprint, b.text, sb, sb + 15)),
                       "same-claim", "both count the cars"))
    r = sidelight(WIRE, GAZETTE, "--format", "json", db=db)
    assert r.returncode == 0, r.stderr
    (link,) = json.loads(r.stdout)["links"]
    assert link["relation"] == "same-claim" and link["note"] == "both count the cars"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((WIRE, "/no/such/file.txt"), "no such file"),
        ((WIRE, str(DATA)), "is a directory"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(db: Path, args: tuple[str, ...], words: str) -> None:
    r = sidelight(*args, db=db)
    assert r.returncode == 1
    assert r.stderr.startswith("sidelight: ") and r.stderr.count("\n") == 1
    assert words in r.stderr and "Traceback" not in r.stderr


def test_one_document_is_a_usage_error(db: Path) -> None:
    r = sidelight(WIRE, db=db)
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert r.stderr.startswith("sidelight compare: needs at least two documents, got 1")


def test_empty_document_and_bad_output_directory(db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    r = sidelight(WIRE, str(empty), db=db)
    assert r.returncode == 1 and "is empty" in r.stderr
    r = sidelight(WIRE, GAZETTE, "-o", str(tmp_path / "missing" / "r.md"), db=db)
    assert r.returncode == 1 and "no such directory" in r.stderr


def test_usage_error_exits_2(db: Path) -> None:
    r = sidelight(WIRE, GAZETTE, "--format", "html", db=db)
    assert r.returncode == 2


def test_compare_command_does_not_load_textual() -> None:
    code = ("import sys, sidelight.tui.cli, sidelight.tui.commands.compare, "
            "sidelight.annotations.comparison; "
            "sidelight.tui.cli.build_parser(); sys.exit('textual' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_a_document_given_twice_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    import shutil

    r = sidelight(WIRE, GAZETTE, WIRE, db=db)
    assert r.returncode == 2 and "is given twice" in r.stderr, r.stderr
    # The same file by another path is the same document.
    link = tmp_path / "wire-again.txt"
    link.symlink_to(WIRE)
    r = sidelight(WIRE, str(link), db=db)
    assert r.returncode == 2 and "is given twice" in r.stderr, r.stderr
    # A copy is another document.
    shutil.copy(WIRE, tmp_path / "copy.txt")
    assert sidelight(WIRE, str(tmp_path / "copy.txt"), db=db).returncode == 0


@needs_report
def test_the_report_lists_figures_told_differently_and_only_those(db: Path,
                                                                 tmp_path: Path) -> None:
    """One count told with two nouns, a toll told in two ways: listed as differences; a
    dateline's date, the day the utility spoke and two candidates' votes are not."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        "Date: 2026-06-12\nBlizzard leaves thousands in the dark\n\n"
        "HALDEN, June 12 (Wire) - The blizzard cut power to about 62,000 customers across "
        "Halden county overnight, the utility said on Friday, as crews worked to clear "
        "fallen lines.\n\nAt least 14 farmers were killed in the storm in the northern "
        "valley, the governor said.\n\nRachel Dumont, the county executive, won 18,240 votes "
        "in last year's election.\n", encoding="utf-8")
    b.write_text(
        "Date: 2026-06-12\nStorm knocks out power across Halden\n\n"
        "Overnight the blizzard cut power to roughly 75,000 homes and businesses in Halden "
        "county as lines came down on June 11.\n\nAt least 19 people were killed by the "
        "storm in the northern valley, the governor said.\n\nPaul Garnier, who ran against "
        "the county executive, won 16,900 votes in last year's election.\n", encoding="utf-8")
    r = sidelight(str(a), str(b), db=db)
    assert r.returncode == 0, r.stderr
    differences = r.stdout.split("## Differences", 1)[1].split("\n## ", 1)[0]
    found = [line for line in differences.splitlines() if line.endswith(": differ")]
    assert found == [
        "- about 62,000 customers (Source 1) and roughly 75,000 homes (Source 2): differ",
        "- At least 14 farmers (Source 1) and At least 19 people (Source 2): differ",
    ]
