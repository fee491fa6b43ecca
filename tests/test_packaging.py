"""An installed sidelight is one top-level package carrying every module, its seeds, word lists
and tables: build the wheel, look inside, install it and run it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sidelight.annotations.locations import seed_paths

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
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
    [built] = out.glob("sidelight-*.whl")
    return built


def test_wheel_is_one_package_with_seeds_and_stylesheet(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    # "annotations" and "tui" are generic names that other distributions use too.
    assert top == {"sidelight"}
    for seed in seed_paths():
        assert f"sidelight/annotations/seeds/{seed.name}" in names
    assert "sidelight/tui/app.tcss" in names
    assert "sidelight/__main__.py" in names


def test_every_module_and_data_file_is_in_the_wheel(wheel: Path) -> None:
    """Modules, word lists and tables are all read at run time: one left out breaks an
    installed (non-editable) sidelight, which the editable install of the tests would hide."""
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("annotations", "tui"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_dir() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            inside = path.relative_to(ROOT).as_posix()
            assert f"sidelight/{inside}" in names, f"{inside} is left out of the wheel"


def test_installed_wheel_runs_as_a_module(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
         str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert install.returncode == 0, install.stderr
    assert {p.name for p in target.iterdir() if not p.name.endswith(".dist-info")} - {"bin"} \
        == {"sidelight"}
    # From an empty folder, so that the checkout's own annotations/ and tui/ are not on the path;
    # the installed copy comes first on the path, the dependencies from this interpreter.
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    where = subprocess.run(
        [sys.executable, "-c", "import sidelight.tui.cli as m; print(m.__file__)"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env,
    )
    assert where.stdout.startswith(str(target)), where.stdout + where.stderr
    done = subprocess.run(
        [sys.executable, "-m", "sidelight", "entities", str(seed_paths()[0]), "--format", "jsonl"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env,
    )
    assert done.returncode == 0, done.stderr
    assert '"PERSON"' in done.stdout


def test_sources_import_the_namespace_only() -> None:
    """A bare ``import annotations``/``tui`` would load a second copy of a module from the
    checkout (tests run with the repository on sys.path) and split its state in two."""
    bare = re.compile(r"^\s*(from|import)\s+(annotations|tui)\b", re.M)
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("annotations", "tui", "tests", "benchmarks", "sidelight")
        for path in (ROOT / folder).rglob("*.py")
        if bare.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_module_runs_from_the_checkout_root() -> None:
    """``python -m sidelight`` in the checkout finds the sibling folders, with no help from an
    editable install (-S: no .pth finder; the dependencies come through PYTHONPATH)."""
    site = [p for p in sys.path if p.endswith("site-packages")]
    done = subprocess.run(
        [sys.executable, "-S", "-m", "sidelight", "--version"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
        env={"PYTHONPATH": ":".join(site), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("sidelight ")
