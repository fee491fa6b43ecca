"""Cell widths and drawing units of the document view (tui/view/cells.py)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from sidelight.tui.view.cells import (
    HIDDEN,
    MARK,
    NORMAL,
    PLACEHOLDER,
    SIMPLE_CHARS,
    TAB,
    classify,
    is_simple,
    layout_row,
    safe_text,
    simple_chars_classified,
)

# Characters a terminal acts on instead of drawing, or that reorder or re-measure a line.
UNSAFE = frozenset(
    [chr(c) for c in range(0x20)]
    + [chr(0x7F)]
    + [chr(c) for c in range(0x80, 0xA0)]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\u200d\ufe0f")
    + [chr(c) for c in range(0xD800, 0xE000, 97)]
)

hostile_chars = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(sorted(UNSAFE)),
    st.sampled_from(list("漢字かな😀👍🏽\u0301\u0308\u05d0\u0627\t é")),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
)
hostile_text = st.text(hostile_chars, max_size=60)


def test_ascii_is_one_cell_drawn_as_itself() -> None:
    layout = layout_row("Hello, world", 0, 12)
    assert layout.simple and layout.drawn == "Hello, world" and layout.cells == 12


def test_wide_and_zero_width_characters() -> None:
    text = "漢a😀e\u0301"
    layout = layout_row(text, 0, len(text))
    assert [layout.col_of(i) for i in range(len(text) + 1)] == [0, 2, 3, 5, 6, 6]
    assert layout.cells == 6
    # the combining mark belongs to the cluster of its base
    assert layout.cluster_start(4) == 3 and layout.cluster_end(3) == 5


def test_controls_become_one_cell_placeholders() -> None:
    text = "a\x1b[2Jb\x07\x9b\x7f\u202e"
    layout = layout_row(text, 0, len(text))
    assert "\x1b" not in layout.drawn and "\x9b" not in layout.drawn
    assert layout.drawn == "a\u241b[2Jb\u2407\u2426\u2421\u21c4"
    assert layout.cells == len(text)
    assert set(layout.placeholders) == {1, 6, 7, 8, 9}


def test_zwj_and_variation_selectors_are_not_drawn() -> None:
    family = "👨\u200d👩\u200d👧"
    layout = layout_row(family, 0, len(family))
    assert layout.drawn == "👨👩👧" and layout.cells == 6
    assert classify("\ufe0f")[0] == HIDDEN and classify("\u200d")[0] == HIDDEN


def test_tabs_expand_to_the_next_stop() -> None:
    layout = layout_row("ab\tc", 0, 4, tab_size=4)
    assert layout.drawn == "ab  c" and layout.col_of(3) == 4


def test_lone_mark_at_line_start_gets_a_visible_base() -> None:
    layout = layout_row("\u0301x", 0, 2)
    assert layout.drawn.startswith("\u25cc\u0301") and layout.cells == 2


def test_kinds() -> None:
    assert classify("a")[0] == NORMAL
    assert classify("\t")[0] == TAB
    assert classify("\u0301")[0] == MARK
    assert classify("\x00")[0] == PLACEHOLDER
    assert classify("\ud800")[0] == PLACEHOLDER
    assert is_simple("plain text, with “quotes” — and dashes") and not is_simple("a\tb")


def test_the_written_out_simple_characters_are_what_the_classifier_finds() -> None:
    # The fast path's character set is written out for start-up; it must stay exactly the
    # characters drawn as themselves in one cell.
    assert simple_chars_classified() == SIMPLE_CHARS


@given(hostile_text)
def test_layout_never_draws_unsafe_characters(text: str) -> None:
    text = text.replace("\n", " ")
    layout = layout_row(text, 0, len(text))
    assert not UNSAFE.intersection(layout.drawn)
    assert not UNSAFE.intersection(safe_text(text))
    # drawing is monotonic and covers every unit, one unit per code point
    cols = [layout.col_of(i) for i in range(len(text) + 1)]
    assert cols == sorted(cols) and cols[-1] == layout.cells
    dpos = [layout.drawn_index(i) for i in range(len(text) + 1)]
    assert dpos == sorted(dpos) and dpos[-1] == len(layout.drawn)
    for i, ch in enumerate(text):
        if unicodedata.category(ch) in ("Cc", "Cs") and ch != "\t":
            assert dpos[i + 1] - dpos[i] == 1 and cols[i + 1] - cols[i] == 1, "one placeholder"


@given(hostile_text, st.integers(0, 200))
def test_cell_to_unit_round_trip(text: str, col: int) -> None:
    text = text.replace("\n", " ")
    layout = layout_row(text, 0, len(text))
    unit = layout.unit_at_col(col)
    if col >= layout.cells:
        assert unit == len(text)
    else:
        assert layout.is_cluster_start(unit)
        assert layout.col_of(unit) <= col < layout.col_of(layout.cluster_end(unit))
    for i in range(len(text)):
        if layout.is_cluster_start(i):
            assert layout.unit_at_col(layout.col_of(i)) == i
            assert layout.unit_at_drawn(layout.drawn_index(i)) == i
