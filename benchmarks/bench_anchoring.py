"""Re-anchoring speed: 1,000 highlights on a 740 KB novel after the text changed.

Scenarios, each timed over every highlight with ``anchor_target`` (what opening a document
does per target):

* ``edit near top``: a paragraph inserted near the start, so every stored position is off and
  every quote has to be found again (the target: under 1 s);
* ``scattered edits``: 50 small edits (typo fixes, words replaced) spread over the text, so
  some highlights are changed inside and need the approximate search.

Baselines measured in the same run: one ``str.find`` of each quote in the new text (the least
any quote search can do), and loading the edited document (fingerprint and line index), which
every open pays anyway. The novel is the shared corpus's ``pride-and-prejudice.txt``;
generated prose of the same size stands in when the corpus is absent.
"""

from __future__ import annotations

import random
import time

from benchmarks.figures import Figure, corpus_path, generated_text
from sidelight.annotations.anchoring import anchor_target
from sidelight.annotations.documents import fingerprint_of, make_text_document
from sidelight.annotations.model import Target, quote_target

NOVEL = "pride-and-prejudice.txt"
N = 1_000
QUICK_N = 200


def _text(quick: bool) -> tuple[str, str]:
    if quick:
        return generated_text(150_000), "generated 150 KB"
    path = corpus_path(NOVEL)
    if path is None:
        return generated_text(740_000), "generated 740 KB"
    return path.read_text(encoding="utf-8").replace("\r\n", "\n"), NOVEL


def _targets(text: str, n: int, rng: random.Random) -> list[Target]:
    fp = fingerprint_of(text)
    out = []
    while len(out) < n:
        start = rng.randrange(0, len(text) - 400)
        start = text.find(" ", start) + 1
        end = text.find(" ", start + rng.randint(10, 200))
        if 0 < start < end and text[start:end].strip():
            out.append(quote_target("/novel.txt", fp, text, start, end))
    return out


def _scattered(text: str, rng: random.Random, edits: int) -> str:
    for _ in range(edits):
        i = rng.randrange(len(text) - 10)
        if rng.random() < 0.5:
            text = text[:i] + rng.choice("aeiou") + text[i + 1 :]
        else:
            j = text.find(" ", i + 1)
            text = text[:i] + " reported" + text[j:]
    return text


def _time(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _anchor_all(targets: list[Target], text: str) -> tuple[float, list[Target]]:
    results: list[Target] = []

    def run() -> None:
        fp = fingerprint_of(text)
        results.extend(anchor_target(t, text, fp) for t in targets)

    return _time(run), results


def run(quick: bool) -> list[Figure]:
    rng = random.Random(42)
    text, label = _text(quick)
    n = QUICK_N if quick else N
    targets = _targets(text, n, rng)
    figures: list[Figure] = []

    insert_at = text.find("\n\n", 2_000) + 2
    inserted = "A note added by the editor of this edition.\n\n"
    edited = text[:insert_at] + inserted + text[insert_at:]
    find_time = _time(lambda: [edited.find(t.exact) for t in targets])
    load_time = _time(lambda: make_text_document("/novel.txt", edited))
    seconds, results = _anchor_all(targets, edited)
    shift = len(inserted)
    exact = sum(
        1 for t, r in zip(targets, results, strict=True)
        if not r.orphan and r.start == t.start + (shift if t.start >= insert_at else 0)  # type: ignore[operator]
    )
    figures += [
        Figure(f"edit near top: re-anchor {n}", seconds, "s",
               f"{label}; target < 1 s for 1,000 on 740 KB"),
        Figure("edit near top: vs one str.find per quote", seconds / find_time, "x",
               f"find baseline {find_time * 1000:.0f} ms in the same run"),
        Figure("edit near top: vs loading the document", seconds / load_time, "x",
               f"load baseline {load_time * 1000:.0f} ms"),
        Figure("edit near top: re-anchored exactly", exact, f"of {n}",
               f"{sum(r.orphan for r in results)} orphaned"),
    ]

    scattered = _scattered(text, rng, 50)
    seconds, results = _anchor_all(targets, scattered)
    changed = sum(1 for t in targets if scattered[t.start : t.end] != t.exact)  # type: ignore[misc]
    figures += [
        Figure(f"50 scattered edits: re-anchor {n}", seconds, "s",
               f"{changed} highlights no longer at their old position"),
        Figure("50 scattered edits: orphaned", sum(r.orphan for r in results), f"of {n}",
               "a highlight is orphaned when over a quarter of it changed or its context is "
               "ambiguous"),
    ]
    return figures
