"""An installed sidelight carries every module, its seeds, word lists and tables: build the
wheel and look inside."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from annotations.locations import seed_paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    # Build from a clean copy: a build/ or *.egg-info folder left in a checkout by an earlier
    # build makes setuptools ship files the configuration itself would leave out.
    source = tmp_path_factory.mktemp("source") / "sidelight"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"))
    out = tmp_path_factory.mktemp("dist")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = out.glob("sidelight-*.whl")
    return set(zipfile.ZipFile(wheel).namelist())


def test_wheel_ships_seeds_and_stylesheet(wheel_names: set[str]) -> None:
    for seed in seed_paths():
        assert f"annotations/seeds/{seed.name}" in wheel_names
    assert "tui/app.tcss" in wheel_names


def test_every_module_and_data_file_is_in_the_wheel(wheel_names: set[str]) -> None:
    """Modules, word lists and tables are all read at run time: one left out breaks an
    installed (non-editable) sidelight, which the editable install of the tests would hide."""
    for folder in ("annotations", "tui"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_dir() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            inside = path.relative_to(ROOT).as_posix()
            assert inside in wheel_names, f"{inside} is left out of the wheel"
