"""Simulate a document being revised under its annotations, and count what anchoring does.

A document gets ``n_annotations`` highlights of realistic sizes (a few words, a sentence,
sometimes a paragraph), then a batch of realistic edits at random places: sentences and
paragraphs inserted and deleted, words deleted and replaced, typos fixed, paragraphs moved,
lines re-wrapped. Every character of the edited text remembers which original character it
was (or that it is new), so the true new place of each highlight is known exactly. Each
highlight is then anchored from its stored selectors alone and classified:

* correct: anchored to its true new place (the anchored range holds at least half of the
  highlight's surviving characters, and at least half of it is those characters or text
  inserted between them), or orphaned when most of its words were deleted;
* orphaned: orphaned although most of its words are still in the text;
* wrong: anchored somewhere else, or anchored although its words were deleted.

    python -m benchmarks.anchoring_simulation [--runs N] [--annotations N] [--edits N]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.figures import corpus_path, generated_text
from sidelight.annotations.anchoring import anchor_target
from sidelight.annotations.documents import fingerprint_of
from sidelight.annotations.model import Target, quote_target

DEFAULT_EDITS = 8
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")
_WORD = re.compile(r"\S+")
_NEW_WORDS = (
    "officials", "confirmed", "later", "that", "the", "figure", "had", "been", "revised",
    "after", "an", "internal", "review", "according", "to", "a", "spokesperson", "who",
    "declined", "comment", "further", "on", "matter", "Friday", "earlier", "version", "of",
    "this", "article", "misstated", "date", "hearing", "and", "amount",
)
_REPLACEMENTS = ("stated", "reported", "about", "nearly", "several", "company", "firm", "also")


@dataclass
class _Edited:
    """The text being edited and, per character, its index in the original text or -1."""

    text: str
    origin: list[int]

    def replace(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]
        self.origin[start:end] = [-1] * len(new)

    def move(self, start: int, end: int, to: int) -> None:
        """Move ``text[start:end]`` so that it begins where ``to`` was (outside the block)."""
        block, block_origin = self.text[start:end], self.origin[start:end]
        rest = self.text[:start] + self.text[end:]
        rest_origin = self.origin[:start] + self.origin[end:]
        if to > start:
            to -= end - start
        self.text = rest[:to] + block + rest[to:]
        self.origin = rest_origin[:to] + block_origin + rest_origin[to:]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for part in text.split("\n\n"):
        if part.strip():
            spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    return spans


def _sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans = []
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, hi):
        spans.append((start, m.end()))
        start = m.end()
    if start < hi:
        spans.append((start, hi))
    return spans


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text, lo, hi)]


def _make_highlights(text: str, n: int, rng: random.Random) -> list[tuple[int, int]]:
    """Ranges a reader would highlight: phrases, sentences, now and then a paragraph."""
    paras = [p for p in _paragraphs(text) if len(_words(text, *p)) >= 3]
    if not paras:
        raise ValueError("the text has no paragraph of three words or more to highlight")
    weights = [b - a for a, b in paras]
    out: list[tuple[int, int]] = []
    while len(out) < n:
        lo, hi = rng.choices(paras, weights)[0]
        roll = rng.random()
        if roll < 0.6:
            words = _words(text, lo, hi)
            k = min(len(words), rng.randint(2, 8))
            i = rng.randrange(len(words) - k + 1)
            out.append((words[i][0], words[i + k - 1][1]))
        elif roll < 0.93:
            a, b = rng.choice(_sentences(text, lo, hi))
            out.append((a, len(text[a:b].rstrip()) + a))
        else:
            out.append((lo, hi))
    return out


def _random_edit(doc: _Edited, rng: random.Random) -> str:
    text = doc.text
    paras = _paragraphs(text)
    kind = rng.choice(
        ("insert_sentence", "insert_paragraph", "delete_sentence", "delete_words",
         "typo_fix", "typo_fix", "replace_word", "move_paragraph", "reflow")
    )
    lo, hi = rng.choice(paras)
    if kind == "insert_sentence":
        at = rng.choice(_sentences(text, lo, hi))[0]
        doc.replace(at, at, _new_sentence(rng) + " ")
    elif kind == "insert_paragraph":
        # Corrections and updates usually go near the top.
        lo, _ = paras[min(len(paras) - 1, int(rng.expovariate(1.0)))]
        doc.replace(lo, lo, _new_sentence(rng) + " " + _new_sentence(rng) + "\n\n")
    elif kind == "delete_sentence":
        sentences = _sentences(text, lo, hi)
        if len(sentences) > 1:
            a, b = rng.choice(sentences)
            doc.replace(a, b, "")
    elif kind == "delete_words":
        words = _words(text, lo, hi)
        k = min(len(words) - 1, rng.randint(1, 4))
        if k >= 1:
            i = rng.randrange(len(words) - k + 1)
            doc.replace(words[i][0], words[i + k - 1][1] + 1, "")
    elif kind == "typo_fix":
        a, b = rng.choice(_words(text, lo, hi))
        i = rng.randrange(a, b)
        op = rng.choice(("substitute", "insert", "delete", "swap"))
        if op == "substitute":
            doc.replace(i, i + 1, rng.choice("aeiouy"))
        elif op == "insert":
            doc.replace(i, i, rng.choice("estn"))
        elif op == "delete" and b - a > 1:
            doc.replace(i, i + 1, "")
        elif op == "swap" and i + 1 < b:
            doc.replace(i, i + 2, text[i + 1] + text[i])
    elif kind == "replace_word":
        a, b = rng.choice(_words(text, lo, hi))
        doc.replace(a, b, rng.choice(_REPLACEMENTS))
    elif kind == "move_paragraph" and len(paras) > 2:
        src = rng.randrange(len(paras))
        dst = rng.choice([i for i in range(len(paras)) if i not in (src, src + 1)] or [0])
        a = paras[src][0]
        # The block is the paragraph with its blank-line separator, so text stays paragraphs.
        b = paras[src + 1][0] if src + 1 < len(paras) else len(text)
        if b == len(text):
            doc.replace(b, b, "\n\n")
            b += 2
        doc.move(a, b, paras[dst][0])
    elif kind == "reflow":
        # Hard-wrap the paragraph at 72 columns: spaces become newlines.
        column = 0
        edits: list[int] = []
        for i in range(lo, hi):
            column += 1
            if text[i] == " " and column > 72:
                edits.append(i)
                column = 0
        for i in reversed(edits):
            doc.replace(i, i + 1, "\n")
    return kind


def _new_sentence(rng: random.Random) -> str:
    words = [rng.choice(_NEW_WORDS) for _ in range(rng.randint(6, 16))]
    return " ".join(words).capitalize() + "."


def simulate(
    seed: int, n_annotations: int = 100, text: str | None = None, n_edits: int = DEFAULT_EDITS
) -> dict[str, int]:
    """Highlight ``text`` (generated news-like prose when None), edit it, re-anchor, count.

    Returns counts: ``correct``, ``orphaned``, ``wrong`` (these three sum to ``total``), and
    the detail ``exact`` (anchored to exactly the true range), ``expected_orphans`` (orphaned
    because most of the words were deleted, counted in ``correct``), ``touched`` (an edit
    fell inside the highlight) and ``edits``.
    """
    rng = random.Random(seed)
    original = generated_text(20_000, seed) if text is None else text
    spans = _make_highlights(original, n_annotations, rng)
    fp_old = fingerprint_of(original)
    targets = [quote_target("doc.txt", fp_old, original, a, b) for a, b in spans]

    doc = _Edited(original, list(range(len(original))))
    for _ in range(n_edits):
        _random_edit(doc, rng)
    new_pos = [-1] * len(original)
    for pos, orig in enumerate(doc.origin):
        if orig >= 0:
            new_pos[orig] = pos
    fp_new = fingerprint_of(doc.text)

    counts = dict.fromkeys(
        ("total", "correct", "orphaned", "wrong", "exact", "expected_orphans", "touched"), 0
    )
    counts["edits"] = n_edits
    for (a, b), target in zip(spans, targets, strict=True):
        counts["total"] += 1
        survivors = [new_pos[i] for i in range(a, b) if new_pos[i] >= 0]
        gone = len(survivors) * 2 < b - a
        true_span = (min(survivors), max(survivors) + 1) if survivors else None
        if true_span is None or len(survivors) != b - a or (
            true_span[1] - true_span[0] != b - a
        ):
            counts["touched"] += 1
        result = anchor_target(target, doc.text, fp_new)
        verdict = _classify(
            result, (a, b), true_span, gone, doc.origin, len(survivors)
        )
        counts[verdict] += 1
        if verdict == "correct":
            if result.orphan:
                counts["expected_orphans"] += 1
            elif true_span == (result.start, result.end):
                counts["exact"] += 1
    return counts


def _classify(
    result: Target, span: tuple[int, int], true_span: tuple[int, int] | None, gone: bool,
    origin: list[int], survivors: int,
) -> str:
    if result.orphan:
        return "correct" if gone else "orphaned"
    if gone or true_span is None:
        return "wrong"
    assert result.start is not None and result.end is not None
    a, b = span
    ours = inserted = 0
    for pos in range(result.start, result.end):
        orig = origin[pos]
        if a <= orig < b:
            ours += 1
        elif orig == -1 and true_span[0] <= pos < true_span[1]:
            inserted += 1
    recall = ours / survivors
    precision = (ours + inserted) / (result.end - result.start)
    return "correct" if recall >= 0.5 and precision >= 0.5 else "wrong"


def _texts() -> list[tuple[str, str]]:
    from sidelight.annotations.documents import load_document
    from sidelight.annotations.locations import seed_paths

    out = [(p.name, load_document(p).text) for p in seed_paths()]
    novel = corpus_path("pride-and-prejudice.txt")
    if novel is not None:
        out.append((novel.name, load_document(novel).text))
    else:
        out.append(("generated 740 KB", generated_text(740_000)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.anchoring_simulation")
    parser.add_argument("--runs", type=int, default=20, help="random seeds per document")
    parser.add_argument("--annotations", type=int, default=100)
    parser.add_argument("--edits", type=int, default=DEFAULT_EDITS, help="edits per run")
    args = parser.parse_args(argv)
    print(f"{'document':32} {'runs':>4} {'total':>6} {'correct':>8} {'orphaned':>8} "
          f"{'wrong':>6} {'exact':>6} {'gone':>5} {'touched':>7}  correct%")
    for name, text in _texts():
        totals: dict[str, int] = {}
        for seed in range(args.runs):
            for key, value in simulate(seed, args.annotations, text, args.edits).items():
                totals[key] = totals.get(key, 0) + value
        pct = 100.0 * totals["correct"] / totals["total"]
        print(f"{Path(name).name[:32]:32} {args.runs:>4} {totals['total']:>6} "
              f"{totals['correct']:>8} {totals['orphaned']:>8} {totals['wrong']:>6} "
              f"{totals['exact']:>6} {totals['expected_orphans']:>5} {totals['touched']:>7}  "
              f"{pct:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
