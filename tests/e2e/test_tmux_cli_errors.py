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
