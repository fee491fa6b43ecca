"""End-to-end: seed 003 beside a German and a French report of its story, in a real terminal.

Each pane's title bar names its language; Zuckerberg and Facebook are one entity across the
three panes (`*` and `#` walk their mentions from the English pane into the German and the
French one) and wear one colour in all three; the words a German name owns in the genitive
("Zuckerbergs Vermögen") are not coloured as part of it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tmux_driver import Tmux, available

pytestmark = pytest.mark.skipif(bool(available()), reason=available() or "tmux available")

TERMINAL_WIDTH, TERMINAL_HEIGHT = 240, 60
REPO = Path(__file__).resolve().parents[2]
SEED = next((REPO / "seeds").glob("003_*.txt"))
GERMAN = REPO / "tests" / "data" / "multilingual" / "zuckerberg_bericht_de.txt"
FRENCH = REPO / "tests" / "data" / "multilingual" / "zuckerberg_rapport_fr.txt"

_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
Cell = tuple[str, "tuple[str, ...] | None"]


def _cells(line: str) -> list[Cell]:
    """The characters of one line of ``capture-pane -e`` with their foreground colour."""
    out: list[Cell] = []
    fg: tuple[str, ...] | None = None
    pos = 0
    for m in _SGR.finditer(line):
        out.extend((ch, fg) for ch in line[pos:m.start()])
        pos = m.end()
        params = m.group(1).replace(":", ";").split(";") if m.group(1) else ["0"]
        i = 0
        while i < len(params):
            p = params[i]
            if p in ("0", "", "39"):
                fg = None
            elif p == "38" and i + 1 < len(params):
                n = 3 if params[i + 1] == "2" else 1
                fg = tuple(params[i + 1:i + 2 + n])
                i += 1 + n
            elif p.isdigit() and (30 <= int(p) <= 37 or 90 <= int(p) <= 97):
                fg = (p,)
            elif p == "48" and i + 1 < len(params):
                i += 1 + (3 if params[i + 1] == "2" else 1)
            i += 1
    out.extend((ch, fg) for ch in line[pos:])
    return out


def _word_colours(styled: str, word: str) -> list[tuple[int, tuple[str, ...] | None]]:
    """(column, colour) of every whole occurrence of ``word`` on the screen."""
    found = []
    # (The title bars above the text are left out: they name the documents in their own style.)
    for line in styled.splitlines()[1:]:
        cells = _cells(line)
        text = "".join(ch for ch, _ in cells)
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            colours = {fg for _, fg in cells[m.start():m.end()]}
            assert len(colours) == 1, f"{word!r} is coloured in parts: {colours}"
            found.append((m.start(), colours.pop()))
    return found


def _start(tmux: Tmux) -> str:
    tmux.run(f"sidelight {SEED} {GERMAN} {FRENCH}; echo sidelight-exit=$?")
    # The status line counts the entities once they are recognised (and coloured).
    return tmux.wait_for(lambda s: "NORMAL" in s and re.search(r"\d+ entities", s) is not None)


_MENTION = re.compile(r"“([^”\n]+)”: mention (\d+) of (\d+) \(pane (\d)\)")


def _said(screen: str) -> str:
    m = _MENTION.search(screen)
    return m.group(2) if m is not None else ""


def _walk(tmux: Tmux, key: str) -> tuple[set[int], set[str], set[int]]:
    """Presses ``key`` until it has stood on every mention of the entity under the cursor
    once; the panes of the mentions, their words (the message names the mention under the
    cursor as the key is pressed) and the counts of mentions said."""
    panes: set[int] = set()
    words: set[str] = set()
    totals: set[int] = set()
    numbers: set[str] = set()
    said = ""
    for _ in range(80):
        tmux.keys(key)
        # (Waits for this key's message: the next mention's number, not a frame in between.)
        screen = tmux.wait_for(lambda s, before=said: _said(s) not in ("", before))
        said = _said(screen)
        m = _MENTION.search(screen)
        assert m is not None
        words.add(m.group(1))
        totals.add(int(m.group(3)))
        panes.add(int(m.group(4)))
        numbers.add(said)
        if len(numbers) >= int(m.group(3)):
            break
    return panes, words, totals


def test_seed_beside_german_and_french_reports(tmux: Tmux) -> None:
    screen = _start(tmux)
    title = screen.splitlines()[0]
    # Each pane's title bar: its number, its language, its title.
    assert re.search(r"1 EN Facebook's Zuckerberg", title), title
    assert re.search(r"2 DE Zuckerberg bricht", title), title
    assert re.search(r"3 FR Cambridge Analytica", title), title

    styled = tmux.styled()
    width = TERMINAL_WIDTH
    for name in ("Zuckerberg", "Facebook"):
        colours = _word_colours(styled, name)
        # In every pane's third of the screen, and in one colour, not the text's.
        assert {col * 3 // width for col, _ in colours} == {0, 1, 2}, name
        assert len({c for _, c in colours}) == 1, (name, colours)
        assert colours[0][1] is not None
    person = _word_colours(styled, "Zuckerberg")[0][1]
    org = _word_colours(styled, "Facebook")[0][1]
    assert person != org
    # The genitive is the person; the noun it owns is plain text.
    assert {c for _, c in _word_colours(styled, "Zuckerbergs")} == {person}
    plain = {c for _, c in _word_colours(styled, "Vermögen")}
    assert plain and person not in plain and org not in plain

    # One entity across the three panes: its mentions are walked from the English pane into
    # the German and the French one, and the German genitive is one of them.
    tmux.keys("/")
    tmux.wait_for("SEARCH")
    tmux.type("Mark Zuckerberg")
    tmux.keys("Enter")
    tmux.wait_for("hit 1 of")
    seen, words, totals = _walk(tmux, "#")
    assert seen == {1, 2, 3}
    assert len(totals) == 1   # one entity all along
    assert "Zuckerbergs" in words and "Mark Zuckerberg" in words, words
    # (From whichever pane the walk ended in: the company is named in each.)
    tmux.keys("/")
    tmux.wait_for("SEARCH")
    tmux.type("Facebook")
    tmux.keys("Enter")
    tmux.wait_for(lambda s: re.search(r"“Facebook”: hit \d+ of", s) is not None)
    seen, words, totals = _walk(tmux, "*")
    assert seen == {1, 2, 3} and words == {"Facebook"} and len(totals) == 1
    tmux.keys("q")
    tmux.wait_for("sidelight-exit=0")
