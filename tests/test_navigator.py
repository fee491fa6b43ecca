"""Cursor motions over the wrap index (tui/view/navigator.py), without an app: every motion
is a function of the text, the width and the offset."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sidelight.tui.view.navigator import Navigator
from sidelight.tui.view.wrap import WrapIndex

PROSE = "Alpha beta, gamma delta.\n\nSecond paragraph here.\n\nLast one."


def nav(text: str, width: int = 40) -> Navigator:
    return Navigator(text, WrapIndex(text, width, budget=0.0))


def test_words_rows_and_paragraphs() -> None:
    n, text = nav(PROSE), PROSE
    beta = text.index("beta")
    assert n.word_next(0) == beta
    assert n.word_next(beta) == text.index(",")  # punctuation is a word of its own
    assert n.word_end(beta) == beta + 3
    assert n.word_previous(beta + 2) == beta
    assert n.word_previous(beta) == 0
    assert n.row_start(beta) == 0 and n.row_end(beta) == text.index(".")
    assert n.paragraph_next(0) == text.index("\n\n") + 1
    assert n.paragraph_next(text.index("\n\n") + 1) == text.index("\n\nLast") + 1
    assert n.paragraph_previous(text.index("one.")) == text.index("\n\nLast") + 1
    assert n.paragraph_previous(text.index("\n\nLast") + 1) == text.index("\n\n") + 1
    assert (n.top(), n.bottom()) == (0, len(text) - 1)
    assert n.left(0) == 0 and n.left(5) == 4 and n.right(4) == 5


def test_rows_keep_the_goal_column() -> None:
    text = "0123456789\nab\n0123456789"
    n = nav(text)
    down = n.rows(7, 1)
    assert (down.offset, down.goal) == (text.index("b"), 7)  # short line: its last character
    again = n.rows(down.offset, 1, down.goal)
    assert again.offset == text.rindex("7")
    assert n.rows(0, -5).offset == 0 and n.rows(0, 99).offset == text.index("0", 14)


def test_soft_wrapped_rows_move_by_screen_row() -> None:
    text = "one two three four five six seven eight nine ten"
    n = nav(text, width=10)
    assert n.wrap.total_rows > 3
    second = n.rows(0, 1).offset
    assert second == n.wrap.row_span(1)[0]
    assert n.row_end(second) < n.wrap.row_span(2)[0]


def test_clusters_are_one_step() -> None:
    text = "ae\u0301o 漢字!"
    n = nav(text)
    e = text.index("e")
    assert n.right(e) == e + 2 and n.snap(e + 1) == e
    # A wide character takes two cells: column 1 of 漢 is still 漢.
    row, col = n.column(text.index("漢"))
    assert n.offset_at(row, col + 1) == text.index("漢")
    assert n.offset_at(row, col + 2) == text.index("字")


def test_an_empty_text_has_one_place() -> None:
    n = nav("")
    assert (n.snap(5), n.bottom(), n.word_next(0), n.word_previous(0)) == (0, 0, 0, 0)
    assert n.rows(0, 1).offset == 0 and n.cluster_end(0) == 0


pieces = st.one_of(st.sampled_from(list("ab \n\n\t漢😀\u0301,.")), st.just("word "))


@settings(max_examples=120, deadline=None)
@given(st.lists(pieces, min_size=1, max_size=120).map("".join), st.integers(1, 30),
       st.data())
def test_motions_stay_in_the_text_and_go_their_way(
    text: str, width: int, data: st.DataObject
) -> None:
    """(The view snaps whatever a motion gives to its cluster's start.)"""
    n = nav(text, width)
    offset = n.snap(data.draw(st.integers(0, len(text))))
    assume(text[offset] != "\n")  # on a line's end, a row move takes the row's last cluster
    last = max(0, len(text) - 1)
    assert n.row_start(offset) <= n.row_end(offset) <= last
    forward = (n.word_next(offset), n.word_end(offset),
               n.paragraph_next(offset), n.rows(offset, 1).offset, n.right(offset))
    backward = (n.word_previous(offset), n.row_start(offset), n.paragraph_previous(offset),
                n.rows(offset, -1).offset, n.left(offset))
    for moved in forward:
        assert offset <= moved <= len(text) or moved == last
    for moved in backward:
        assert 0 <= moved <= offset
