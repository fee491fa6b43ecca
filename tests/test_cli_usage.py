"""The command line as a user meets it: --version, help, usage errors, and commands that say
what they did."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def sidelight(*args: str, db: Path | None = None, cwd: Path | None = None
              ) -> subprocess.CompletedProcess[str]:
    extra = ["--db", str(db)] if db is not None else []
    return subprocess.run([sys.executable, "-m", "sidelight", *args, *extra], capture_output=True,
                          text=True, timeout=120, cwd=cwd)


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text("Story\n\nThe mayor said the budget was final.\n", encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "annotations.json"


def test_version_and_the_readers_help() -> None:
    from importlib.metadata import version

    done = sidelight("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"sidelight {version('sidelight')}"
    for args in (("--help",), ("a.txt", "--help")):
        shown = sidelight(*args)
        assert shown.returncode == 0
        assert shown.stdout.startswith("usage: sidelight [-h] [--db PATH] [--encoding NAME]")
        assert "FILE" in shown.stdout and "--encoding" in shown.stdout
        # The subcommands are listed after the reader's own usage.
        assert "\n  notes " in shown.stdout and "\n  compare " in shown.stdout


def test_a_bad_option_is_one_line_that_says_where_the_usage_is(db: Path) -> None:
    done = sidelight("notes", "--bogus", db=db)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "usage:" not in done.stderr
    assert done.stderr.startswith("sidelight notes: unrecognized arguments: --bogus")
    assert "`sidelight notes --help`" in done.stderr
    # A bad value typed for the reader's own options: the same, and what was typed is
    # shown printable, never as a raw control sequence.
    done = sidelight("--lang", "x\x1b[31my", db=db)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "\x1b" not in done.stderr.replace("\\x1b", "")
    assert done.stderr.startswith("sidelight: argument --lang:")


def test_edit_and_delete_say_what_they_changed(doc: Path, db: Path) -> None:
    ann_id = sidelight("annotate", str(doc), "--quote", "the budget", "--tag", "money",
                       db=db).stdout.strip()
    empty = sidelight("edit", "", "--note", "x", db=db)
    assert empty.returncode == 2 and "ID is empty" in empty.stderr
    assert sidelight("delete", " ", db=db).returncode == 2

    edited = sidelight("edit", ann_id[:8], "--note", "check it", "--color", "pink",
                       "--tag", "council", "--untag", "money", db=db)
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout.strip() == ann_id
    said = edited.stderr.strip()
    assert said.startswith(f"sidelight: edited highlight {ann_id[:8]} “the budget”")
    assert "note “check it”" in said and "colour yellow → pink" in said
    assert "tags #council" in said
    [ann] = json.loads(sidelight("notes", "--format", "json", db=db).stdout)
    assert "council" in json.dumps(ann) and "money" not in json.dumps(ann)

    same = sidelight("edit", ann_id, "--color", "pink", db=db)
    assert same.returncode == 0 and "nothing changed" in same.stderr

    deleted = sidelight("delete", ann_id[:8], db=db)
    assert deleted.returncode == 0 and deleted.stdout.strip() == ann_id
    assert deleted.stderr.strip() == f"sidelight: deleted highlight {ann_id[:8]} “the budget”"


def test_compare_o_says_where_it_wrote(tmp_path: Path, doc: Path, db: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Other\n\nThe mayor said the budget was not final.\n", encoding="utf-8")
    out = tmp_path / "report.md"
    done = sidelight("compare", str(doc), str(other), "-o", str(out), db=db)
    assert done.returncode == 0, done.stderr
    assert out.exists() and done.stdout == ""
    assert done.stderr.strip() == f"sidelight: wrote the comparison of 2 documents to {out}"


def test_notes_filters_by_grep_tag_and_colour(tmp_path: Path, doc: Path, db: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Other\n\nCritics said the council was divided.\n", encoding="utf-8")
    sidelight("annotate", str(doc), "--quote", "the budget", "--tag", "money", "--color",
              "pink", "--note", "Check the figure", db=db)
    sidelight("annotate", str(doc), "--quote", "The mayor", db=db)
    sidelight("annotate", str(other), "--quote", "the council", "--tag", "money", db=db)

    def quotes(*args: str) -> list[str]:
        done = sidelight("notes", "--format", "json", *args, db=db)
        assert done.returncode == 0, done.stderr
        return sorted(a["target"]["selector"][0]["exact"] if isinstance(a["target"], dict)
                      else a["target"][0]["selector"][0]["exact"]
                      for a in json.loads(done.stdout))

    assert quotes("--tag", "money") == ["the budget", "the council"]
    assert quotes("--tag", "money", "--color", "pink") == ["the budget"]
    assert quotes("--grep", "CHECK THE") == ["the budget"]
    assert quotes("--grep", "mayor") == ["The mayor"]
    assert quotes("--color", "green") == []


def test_a_slip_for_a_command_names_the_command(tmp_path: Path, doc: Path) -> None:
    # Without the hint the reader would only say "note: no such file".
    for slip, meant in (("note", "notes"), ("entity", "entities"), ("comapre", "compare")):
        done = sidelight(slip, str(doc), cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert f"did you mean `sidelight {meant}`" in done.stderr
        assert "Traceback" not in done.stderr
    # A file of that name is a document; a name with a dot is a path, however close.
    (tmp_path / "note").write_text("Note\n\nThe mayor resigned.\n", encoding="utf-8")
    for path in ("note", "notes.txt"):
        done = sidelight(path, cwd=tmp_path)
        assert "did you mean" not in done.stderr


def test_an_empty_db_path_is_a_usage_error_not_the_default_store(
    tmp_path: Path, doc: Path
) -> None:
    import os

    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env.pop("SIDELIGHT_DB", None)
    for args in (("annotate", str(doc), "--quote", "the budget"), ("notes",)):
        done = subprocess.run([sys.executable, "-m", "sidelight", *args, "--db", ""],
                              capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 2, done.stderr
        assert "--db" in done.stderr and "is empty" in done.stderr
    assert not (home / "data").exists()  # nothing was written to the default store


def test_the_reader_refuses_a_document_given_twice(tmp_path: Path, doc: Path) -> None:
    done = sidelight(str(doc), str(doc), cwd=tmp_path)
    assert done.returncode == 2
    assert "is given twice; name each document once" in done.stderr


@pytest.mark.parametrize("argv, loaded", [
    # The reader, refusing a missing file: none of the commands' modules is needed.
    (["no-such-file.txt"], []),
    # One command: its own module, none of the others' (export's Markdown and Hypothesis code).
    (["delete", "--help"], ["sidelight.tui.commands.delete"]),
    (["import", "--help"], ["sidelight.tui.commands.import_"]),
])
def test_only_the_typed_commands_module_is_imported(argv: list[str], loaded: list[str]) -> None:
    code = (
        "import sys; from sidelight.tui import cli\n"
        "try:\n    cli.main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('sidelight.tui.commands.')"
        " and m.rsplit('.', 1)[1] not in ('common', 'read')))"
    )
    r = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                       timeout=60)
    assert r.stdout.strip().splitlines()[-1] == repr(sorted(loaded)), r.stdout + r.stderr


def test_every_command_is_listed_by_help_and_runs_its_own_parser() -> None:
    r = sidelight("--help")
    assert r.returncode == 0
    for command in ("compare", "annotate", "notes", "edit", "delete", "entities", "export",
                    "import", "library", "completion"):
        assert f"\n  {command} " in r.stdout, command
        sub = sidelight(command, "--help")
        assert sub.returncode == 0 and f"usage: sidelight {command}" in sub.stdout, sub.stderr
