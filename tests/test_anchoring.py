"""Anchoring keeps annotations on their words when the text changes, or orphans them."""

from __future__ import annotations

import random

import pytest

from sidelight.annotations.anchoring import anchor_annotation, anchor_target, locate
from sidelight.annotations.documents import fingerprint_of, make_text_document
from sidelight.annotations.fuzzy import anchored_distance, search
from sidelight.annotations.model import (
    Target,
    new_document_note,
    new_highlight,
    new_link,
    quote_target,
)

ARTICLE = (
    "Facebook chief executive Mark Zuckerberg said on Wednesday that the company had made "
    "mistakes in how it handled user data.\n\n"
    "In his first public comments since the revelations, Zuckerberg said the social network "
    "would audit thousands of apps. The company also plans to restrict developers' access to "
    "data.\n\n"
    "Shares of Facebook fell 7 percent on Monday, wiping out billions in market value. "
    "Analysts said the scandal could hurt advertising revenue for years.\n\n"
    "A probe is underway in the US and the UK, where lawmakers summoned the chief executive "
    "to testify before a parliamentary committee next month.\n"
)


def target_on(text: str, quote: str, occurrence: int = 0) -> Target:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return quote_target("/docs/a.txt", fingerprint_of(text), text, start, start + len(quote))


def anchored(target: Target, text: str) -> Target:
    return anchor_target(target, text, fingerprint_of(text))


def quote_of(target: Target, text: str) -> str:
    assert target.start is not None and target.end is not None
    return text[target.start : target.end]


QUOTE = "would audit thousands of apps"


def test_unchanged_text_keeps_the_target_as_is() -> None:
    t = target_on(ARTICLE, QUOTE)
    assert anchored(t, ARTICLE) is t


@pytest.mark.parametrize(
    ("where", "new"),
    [
        ("start", "UPDATED 10:42. "),
        ("start", "Correction: an earlier version misstated the day.\n\n"),
    ],
)
def test_insert_before_shifts_the_highlight(where: str, new: str) -> None:
    t = target_on(ARTICLE, QUOTE)
    edited = new + ARTICLE
    result = anchored(t, edited)
    assert not result.orphan
    assert result.start == t.start + len(new)  # type: ignore[operator]
    assert quote_of(result, edited) == QUOTE
    assert result.fingerprint == fingerprint_of(edited)


def test_delete_before_shifts_the_highlight() -> None:
    t = target_on(ARTICLE, QUOTE)
    first_paragraph_end = ARTICLE.index("\n\n") + 2
    edited = ARTICLE[first_paragraph_end:]
    result = anchored(t, edited)
    assert (result.start, result.end) == (
        t.start - first_paragraph_end,  # type: ignore[operator]
        t.end - first_paragraph_end,  # type: ignore[operator]
    )
    assert not result.orphan


def test_insert_and_delete_after_leave_the_highlight() -> None:
    t = target_on(ARTICLE, QUOTE)
    cut = ARTICLE.index("Shares of")
    for edited in (ARTICLE + "\nMore to follow.\n", ARTICLE[:cut] + ARTICLE[cut + 40 :]):
        result = anchored(t, edited)
        assert (result.start, result.end) == (t.start, t.end)
        assert not result.orphan


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("thousands", "thousnads"),  # a typo made
        ("audit", "audiit"),  # a character inserted
        ("thousands of", "thousands  of"),  # a space doubled
        ("would audit", "would aduit"),  # letters swapped
    ],
)
def test_a_few_characters_changed_inside_follow_the_edit(old: str, new: str) -> None:
    t = target_on(ARTICLE, QUOTE)
    edited = ARTICLE.replace(old, new, 1)
    result = anchored(t, edited)
    assert not result.orphan
    assert quote_of(result, edited) == QUOTE.replace(old, new, 1)
    assert result.exact == QUOTE.replace(old, new, 1)


def test_a_typo_fixed_inside_a_highlight() -> None:
    text = ARTICLE.replace("restrict developers'", "restrcit developers'")
    t = target_on(text, "plans to restrcit developers' access")
    result = anchored(t, ARTICLE)
    assert quote_of(result, ARTICLE) == "plans to restrict developers' access"


def test_duplicate_quotes_are_told_apart_by_context() -> None:
    quote = "the chief executive"
    text = ARTICLE.replace("Facebook chief executive", "Facebook's the chief executive", 1)
    second = target_on(text, quote, occurrence=1)
    first = target_on(text, quote, occurrence=0)
    edited = "Breaking news.\n\n" + text.replace("Shares of Facebook fell", "Shares fell", 1)
    for t in (first, second):
        result = anchored(t, edited)
        assert not result.orphan
        assert quote_of(result, edited) == quote
        # The right one: the words around it are the ones that were around it.
        assert edited[: result.start].endswith(t.prefix[-10:])
        assert edited[result.end :].startswith(t.suffix[:10])
    assert anchored(first, edited).start < anchored(second, edited).start  # type: ignore[operator]


def test_deleted_passage_orphans_and_keeps_the_quote() -> None:
    sentence = "Analysts said the scandal could hurt advertising revenue for years."
    t = target_on(ARTICLE, "the scandal could hurt advertising revenue")
    edited = ARTICLE.replace(" " + sentence, "")
    result = anchored(t, edited)
    assert result.orphan
    assert (result.exact, result.prefix, result.suffix) == (t.exact, t.prefix, t.suffix)
    assert (result.start, result.end) == (t.start, t.end)
    assert result.fingerprint == fingerprint_of(edited)
    # Opened again on the same text: not searched again, not changed.
    assert anchored(result, edited) is result


def test_an_orphan_comes_back_when_its_words_do() -> None:
    t = target_on(ARTICLE, "the scandal could hurt advertising revenue")
    edited = ARTICLE.replace("Analysts said the scandal could hurt advertising revenue", "")
    orphan = anchored(t, edited)
    assert orphan.orphan
    restored = anchored(orphan, "Note.\n" + ARTICLE)
    assert not restored.orphan
    assert quote_of(restored, "Note.\n" + ARTICLE) == t.exact


def test_reworded_quote_beyond_a_quarter_is_an_orphan() -> None:
    t = target_on(ARTICLE, "wiping out billions")
    edited = ARTICLE.replace("wiping out billions", "erasing several billion dollars")
    assert anchored(t, edited).orphan


def test_whitespace_reflowed() -> None:
    quote = "In his first public comments since the revelations, Zuckerberg said the social"
    t = target_on(ARTICLE, quote)
    # Re-wrap the second paragraph at 40 columns, as a text editor would.
    start = ARTICLE.index("In his first")
    end = ARTICLE.index("\n\n", start)
    words = ARTICLE[start:end].split(" ")
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 40:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    edited = ARTICLE[:start] + "\n".join(lines) + ARTICLE[end:]
    result = anchored(t, edited)
    assert not result.orphan
    assert " ".join(quote_of(result, edited).split()) == quote


def test_paragraph_moved_keeps_its_highlights() -> None:
    paragraphs = ARTICLE.rstrip("\n").split("\n\n")
    quote = "Shares of Facebook fell 7 percent on Monday"
    t = target_on(ARTICLE, quote)
    edited = "\n\n".join([paragraphs[2], paragraphs[0], paragraphs[1], paragraphs[3]]) + "\n"
    result = anchored(t, edited)
    assert quote_of(result, edited) == quote


def test_a_repeated_sentence_is_not_taken_when_the_highlighted_one_is_deleted() -> None:
    lede = "A probe is underway by the US and the UK authorities."
    text = f"{lede} (Reuters)\n\n{ARTICLE.rstrip()} {lede} Facebook declined to comment.\n"
    t = target_on(text, "underway by the US", occurrence=0)
    edited = text.replace(f"{lede} (Reuters)", "(Reuters)", 1)
    result = anchored(t, edited)
    # The other copy of the sentence has the same words on one side only: not enough.
    assert result.orphan


def test_common_short_quote_follows_its_context() -> None:
    words = ("the", "a", "of", "and", "market", "data", "said", "company", "year", "report")
    rng = random.Random(3)
    text = " ".join(rng.choice(words) for _ in range(60_000))
    pos = text.index(" the ", len(text) // 2) + 1
    t = quote_target("/d.txt", fingerprint_of(text), text, pos, pos + 3)
    edited = "Inserted line.\n" + text
    result = anchored(t, edited)
    assert (result.start, result.end) == (pos + 15, pos + 18)


def test_missing_range_past_the_end_is_searched_not_trusted() -> None:
    t = target_on(ARTICLE, QUOTE)
    shortened = ARTICLE[: t.start]
    assert anchored(t, shortened).orphan


def test_document_note_target_only_takes_the_new_fingerprint() -> None:
    note = new_document_note("/docs/a.txt", fingerprint_of(ARTICLE), "check the figures")
    result = anchored(note.target, ARTICLE + "x")
    assert result.fingerprint == fingerprint_of(ARTICLE + "x")
    assert not result.has_range and not result.orphan


def test_anchor_annotation_moves_targets_of_a_moved_file_and_leaves_other_documents() -> None:
    old = make_text_document("/old/a.txt", ARTICLE)
    other = make_text_document("/docs/b.txt", "Another account of the story entirely.")
    here = quote_target(old.path, old.fingerprint, old.text, 0, 8)
    there = quote_target(other.path, other.fingerprint, other.text, 0, 7)
    link = new_link((here, there), "agrees")
    moved = make_text_document("/new/a.txt", ARTICLE)
    result = anchor_annotation(link, moved)
    assert result.targets[0].source == "/new/a.txt"
    assert result.targets[1] == there
    assert result.modified == link.modified


def test_anchor_annotation_returns_the_same_object_when_nothing_changed() -> None:
    doc = make_text_document("/docs/a.txt", ARTICLE)
    ann = new_highlight(quote_target(doc.path, doc.fingerprint, doc.text, 5, 20))
    assert anchor_annotation(ann, doc) is ann


def test_locate_without_quote_is_none() -> None:
    assert locate(Target("/a", "f", 0, 3, exact=""), "abc") is None


def test_search_finds_the_fewest_edit_occurrence() -> None:
    window = "xx the quick brwn fox jumps yy"
    m = search("the quick brown fox", window, 4)
    assert m is not None
    assert window[m.start : m.end] == "the quick brwn fox"
    assert m.errors == 1
    assert search("zebra crossing", window, 2) is None


def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def test_anchored_distance_matches_a_plain_dynamic_programme() -> None:
    rng = random.Random(7)
    for _ in range(400):
        a = "".join(rng.choice("ab c") for _ in range(rng.randint(1, 10)))
        b = "".join(rng.choice("ab c") for _ in range(rng.randint(0, 12)))
        expected = min(_edit_distance(a, b[:k]) for k in range(len(b) + 1))
        assert anchored_distance(a, b) == expected
        found = search(a, b, len(a))
        if found is not None:
            assert found.errors == _edit_distance(a, b[found.start : found.end])


@pytest.mark.parametrize(("old", "quote", "new"), [
    ("Alice went to Paris. Bob stayed in Rome.", "Bob",
     "Alice went to Paris. Bob stayed in Rome!"),
    ("Alice went to Paris. Bob stayed in Rome.", "Bob",
     "Alice went to Paris. Bob stayed in Rome. Zoe arrived."),
    ("The mayor said 40 people died.", "40", "The mayor said 40 people died, police said."),
    # The suffix intact and the prefix edited: the same rule from the other side.
    ("He said 40 people died in the flood on Monday night.", "40",
     "Officials said 40 people died in the flood on Monday night."),
])
def test_a_short_unique_quote_survives_a_small_edit_beside_it(old: str, quote: str,
                                                              new: str) -> None:
    start = old.index(quote)
    target = quote_target("/d.txt", fingerprint_of(old), old, start, start + len(quote))
    moved = anchor_target(target, new, fingerprint_of(new))
    assert not moved.orphan
    assert new[moved.start:moved.end] == quote and moved.start == new.index(quote)


def test_a_short_quote_found_twice_still_needs_its_context() -> None:
    old = "Alice went to Paris. Bob stayed in Rome."
    new = "Alice went to Paris. Bob stayed in Rome! Bob left."
    start = old.index("Bob")
    target = quote_target("/d.txt", fingerprint_of(old), old, start, start + 3)
    moved = anchor_target(target, new, fingerprint_of(new))
    # Found twice: the intact prefix still picks the first one, never the second.
    assert moved.orphan or moved.start == start
