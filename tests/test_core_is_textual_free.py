"""The core never imports Textual or the UI, and the non-reader commands do not load Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("textual", "tui")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_core_modules_import_neither_textual_nor_tui() -> None:
    files = sorted((ROOT / "annotations").rglob("*.py"))
    assert files
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in files
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


_PROBE = """
import sys
from sidelight.tui import cli
code = cli.main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("TEXTUAL:" + ",".join(loaded), file=sys.stderr)
sys.exit(code)
"""


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True,
                          text=True, cwd=tmp_path, timeout=120)


def test_store_commands_do_not_load_textual(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Officials said the figure was wrong.\n", encoding="utf-8")
    db = str(tmp_path / "db.json")
    added = _run(tmp_path, "annotate", str(doc), "--quote", "figure", "--db", db)
    assert added.returncode == 0, added.stderr
    assert "TEXTUAL:\n" in added.stderr
    listed = _run(tmp_path, "notes", "--db", db)
    assert listed.returncode == 0, listed.stderr
    assert "TEXTUAL:\n" in listed.stderr
