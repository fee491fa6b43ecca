"""Extraction quality and speed on realistic pages (``benchmarks.web_pages``).

Text: token-level precision and recall of the extracted reading text against the article's
own text (headline and paragraphs), over all pages (micro-averaged) and for the worst page.
Metadata: the share of pages whose title, authors, outlet, date, canonical address and
language come out as the page declares them. Speed: extracting a page of about 200 KB, with
parsing the same page with lxml alone as the baseline in the same run.

    python -m benchmarks --only extraction
    python -m benchmarks.bench_extraction      # the same, with a line per site style and page
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter

from benchmarks.figures import Figure
from benchmarks.web_pages import STYLES, Article, build_page, corpus
from sidelight.annotations.web.charset import decode_html
from sidelight.annotations.web.extract import extract_article

_TOKEN = re.compile(r"\w+")
META_FIELDS = ("title", "authors", "site_name", "date", "url", "language")
TARGET_BYTES = 200_000


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.casefold()))


def score_page(article: Article, style: str) -> dict[str, object]:
    html, _ = decode_html(build_page(article, style))
    page = extract_article(html, article.url)
    gold, got = tokens(article.text), tokens(page.text)
    common = sum((gold & got).values())
    m = page.meta
    expected = {"title": article.headline, "authors": article.authors,
                "site_name": article.outlet, "date": article.date, "url": article.url,
                "language": article.language}
    found = {"title": m.title, "authors": m.authors, "site_name": m.site_name,
             "date": m.date, "url": m.url, "language": m.language}
    return {
        "style": style,
        "common": common,
        "gold": sum(gold.values()),
        "got": sum(got.values()),
        "meta": {f: found[f] == expected[f] for f in META_FIELDS},
        "found": found,
    }


def quality() -> tuple[list[dict[str, object]], dict[str, float]]:
    rows = [score_page(a, s) for a, s in corpus()]
    common = sum(int(r["common"]) for r in rows)
    figures = {
        "precision": common / max(1, sum(int(r["got"]) for r in rows)),
        "recall": common / max(1, sum(int(r["gold"]) for r in rows)),
        "worst_precision": min(int(r["common"]) / max(1, int(r["got"])) for r in rows),
        "worst_recall": min(int(r["common"]) / max(1, int(r["gold"])) for r in rows),
    }
    for f in META_FIELDS:
        figures[f"meta_{f}"] = sum(bool(r["meta"][f]) for r in rows) / len(rows)  # type: ignore[index]
    figures["meta_all"] = statistics.mean(figures[f"meta_{f}"] for f in META_FIELDS)
    return rows, figures


def big_page(kind: str = "typical") -> tuple[str, Article]:
    """A portal page of about 200 KB. ``typical``: made as news pages are, two thirds inline
    scripts and styles (a state blob, analytics, CSS) around the article, 26 related links and
    24 comments; ``links``: the same size made only of related links and comments, the
    extractor's worst case (every node is a candidate)."""
    article = next(a for a, s in corpus() if s == "portal")
    if kind == "links":
        padding = 0
        page = build_page(article, "portal", padding)
        while len(page) < TARGET_BYTES:
            padding += 10
            page = build_page(article, "portal", padding)
        return decode_html(page)[0], article
    page = build_page(article, "portal", 20).decode("utf-8")
    state = json.dumps({"stories": [
        {"id": k, "headline": f"Story {k} of the day", "url": f"/story/{k}",
         "summary": "A short summary of a story that is not this one. " * 3,
         "image": {"src": f"/img/{k}.jpg", "width": 1200, "height": 800}}
        for k in range(420)
    ]})
    css = "".join(f".c{k}{{margin:{k % 9}px;padding:{k % 7}px;color:#{k:06x}}}"
                  for k in range(1500))
    filler = f"<style>{css}</style><script>window.__STATE__ = {state};</script>"
    page = page.replace("</head>", filler + "</head>", 1)
    return page, article


def speed(repeats: int, kind: str = "typical") -> tuple[float, float, int]:
    from lxml import html as lxml_html

    page, article = big_page(kind)
    extract_article(page, article.url)  # imports and caches outside the timing
    ours, base = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        extract_article(page, article.url)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        lxml_html.document_fromstring(page)
        base.append(time.perf_counter() - t)
    return statistics.median(ours), statistics.median(base), len(page.encode("utf-8"))


def run(quick: bool) -> list[Figure]:
    rows, q = quality()
    took, base, size = speed(3 if quick else 9)
    worst, worst_base, worst_size = speed(3 if quick else 5, "links")
    n = len(rows)
    return [
        Figure("text precision (tokens)", q["precision"], "",
               f"{n} pages, {len(STYLES)} site styles; worst page {q['worst_precision']:.3f}"),
        Figure("text recall (tokens)", q["recall"], "", f"worst page {q['worst_recall']:.3f}"),
        Figure("metadata accuracy", q["meta_all"], "",
               ", ".join(f"{f} {q['meta_' + f]:.2f}" for f in META_FIELDS)),
        Figure("extract a 200 KB page", took * 1000, "ms",
               f"{size // 1000} KB; lxml parse alone {base * 1000:.1f} ms "
               f"({took / base:.1f}×), median of runs"),
        Figure("extract a 200 KB page of links", worst * 1000, "ms",
               f"{worst_size // 1000} KB of related links and comments only; lxml parse alone "
               f"{worst_base * 1000:.1f} ms ({worst / worst_base:.1f}×)"),
    ]


def main() -> int:
    rows, q = quality()
    by_style: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        by_style.setdefault(str(r["style"]), []).append(r)
    print(f"{'style':10} pages  precision  recall  metadata fields wrong")
    for style, rs in by_style.items():
        common = sum(int(r["common"]) for r in rs)
        p = common / max(1, sum(int(r["got"]) for r in rs))
        rec = common / max(1, sum(int(r["gold"]) for r in rs))
        wrong = Counter(f for r in rs for f, ok in r["meta"].items() if not ok)  # type: ignore[union-attr]
        print(f"{style:10} {len(rs):5}  {p:9.3f}  {rec:6.3f}  {dict(wrong) or '-'}")
    for k, v in q.items():
        print(f"{k}: {v:.3f}")
    for fig in run(quick=False)[3:]:
        print(f"{fig.name}: {fig.value:.1f} {fig.unit} ({fig.note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
