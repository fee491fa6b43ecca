"""The wrap index of the document view (tui/view/wrap.py): rows, estimates, offset mapping."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelight.tui.view.cells import layout_row
from sidelight.tui.view.wrap import WrapIndex, wrap_line

doc_pieces = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("  \n\n\t漢字😀\u0301\u200d\ufe0f\x1b\x9b\u202e")),
    st.just("word "),
)
doc_text = st.lists(doc_pieces, max_size=200).map("".join)
widths = st.integers(1, 40)


def rows_of(index: WrapIndex) -> list[tuple[int, int]]:
    return list(index.iter_rows())


@settings(max_examples=150, deadline=None)
@given(doc_text, widths)
def test_rows_cover_every_offset_once_in_order(text: str, width: int) -> None:
    index = WrapIndex(text, width, budget=0.0)
    rows = rows_of(index)
    assert rows[0][0] == 0 and rows[-1][1] == len(text)
    for (_a, b), (c, _d) in pairwise(rows):
        assert b == c
    for a, b in rows:
        assert b >= a
        stop = index.content_end(b)
        assert "\n" not in text[a:stop]
        layout = layout_row(text, a, stop)
        # a row fits, unless it is one cluster wider than the whole row (a tab or wide char)
        if layout.cells > width:
            clusters = [i for i in range(len(layout)) if layout.is_cluster_start(i)]
            assert len(clusters) == 1
    assert index.total_rows == len(rows)


@settings(max_examples=150, deadline=None)
@given(doc_text, widths, st.data())
def test_offset_row_round_trip(text: str, width: int, data: st.DataObject) -> None:
    index = WrapIndex(text, width, budget=0.0)
    offset = data.draw(st.integers(0, max(0, len(text) - 1)))
    row = index.row_of_offset(offset)
    start, end = index.row_span(row)
    assert start <= offset < end or (start == end == offset == len(text))


@settings(max_examples=60, deadline=None)
@given(doc_text, widths, widths)
def test_rewrap_matches_a_fresh_index(text: str, first: int, second: int) -> None:
    index = WrapIndex(text, first)
    index.set_width(second)
    fresh = WrapIndex(text, second, budget=10.0)
    assert rows_of(index) == rows_of(fresh)


def test_words_wrap_at_spaces_and_long_words_break() -> None:
    text = "alpha beta gamma " + "x" * 25
    rows = wrap_line(text, 0, len(text), 10)
    pieces = [text[a:b] for a, b in zip(rows, [*rows[1:], len(text)], strict=True)]
    assert pieces == ["alpha ", "beta ", "gamma ", "x" * 10, "x" * 10, "x" * 5]


def test_wide_characters_never_split_and_fill_cells() -> None:
    text = "漢字かなカナ"
    rows = wrap_line(text, 0, len(text), 5)
    assert rows == [0, 2, 4]  # 2 wide chars (4 cells) per 5-cell row


def test_estimates_become_exact_lazily() -> None:
    text = ("word " * 100 + "\n") * 2000
    index = WrapIndex(text, 30, budget=0.0)
    assert not index.complete
    exact_rows = len(list(WrapIndex(text, 30, budget=10.0).iter_rows()))
    row = index.row_of_offset(len(text) - 1)  # wraps only the last line
    assert index.row_span(row)[1] == len(text)
    while not index.wrap_some(0.01):
        pass
    assert index.total_rows == exact_rows


def test_trailing_newline_does_not_add_a_row_and_empty_text_has_one() -> None:
    assert rows_of(WrapIndex("ab\n", 10)) == [(0, 3)]
    assert rows_of(WrapIndex("", 10)) == [(0, 0)]
    assert rows_of(WrapIndex("a\n\nb", 10)) == [(0, 2), (2, 3), (3, 4)]


@settings(max_examples=100, deadline=None)
@given(doc_text, widths, st.data())
def test_spans_sweep_matches_row_span(text: str, width: int, data: st.DataObject) -> None:
    # budget 0: lines are estimated until asked for, as when a big document opens
    index = WrapIndex(text, width, budget=0.0)
    first = data.draw(st.integers(0, index.total_rows - 1))
    count = data.draw(st.integers(0, 12))
    last = min(first + count, index.total_rows)
    for row in range(first, last):
        index.locate(row)
    expected = [index.row_span(row) for row in range(first, min(last, index.total_rows))]
    assert index.spans(first, last) == expected
