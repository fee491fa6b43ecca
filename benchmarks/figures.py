"""What a benchmark reports, and where the optional shared load-test corpus is."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    value: float
    unit: str
    note: str = ""


def corpus_path(name: str) -> Path | None:
    """A file of the shared load-test corpus (``../shared/corpus``), or None when absent."""
    root = Path(os.environ.get("SIDELIGHT_CORPUS", REPO.parent / "shared" / "corpus"))
    path = root / name
    return path if path.is_file() else None


_WORD_TEXT = (
    "the of and to in a is that for on with as was said by it from at his her an be have "
    "which are this not or had were but their they its government company report year "
    "market people new first last week percent million billion president minister court "
    "Monday Tuesday Wednesday London Washington Paris Reuters analysts shares data users"
)
_WORDS = tuple(_WORD_TEXT.split())


def generated_text(n_bytes: int, seed: int = 1) -> str:
    """Deterministic news-like prose of about ``n_bytes``, for runs without the shared corpus."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n_bytes:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 28))]
        words[0] = words[0].capitalize()
        if rng.random() < 0.3:
            words.insert(
                rng.randint(1, len(words) - 1), f"{rng.randint(2, 990)},{rng.randint(100, 999)}"
            )
        sentence = " ".join(words) + "."
        if rng.random() < 0.15:
            sentence += "\n\n"
        else:
            sentence += " "
        out.append(sentence)
        size += len(sentence)
    return "".join(out)
