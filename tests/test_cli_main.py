"""The ``sidelight`` entry point: dispatch, option order, and no traceback on a bug."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sidelight.tui import cli


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sidelight", *args], capture_output=True, text=True, timeout=60,
        env=env,
    )


def test_options_before_the_subcommand_belong_to_it(tmp_path: Path) -> None:
    db = tmp_path / "store.json"
    doc = tmp_path / "a.txt"
    doc.write_text("The council said the bridge reopens in May.", encoding="utf-8")
    added = _run("--db", str(db), "annotate", str(doc), "--quote", "bridge")
    assert added.returncode == 0, added.stderr
    listed = _run("--db", str(db), "notes", "--format", "json")
    assert listed.returncode == 0 and '"bridge"' in listed.stdout


def test_a_missing_file_for_the_reader_is_one_line_and_status_1(tmp_path: Path) -> None:
    result = _run("--db", str(tmp_path / "s.json"), str(tmp_path / "nowhere.txt"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nowhere.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unexpected_error_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    def broken(argv: list[str]) -> object:
        raise RuntimeError("boom")

    from sidelight.tui.commands import read

    monkeypatch.setattr(read, "parse", broken)
    monkeypatch.delenv("SIDELIGHT_DEBUG", raising=False)
    assert cli.main(["a.txt"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sidelight: unexpected error (RuntimeError: boom)")
    assert err.count("\n") == 1


def test_help_and_the_store_commands_start_without_the_comparison_or_word_lists() -> None:
    code = ("import sys, contextlib, io\n"
            "from sidelight.tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['--help'])\n"
            "print(sorted(m for m in sys.modules if m.startswith(("
            "'sidelight.annotations.comparison', 'sidelight.annotations.entities', 'textual'))))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
