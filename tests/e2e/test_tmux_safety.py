"""End-to-end: the installed ``sidelight`` in tmux, two programs on one store and a pipe.

* a note being typed in the reader while the command line deletes the annotation: the save
  says so, keeps the text, and ctrl+s again re-creates it; nothing comes back unasked;
* ``cat story.md | sidelight -``: the piped text is the document and the keys still work.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from tmux_driver import SIDELIGHT, Tmux, available

pytestmark = pytest.mark.skipif(bool(available()), reason=available() or "tmux available")

STORY = "Alice went to Paris. Bob stayed in Rome. The mayor said 40 people died.\n"



def _cli(*args: str, db: Path) -> str:
    done = subprocess.run([str(SIDELIGHT), *args, "--db", str(db)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_note_typed_while_the_cli_deletes_is_kept_and_re_created_on_request(
        tmux: Tmux, tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    ann_id = _cli("annotate", str(tmp_path / "story.txt"), "--quote", "Bob", "--note",
                  "original", db=db)
    tmux.run("sidelight story.txt; echo sidelight-exit=$?")
    tmux.wait_for(lambda s: "NORMAL" in s and "original" in s)
    tmux.keys("]")
    tmux.keys("a")
    tmux.wait_for("ctrl+s save")
    tmux.type(" and mine")
    _cli("delete", ann_id, db=db)
    tmux.keys("C-s")
    tmux.wait_for("deleted in another window")
    assert json.loads(_cli("notes", "--format", "json", db=db)) == []
    tmux.keys("C-s")
    tmux.wait_for("Re-created")
    (item,) = json.loads(_cli("notes", "--format", "json", db=db))
    assert item["body"]["value"] == "original and mine"
    tmux.keys("q")
    tmux.wait_for("sidelight-exit=0")


def test_a_piped_document_keeps_the_keyboard(tmux: Tmux, tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("# Summit\n\n" + STORY, encoding="utf-8")
    tmux.run("cat story.md | sidelight -; echo sidelight-exit=$?")
    tmux.wait_for(lambda s: "NORMAL" in s and "Summit" in s)
    tmux.keys("/")
    tmux.type("mayor")
    tmux.keys("Enter")
    tmux.wait_for("hit 1 of 1")
    tmux.keys("q")
    tmux.wait_for("sidelight-exit=0")
