"""The sentence around a short quote, so that an exported highlight of a name or a few words
("Nix") still says what the document said about it; ``context_line`` writes it for the
Markdown export, escaped like every document text there.

Sentences are the ones the comparison and the reader's gutter use
(``comparison.sentences``). Pure functions over the document's text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from sidelight.annotations.documents import Document
from sidelight.annotations.markdown_escape import escape_line
from sidelight.annotations.model import Target

# A quote of more words than this is its own context.
SHORT_QUOTE_WORDS = 12
# Longer sentences are cut around the quote, this many characters kept on each side.
SIDE_CHARS = 200


@dataclass(frozen=True, slots=True)
class Context:
    """The sentence around a quote in three pieces, whitespace folded to single spaces;
    ``before`` and ``after`` start or end with "…" where the sentence was cut."""

    before: str
    quote: str
    after: str


@lru_cache(maxsize=8)
def _starts_ends(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    # Imported here: the sentence splitter brings the language tables, which commands that
    # export no short quote (and every command's start-up) should not pay for.
    from sidelight.annotations.comparison.sentences import split_sentences

    spans = split_sentences(text)
    return tuple(s.start for s in spans), tuple(s.end for s in spans)


def quote_context(text: str, start: int, end: int) -> Context | None:
    """The sentence(s) holding ``text[start:end]`` when the quote is short and is not the
    whole sentence; else None."""
    if not 0 <= start < end <= len(text):
        return None
    quote = text[start:end]
    if len(quote.split()) > SHORT_QUOTE_WORDS or not quote.strip():
        return None
    # Spaces the selection took in belong to the sentence, not to the quote.
    start += len(quote) - len(quote.lstrip())
    end -= len(quote) - len(quote.rstrip())
    starts, ends = _starts_ends(text)
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_left(ends, end)
    if first < 0 or last >= len(ends) or first > last or ends[first] <= start:
        return None  # not inside sentences (a heading, a stray line)
    s, e = starts[first], ends[last]
    before, after = _fold(text[s:start]), _fold(text[end:e])
    if not before and not after:
        return None  # the quote is the sentence
    if len(before) > SIDE_CHARS:
        before = "…" + before[-SIDE_CHARS:].split(" ", 1)[-1]
    if len(after) > SIDE_CHARS:
        after = after[:SIDE_CHARS].rsplit(" ", 1)[0] + "…"
    return Context(before, _fold(text[start:end]), after)


def _fold(text: str) -> str:
    """Runs of whitespace (a hard-wrapped line, a tab) as one space, ends kept as a space."""
    words = text.split()
    if not words:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + " ".join(words) + (
        " " if text[-1].isspace() else "")


# Marks where the quote's bold starts and ends while the sentence is escaped as one line
# (so that every escaping rule sees the whole sentence); a private-use character, which the
# escaping writes as a numeric reference that no document text can produce once the
# character itself is replaced.
_MARK = "\ue000"
_MARK_REF = f"&#{ord(_MARK)};"


def context_line(t: Target, doc: Document | None) -> str:
    """The sentence around a short quote, escaped, the quote in bold; "" when the quote is
    long, is its whole sentence, or its document is not open at the quote's words."""
    if doc is None or t.orphan or t.start is None or t.end is None:
        return ""
    if t.end > len(doc.text) or doc.text[t.start:t.end] != t.exact:
        return ""
    found = quote_context(doc.text, t.start, t.end)
    if found is None:
        return ""

    def clean(piece: str) -> str:
        return piece.replace(_MARK, "\ufffd")

    line = clean(found.before) + _MARK + clean(found.quote) + _MARK + clean(found.after)
    return escape_line(line).replace(_MARK_REF, "**")
