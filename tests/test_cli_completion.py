"""Shell completion scripts made from the parser: bash completes subcommands, options and
choices; zsh loads the same through bashcompinit; fish gets one line per option."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _script(shell: str) -> str:
    done = subprocess.run([sys.executable, "-m", "sidelight", "completion", shell],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_bash_completes_commands_options_and_choices(tmp_path: Path) -> None:
    assert shutil.which("bash"), "bash runs the tests' shell scripts"
    probe = _script("bash") + """
complete_for() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _sidelight;
                 echo "${COMPREPLY[*]}"; }
complete_for sidelight no
complete_for sidelight notes --gr
complete_for sidelight notes --color p
complete_for sidelight --en
complete_for sidelight edit --un
"""
    # In an empty folder: a word that is no command also completes to the files beside it.
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=60,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["notes", "--grep", "pink purple", "--encoding",
                                        "--untag"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_every_command_and_option(shell: str) -> None:
    text = _script(shell)
    for name in ("compare", "notes", "edit", "completion"):
        assert name in text
    if shell == "zsh":
        assert "bashcompinit" in text and "complete -o filenames -F _sidelight sidelight" in text
    else:
        assert "complete -c sidelight -n '__fish_seen_subcommand_from notes' -l grep -r" in text
        assert "-l color -x -a 'yellow green blue pink purple'" in text
