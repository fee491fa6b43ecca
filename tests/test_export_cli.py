"""``sidelight export``: files, stdout, overwrite rules, missing sources, re-anchoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidelight.annotations.documents import load_document
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.cli import main

Files = tuple[Path, Path, Path]
TEXT = "The council said the bridge would reopen.\n\nEngineers found no damage.\n"


@pytest.fixture
def setup(tmp_path: Path) -> Files:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text("A second story with <script>alert(1)</script> inside.\n", encoding="utf-8")
    db = tmp_path / "db.json"
    store = AnnotationStore(db)
    for path, quote in ((a, "the bridge would reopen"), (b, "<script>alert(1)</script>")):
        doc = load_document(path)
        s = doc.text.index(quote)
        store.add(new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, s,
                                             s + len(quote))))
    return a, b, db


def test_stdout_has_every_document(setup: Files, capsys: pytest.CaptureFixture[str]) -> None:
    _a, _b, db = setup
    assert main(["export", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\n")
    assert "> the bridge would reopen" in out
    assert "> &lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<script>" not in out


def test_files_limit_the_export(setup: Files, capsys: pytest.CaptureFixture[str]) -> None:
    a, _b, db = setup
    assert main(["export", str(a), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "the bridge would reopen" in out and "script" not in out


def test_output_file_is_not_overwritten_without_force(
    setup: Files, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _a, _b, db = setup
    out = tmp_path / "export.md"
    assert main(["export", "-o", str(out), "--db", str(db)]) == 0
    first = out.read_text(encoding="utf-8")
    out.write_text("my own notes", encoding="utf-8")
    capsys.readouterr()
    assert main(["export", "-o", str(out), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and err.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "my own notes"
    assert main(["export", "-o", str(out), "--force", "--db", str(db)]) == 0
    assert out.read_text(encoding="utf-8").split("exported:")[0] == first.split(
        "exported:")[0]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_missing_source_is_exported_from_stored_quotes(
    setup: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    _a, b, db = setup
    b.unlink()
    assert main(["export", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "source file not found" in out
    assert "> &lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_a_source_in_another_encoding_is_not_called_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "latin.txt"
    doc.write_bytes("Le café est fermé.\n".encode("latin-1"))
    db = tmp_path / "db.json"
    # An annotation made before sidelight remembered encodings: its target names none.
    loaded = load_document(doc, "latin-1")
    start = loaded.text.index("café")
    AnnotationStore(db).add(new_highlight(quote_target(loaded.path, loaded.fingerprint,
                                                       loaded.text, start, start + 4)))
    # Without --encoding the file cannot be read: say so, and how to fix it, not "not found".
    for command in (["export"], ["notes"]):
        assert main([*command, "--db", str(db)]) == 0
        out, err = capsys.readouterr()
        assert err.count("\n") == 1 and str(doc) in err and "--encoding" in err
        assert "not found" not in out and "missing: true" not in out
    assert main(["export", "--db", str(db)]) == 0
    assert "source file not read" in capsys.readouterr().out
    assert main(["export", "--encoding", "latin-1", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "> café" in out
    # Read once with --encoding, the document's annotations remember it.
    assert main(["export", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "> café" in out and "source file not read" not in out


def test_export_re_anchors_an_edited_document(
    setup: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _b, db = setup
    a.write_text("Update: times corrected.\n\n" + TEXT, encoding="utf-8")
    assert main(["export", str(a), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "line 3, characters" in out
    [ann] = [x for x in AnnotationStore(db).all() if x.target.source == str(a.resolve())]
    assert ann.target.fingerprint == load_document(a).fingerprint


def test_empty_store_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(tmp_path / "db.json")]) == 1
    assert "no annotations to export" in capsys.readouterr().err


def test_missing_output_directory(
    setup: Files, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _a, _b, db = setup
    assert main(["export", "-o", str(tmp_path / "no" / "x.md"), "--db", str(db)]) == 1
    assert "no such directory" in capsys.readouterr().err


def test_exports_are_written_with_the_users_umask(
    setup: Files, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import stat

    _a, _b, db = setup
    out = tmp_path / "shared.md"
    old = os.umask(0o022)
    try:
        assert main(["export", "-o", str(out), "--db", str(db)]) == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        # A replaced file keeps the permissions its owner gave it.
        out.chmod(0o640)
        assert main(["export", "-o", str(out), "--force", "--db", str(db)]) == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
        os.umask(0o077)
        private = tmp_path / "private.md"
        assert main(["export", "-o", str(private), "--db", str(db)]) == 0
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    finally:
        os.umask(old)
