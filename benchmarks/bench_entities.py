"""Entity recognition speed: the rule engine over news in each language and the ~740 KB
shared corpus novel.

Reported as MB/s (UTF-8 bytes of input per second, best of a few runs) and as a ratio to a
plain ``re.finditer(r"\\w+")`` word scan of the same text in the same run, which makes the
figure comparable across machines and under load. Two states are measured:

* steady: one recogniser reused, as the reader does; the analysis of each distinct
  capitalised span is cached across documents, so from the second run on only the pass over
  the text remains;
* first document: a fresh recogniser and empty caches every run (the gazetteers stay
  loaded: their load time is a figure of its own).

News: about 1 MB of the test articles' paragraphs per language, shuffled (and the samples of
eight languages read only for high-precision entities), the recogniser and the word scan run
alternately so that both see the same load; the process (CPU) time is given too, since on a
shared machine the wall time also counts the waits for a core. Each language is measured
twice: with its language given to its engine (``rows``, no keys), and on the reader's path
(``recognize``: the language detected, the cross-document keys made), the figure the reader
sees.

Linearity: the first-document time at a quarter, a half and the whole of the novel, and on
generated news-like text of 0.25 MB and 2 MB, gives growth exponents (about 1 when linear).
Without the shared corpus a ~1 MB news-like text stands in for the novel.
"""

from __future__ import annotations

import math
import random
import re
import time
from collections.abc import Callable

from benchmarks.figures import REPO, Figure, corpus_path, generated_text
from sidelight.annotations.entities import RuleRecognizer, recognize, rule_engine
from sidelight.annotations.entities.gazetteer import load
from sidelight.annotations.entities.keys import _normalise_cached

_SETS = {"en": ("entities_blind", "entities_blind2", "entities_blind3", "entities_blind4"),
         "de": ("entities_blind_de",), "fr": ("entities_blind_fr",)}


def news_text(lang: str, n_bytes: int = 1_000_000, seed: int = 7) -> str:
    """About ``n_bytes`` of news in ``lang``: the test articles' paragraphs, shuffled. For
    ``"other"``, the news samples of eight languages without full rules (Spanish, Italian,
    Dutch, Polish, Portuguese, Russian, Swedish, Turkish)."""
    paras: list[str] = []
    if lang == "other":
        for path in sorted((REPO / "tests" / "data" / "languages").glob("*.txt")):
            paras.extend(p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    for name in _SETS.get(lang, ()):
        for path in sorted((REPO / "tests" / "data" / name).glob("*.txt")):
            paras.extend(p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_bytes:
        p = rng.choice(paras)
        out.append(p)
        size += len(p.encode("utf-8")) + 2
    return "\n\n".join(out)

_WORD = re.compile(r"\w+")


def _text() -> tuple[str, str]:
    path = corpus_path("pride-and-prejudice.txt")
    if path is not None:
        return path.read_text(encoding="utf-8"), path.name
    return generated_text(1_000_000), "generated news-like text"


def _best(fn: Callable[[], object], repeats: int) -> float:
    best = math.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _alternating(fn: Callable[[], object], base: Callable[[], object],
                 repeats: int) -> tuple[float, float, float]:
    """Best wall time of ``fn``, of ``base`` run right after it each time (so that both see
    the same load on a shared machine), and best process (CPU) time of ``fn``."""
    best_fn = best_base = best_cpu = math.inf
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        t1, c1 = time.perf_counter(), time.process_time()
        base()
        t2 = time.perf_counter()
        best_fn, best_cpu = min(best_fn, t1 - t0), min(best_cpu, c1 - c0)
        best_base = min(best_base, t2 - t1)
    return best_fn, best_base, best_cpu


def _cold(text: str) -> Callable[[], object]:
    def run() -> object:
        _normalise_cached.cache_clear()
        return RuleRecognizer().recognize(text)
    return run


def _exponent(small: float, large: float, ratio: float) -> float:
    return math.log(large / small) / math.log(ratio) if small > 0 else float("nan")


def run(quick: bool) -> list[Figure]:
    text, source = _text()
    t0 = time.perf_counter()
    load()
    load_s = time.perf_counter() - t0
    rec = RuleRecognizer()
    rec.recognize(text[:20000])   # warm-up
    repeats = 2 if quick else 5
    mb = len(text.encode("utf-8")) / 1e6
    steady = _best(lambda: rec.recognize(text), repeats)
    words = _best(lambda: sum(1 for _ in _WORD.finditer(text)), repeats)
    first = _best(_cold(text), repeats)
    quarter = _best(_cold(text[: len(text) // 4]), repeats)
    half = _best(_cold(text[: len(text) // 2]), repeats)
    gen_small, gen_large = generated_text(250_000), generated_text(2_000_000)
    g_small = _best(_cold(gen_small), repeats)
    g_large = _best(_cold(gen_large), 1 if quick else 3)
    n = len(rec.recognize(text))
    news: list[Figure] = []
    for lang in ("en", "de", "fr", "other"):
        body = news_text(lang, 250_000 if quick else 1_000_000)
        nmb = len(body.encode("utf-8")) / 1e6
        # The other languages share one reading (numbers, ISO dates, known names): Spanish's
        # engine stands for all eight, whose paragraphs are mixed in the text.
        eng = rule_engine("es" if lang == "other" else lang)
        eng.rows(body[:20000])   # warm-up
        given, wscan, cpu = _alternating(
            lambda b=body, e=eng: e.rows(b),
            lambda b=body: sum(1 for _ in _WORD.finditer(b)), repeats)
        times = (f"{given / wscan:.1f}x a word scan run alternately; {nmb / cpu:.1f} MB/s of "
                 f"process time")
        if lang == "other":
            news.append(Figure("entities: other-language news", nmb / given, "MB/s",
                               f"{nmb:.2f} MB shuffled samples of 8 languages, high-precision "
                               f"reading, steady state; {times}"))
            news.append(Figure("entities: other-language news, process time", nmb / cpu,
                               "MB/s", "the same, in process (CPU) time"))
            continue
        # The reader's path: the language detected from the text and the cross-document keys
        # made (``recognize``, as ``recognize_many`` does for each pane's document).
        path, pscan, path_cpu = _alternating(
            lambda b=body: recognize(b),
            lambda b=body: sum(1 for _ in _WORD.finditer(b)), repeats)
        news.append(Figure(f"entities: {lang} news", nmb / given, "MB/s",
                           f"{nmb:.2f} MB shuffled test articles, language given, steady state; "
                           f"{times}"))
        news.append(Figure(f"entities: {lang} news, process time", nmb / cpu, "MB/s",
                           "the same, in process (CPU) time, which load inflates less"))
        news.append(Figure(f"entities: {lang} news, reader's path", nmb / path_cpu, "MB/s",
                           f"language detected and cross-document keys made, process time; "
                           f"wall {nmb / path:.1f} MB/s, {path / pscan:.1f}x a word scan run "
                           f"alternately"))
    return [*news,
        Figure("entities: throughput", mb / steady, "MB/s",
               f"{source}, {mb:.2f} MB, {n} entities, steady state, best of {repeats}"),
        Figure("entities: time / word scan", steady / words, "x",
               "steady state vs one re.finditer(r'\\w+') pass over the same text"),
        Figure("entities: first document", mb / first, "MB/s",
               "fresh recogniser, empty analysis caches"),
        Figure("entities: first document / word scan", first / words, "x", ""),
        Figure("entities: growth exponent", _exponent(quarter, first, 4), "",
               f"first-document time at 1/4 vs full size (1/2 vs full: "
               f"{_exponent(half, first, 2):.2f}); 1 = linear"),
        Figure("entities: growth exponent, generated", _exponent(g_small, g_large, 8), "",
               "generated news-like text, 0.25 MB vs 2 MB; 1 = linear"),
        Figure("entities: gazetteer load", load_s * 1000, "ms", "once per process"),
    ]
