"""Entity recognition speed: the rule engine over the ~740 KB shared corpus novel.

Reported as MB/s (UTF-8 bytes of input per second, best of a few runs after one warm-up that
also loads the gazetteers) and as a ratio to a plain ``re.finditer(r"\\w+")`` word scan of the
same text in the same run, which makes the figure comparable across machines. A time at a
quarter, a half and the whole of the text gives the growth exponent (about 1 when linear).
Without the shared corpus a ~1 MB news-like text is generated.
"""

from __future__ import annotations

import math
import re
import time

from annotations.entities import RuleRecognizer
from annotations.entities.gazetteer import load
from benchmarks.figures import Figure, corpus_path, generated_text

_WORD = re.compile(r"\w+")


def _text() -> tuple[str, str]:
    path = corpus_path("pride-and-prejudice.txt")
    if path is not None:
        return path.read_text(encoding="utf-8"), path.name
    return generated_text(1_000_000), "generated news-like text"


def _best(fn: object, repeats: int) -> float:
    assert callable(fn)
    best = math.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run(quick: bool) -> list[Figure]:
    text, source = _text()
    t0 = time.perf_counter()
    load()
    load_s = time.perf_counter() - t0
    rec = RuleRecognizer()
    rec.recognize(text[:20000])   # warm-up
    repeats = 2 if quick else 5
    mb = len(text.encode("utf-8")) / 1e6
    full = _best(lambda: rec.recognize(text), repeats)
    words = _best(lambda: sum(1 for _ in _WORD.finditer(text)), repeats)
    quarter = _best(lambda: rec.recognize(text[: len(text) // 4]), repeats)
    exponent = math.log(full / quarter) / math.log(4) if quarter > 0 else float("nan")
    n = len(rec.recognize(text))
    return [
        Figure("entities: throughput", mb / full, "MB/s",
               f"{source}, {mb:.2f} MB, {n} entities, best of {repeats}"),
        Figure("entities: time / word scan", full / words, "x",
               "vs one re.finditer(r'\\w+') pass over the same text"),
        Figure("entities: growth exponent", exponent, "",
               "time at 1/4 vs full size; 1 = linear"),
        Figure("entities: gazetteer load", load_s * 1000, "ms", "once per process"),
    ]
