"""End-to-end: a new user's mistakes on the command line, typed in a real terminal, each
answered by one line that says what is wrong and what to give instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from tmux_driver import Tmux, available

pytestmark = pytest.mark.skipif(bool(available()), reason=available() or "tmux available")

TERMINAL_WIDTH = 200


def _one_line_error(tmux: Tmux, command: str, marker: str) -> str:
    tmux.run(f"{command}; echo {marker}=$?")
    screen = tmux.wait_for(
        lambda s: any(line.startswith(f"{marker}=") for line in s.splitlines()))
    lines = screen.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{marker}="))
    assert lines[at] == f"{marker}=1"
    return lines[at - 1]


def test_a_folder_given_for_a_document_or_a_template_is_named_as_one(
    tmux: Tmux, tmp_path: Path
) -> None:
    (tmp_path / "story").mkdir()
    (tmp_path / "a.txt").write_text("The minister spoke in Berlin on Monday.\n")
    said = _one_line_error(tmux, "sidelight entities story", "first")
    # .html pages open too (README: .txt, .md or .html documents).
    assert said == "sidelight: story: is a directory; give a .txt, .md or .html file"
    tmux.run("sidelight annotate a.txt --quote Berlin > /dev/null; echo annotated=$?")
    tmux.wait_for(lambda s: "annotated=0" in s.splitlines())
    said = _one_line_error(tmux, "sidelight export --template story -o -", "second")
    assert said == "sidelight: story: is a directory; give a Markdown template file"


def test_the_comparison_report_counts_sentences_in_words(tmux: Tmux, tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(
        "The port strike ended on Monday after 4,000 workers voted to return.\n\n"
        "The operator said ships would dock again on Tuesday.\n")
    (tmp_path / "daily.txt").write_text(
        "The port strike ended on Monday after 3,000 workers voted to return.\n\n"
        "Shops near the harbour reopened in the afternoon.\n")
    tmux.run("sidelight compare wire.txt daily.txt -o - | grep '^1\\. '; echo done=$?")
    screen = tmux.wait_for(lambda s: "done=0" in s.splitlines())
    line = next(x for x in screen.splitlines() if x.startswith("1. **"))
    # "2 differing", not the kind's name ("2 differs").
    assert "differing" in line and "differs" not in line, line


def test_no_match_is_one_line_when_piped(tmux: Tmux, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The minister spoke in Berlin on Monday.\n")
    tmux.run("sidelight annotate a.txt --quote Berlin > /dev/null; echo annotated=$?")
    tmux.wait_for(lambda s: "annotated=0" in s.splitlines())
    # A narrow terminal: piped, Rich would cut the line at the terminal's width.
    tmux.option("resize-window", "-t", "main", "-x", "60", "-y", "30")
    tmux.run("sidelight notes --filter '#nothing-tagged-so' | grep -c ''; echo done=$?")
    screen = tmux.wait_for(lambda s: "done=0" in s.splitlines())
    lines = screen.splitlines()
    assert lines[lines.index("done=0") - 1] == "1", screen


def test_the_comparison_report_names_an_ordinals_unit_in_words(
    tmux: Tmux, tmp_path: Path
) -> None:
    (tmp_path / "wire.txt").write_text(
        "The talks failed in the third round on Monday, the union said.\n")
    (tmp_path / "daily.txt").write_text(
        "The talks failed on Monday, the union said after a long night.\n")
    tmux.run("sidelight compare wire.txt daily.txt -o - | grep 'third round'; echo done=$?")
    screen = tmux.wait_for(lambda s: "done=0" in s.splitlines())
    row = next(x for x in screen.splitlines() if x.startswith("| third round |"))
    assert row.startswith("| third round | round (ordinal) |"), row
