"""The README stays true: CI runs its test command, and it documents every command."""

from __future__ import annotations

import re
from pathlib import Path

from sidelight.tui.cli import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    block = re.search(r"## Set-up\n.*?```(?:sh|bash|console)?\n(.*?)```", README, re.DOTALL)
    assert block, "README has a Set-up section with a code block"
    return [
        line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")
    ]


def test_readme_has_exactly_two_setup_commands() -> None:
    commands = _setup_commands()
    assert len(commands) == 2
    assert commands[0].endswith("sidelight")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _setup_commands()[1] in ci.splitlines()


def test_every_command_is_documented() -> None:
    for name in COMMANDS:
        command = name.rstrip("_")
        assert f"sidelight {command}" in README, f"README documents `sidelight {command}`"


def test_the_languages_examples_open_files_of_the_checkout() -> None:
    # A new user runs them as written: the reader's and compare's examples name real files.
    block = re.search(r"### Languages\n.*?```sh\n(.*?)```", README, re.DOTALL)
    assert block, "README has a Languages section with a code block"
    lines = [line.split("#")[0].split() for line in block.group(1).splitlines()]
    runs = [words for words in lines if words[:2] in (["sidelight", "seeds/003_*.txt"],
                                                      ["sidelight", "compare"])]
    assert len(runs) == 2
    for words in runs:
        for arg in words[1:]:
            if arg != "compare":
                assert sorted(ROOT.glob(arg)), f"README's `{' '.join(words)}`: {arg} is no file"
