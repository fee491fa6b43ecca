"""Snapshots of the reader's main layouts at 80x24 and 160x50 (pytest-textual-snapshot).

Deterministic by construction: the bundled seeds, a fresh store with fixed annotations, the
entity and comparison workers finished before the picture is taken, and no blinking cursors.
Update after an intended change with ``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import chrome_mounted, compared, workers_settled
from textual.pilot import Pilot
from textual.widgets import TextArea

from sidelight.annotations.documents import Document, load_document
from sidelight.annotations.locations import seed_paths
from sidelight.annotations.model import new_highlight, quote_target
from sidelight.annotations.store import AnnotationStore
from sidelight.tui.app import SidelightApp
from sidelight.tui.settings import Settings

SMALL = (80, 24)
LARGE = (160, 50)
COMPARE_DATA = Path(__file__).parent / "data" / "compare"


def _seed_docs() -> list[Document]:
    return [load_document(p) for p in seed_paths()]


def _annotated_app(db_path: Path) -> SidelightApp:
    docs = _seed_docs()
    store = AnnotationStore(db_path)
    first, second = docs[0], docs[1]
    for doc, phrase, color, note in (
        (first, "Mark Zuckerberg vowed", "yellow", "The apology framing."),
        (second, "breach of trust", "pink", ""),
        (second, "we also made mistakes", "blue", "Same quote in both sources?"),
    ):
        start = doc.text.index(phrase)
        store.add(new_highlight(
            quote_target(doc.path, doc.fingerprint, doc.text, start, start + len(phrase)),
            color=color, note=note,
        ))
    return SidelightApp(docs, store, settings=Settings())


async def _settled(pilot: Pilot) -> None:
    # The comparison worker starts when the entity worker has finished: wait for both.
    await compared(pilot)
    await chrome_mounted(pilot)
    await workers_settled(pilot)
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x50"])
def test_reader_layout(snap_compare, tmp_path: Path, config_dir: Path, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_annotated_app(tmp_path / "a.json"), terminal_size=size,
                        run_before=_settled)


def test_entity_legend_160x50(snap_compare, tmp_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def legend(pilot: Pilot) -> None:
        await _settled(pilot)
        await pilot.press("L")
        await pilot.pause()

    assert snap_compare(_annotated_app(tmp_path / "a.json"), terminal_size=LARGE,
                        run_before=legend)


def test_compare_panel_160x50(snap_compare, tmp_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def compare_view(pilot: Pilot) -> None:
        await _settled(pilot)
        await pilot.press("C")  # the Compare view, its entity list focused
        await pilot.press("tab")  # the differences list
        await pilot.pause()

    assert snap_compare(_annotated_app(tmp_path / "a.json"), terminal_size=LARGE,
                        run_before=compare_view)


def test_note_editor_80x24(snap_compare, tmp_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def editing(pilot: Pilot) -> None:
        await _settled(pilot)
        await pilot.press("right_square_bracket", "a")
        await _settled(pilot)
        # TextArea caches its rows under a key that leaves out the cursor once blinking is off:
        # a row drawn while the blink had hidden the cursor (a loaded machine) would be kept.
        # An edit redraws the row with the cursor as the user sees it.
        await pilot.press("x", "backspace")
        await pilot.pause()

    assert snap_compare(_annotated_app(tmp_path / "a.json"), terminal_size=SMALL,
                        run_before=editing)


def test_help_80x24(snap_compare, tmp_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def helped(pilot: Pilot) -> None:
        await _settled(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_annotated_app(tmp_path / "a.json"), terminal_size=SMALL,
                        run_before=helped)


def test_light_theme_160x50(snap_compare, tmp_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    async def light(pilot: Pilot) -> None:
        pilot.app.theme = "textual-light"
        await _settled(pilot)

    assert snap_compare(_annotated_app(tmp_path / "a.json"), terminal_size=LARGE,
                        run_before=light)


def test_four_documents_160x50(snap_compare, tmp_path: Path, config_dir: Path) -> None:  # type: ignore[no-untyped-def]
    # Too many for side by side beside the panel: two rows of two.
    docs = [load_document(COMPARE_DATA / name)
            for name in ("wire.txt", "gazette.md", "broadcast.txt")]
    docs.append(_seed_docs()[0])
    app = SidelightApp(docs, AnnotationStore(tmp_path / "a.json"), settings=Settings())
    assert snap_compare(app, terminal_size=LARGE, run_before=_settled)
