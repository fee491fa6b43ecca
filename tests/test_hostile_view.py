"""Hostile documents through the document view: it never raises, never draws a control
character, and every selection is exactly the text it highlights."""

from __future__ import annotations

import asyncio
import os
import random

os.environ["TEXTUAL_ANIMATIONS"] = "none"

import pytest
from hostile import (
    SELECTED_BG,
    UNSAFE,
    _expected_highlight,
    _highlighted,
    check_pipeline,
    hostile_documents,
    hostile_text,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult

from sidelight.annotations.documents import make_text_document
from sidelight.tui.view import DocumentView

hostile_pieces = st.one_of(
    st.characters(codec="utf-8"),
    st.characters(min_codepoint=0, max_codepoint=0x10FFFF),  # includes lone surrogates
    st.sampled_from([
        "\x1b[2J", "\x1b]52;c;SGVsbG8=\x07", "\x1bP1$r0m\x1b\\", "\x9b31m", "\x85", "\x00",
        "\r\n", "\t", "👨\u200d👩\u200d👧", "❤\ufe0f", "e\u0301\u0302", "\u202eevil", "שלום",
        "مرحبا", "漢字", "\n\n", "word ", " ",
    ]),
)
hostile_strings = st.lists(hostile_pieces, min_size=1, max_size=120).map("".join)


@settings(max_examples=120, deadline=None)
@given(hostile_strings, st.integers(0, 2**32))
def test_pipeline_property(text: str, seed: int) -> None:
    assert check_pipeline(text, (1, 3, 17, 80), random.Random(seed)) == []


def test_random_hostile_documents_in_the_widget() -> None:
    result = hostile_documents(12, seed=11)
    assert result == {"trials": 12, "crashes": 0, "mismatches": 0}, \
        hostile_documents.failures  # type: ignore[attr-defined]


class One(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        view = DocumentView(make_text_document("/hostile.txt", self.text))
        view.selection_highlight_style = f"on {SELECTED_BG}"
        yield view


def _run(text: str, actions: list[str], size: tuple[int, int] = (60, 16)) -> None:
    async def go() -> None:
        app = One(text)
        async with app.run_test(size=size) as pilot:
            view = app.query_one(DocumentView)
            await pilot.pause()
            for action in actions:
                getattr(view, f"action_{action}")()
                for y in range(view.scrollable_content_region.height):
                    for segment in view.render_line(y):
                        assert not UNSAFE.intersection(segment.text), repr(segment.text)
                if view.selection is not None:
                    s, e = view.selection
                    assert 0 <= s < e <= len(text)
                    assert _highlighted(view) == _expected_highlight(view, s, e)
            assert 0 <= view.cursor <= max(0, len(text) - 1)

    asyncio.run(go())


ACTIONS = ["bottom", "toggle_visual", "word_previous", "cursor_up", "row_start", "cancel_visual",
           "top", "toggle_visual", "page_down", "word_end", "cursor_right", "row_end"]


@pytest.mark.parametrize("text", [
    "\x1b[2J\x1b[H\x1b]52;c;SGVsbG8=\x07\x1bP1$r0m\x1b\\\x9b31m\x85\x90q\x9c end",
    "line one\r\nline two\r\rthree\x00four\x7f\x08",
    "\ud800\udfff lone surrogates \udc80\n" * 3,
    "\u202eevil\u202c \u2066iso\u2069 \u200f\u200e text",
    "👨\u200d👩\u200d👧\u200d👦 🇫🇷 ❤\ufe0f 1\ufe0f\u20e3 👍🏽 " * 8,
    "\u0301\u0302 " + "a" + "\u0301" * 500 + " z",
    "\t\tindented\ttabs\t\n\t",
])
def test_fixed_hostile_cases(text: str) -> None:
    _run(text, ACTIONS)


def test_a_single_one_megabyte_line() -> None:
    rng = random.Random(3)
    text = "".join(hostile_text(rng, 200).replace("\n", " ").replace("\r", " ")
                   for _ in range(200))
    text = (text * (1_000_000 // max(1, len(text)) + 1))[:1_000_000]
    _run(text, ["bottom", "toggle_visual", "word_previous", "page_up", "top", "page_down"])


def test_ten_megabyte_document() -> None:
    line = "The minister said 漢字 shares rose\t3 percent\x1b[0m on Monday. "
    text = ((line * 8) + "\n") * (10_000_000 // (len(line) * 8 + 1))
    _run(text, ["bottom", "toggle_visual", "cursor_up", "page_up", "top", "half_page_down"])
