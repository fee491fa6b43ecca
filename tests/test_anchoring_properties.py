"""Properties of anchoring under random edits (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sidelight.annotations.anchoring import anchor_target
from sidelight.annotations.documents import fingerprint_of
from sidelight.annotations.model import CONTEXT_CHARS, quote_target

# A vocabulary large enough that a quote with its context is rarely repeated by chance, small
# enough that words do repeat (as in any article).
VOCABULARY = (
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "said",
    "by", "it", "from", "at", "his", "her", "an", "be", "have", "which", "are", "this", "not",
    "or", "had", "were", "but", "their", "they", "its", "government", "company", "report",
    "year", "market", "people", "new", "first", "last", "week", "percent", "million", "billion",
    "president", "minister", "court", "Monday", "London", "Washington", "Paris", "analysts",
    "shares", "data", "users", "Facebook", "Zuckerberg", "audit", "apps", "trust", "privacy",
    "regulators", "lawmakers", "investigation", "campaign", "election", "platform", "developers",
)

words = st.lists(st.sampled_from(VOCABULARY), min_size=60, max_size=240)
inserted = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz ,.\n"), min_size=0, max_size=80
)


def _document(ws: list[str]) -> str:
    return " ".join(ws) + ".\n"


@st.composite
def edited_outside(draw: st.DrawFn, *, keep_context: bool):
    """A document, a highlight on it, and an edit (insert, delete or replace) outside it."""
    text = _document(draw(words))
    start = draw(st.integers(0, len(text) - 12))
    length = draw(st.integers(4, min(60, len(text) - start)))
    end = start + length
    assume(text[start:end].strip())
    margin = CONTEXT_CHARS if keep_context else 0
    before = (0, start - margin)
    after = (end + margin, len(text))
    spans = [s for s in (before, after) if s[1] >= s[0]]
    assume(spans)
    lo, hi = draw(st.sampled_from(spans))
    a = draw(st.integers(lo, hi))
    b = draw(st.integers(a, min(hi, a + 120)))
    new = draw(inserted)
    assume(b > a or new)
    edited = text[:a] + new + text[b:]
    shift = len(new) - (b - a) if b <= start else 0
    return text, start, end, edited, start + shift, end + shift


def _unique_with_context(text: str, start: int, end: int) -> bool:
    lo, hi = max(0, start - CONTEXT_CHARS), end + CONTEXT_CHARS
    return text.count(text[lo:hi]) == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(edited_outside(keep_context=True))
def test_edits_that_leave_the_highlight_and_its_context_re_anchor_it_exactly(case) -> None:
    text, start, end, edited, new_start, new_end = case
    # A quote repeated with all of its context is genuinely ambiguous; that is another test.
    assume(_unique_with_context(edited, new_start, new_end))
    target = quote_target("/d.txt", fingerprint_of(text), text, start, end)
    result = anchor_target(target, edited, fingerprint_of(edited))
    assert not result.orphan
    assert (result.start, result.end) == (new_start, new_end)
    assert result.exact == text[start:end]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(edited_outside(keep_context=False))
def test_edits_anywhere_outside_a_highlight_never_move_it_to_other_words(case) -> None:
    """Edits touching the context may orphan a highlight, but never misplace it."""
    text, start, end, edited, new_start, new_end = case
    target = quote_target("/d.txt", fingerprint_of(text), text, start, end)
    result = anchor_target(target, edited, fingerprint_of(edited))
    if not result.orphan:
        assert (result.start, result.end) == (new_start, new_end)
