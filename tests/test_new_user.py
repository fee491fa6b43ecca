"""What a new user following the README meets on the command line: messages that name the
command typed and tell the truth about the input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def sidelight(*args: str, db: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SIDELIGHT_DB=str(db), COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "sidelight", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("command", ["entities", "notes"])
@pytest.mark.parametrize("piped", ["", "\n", "  \n\n"])
def test_an_empty_pipe_names_the_command_it_was_piped_to(
    command: str, piped: str, db_path: Path
) -> None:
    proc = sidelight(command, "-", db=db_path, stdin=piped)
    assert proc.returncode == 1
    (line,) = proc.stderr.splitlines()
    assert f"| sidelight {command} -`" in line, line
    # A newline was read: the message does not say that nothing was.
    assert "nothing was read" not in line


@pytest.mark.parametrize("piped", ["", "\n"])
def test_importing_an_empty_pipe_or_file_says_it_is_empty(
    piped: str, db_path: Path, tmp_path: Path
) -> None:
    proc = sidelight("import", "-", db=db_path, stdin=piped)
    assert proc.returncode == 1
    (line,) = proc.stderr.splitlines()
    assert "standard input: empty" in line and "nothing was imported" in line
    assert "JSON" not in line.split("—")[0], line  # no syntax error is reported
    empty = tmp_path / "notes.jsonld"
    empty.write_text(piped)
    proc = sidelight("import", str(empty), db=db_path)
    assert proc.returncode == 1 and f"{empty}: empty" in proc.stderr
