"""Comparison speed: two ~740 KB documents aligned sentence by sentence, and 2 to 16
articles of one story compared together.

The first document is the shared corpus novel (or generated prose when the corpus is absent);
the second is an edited copy of it, edited the way a second source retells a story: sentences
dropped, added, reworded, split in two, merged, and numbers changed. The run is timed at a
quarter, a half and the whole of the size to show how the time grows (the fitted exponent is
about 1 for linear growth, 2 for quadratic), beside a baseline measured in the same run: one
regular-expression word scan of both documents.
"""

from __future__ import annotations

import math
import random
import re
import time

from benchmarks.figures import Figure, corpus_path, generated_text
from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.documents import Document, make_text_document

TARGET_SECONDS = 5.0
_SENTENCE = re.compile(r"[^.!?]+[.!?]+[\"”’']?\s*")
_FILLER = (
    "A spokesman declined to comment on the matter when reached on Tuesday.",
    "The figures could not be independently verified.",
    "Analysts said the decision had been expected for several weeks.",
    "Officials did not say when a final report would be published.",
)


def _source_text(n_bytes: int) -> str:
    path = corpus_path("pride-and-prejudice.txt")
    if path is not None:
        return path.read_text(encoding="utf-8")
    return generated_text(n_bytes)


def edited_copy(text: str, seed: int = 7) -> str:
    """A retelling of ``text``: most sentences kept, the rest edited as a second source
    would (about a third of them touched)."""
    rng = random.Random(seed)
    out: list[str] = []
    pending = ""
    for m in _SENTENCE.finditer(text):
        s = m.group()
        r = rng.random()
        if r < 0.66:
            out.append(s)
        elif r < 0.72:
            continue  # dropped
        elif r < 0.80:
            words = s.split(" ")
            for _ in range(max(1, len(words) // 6)):
                i = rng.randrange(len(words))
                words[i] = rng.choice(("indeed", "quite", "then", words[i].upper(), ""))
            out.append(" ".join(w for w in words if w))
        elif r < 0.85:
            out.append(re.sub(r"\d+", lambda d: str(int(d.group()) + rng.randint(1, 9)), s)
                       if re.search(r"\d", s) else s.replace(" one ", " two ", 1))
        elif r < 0.90 and "," in s:
            head, tail = s.split(",", 1)
            out.append(head + ". " + tail.strip().capitalize())
        elif r < 0.95:
            pending = s.rstrip()
            continue
        else:
            out.append(s)
            out.append(" " + rng.choice(_FILLER) + " ")
        if pending:
            out[-1] = pending.rstrip(".!?") + ", and " + out[-1].lstrip()
            pending = ""
    return "".join(out)


def _cut(text: str, n: int) -> str:
    """The first ``n`` characters, ending at a paragraph break when there is one nearby."""
    if n >= len(text):
        return text
    cut = text.rfind("\n\n", 0, n)
    return text[: cut if cut > n * 0.9 else n]


def _docs(text: str) -> tuple[Document, Document]:
    return (make_text_document("/bench/a.txt", text),
            make_text_document("/bench/b.txt", edited_copy(text)))


def _best_of(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = math.inf
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def run(quick: bool) -> list[Figure]:
    full = _source_text(740_000)
    if quick:
        full = full[: len(full) // 8]
    sizes = (0.25, 0.5, 1.0)
    times: list[float] = []
    figures: list[Figure] = []
    words = re.compile(r"\w+")
    base = 0.0
    # Entity recognition is the recogniser's cost (benchmarked on its own); the aligner is
    # timed here.
    no_entities: list[list[object]] = [[], []]
    for frac in sizes:
        a, b = _docs(_cut(full, int(len(full) * frac)))
        repeat = 1 if frac == 1.0 else 2
        t = _best_of(lambda a=a, b=b: compare_documents((a, b), entities=no_entities), repeat)
        times.append(t)
        sizes_kb = f"{len(a.text.encode()) / 1000:.0f} KB and {len(b.text.encode()) / 1000:.0f} KB"
        figures.append(Figure(f"align {frac:g}x", t, "s", f"documents of {sizes_kb}"))
        if frac == 1.0:
            base = _best_of(lambda a=a, b=b: (words.findall(a.text), words.findall(b.text)), 3)
            c = compare_documents((a, b), entities=no_entities)
            aligned = sum(1 for s in c.sentences[0] if s.kind != "unique")
            figures.append(Figure("sentences aligned", aligned / max(1, len(c.sentences[0])),
                                  "share", f"of {len(c.sentences[0])} in the first document"))
    exponent = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])
    figures.append(Figure("growth exponent", exponent, "", "t ~ size^k over 1/4..1x (1 = linear)"))
    figures.append(Figure("vs word scan", times[-1] / base, "x",
                          f"word scan of both documents {base * 1000:.0f} ms"))
    if not quick:
        figures.append(Figure("within target", float(times[-1] < TARGET_SECONDS), "bool",
                              f"full size under {TARGET_SECONDS:g} s"))
    figures += _many(full, quick)
    return figures


def _many(full: str, quick: bool) -> list[Figure]:
    """2 to 16 retellings of one story (about 5 KB and 50 KB each), compared together: the
    time should grow with the total text, not with the number of pairs of documents."""
    figures: list[Figure] = []
    for size in (5_000,) if quick else (5_000, 50_000):
        story = _cut(full, size)
        counts = (2, 4, 8, 16)
        times = []
        for n in counts:
            docs = [make_text_document(f"/bench/{n}-{i}.txt",
                                       story if i == 0 else edited_copy(story, seed=i))
                    for i in range(n)]
            none: list[list[object]] = [[] for _ in docs]
            times.append(_best_of(lambda d=docs, e=none: compare_documents(d, entities=e),
                                  1 if quick else 2))
        kb = f"{size // 1000} KB"
        figures.append(Figure(f"{counts[-1]} articles of {kb}", times[-1], "s",
                              " / ".join(f"{t:.2f}" for t in times) + " s for "
                              + " / ".join(map(str, counts)) + " articles"))
        k = math.log(times[-1] / times[0]) / math.log(counts[-1] / counts[0])
        figures.append(Figure(f"growth in articles ({kb})", k, "",
                              "t ~ n^k over 2..16 articles (1 = linear in the total text)"))
    return figures
