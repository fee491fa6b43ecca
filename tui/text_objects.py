"""Text objects: the sentence and the paragraph around an offset, as vim's ``is``/``ip``
select them. Pure functions over the document text; sentences are the ones the gutter marks
(``annotations.comparison.sentences``)."""

from __future__ import annotations

import bisect
from functools import lru_cache


@lru_cache(maxsize=16)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    # Imported on first use: the comparison package is not needed for the first screen.
    from sidelight.annotations.comparison.sentences import split_sentences

    return tuple((s.start, s.end) for s in split_sentences(text))


def sentence_at(text: str, offset: int) -> tuple[int, int] | None:
    """The sentence that holds ``offset``; between sentences, the next one (else the last)."""
    spans = sentence_spans(text)
    if not spans:
        return None
    i = bisect.bisect_right([s for s, _ in spans], offset) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return spans[i + 1] if i + 1 < len(spans) else spans[-1]


def paragraph_at(text: str, offset: int) -> tuple[int, int] | None:
    """The paragraph (text between blank lines, without its outer whitespace) that holds
    ``offset``; on a blank line, the next paragraph (else the one before)."""
    if not text.strip():
        return None
    offset = max(0, min(offset, len(text) - 1))
    if not text[offset].strip():
        after = len(text) - len(text[offset:].lstrip())
        offset = after if after < len(text) else len(text.rstrip()) - 1
    start = text.rfind("\n\n", 0, offset + 1)
    start = 0 if start == -1 else start + 2
    end = text.find("\n\n", offset)
    end = len(text) if end == -1 else end
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())
