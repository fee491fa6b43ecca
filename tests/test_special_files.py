"""FIFOs, devices, sockets and standard input: refused or read correctly, never a hang, never
a device replaced by a file."""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from special_files import within

from sidelight.tui.cli import main

TEXT = "Alice went to Paris. Bob stayed in Rome.\n"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def sidelight(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
              ) -> Callable[..., Run]:
    """The command line run in this process (fast); a hang fails the test after a second."""

    def run(*args: str, stdin: str | None = None, db: Path | None = None) -> Run:
        extra = ["--db", str(db)] if db is not None else []
        data = (stdin or "").encode("utf-8")
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        capsys.readouterr()
        with within(5.0):
            code = main([*args, *extra])
        out = capsys.readouterr()
        return Run(code, out.out, out.err)

    return run


def _one_line(done: Run) -> str:
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "story.txt"
    os.mkfifo(path)
    yield path


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [
    ("entities", "{f}"),
    ("notes", "{f}"),
    ("annotate", "{f}", "--quote", "Bob"),
    ("export", "{f}"),
    ("{f}",),  # the reader: refused before the full screen starts
])
def test_a_fifo_as_document_is_refused_at_once(
        sidelight: Callable[..., Run], fifo: Path, tmp_path: Path,
        command: tuple[str, ...]) -> None:
    args = [a.format(f=fifo) for a in command]
    db = None if command[0] == "entities" else tmp_path / "db.json"
    line = _one_line(sidelight(*args, db=db))
    assert str(fifo) in line and "named pipe (FIFO)" in line


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_as_document_is_refused(
        sidelight: Callable[..., Run], device: str, tmp_path: Path) -> None:
    line = _one_line(sidelight("entities", device))
    assert "character device" in line and device in line


@pytest.mark.parametrize("command", [("notes",), ("annotate", "{d}", "--quote", "Bob"),
                                     ("{d}",)])
def test_a_fifo_or_device_as_store_is_refused(
        sidelight: Callable[..., Run], fifo: Path, doc: Path, command: tuple[str, ...]) -> None:
    for store in (fifo, Path("/dev/zero")):
        args = [a.format(d=doc) for a in command]
        line = _one_line(sidelight(*args, db=store))
        assert "not a sidelight store" in line and str(store) in line
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_socket_as_document_is_refused(sidelight: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        line = _one_line(sidelight("entities", str(path)))
    assert "a socket" in line


def test_a_file_larger_than_it_says_is_cut_off_by_bytes_read(tmp_path: Path) -> None:
    from sidelight.annotations.special_files import FileTooLarge, read_regular

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    assert read_regular(path, 1000)[0] == b"x" * 1000
    with pytest.raises(FileTooLarge):
        read_regular(path, 999)


def test_export_force_replaces_only_regular_files(
        sidelight: Callable[..., Run], fifo: Path, doc: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    assert sidelight("annotate", str(doc), "--quote", "Bob", db=db).returncode == 0
    line = _one_line(sidelight("export", "-o", str(fifo), "--force", db=db))
    assert "named pipe (FIFO)" in line and "- for standard output" in line
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    # A symlink to a regular file: the file is replaced, the link stays.
    target = tmp_path / "notes.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert sidelight("export", "-o", str(link), "--force", db=db).returncode == 0
    assert link.is_symlink() and "Bob" in target.read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_export_force_never_replaces_a_device_node(
        sidelight: Callable[..., Run], doc: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    assert sidelight("annotate", str(doc), "--quote", "Bob", db=db).returncode == 0
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a second /dev/null
    line = _one_line(sidelight("export", "-o", str(null), "--force", db=db))
    assert "character device" in line
    assert stat.S_ISCHR(os.stat(null).st_mode)


def test_export_to_dash_is_standard_output(
        sidelight: Callable[..., Run], doc: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    assert sidelight("annotate", str(doc), "--quote", "Bob", "--note", "n", db=db).returncode == 0
    done = sidelight("export", "-o", "-", db=db)
    assert done.returncode == 0 and "Bob" in done.stdout
    assert not (Path.cwd() / "-").exists()
    as_json = sidelight("export", "-o", "-", "--format", "json", db=db)
    assert json.loads(as_json.stdout)["total"] == 1


def test_entities_and_import_read_dash_from_standard_input(
        sidelight: Callable[..., Run], doc: Path, tmp_path: Path) -> None:
    done = sidelight("entities", "-", stdin="Angela Merkel met Emmanuel Macron in Paris.\n")
    assert done.returncode == 0, done.stderr
    texts = {json.loads(line)["text"] for line in done.stdout.splitlines()}
    assert {"Angela Merkel", "Paris"} <= texts
    md = sidelight("entities", "-", "--format", "table",
                   stdin="# Summit\n\nAngela Merkel met Emmanuel Macron in *Paris*.\n")
    assert md.returncode == 0 and "Summit" in md.stdout
    db = tmp_path / "db.json"
    assert sidelight("annotate", str(doc), "--quote", "Bob", "--note", "from stdin",
                     db=db).returncode == 0
    exported = sidelight("export", "--format", "json", db=db).stdout
    other = tmp_path / "other.json"
    done = sidelight("import", "-", stdin=exported, db=other)
    assert done.returncode == 0, done.stderr
    assert "from stdin" in sidelight("notes", db=other).stdout
    empty = _one_line(sidelight("entities", "-", stdin=""))
    assert "standard input" in empty


def test_reader_with_a_pipe_and_no_terminal_refuses_with_a_message(doc: Path,
                                                                   tmp_path: Path) -> None:
    # A new session has no controlling terminal: there is nowhere to read keys from.
    for args, stdin in ((["-"], TEXT), ([str(doc)], "ignored\n")):
        done = subprocess.run([sys.executable, "-m", "sidelight", *args, "--db",
                               str(tmp_path / "db.json")], input=stdin, capture_output=True,
                              text=True, timeout=60, start_new_session=True)
        line = _one_line(Run(done.returncode, done.stdout, done.stderr))
        assert "no terminal to take keys from" in line
