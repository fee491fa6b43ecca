"""End-to-end: exporting from the reader, editing the Markdown file by hand, and exporting
again from the reader and from the shell keeps the hand edit and says what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from tmux_driver import Tmux, available

from sidelight.annotations.locations import seed_paths

pytestmark = pytest.mark.skipif(bool(available()), reason=available() or "tmux available")


TERMINAL_WIDTH = 320  # the whole export message on one line


def test_re_export_from_the_reader_keeps_a_hand_edit(tmux: Tmux, tmp_path: Path) -> None:
    seed = seed_paths()[0]
    tmux.run(f"sidelight annotate {seed} --quote whistleblower --note 'first note'"
             " > /dev/null; echo done-1")
    tmux.wait_for("done-1")
    tmux.run(f"sidelight {seed}; echo sidelight-exit=$?")
    tmux.wait_for(lambda s: "NORMAL" in s and "first note" in s)
    tmux.keys("x")
    tmux.wait_for("Export what?")
    tmux.keys("1")  # the notes
    tmux.wait_for("enter export")
    tmux.keys("Enter")
    tmux.wait_for("Exported 1 annotation")
    out = tmp_path / "sidelight-notes.md"
    # The user writes in the exported file, below sidelight's part, while the reader runs.
    with out.open("a", encoding="utf-8") as fh:
        fh.write("\n## My conclusions\n\nThe whistleblower is credible.\n")
    tmux.keys("x")
    tmux.wait_for("Export what?")
    tmux.keys("1")  # the notes
    tmux.wait_for("enter export")
    tmux.keys("Enter")  # an export sidelight wrote: updated in place, nothing to confirm
    tmux.wait_for("your text outside it is kept")
    tmux.keys("q")
    tmux.wait_for("sidelight-exit=0")
    text = out.read_text(encoding="utf-8")
    assert "The whistleblower is credible." in text and "first note" in text
    # From the shell, after another note: only sidelight's part changes, and it says so.
    tmux.run(f"sidelight annotate {seed} --quote 'Cambridge Analytica (CA)' --note second"
             " > /dev/null; sidelight export -o sidelight-notes.md")
    tmux.wait_for("your text outside it is kept")
    screen = tmux.screen()
    assert "1 added, 0 removed, 0 changed" in screen, screen
    text = out.read_text(encoding="utf-8")
    assert text.rstrip().endswith("The whistleblower is credible.")
    assert "first note" in text and "second" in text
