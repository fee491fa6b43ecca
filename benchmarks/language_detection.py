"""Language detection: accuracy on 300-character windows and speed, against lingua if present.

    python -m benchmarks.language_detection

Texts: every article of the entity sets (English, German, French) and the short paragraphs
in ``tests/data/languages`` (one per language, the file's name is its code); each is cut into
non-overlapping windows of 300 characters, and into sentences (each of six words or more, as a
short note or a one-sentence document gives it, where few function words decide). The
detector in ``annotations.language`` is scored on every window and sentence; when the
``lingua`` package (lingua-language-detector) is importable it is scored on the same ones in
the same run, for comparison — it is not a dependency of
sidelight.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable

from benchmarks.figures import REPO
from sidelight.annotations.language import detect

DATA = REPO / "tests" / "data"
WINDOW = 300


def windows() -> list[tuple[str, str]]:
    """(expected code, 300-character text) for every window of every test text."""
    out: list[tuple[str, str]] = []
    for folder in sorted(DATA.glob("entities_*")):
        code = folder.name[-2:] if folder.name.startswith("entities_blind_") else "en"
        for f in sorted(folder.glob("*.txt")):
            out.extend(_cut(code, f.read_text(encoding="utf-8")))
    for f in sorted((DATA / "languages").glob("*.txt")):
        out.extend(_cut(f.stem, f.read_text(encoding="utf-8")))
    return out


def sentences() -> list[tuple[str, str]]:
    """(expected code, sentence) for every sentence of six words or more of the same texts and
    of the reports in ``tests/data/multilingual`` (their language is their name's end)."""
    out: list[tuple[str, str]] = []
    texts: list[tuple[str, str]] = []
    for folder in sorted(DATA.glob("entities_*")):
        code = folder.name[-2:] if folder.name.startswith("entities_blind_") else "en"
        texts.extend((code, f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.txt")))
    for f in sorted((DATA / "languages").glob("*.txt")):
        texts.append((f.stem, f.read_text(encoding="utf-8")))
    for f in sorted((DATA / "multilingual").glob("*.txt")):
        texts.append((f.stem[-2:], f.read_text(encoding="utf-8")))
    for code, text in texts:
        out.extend((code, s) for s in _SENTENCE_END.split(text) if len(s.split()) >= 6)
    return out


# A sentence ends at a full stop, question or exclamation mark (after its closing quote) or at
# a line break; good enough to cut test texts, not the reader's splitter.
_SENTENCE_END = re.compile(r"(?<=[.!?“”»\"])\s+|\n+")


def _cut(code: str, text: str) -> list[tuple[str, str]]:
    return [(code, text[i:i + WINDOW]) for i in range(0, len(text) - WINDOW + 1, WINDOW)]


def _lingua() -> Callable[[str], str] | None:
    try:
        from lingua import LanguageDetectorBuilder  # type: ignore[import-not-found]
    except ImportError:
        return None
    det = LanguageDetectorBuilder.from_all_languages().build()

    def run(text: str) -> str:
        lang = det.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else "und"
    return run


def measure(name: str, fn: Callable[[str], str], items: list[tuple[str, str]],
            what: str = "windows") -> None:
    fn(items[0][1])   # warm-up (loads models, compiles tables)
    t0 = time.perf_counter()
    got = [fn(t) for _, t in items]
    dt = time.perf_counter() - t0
    right = sum(g == want for g, (want, _) in zip(got, items, strict=True))
    by_lang: dict[str, list[int]] = {}
    for g, (want, _) in zip(got, items, strict=True):
        by_lang.setdefault(want, [0, 0])
        by_lang[want][0] += g == want
        by_lang[want][1] += 1
    mb = sum(len(t.encode("utf-8")) for _, t in items) / 1e6
    per = ", ".join(f"{c} {r}/{n}" for c, (r, n) in sorted(by_lang.items()))
    print(f"{name}: {right}/{len(items)} {what} right ({right / len(items):.3f}); "
          f"{dt / len(items) * 1e6:.0f} µs per {what[:-1]}, {mb / dt:.2f} MB/s")
    print(f"  {per}")


def main() -> int:
    lingua = _lingua()
    for what, items in (("windows", windows()), ("sentences", sentences())):
        measure("sidelight detector", detect, items, what)
        if lingua is not None:
            measure("lingua (all languages)", lingua, items, what)
    if lingua is None:
        print("lingua: not installed (pip install lingua-language-detector to compare)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
