"""Shared fixtures and Pilot helpers (import them with ``from conftest import ...``).
Textual runs without animations in every test."""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest

# Before Textual is imported: it reads the setting once.
os.environ["TEXTUAL_ANIMATIONS"] = "none"

from sidelight.annotations.documents import Document, load_document
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.app import SidelightApp
from sidelight.tui.settings import Settings


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private reader config directory (theme, keymap) for the test."""
    path = tmp_path / "config"
    monkeypatch.setenv("SIDELIGHT_CONFIG_DIR", str(path))
    return path


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private annotation store path, also set as $SIDELIGHT_DB for subprocesses."""
    path = tmp_path / "annotations.json"
    monkeypatch.setenv("SIDELIGHT_DB", str(path))
    return path


# --- Pilot helpers shared by the reader tests ---------------------------------------------

ALPHA = (
    "Alpha report\n\n"
    "The council met on Monday. The mayor said the budget was final.\n\n"
    "Critics said the budget was not final at all. The mayor declined to comment.\n"
)
BETA = (
    "Beta report\n\n"
    "On Monday the mayor presented the budget. Critics were unconvinced.\n"
)
COMPARE_DATA = Path(__file__).parent / "data" / "compare"


def pilot_test(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test in its own event loop (fixtures pass through)."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run


def alpha_beta(tmp_path: Path) -> list[Document]:
    """Two short reports (ALPHA, BETA) written to ``tmp_path`` and opened."""
    a = tmp_path / "alpha.txt"
    b = tmp_path / "beta.txt"
    a.write_text(ALPHA)
    b.write_text(BETA)
    return [load_document(a), load_document(b)]


def compare_docs(*names: str) -> list[Document]:
    """Documents of tests/data/compare, by file name."""
    return [load_document(COMPARE_DATA / n) for n in names]


def reader_app(docs: list[Document], db_path: Path, **settings: object) -> SidelightApp:
    """The reader on ``docs`` with a private store and the given settings (else defaults)."""
    return SidelightApp(docs, AnnotationStore(db_path), settings=Settings(**settings))  # type: ignore[arg-type]


async def search_phrase(pilot: Any, phrase: str) -> None:
    """/ phrase enter. The phrase is put in the search bar whole: Pilot keys are slow."""
    await pilot.press("slash")
    pilot.app.screen.query_one("#search").value = phrase
    await pilot.press("enter")


async def select_phrase(pilot: Any, phrase: str) -> None:
    """Search the phrase, then select it with v and one e (word end) per word."""
    await search_phrase(pilot, phrase)
    await pilot.press("v", *["e"] * len(phrase.split()))


async def workers_settled(pilot: Any) -> None:
    """Wait until no worker is running. A worker cancelled meanwhile is settled too: the
    reader stops a comparison under way when its documents change, and Textual's own
    ``wait_for_complete`` raises for it."""
    from textual.worker import WorkerState

    for _ in range(2000):
        active = [w for w in pilot.app.workers
                  if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        if not active:
            return
        await asyncio.gather(*(w.wait() for w in active if w.state == WorkerState.RUNNING),
                             return_exceptions=True)
        await pilot.pause()
    raise AssertionError("workers still running")


async def compared(pilot: Any) -> Any:
    """Wait until the comparison (which starts once entities are known) is shown; the reader."""
    reader = pilot.app.reader
    for _ in range(200):
        await workers_settled(pilot)
        await pilot.pause()
        if reader.comparison is not None:
            return reader
    raise AssertionError("the comparison never arrived")


async def until(pilot: Any, done: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until ``done()`` holds: timers (synced scrolling, polling) fire when the
    machine gets to them, which a loaded machine does later than a fixed pause assumes."""
    for _ in range(int(timeout / 0.05)):
        if done():
            return
        await pilot.pause(0.05)
    assert done(), f"not reached within {timeout:g} s"


def _chrome_in_place(reader: Any) -> bool:
    from textual.widgets import Footer, TabbedContent
    from textual.widgets._footer import FooterKey

    footers = reader.query(Footer)
    if not footers or not reader.side.query(TabbedContent) or not reader.status.children:
        return False
    if not all(p.query_one(".pane-title").children for p in reader.panes):
        return False
    # The key bar is composed again after each change of the keys in force: it is in place
    # when it lists the keys the screen holds now (and the command palette's, always shown).
    shown = {(k.action, k.disabled) for k in footers.first().query(FooterKey)}
    wanted = {(b.action, not enabled)
              for (_, b, enabled, _tip) in reader.active_bindings.values() if b.show}
    palette = {key for key in shown if key[0] == "command_palette"}
    return bool(wanted) and shown - palette == wanted - palette


async def chrome_mounted(pilot: Any, timeout: float = 30.0) -> None:
    """Wait until the reader's chrome, mounted in the frames after the first one (the side
    panel's tabs, the key bar listing the keys in force, the status parts and the pane titles:
    ``tui/widgets/mounting.py``), is in place. Its mounting is the reader's own turn, which
    the workers finishing does not wait for: a loaded machine gets to it later."""
    await until(pilot, lambda: _chrome_in_place(pilot.app.reader), timeout)
    await pilot.pause()


# --- the terminal every end-to-end test (tests/e2e/) drives ---------------------------------
# Kept here rather than in a tests/e2e/conftest.py: a second module named ``conftest`` would
# replace this one for every ``from conftest import ...`` of the tests collected after it.


def user_env(tmp_path: Path) -> dict[str, str]:
    """A new user's environment: own store and settings in the test's folder, no animations."""
    return {
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATIONS": "none",
        "SIDELIGHT_DB": str(tmp_path / "annotations.json"),
        "SIDELIGHT_CONFIG_DIR": str(tmp_path / "config"),
        "LANG": "C.UTF-8",
    }


@pytest.fixture
def tmux(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A private tmux server with a clean shell. A test module that needs a wider screen (a
    whole message on one line) sets ``TERMINAL_WIDTH`` or ``TERMINAL_HEIGHT``."""
    # tests/e2e is on the path once one of its test modules (which import the driver) is.
    from tmux_driver import Tmux

    width = getattr(request.module, "TERMINAL_WIDTH", 160)
    height = getattr(request.module, "TERMINAL_HEIGHT", 50)
    session = Tmux(tmp_path, user_env(tmp_path), width=width, height=height)
    try:
        session.wait_for("$")
        yield session
    finally:
        session.kill()
