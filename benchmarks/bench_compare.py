"""Comparison speed and memory: two ~740 KB documents aligned sentence by sentence, 2 to 16
articles of one story compared together, and four large documents compared in a process of
their own as the reader compares them.

The first document is the shared corpus novel (or generated prose when the corpus is absent);
the second is an edited copy of it, edited the way a second source retells a story: sentences
dropped, added, reworded, split in two, merged, and numbers changed. The run is timed at a
quarter, a half and the whole of the size to show how the time grows (the fitted exponent is
about 1 for linear growth, 2 for quadratic), beside a baseline measured in the same run: one
regular-expression word scan of both documents. Process (CPU) time is given beside wall time:
a machine shared with other work inflates the wall time far more.

The four large documents (``large_documents``) are retellings of one long story made from
the corpus novel by a word-chain generator (its words and sentence lengths, but few sentences
repeated; generated prose when the corpus is absent). ``benchmarks.compare_child`` compares
them as the reader does (in a comparing process) and, in the same run, in a worker thread as
the reader did before, and reports the wall and CPU time, the comparing process's peak RSS,
and how late the main thread wakes meanwhile (what a key waits in the reader);
``benchmarks.reader_compare_child`` times keys in the reader itself while it compares.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import subprocess
import sys
import time

from benchmarks.figures import REPO, Figure, corpus_path, generated_text
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


def word_chain(source: str, n_bytes: int, seed: int = 1) -> str:
    """About ``n_bytes`` of prose made by walking the word pairs of ``source`` (each next
    word drawn among those that follow the last two there): its vocabulary and sentence
    lengths, with few sentences repeated, so that a long document is not one text many
    times over."""
    words = source.split()
    follow: dict[tuple[str, str], list[str]] = {}
    for a, b, c in zip(words, words[1:], words[2:], strict=False):
        follow.setdefault((a, b), []).append(c)
    starts = [k for k in follow if k[0][:1].isupper() and k[0][-1:] not in ".!?"]
    rng = random.Random(seed)
    out: list[str] = []
    size = sentences = 0
    line = list(rng.choice(starts))
    # A run goes on across sentence ends (the novel's own), up to about 60 words.
    while size < n_bytes:
        nxt = follow.get((line[-2], line[-1]))
        if not nxt or len(line) > 60:
            # A run cut short ends its sentence: a full stop unless it has one.
            chunk = " ".join(line).rstrip()
            chunk += "" if chunk[-1:] in ".!?\"”" else "."
            out.append(chunk + (" " if sentences % 6 else "\n\n"))
            size += len(chunk) + 1
            sentences += 1
            line = list(rng.choice(starts))
            continue
        line.append(rng.choice(nxt))
    return "".join(out)


def large_documents(n_bytes: int) -> list[Document]:
    """Four retellings of one long story of about ``n_bytes`` each."""
    path = corpus_path("pride-and-prejudice.txt")
    source = path.read_text(encoding="utf-8") if path is not None else generated_text(740_000)
    story = word_chain(source, n_bytes)
    return [make_text_document(f"/bench/large-{i}.txt", story if i == 0 else edited_copy(story, i))
            for i in range(4)]


def _best_of(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = math.inf
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _cpu_of(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.process_time()
    fn()
    return time.process_time() - t


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
            cpu = _cpu_of(lambda a=a, b=b: compare_documents((a, b), entities=no_entities))
            figures.append(Figure("align 1x CPU", cpu, "s", "process time of one more run"))
            base = _best_of(lambda a=a, b=b: (words.findall(a.text), words.findall(b.text)), 3)
            c = compare_documents((a, b), entities=no_entities)
            aligned = sum(1 for s in c.sentences[0] if s.counterparts)
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
    figures += _large(quick)
    return figures


def _many(full: str, quick: bool) -> list[Figure]:
    """2 to 16 retellings of one story (about 5 KB and 50 KB each), compared together: the
    time should grow with the total text, not with the number of pairs of documents."""
    figures: list[Figure] = []
    for size in (5_000,) if quick else (5_000, 50_000):
        story = _cut(full, size)
        counts = (2, 4, 8, 16)
        times = []
        cpu = 0.0
        for n in counts:
            docs = [make_text_document(f"/bench/{n}-{i}.txt",
                                       story if i == 0 else edited_copy(story, seed=i))
                    for i in range(n)]
            none: list[list[object]] = [[] for _ in docs]
            times.append(_best_of(lambda d=docs, e=none: compare_documents(d, entities=e),
                                  1 if quick else 2))
            if n == counts[-1]:
                cpu = _cpu_of(lambda d=docs, e=none: compare_documents(d, entities=e))
        kb = f"{size // 1000} KB"
        figures.append(Figure(f"{counts[-1]} articles of {kb}", times[-1], "s",
                              " / ".join(f"{t:.2f}" for t in times) + " s for "
                              + " / ".join(map(str, counts)) + " articles"))
        figures.append(Figure(f"{counts[-1]} articles of {kb} CPU", cpu, "s",
                              "process time of one more run"))
        k = math.log(times[-1] / times[0]) / math.log(counts[-1] / counts[0])
        figures.append(Figure(f"growth in articles ({kb})", k, "",
                              "t ~ n^k over 2..16 articles (1 = linear in the total text)"))
    return figures


def _child(args: list[str], module: str = "benchmarks.compare_child") -> dict[str, float]:
    proc = subprocess.run([sys.executable, "-m", module, *args], cwd=REPO, capture_output=True,
                          text=True, timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError(f"{module} {args} failed: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _large(quick: bool) -> list[Figure]:
    """Four large documents, each size in a child process (its own peak RSS), compared as the
    reader compares them (in a comparing process of their own) and, in the same run, in a
    worker thread, as the reader did before. Four of 5 MB each (``SIDELIGHT_BENCH_LARGE_MB=5``)
    take minutes and several GB today: not run by default on a shared machine."""
    extra = os.environ.get("SIDELIGHT_BENCH_LARGE_MB")
    sizes = (0.1,) if quick else (0.5, 1.0, *((float(extra),) if extra else ()))
    runs = [_child([str(mb)]) for mb in sizes]
    threads = [_child([str(mb), "--thread"]) for mb in sizes]
    figures = []
    for mb, r, t in zip(sizes, runs, threads, strict=True):
        what = f"4 x {mb:g} MB"
        figures += [
            Figure(f"{what}: compare", r["seconds"], "s",
                   f"CPU {r['cpu_seconds']:.1f} s, in a comparing process as in the reader"),
            Figure(f"{what}: peak RSS", r["peak_rss_mb"], "MB",
                   f"the comparing process; {r['rss_before_mb']:.0f} MB with the documents "
                   f"loaded, {r['own_peak_rss_mb']:.0f} MB peak in the process that waits"),
            Figure(f"{what}: main-thread wait p99", r["wait_p99_ms"], "ms",
                   f"p50 {r['wait_p50_ms']:.1f} ms, max {r['wait_max_ms']:.0f} ms: what a key "
                   f"waits while the child compares (idle: p99 {r['idle_wait_p99_ms']:.1f} ms)"),
            Figure(f"{what}: CPU of the waiting process", r["own_cpu_seconds"], "s",
                   "every thread, the 5 ms wake-ups included, while the child compares"),
            Figure(f"{what}: main-thread wait p99, in a thread", t["wait_p99_ms"], "ms",
                   f"p50 {t['wait_p50_ms']:.1f} ms, max {t['wait_max_ms']:.0f} ms, CPU "
                   f"{t['cpu_seconds']:.1f} s: compared in a worker thread, as before (idle: "
                   f"p99 {t['idle_wait_p99_ms']:.1f} ms)"),
        ]
    if len(runs) > 1:
        ratio = sizes[-1] / sizes[0]  # the exponent over every size run
        k = math.log(runs[-1]["cpu_seconds"] / runs[0]["cpu_seconds"]) / math.log(ratio)
        figures.append(Figure("growth in size (4 documents)", k, "",
                              f"CPU time ~ size^k over {sizes[0]:g}..{sizes[-1]:g} MB each"))
    figures += _reader_keys(0.1 if quick else 0.25)
    return figures


def _reader_keys(mb: float) -> list[Figure]:
    """Key ``j`` to the first frame composed, in the reader on four documents of ``mb`` MB,
    with no comparison running and while ``C``'s comparison runs (same run)."""
    r = _child([str(mb), "--keys", "60" if mb < 0.2 else "200"],
               "benchmarks.reader_compare_child")

    def pct(ms: list[float], q: float) -> float:
        return ms[min(len(ms) - 1, int(q * len(ms)))] if ms else 0.0

    what = f"reader, 4 x {mb:g} MB"
    idle, busy = r["idle_ms"], r["busy_ms"]
    return [
        Figure(f"{what}: key to frame p99 while comparing", pct(busy, 0.99), "ms",
               f"p50 {pct(busy, 0.5):.1f} ms over {len(busy)} keys; no comparison: p50 "
               f"{pct(idle, 0.5):.1f} / p99 {pct(idle, 0.99):.1f} ms"),
        Figure(f"{what}: reader CPU while comparing", r["ui_cpu_s"], "s",
               f"every thread of the reader, {r['compare_s']:.1f} s from C to the comparison "
               f"shown; the comparing process: {r['child_cpu_s']:.1f} s"),
        Figure(f"{what}: comparison shown in", r["show_s"], "s",
               "the reader's thread drawing the marks and the Compare panel's lists"),
    ]
