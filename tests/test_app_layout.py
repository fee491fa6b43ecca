"""Pilot tests of how the panes share the terminal (side by side, two per row, stacked) and of
the plain names the reader gives entity labels."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from conftest import pilot_test, reader_app, until, workers_settled
from textual.geometry import Region

from sidelight.annotations.comparison import EntityRow
from sidelight.annotations.documents import Document, load_document
from sidelight.annotations.entities import LABELS
from sidelight.annotations.locations import seed_paths
from sidelight.tui.app import SidelightApp
from sidelight.tui.labels import LABEL_NAMES, SHORT_WIDTH, label_order, plain_name, short_name
from sidelight.tui.screens.reader import MIN_PANE_WIDTH, pane_columns
from sidelight.tui.widgets.compare_panel import entity_header, entity_line
from sidelight.tui.widgets.side_lists import Legend
from sidelight.tui.widgets.side_panel import COMPARE_TAB

STORIES = (
    ("one.txt", "First account\n\nThe council met on Monday. The mayor said the budget is done.\n"),
    ("two.txt", "Second account\n\nOn Monday the mayor presented the budget to the council.\n"),
    ("three.txt", "Third account\n\nCritics said the budget was not final. The mayor declined.\n"),
    ("four.txt", "Fourth account\n\nThe budget vote was delayed until Friday, the council said.\n"),
)


def _four(tmp_path: Path, n: int = 4) -> list[Document]:
    docs = []
    for name, text in STORIES[:n]:
        path = tmp_path / name
        path.write_text(text)
        docs.append(load_document(path))
    return docs


def _regions(app: SidelightApp) -> list[Region]:
    return [p.region for p in app.reader.panes]


def _layout(app: SidelightApp) -> set[str]:
    return set(app.query_one("#panes").classes) & {"grid", "stacked"}


def test_pane_columns_all_then_two_then_one() -> None:
    assert pane_columns(4 * MIN_PANE_WIDTH, 4) == 4
    assert pane_columns(4 * MIN_PANE_WIDTH - 1, 4) == 2
    assert pane_columns(2 * MIN_PANE_WIDTH, 3) == 2
    assert pane_columns(2 * MIN_PANE_WIDTH - 1, 4) == 1
    assert pane_columns(2 * MIN_PANE_WIDTH - 1, 2) == 1
    assert pane_columns(10, 1) == 1


@pilot_test
async def test_four_documents_at_160_columns_sit_two_by_two(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(_four(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        reader = app.reader
        assert reader.side.display
        assert _layout(app) == {"grid"}
        r = _regions(app)
        # Two rows of two, in document order, each as tall as half the documents' room.
        assert r[0].y == r[1].y < r[2].y == r[3].y
        assert r[0].x == r[2].x < r[1].x == r[3].x
        assert r[0].bottom == r[2].y and r[0].right == r[1].x
        assert all(reg.width >= MIN_PANE_WIDTH and reg.height >= 20 for reg in r)
        assert r[1].right <= reader.side.region.x
        # Tab still goes in document order, then to the side panel's list.
        for i in (1, 2, 3):
            await pilot.press("tab")
            assert app.focused is reader.panes[i].view
        await pilot.press("tab")
        assert app.focused is reader.side.active_list
        await pilot.press("tab")
        assert app.focused is reader.panes[0].view
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is reader.panes[3].view
        # Without the panel all four fit side by side; with it again, two by two.
        await pilot.press("p")
        await pilot.pause()
        assert _layout(app) == set()
        assert len({reg.y for reg in _regions(app)}) == 1
        await pilot.press("p")
        await pilot.pause()
        assert _layout(app) == {"grid"}


@pilot_test
async def test_three_documents_in_the_grid_the_third_spans_the_row(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(_four(tmp_path, 3), db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        assert _layout(app) == {"grid"}
        r = _regions(app)
        assert r[0].y == r[1].y < r[2].y
        assert r[2].x == r[0].x and r[2].right == r[1].right


@pilot_test
async def test_two_documents_at_200_columns_sit_side_by_side(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(_four(tmp_path, 2), db_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert _layout(app) == set()
        first, second = _regions(app)
        assert first.y == second.y and first.right == second.x
        assert first.height == second.height >= 45


@pilot_test
async def test_panes_stack_when_two_do_not_fit_and_pair_up_when_they_do(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(_four(tmp_path), db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # 80 columns hold two panes of MIN_PANE_WIDTH (as two documents sit side by side
        # at 80 columns): four documents go two by two rather than four rows of four lines.
        assert not app.reader.side.display
        assert _layout(app) == {"grid"}
        await pilot.resize_terminal(2 * MIN_PANE_WIDTH - 2, 24)
        await pilot.pause()
        assert _layout(app) == {"stacked"}
        r = _regions(app)
        assert len({reg.x for reg in r}) == 1
        assert [reg.y for reg in r] == sorted(reg.y for reg in r)
        assert all(a.bottom == b.y for a, b in pairwise(r))
        # Started narrow, the panel stays hidden: at 160 columns all four fit side by side.
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        assert _layout(app) == set()
        assert len({reg.y for reg in _regions(app)}) == 1


@pilot_test
async def test_compare_view_widens_the_panel_beside_the_grid(
    tmp_path: Path, db_path: Path, config_dir: Path
) -> None:
    app = reader_app(_four(tmp_path), db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        reader = app.reader
        reader.show_tab(COMPARE_TAB)
        await pilot.pause()
        assert reader.side.has_class("wide")
        assert _layout(app) == {"grid"}
        assert all(reg.width >= MIN_PANE_WIDTH for reg in _regions(app))
        # Too narrow for the wide panel and two columns: the panel stays narrow.
        await pilot.resize_terminal(2 * MIN_PANE_WIDTH + 60, 50)
        await pilot.pause()
        assert not reader.side.has_class("wide")
        assert _layout(app) == {"grid"}


# --- entity labels in plain words ------------------------------------------------------


def test_every_standard_label_has_a_plain_name_and_a_short_one() -> None:
    assert set(LABELS) <= set(LABEL_NAMES)
    for label in LABELS:
        assert plain_name(label) != label and plain_name(label)[0].isupper()
        assert 0 < len(short_name(label)) <= SHORT_WIDTH and short_name(label).islower()
    plains = [plain_name(label) for label in LABEL_NAMES]
    assert len(set(plains)) == len(plains)
    assert (plain_name("PERSON"), plain_name("GPE"), plain_name("NORP")) == (
        "People", "Places", "Nationalities & groups")
    assert (short_name("ORG"), short_name("GPE"), short_name("CARDINAL")) == (
        "org", "place", "count")


def test_unknown_labels_are_made_readable_and_listed_last() -> None:
    assert plain_name("SHIP_NAME") == "Ship name"
    assert len(short_name("SHIP_NAME")) <= SHORT_WIDTH
    assert label_order({"SHIP_NAME", "DATE", "PERSON"}) == ["PERSON", "DATE", "SHIP_NAME"]


def test_compare_table_type_column_says_the_short_name() -> None:
    row = EntityRow(key="gpe:harlan county", label="GPE", names=("Harlan County",),
                    counts=(1, 0), mentions=(((0, 13),), ()))
    line = entity_line(row, 40).plain
    assert "place" in line and "GPE" not in line
    assert entity_header(2, 40).plain.index("type") == line.index("place")


@pilot_test
async def test_legend_palette_and_status_use_plain_names(
    db_path: Path, config_dir: Path
) -> None:
    docs = [load_document(p) for p in seed_paths()[:2]]
    app = reader_app(docs, db_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await workers_settled(pilot)
        reader = app.reader
        # The legend is filled when the entities reach the screen, a message after their
        # worker ends: a loaded machine gets to it later than one pause.
        await until(pilot, lambda: "PERSON" in reader.side.label_order())
        legend = reader.side.query_one(Legend)
        shown = [str(legend.get_option_at_index(i).prompt) for i in range(legend.option_count)]
        labels = list(reader.side.label_order())
        assert "PERSON" in labels and labels == label_order(labels)
        for label, prompt in zip(labels, shown, strict=True):
            assert prompt.startswith(plain_name(label) + "  ")
            assert label not in prompt.split()
        titles = {c.title for c in app.get_system_commands(reader)}
        assert "Hide entity label: People" in titles
        assert not any(t.endswith("PERSON") for t in titles)
        reader.toggle_label("PERSON")
        assert "Show entity label: People" in {c.title for c in app.get_system_commands(reader)}
        assert "hidden: People" in str(app.query_one("#status-message").render())
