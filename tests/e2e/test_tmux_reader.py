"""End-to-end: the installed ``sidelight`` in a real terminal (tmux), as a user drives it.

* read the seeds, search, select with the keyboard, highlight, add a note, quit, start again,
  see the highlight, export and find the quote and note in the Markdown;
* the CLI adds notes while the reader runs: the reader shows them and nothing is lost;
* a hostile document (OSC 2 title, OSC 52 clipboard, clear screen) changes none of them;
* the seeds are compared: jump to the counterpart of a sentence, link two passages with a
  relation and a note, and find the link in ``sidelight notes --format json``.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from tmux_driver import SIDELIGHT, Tmux, available

from sidelight.annotations.store import AnnotationStore

pytestmark = pytest.mark.skipif(bool(available()), reason=available() or "tmux available")

PHRASE = "Mark Zuckerberg"
NOTE = "first public words"



def _start_reader(tmux: Tmux, args: str = "") -> None:
    tmux.run(f"sidelight {args}; echo sidelight-exit=$?")
    tmux.wait_for(lambda s: "NORMAL" in s and "? help" in s)


def _quit(tmux: Tmux) -> None:
    tmux.keys("q")
    tmux.wait_for("sidelight-exit=0")
    tmux.run("clear")
    tmux.wait_for(lambda s: "sidelight-exit" not in s)


def _stored(db: Path) -> list[dict]:
    return [a.to_dict() for a in AnnotationStore(db).all()]


def test_read_highlight_note_restart_export(tmux: Tmux, tmp_path: Path) -> None:
    _start_reader(tmux)
    tmux.keys("/")
    tmux.wait_for("SEARCH")
    tmux.type(PHRASE)
    tmux.keys("Enter")
    tmux.wait_for("hit 1 of")
    tmux.keys("v", "e", "e")
    tmux.wait_for(f"{len(PHRASE)} characters selected")
    tmux.keys("h")
    tmux.wait_for(f"Highlighted “{PHRASE}”")
    tmux.keys("a")  # the cursor is on the new highlight: a edits its note
    tmux.wait_for("ctrl+s save")
    tmux.type(NOTE)
    tmux.keys("C-s")
    tmux.wait_for("Note saved")
    _quit(tmux)

    _start_reader(tmux)
    screen = tmux.wait_for(NOTE)  # the side panel lists the highlight and its note
    assert f"“{PHRASE}”" in screen
    assert "1 annotation" in screen
    tmux.keys("x")
    tmux.wait_for("Export what?")
    tmux.keys("1")  # the notes
    tmux.wait_for("enter export")
    tmux.keys("Enter")
    tmux.wait_for("Exported")
    _quit(tmux)

    exported = (tmp_path / "sidelight-notes.md").read_text(encoding="utf-8")
    assert PHRASE in exported and NOTE in exported


def test_cli_annotations_appear_in_the_running_reader(tmux: Tmux, tmp_path: Path) -> None:
    seed = _first_seed_with(PHRASE)
    db = tmp_path / "annotations.json"
    _start_reader(tmux)

    def annotate(quote: str, note: str) -> None:
        done = subprocess.run(
            [str(SIDELIGHT), "annotate", str(seed), "--quote", quote, "--note", note,
             "--db", str(db)],
            capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr

    annotate("DELETEFACEBOOK campaign", "added from the shell")
    tmux.wait_for("added from the shell")
    # The reader writes too, then the CLI again: each side keeps the other's changes.
    tmux.keys("/")
    tmux.wait_for("SEARCH")
    tmux.type("whistleblower")
    tmux.keys("Enter")
    tmux.wait_for("hit 1 of")
    tmux.keys("v", "e", "h")
    tmux.wait_for("Highlighted “whistleblower”")
    annotate("Cambridge Analytica (CA)", "second from the shell")
    tmux.wait_for("second from the shell")
    _quit(tmux)
    quotes = sorted(t["exact"] for a in _stored(db) for t in a["targets"])
    assert quotes == ["Cambridge Analytica (CA)", "DELETEFACEBOOK campaign", "whistleblower"]


def _search(tmux: Tmux, phrase: str) -> None:
    tmux.keys("/")
    tmux.wait_for("SEARCH")
    tmux.type(phrase)
    tmux.keys("Enter")
    tmux.wait_for("hit 1 of")


def test_counterpart_and_link_note_between_the_seeds(tmux: Tmux, tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    _start_reader(tmux)
    tmux.wait_for(" difference")  # the comparison has arrived in the status line
    _search(tmux, "admitted having")
    tmux.keys("=")
    tmux.wait_for("Counterpart: ≈ pane 2 (similar)")
    tmux.keys("v", "e", "e")
    tmux.wait_for("l link")
    tmux.keys("l")
    tmux.wait_for("select the other passage")
    tmux.keys("Tab")
    tmux.wait_for("2/2")
    _search(tmux, "more to do")
    tmux.keys("v", "e", "e", "e")
    tmux.wait_for("l links them")
    tmux.keys("l")
    tmux.wait_for("a word of my own")
    tmux.keys("2")  # agrees
    tmux.type("both admit mistakes")
    tmux.keys("C-s")
    tmux.wait_for("Linked “admitted having” ↔ “more to do” (agrees)")
    _quit(tmux)

    done = subprocess.run(
        [str(SIDELIGHT), "notes", "--format", "json", "--db", str(db)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    (link,) = json.loads(done.stdout)
    assert link["motivation"] == "linking"
    bodies = {b.get("purpose"): b["value"] for b in link["body"]}
    assert bodies["classifying"] == "agrees"
    assert "both admit mistakes" in bodies.values()
    quotes = sorted(
        sel["exact"] for t in link["target"] for sel in t["selector"]
        if sel["type"] == "TextQuoteSelector"
    )
    assert quotes == ["admitted having", "more to do"]


HOSTILE = (
    "Before the trap.\n"
    "\x1b]2;PWNED-TITLE\x07\x1b]52;c;UFdORUQtQ0xJUA==\x07\x1b[2J\x1b[H"
    "After the trap.\n"
)


def test_hostile_document_cannot_reach_the_terminal(tmux: Tmux, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    tmux.option("set-option", "-s", "set-clipboard", "on")
    tmux.option("set-option", "-g", "allow-rename", "on")

    title_before = tmux.display("#{pane_title}")
    buffers_before = tmux.buffers()
    _start_reader(tmux, f"{hostile}")
    screen = tmux.wait_for("After the trap")
    assert "Before the trap" in screen  # the clear-screen did not clear it
    assert "␛]2;PWNED-TITLE" in screen  # the sequences are shown as placeholders
    assert tmux.display("#{pane_title}") == title_before
    assert tmux.buffers() == buffers_before
    _quit(tmux)

    # The same bytes written raw do change all three: the checks above can fail.
    tmux.run(f"cat {hostile}")
    tmux.wait_for(lambda s: "Before the trap" not in s and "After the trap" in s)
    assert tmux.display("#{pane_title}") == "PWNED-TITLE"
    assert "PWNED-CLIP" in subprocess.run(
        ["tmux", "-L", tmux.socket, "show-buffer"], capture_output=True, text=True
    ).stdout


def _first_seed_with(text: str) -> Path:
    from sidelight.annotations.locations import seed_paths

    return next(p for p in seed_paths() if text in p.read_text(encoding="utf-8"))
