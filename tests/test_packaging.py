"""An installed sidelight carries its seeds and gazetteers: build the wheel and look inside."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from annotations.locations import seed_paths

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_seeds_and_entity_data(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("sidelight-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in seed_paths():
        assert f"annotations/seeds/{seed.name}" in names
    data = ROOT / "annotations" / "entities" / "data"
    for path in data.iterdir():
        if path.suffix in (".txt", ".tsv"):
            assert f"annotations/entities/data/{path.name}" in names, path.name
    assert "tui/app.tcss" in names
    assert "tui/view/document_view.py" in names
