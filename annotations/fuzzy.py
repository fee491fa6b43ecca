"""Bounded approximate string matching for anchoring: Myers' bit-parallel edit distance.

Both functions work on a *window* of the document chosen by the caller, never on the whole
text, so the cost per candidate is proportional to the window, not to the document. Python's
unbounded integers hold one bit per pattern character, so quotes of any length work.

* ``search(pattern, window, max_errors)``: where ``pattern`` occurs in ``window`` with the
  fewest edits (insertions, deletions, substitutions), if at most ``max_errors``.
* ``anchored_distance(pattern, text)``: the fewest edits that turn ``pattern`` into some
  prefix of ``text`` (used to compare stored context with the text beside a candidate).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    errors: int


def _peq(pattern: str) -> dict[str, int]:
    """For each character, the bit mask of the pattern positions that hold it."""
    masks: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    return masks


def _column_scores(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """Edit distance of the whole pattern against text ending at each position of ``text``.

    ``scores[j]`` is the distance for ``text[:j+1]`` (anchored: the match must start at 0) or
    for the best substring ending at ``j`` (not anchored: the start is free).
    """
    m = len(pattern)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    peq = _peq(pattern)
    pv, mv, score = mask, 0, m
    top = 1 if anchored else 0  # row 0 grows by one per column only when the start is fixed
    scores: list[int] = []
    append = scores.append
    get = peq.get
    for ch in text:
        eq = get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | top) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        append(score)
    return scores


def anchored_distance(pattern: str, text: str) -> int:
    """min over k of edit_distance(pattern, text[:k]); ``len(pattern)`` when text is empty."""
    return anchored_match(pattern, text)[0]


def anchored_match(pattern: str, text: str) -> tuple[int, int]:
    """``(distance, k)``: the prefix ``text[:k]`` closest to ``pattern``, and how close.

    On a tie the length closest to the pattern's wins.
    """
    m = len(pattern)
    if not pattern or not text:
        return m, 0
    scores = _column_scores(pattern, text, anchored=True)
    k = min(range(len(scores) + 1), key=lambda k: (
        scores[k - 1] if k else m, abs(k - m)
    ))
    return (scores[k - 1] if k else m), k


def search(pattern: str, window: str, max_errors: int) -> Match | None:
    """The best approximate occurrence of ``pattern`` in ``window`` (offsets into ``window``).

    Among ends with the fewest errors, the first is taken; its start is found by matching the
    reversed pattern leftwards from that end, preferring the alignment with the fewest errors
    and, on a tie, the one whose length is closest to the pattern's.
    """
    m = len(pattern)
    if m == 0 or not window:
        return None
    scores = _column_scores(pattern, window, anchored=False)
    best = min(scores)
    if best > max_errors:
        return None
    end = scores.index(best) + 1
    lo = max(0, end - m - best)
    errors, length = anchored_match(pattern[::-1], window[lo:end][::-1])
    return Match(end - length, end, errors)
