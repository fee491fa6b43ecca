"""Anchoring: keep each annotation on its words when the document's text changes.

A target stores a position (``start``/``end``) and a quote with its context (``exact``,
``prefix``, ``suffix``). When the text a target was made on is no longer the current text,
the quote is looked for again, in order of cost:

1. the stored position, if it still holds the quote with its context;
2. exact occurrences of the quote, chosen by how well the text around them matches the
   stored context (position breaks ties); a quote found exactly once with all of its stored
   prefix or all of its suffix beside it is taken, however short, whatever changed on the
   other side;
3. approximate occurrences (up to a quarter of the quote's characters edited), found from
   exact seeds (pieces of the quote, the end of the prefix, the start of the suffix, the old
   position) and verified in a small window each, never by a scan of the whole document.

Every candidate must clear a minimum: the quote must be close enough *and* enough of the
context must agree; when two places are about equally good and position does not clearly
prefer one, the target becomes an orphan. An orphan is better than a note on the wrong words.

All functions here are pure: text in, new ``Target`` out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Protocol

from sidelight.annotations.fuzzy import anchored_distance, anchored_match, search
from sidelight.annotations.model import CONTEXT_CHARS, Annotation, Target, quote_target

# An exact occurrence whose context agrees at least this well is taken without looking for
# approximate ones.
STRONG_CONTEXT = 0.5
# Quotes shorter than this say little on their own and need more of their context.
SHORT_QUOTE = 20
# An exact quote this long that occurs once is kept even when both neighbours changed (a whole
# paragraph that was moved): that many characters repeated elsewhere would be a coincidence.
SELF_EVIDENT_QUOTE = 64
# An exact quote with only one context side is taken when quote and agreeing context make an
# unbroken run this long; a sentence repeated in a document is usually shorter.
ONE_SIDED_RUN = 60
# The minimum for an approximate match: 0.5 * quote similarity + 0.25 * each context side.
MIN_FUZZY_SCORE = 0.7
# Two candidates whose scores differ by less than this are a tie that position must break.
TIE_MARGIN = 0.1
# Occurrences of a quote to examine; a quote found more often than this is located from its
# context and its old neighbourhood instead.
MAX_OCCURRENCES = 100
# How far around the old position to look for a very common quote.
NEAR_WINDOW = 4096
# Candidate windows to verify with the edit-distance search, per target.
MAX_FUZZY_CANDIDATES = 40
# A stored context side shorter than this is too common to locate the old place by.
_MIN_CONTEXT_SEED = 8
# Unrelated prose needs edits on roughly two thirds of its characters to become the quote.
_RESEMBLANCE = 0.55
# Text inserted between a quote and its context: how far the context may have moved away,
# and the weight it keeps.
_GAP = 200
_GAP_CREDIT = 0.4
# A context side missing because the quote touched the start or end of the document.
_NEUTRAL = 0.5


class _HasText(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    errors: int
    prefix_sim: float
    suffix_sim: float
    quote_len: int
    # Characters of stored context equal to the text right beside the candidate.
    agreeing_chars: int = 0

    @property
    def context(self) -> float:
        return (self.prefix_sim + self.suffix_sim) / 2

    @property
    def score(self) -> float:
        quote_sim = 1.0 - self.errors / self.quote_len
        return 0.5 * quote_sim + 0.25 * self.prefix_sim + 0.25 * self.suffix_sim


def anchor_target(target: Target, text: str, fingerprint: str) -> Target:
    """``target`` placed in ``text``: fresh selectors if found, else an orphan.

    An orphan keeps its last quote and position; its fingerprint becomes the current one so
    the same text is not searched again, and a later version of the text is.
    """
    if not target.has_range:
        return target if target.fingerprint == fingerprint else replace(
            target, fingerprint=fingerprint
        )
    assert target.start is not None and target.end is not None
    if target.fingerprint == fingerprint:
        if target.orphan:
            return target
        if target.end <= len(text) and text[target.start : target.end] == target.exact:
            return target
    found = locate(target, text)
    if found is None:
        return replace(target, fingerprint=fingerprint, orphan=True)
    start, end = found
    return quote_target(target.source, fingerprint, text, start, end, target.encoding)


def anchor_annotation(
    ann: Annotation,
    doc: _HasText,
    *,
    on_document: Callable[[Target], bool] | None = None,
) -> Annotation:
    """``ann`` with its targets on ``doc`` anchored in the document's text.

    A target is on ``doc`` when ``on_document(target)`` says so; by default when it names the
    document's path or has its fingerprint. Targets on the document take its path (the file
    may have been moved or renamed); other targets (the far ends of a link) are left alone.
    ``modified`` is not touched: anchoring is not an edit by the user.
    """
    def default(t: Target) -> bool:
        return t.source == doc.path or t.fingerprint == doc.fingerprint

    belongs = on_document or default
    targets = tuple(
        anchor_target(replace(t, source=doc.path), doc.text, doc.fingerprint)
        if belongs(t)
        else t
        for t in ann.targets
    )
    return ann if targets == ann.targets else replace(ann, targets=targets)


def locate(target: Target, text: str) -> tuple[int, int] | None:
    """Where ``target``'s quote is in ``text`` now, or None if no place is good enough."""
    quote = target.exact
    if not quote or target.start is None:
        return None
    old = target.start
    m = len(quote)
    if (
        text.startswith(quote, old)
        and _prefix_sim(target.prefix, text, old) == 1.0
        and _suffix_sim(target.suffix, text, old + m) == 1.0
    ):
        return old, old + m

    exact = [
        _candidate(target, text, pos, pos + m, 0)
        for pos in _exact_positions(quote, text, target)
    ]
    # Every stored character agrees (a context may be short: the quote was near an end of
    # the document, or another tool stored less): that place, if it is the only one.
    whole = len(target.prefix) + len(target.suffix)
    perfect = [c for c in exact if c.agreeing_chars == whole]
    if len(perfect) == 1:
        return perfect[0].start, perfect[0].end
    if len(exact) == 1 and _one_side_intact(target, text, exact[0]) and not _context_elsewhere(
        target, text, exact[0]
    ):
        # The only place the quote is, with all of its stored prefix or suffix around it:
        # an edit on the other side (a full stop turned into "!", words appended) does not
        # move a short highlight.
        return exact[0].start, exact[0].end
    exact.sort(key=lambda c: (-c.context, abs(c.start - old)))
    if (
        exact
        and exact[0].context >= STRONG_CONTEXT
        and _acceptable(exact[0], unique_exact=len(exact) == 1)
        and not _ambiguous(exact, old, "context")
        and not _context_elsewhere(target, text, exact[0])
    ):
        return exact[0].start, exact[0].end

    candidates = exact + _fuzzy_candidates(target, text)
    if not candidates:
        return None
    candidates = _dedupe(candidates)
    candidates.sort(key=lambda c: (-c.score, abs(c.start - old)))
    best = candidates[0]
    if not _acceptable(best, unique_exact=len(exact) == 1):
        return None
    if _ambiguous(candidates, old, "score") or _context_elsewhere(target, text, best):
        return None
    return best.start, best.end


def _one_side_intact(target: Target, text: str, c: _Candidate) -> bool:
    """True when the quote occurs nowhere else in ``text`` and all of its stored prefix (or
    suffix) is right beside the candidate. A side stored shorter than usual, because the
    quote was near an end of the document, counts only while it still reaches that end: the
    same few words before a copy of the sentence elsewhere say nothing."""
    if text.count(target.exact) != 1:
        return False
    prefix, suffix = target.prefix, target.suffix
    prefix_intact = bool(prefix) and text.endswith(prefix, 0, c.start) and (
        len(prefix) >= CONTEXT_CHARS or c.start == len(prefix))
    suffix_intact = bool(suffix) and text.startswith(suffix, c.end) and (
        len(suffix) >= CONTEXT_CHARS or c.end + len(suffix) == len(text))
    return prefix_intact or suffix_intact


def _acceptable(c: _Candidate, *, unique_exact: bool) -> bool:
    """Whether the best candidate is good enough: the longer the quote, the less of its
    context has to agree, because a long passage says by itself where it is."""
    m = c.quote_len
    if c.errors == 0 and m >= SELF_EVIDENT_QUOTE and unique_exact:
        return True
    if c.errors > 0 and m >= 2 * SELF_EVIDENT_QUOTE:
        return True  # a paragraph within a quarter of its characters, moved and edited
    if min(c.prefix_sim, c.suffix_sim) >= _NEUTRAL:
        if m < SHORT_QUOTE and c.context < 0.75:
            return False  # a few words recur all over a document
        return c.context >= STRONG_CONTEXT and (c.errors == 0 or c.score >= MIN_FUZZY_SCORE)
    # One side agrees and the other does not: text was inserted or deleted beside the quote,
    # or this is the same sentence repeated elsewhere (a lede quoted again in the body) and
    # the real one was deleted. Only a long unbroken agreement tells them apart.
    return m - 2 * c.errors + c.agreeing_chars >= ONE_SIDED_RUN
def _ambiguous(ranked: list[_Candidate], old: int, by: str) -> bool:
    """True when the runner-up (elsewhere) is about as good and not clearly farther away."""
    best = ranked[0]
    for other in ranked[1:]:
        if other.start < best.end and best.start < other.end:
            continue  # the same place, matched slightly differently
        gap = (
            best.context - other.context if by == "context" else best.score - other.score
        )
        if gap >= TIE_MARGIN:
            return False
        # About as good: only position can decide, and only if it is clear.
        return not 2 * abs(best.start - old) < abs(other.start - old)
    return False


def _context_elsewhere(target: Target, text: str, best: _Candidate) -> bool:
    """True when a place other than ``best`` has more of the stored context and something
    like the quote: the old place, its quote edited past recognition.

    ``best`` is then a lookalike (a repeated phrase, a sentence quoted twice) and taking it
    would be a wrong anchor. Other places are found from exact finds of a context side that
    ``best`` does not match perfectly, so this costs nothing when ``best`` fits its context.
    """
    quote = target.exact
    m = len(quote)
    if best.prefix_sim < 1.0 and len(target.prefix) >= _MIN_CONTEXT_SEED:
        for pos in _find_all(text, target.prefix, MAX_OCCURRENCES):
            start = pos + len(target.prefix)
            if best.start - m < start < best.end:
                continue  # the same place, with something inserted before the quote
            errors, length = anchored_match(quote, text[start : start + m + m // 2])
            if errors <= _RESEMBLANCE * m and (
                1.0 + _suffix_sim(target.suffix, text, start + length)
            ) / 2 > best.context:
                return True
    if best.suffix_sim < 1.0 and len(target.suffix) >= _MIN_CONTEXT_SEED:
        for end in _find_all(text, target.suffix, MAX_OCCURRENCES):
            if best.start < end < best.end + m:
                continue
            before = text[max(0, end - m - m // 2) : end]
            errors, length = anchored_match(quote[::-1], before[::-1])
            if errors <= _RESEMBLANCE * m and (
                1.0 + _prefix_sim(target.prefix, text, end - length)
            ) / 2 > best.context:
                return True
    return False


def _exact_positions(quote: str, text: str, target: Target) -> list[int]:
    count = text.count(quote)
    if count == 0:
        return []
    if count <= MAX_OCCURRENCES:
        return list(_find_all(text, quote))
    # A very common quote: its true place is among those next to its old context or near its
    # old position; the other thousands cannot win on context anyway.
    m = len(quote)
    found: set[int] = set()
    tail = target.prefix[-16:]
    if tail:
        found.update(p + len(tail) for p in _find_all(text, tail + quote, MAX_OCCURRENCES))
    head = target.suffix[:16]
    if head:
        found.update(_find_all(text, quote + head, MAX_OCCURRENCES))
    old = target.start or 0
    lo, hi = max(0, old - NEAR_WINDOW), old + m + NEAR_WINDOW
    found.update(_find_all(text, quote, MAX_OCCURRENCES, lo, hi))
    return sorted(found)


def _find_all(
    text: str, needle: str, limit: int | None = None, lo: int = 0, hi: int | None = None
) -> Iterator[int]:
    end = len(text) if hi is None else min(hi, len(text))
    pos = text.find(needle, lo, end)
    n = 0
    while pos != -1 and (limit is None or n < limit):
        yield pos
        n += 1
        pos = text.find(needle, pos + 1, end)


def _fuzzy_candidates(target: Target, text: str) -> list[_Candidate]:
    quote = target.exact
    m = len(quote)
    max_errors = m // 4
    if max_errors == 0:
        return []
    votes: dict[int, int] = {}
    for start in _seed_starts(target, text):
        if -max_errors <= start <= len(text):
            votes[start] = votes.get(start, 0) + 1
    # Seeds within a few characters of each other describe one place; verify each place once,
    # most-voted first.
    ordered = sorted(votes, key=lambda s: (-votes[s], abs(s - (target.start or 0))))
    pad = max_errors + 8
    verified: list[_Candidate] = []
    covered: list[tuple[int, int]] = []
    for start in ordered:
        if len(covered) >= MAX_FUZZY_CANDIDATES:
            break
        lo = max(0, start - pad)
        hi = min(len(text), start + m + pad)
        if any(a <= lo and hi <= b for a, b in covered):
            continue
        covered.append((lo, hi))
        match = search(quote, text[lo:hi], max_errors)
        if match is not None and match.end > match.start:
            verified.append(
                _candidate(target, text, lo + match.start, lo + match.end, match.errors)
            )
    return verified


def _seed_starts(target: Target, text: str) -> Iterator[int]:
    """Where the quote might start now, from exact finds of its pieces and context."""
    quote = target.exact
    m = len(quote)
    old = target.start or 0
    yield old
    pieces = min(8, max(2, m // 8))
    size = m // pieces
    for i in range(pieces):
        offset = i * size
        piece = quote[offset : offset + size]
        if not piece.strip():
            continue
        yield from (p - offset for p in _rare_finds(text, piece, old))
    tail = target.prefix[-12:]
    if len(tail) >= 6:
        yield from (p + len(tail) for p in _rare_finds(text, tail, old))
    head = target.suffix[:12]
    if len(head) >= 6:
        yield from (p - m for p in _rare_finds(text, head, old))


def _rare_finds(text: str, needle: str, old: int) -> Iterable[int]:
    """Occurrences of ``needle``; for a common one, only those near the old position."""
    if text.count(needle) <= MAX_OCCURRENCES:
        return _find_all(text, needle)
    return _find_all(text, needle, MAX_OCCURRENCES, max(0, old - NEAR_WINDOW), old + NEAR_WINDOW)


def _candidate(target: Target, text: str, start: int, end: int, errors: int) -> _Candidate:
    return _Candidate(
        start=start,
        end=end,
        errors=errors,
        prefix_sim=_prefix_sim(target.prefix, text, start),
        suffix_sim=_suffix_sim(target.suffix, text, end),
        quote_len=len(target.exact),
        agreeing_chars=(
            _common_suffix(target.prefix, text[max(0, start - len(target.prefix)) : start])
            + _common_prefix(target.suffix, text[end : end + len(target.suffix)])
        ),
    )


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def _dedupe(candidates: list[_Candidate]) -> list[_Candidate]:
    best: dict[tuple[int, int], _Candidate] = {}
    for c in candidates:
        key = (c.start, c.end)
        if key not in best or c.score > best[key].score:
            best[key] = c
    return list(best.values())


def _prefix_sim(prefix: str, text: str, start: int) -> float:
    """How well the text before ``start`` matches the stored prefix, 0..1.

    One minus twice the share of edits, so that unrelated text (which needs edits on most
    characters) scores 0 rather than the ~0.3 a plain edit ratio would give it. A prefix that
    is intact a little further back (text was inserted before the quote) or that ended a line
    where the quote now also starts one (the paragraph moved) keeps part of its weight.
    """
    if not prefix:
        return 1.0 if start == 0 else _NEUTRAL
    n = len(prefix)
    if n < CONTEXT_CHARS and start == n and text.startswith(prefix):
        return 1.0  # still this close to the top of the document
    window = text[max(0, start - n - n // 2) : start]
    sim = 1.0 if text.endswith(prefix, 0, start) else max(
        0.0, 1.0 - 2.0 * anchored_distance(prefix[::-1], window[::-1]) / n
    )
    # A prefix cut short by the top of the document is weaker evidence once the quote is no
    # longer that close to the top.
    sim *= min(1.0, n / CONTEXT_CHARS)
    if prefix.endswith("\n") and (start == 0 or text[start - 1] == "\n"):
        sim = max(sim, _NEUTRAL)
    if sim < _GAP_CREDIT and n >= _MIN_CONTEXT_SEED and prefix in text[
        max(0, start - n - _GAP) : start
    ]:
        sim = _GAP_CREDIT
    return sim


def _suffix_sim(suffix: str, text: str, end: int) -> float:
    if not suffix:
        return 1.0 if end == len(text) else _NEUTRAL
    n = len(suffix)
    if n < CONTEXT_CHARS and end + n == len(text) and text.endswith(suffix):
        return 1.0
    window = text[end : end + n + n // 2]
    sim = 1.0 if text.startswith(suffix, end) else max(
        0.0, 1.0 - 2.0 * anchored_distance(suffix, window) / n
    )
    sim *= min(1.0, n / CONTEXT_CHARS)
    if suffix.startswith("\n") and (end == len(text) or text[end] == "\n"):
        sim = max(sim, _NEUTRAL)
    if sim < _GAP_CREDIT and n >= _MIN_CONTEXT_SEED and suffix in text[end : end + n + _GAP]:
        sim = _GAP_CREDIT
    return sim
