"""End-to-end: ``sidelight notes`` in a 150-column terminal, as a user reads it.

A document in Latin-1 is annotated with ``--encoding`` once; ``sidelight notes`` of the whole
store then reads it without a warning and lists the line; a long note is wrapped whole in its
column; a link between two documents shows its relation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tmux_driver import Tmux, available

pytestmark = pytest.mark.skipif(bool(available()), reason=available() or "tmux available")

TERMINAL_WIDTH = 150
NOTE = ("Check whether this was the letter or the interview: one source says letter, the "
        "other a broadcast interview. Need a third source before quoting it.")


def test_notes_of_a_latin1_document_wrapped_at_150_columns(tmux: Tmux, tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(
        "Titre\n\nLe café est fermé depuis lundi, dit la mairie.\n".encode("latin-1"))
    tmux.run(f"sidelight annotate latin.txt --quote 'dit la mairie' --encoding latin-1 "
             f"--note '{NOTE}' --tag check; echo made=$?")
    tmux.wait_for("made=0")
    tmux.run("clear; sidelight notes; echo listed=$?")
    screen = tmux.wait_for("listed=0")
    assert "warning" not in screen and "--encoding" not in screen
    lines = screen.splitlines()
    top = next(n for n, line in enumerate(lines) if line.startswith("id "))
    rows = [line for line in lines[top:] if line.strip() and "listed=" not in line]
    assert rows[0].split() == ["id", "document", "where", "colour", "quote", "note", "tags"]
    assert " L3 " in rows[1] and "dit la mairie" in rows[1] and "check" in rows[1]
    assert all(len(line) <= TERMINAL_WIDTH for line in rows)
    assert "Need a third source before quoting it." in " ".join(" ".join(rows).split())
    assert "…" not in screen
