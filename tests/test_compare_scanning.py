"""The comparison's faster scans find what a plain scan of every position finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelight.annotations.comparison import durations, numbers, when
from sidelight.annotations.comparison.numbers import extract_quantities
from sidelight.annotations.comparison.scanning import digit_led, digits
from sidelight.annotations.entities.patterns import alternation

# Pieces that make times, dates, durations and amounts, and near misses of them; the odd
# letters are those a case-insensitive pattern reads as ASCII ones (Kelvin sign, long s).
_PIECES = ["1", "2", "0", "9", "12", "٣", ":", ".", ",", " ", " ", "-", "a", "p", "m", "am",
           "pm", "GMT", "UTC", "one", "ONE", "two", "ten", "tens", "million", "Million", "$",
           "€", "~", "about", "over", "some", "several", "hundred", "thousand", "of", "dozen",
           "half", "per cent", "%", "points", "hours", "h", "min", "s", "seconds", "\n", "\n\n",
           "\u212a", "ſ", "İ", "x", "people", "killed", "magnitude-", "k", "bn", "US$", "₹",
           "phone", "often", "’", "more than ", "as many as ", "in excess of ", "Rs. "]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)

_SENTENCES = [
    "The blast at 6:15 p.m. (1815 GMT) was felt 30 km away; she ran 2:03:36, then 4:12.",
    "About 1,200 people, 3 hours 12 minutes, 11/3 and 10:30 on March 3; 2 hours, 5 mins.",
    "At 10.45am, 23:59 and 2359 UTC the count stood at 12:00:01.5 and 1:58.3.",
]


def _scanned(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def _led(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in digit_led(pattern, text, digits(text))]


_DIGIT_LED = (when._TIME, when._WIRE_TIME, durations._COLONS, durations._PARTS)


def test_digit_led_finds_what_a_scan_finds_in_sentences() -> None:
    for text in _SENTENCES:
        for pattern in _DIGIT_LED:
            assert _led(pattern, text) == _scanned(pattern, text)
    assert [m.group() for m in digit_led(when._TIME, _SENTENCES[0])] == [
        "6:15 p.m.", "4:12"]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_digit_led_finds_what_a_scan_finds(text: str) -> None:
    for pattern in _DIGIT_LED:
        assert _led(pattern, text) == _scanned(pattern, text)


def _every_token(text: str, start: int = 0, end: int | None = None) -> list[numbers.Quantity]:
    """``extract_quantities`` as it was written first: every token looked at in turn."""
    end = len(text) if end is None else end
    out: list[numbers.Quantity] = []
    pos = start
    recent: list[int] = []
    for tok in numbers._SCAN.finditer(text, start, end):
        t0 = tok.start()
        recent.append(t0)
        if len(recent) > 6:
            del recent[0]
        if t0 < pos:
            continue
        word = tok.group()
        if not (word[0].isdigit() or word in "$€£¥₹" or word.lower() in numbers._ANCHOR_WORDS):
            continue
        for cand in recent:
            if cand < pos or cand < t0 - 24:
                continue
            m = numbers._QUANTITY.match(text, cand, end)
            if m is not None and m.end() > t0:
                q = numbers._quantity(text, m, end)
                if q is not None:
                    out.append(q)
                pos = m.end()
                break
    return out


def test_quantities_from_anchors_in_sentences() -> None:
    text = ("Roughly $1.5 billion, about 7 percent, some twenty-five thousand people and "
            "ONE HUNDRED cars; nearly half a million users, a dozen, 3 of the 4 trains, "
            "in excess of US$12 million.")
    found = extract_quantities(text)
    assert found == _every_token(text)
    assert [q.text for q in found][:3] == ["Roughly $1.5 billion", "about 7 percent",
                                           "some twenty-five thousand people"]
    assert found[-1].text == "in excess of US$12 million"


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(0, 6), st.integers(0, 6))
def test_quantities_from_anchors_are_those_of_every_token(text: str, cut: int, tail: int
                                                         ) -> None:
    assert extract_quantities(text) == _every_token(text)
    end = max(cut, len(text) - tail)
    assert extract_quantities(text, cut, end) == _every_token(text, cut, end)


def test_the_number_word_alternation_matches_exactly_the_words() -> None:
    words = ["ten", "tens", "two", "thirty", "three", "a", "one"]
    pattern = re.compile(alternation(words))
    for w in words:
        assert pattern.fullmatch(w)
    for w in ("t", "te", "tenss", "thre", "on", "", "twos"):
        assert not pattern.fullmatch(w)


def test_normalised_text_is_the_translated_text() -> None:
    from sidelight.annotations.comparison.words import _QUOTE_TRANS, normalise_text

    for text in ("“Don’t go,” she said — twice –\u00a0at 9\u202fa.m. ‚so‘ „ja“ «oui» ′″",
                 "plain ASCII\ttext\n here", "", "‘’‚‛′“”„‟″«»–—‒―\u00a0\u2009\u202f"):
        assert normalise_text(text) == " ".join(text.translate(_QUOTE_TRANS).split())
    assert normalise_text("“Don’t” — go") == "\"Don't\" - go"


def test_content_word_forms_are_the_content_words_as_written() -> None:
    from sidelight.annotations.comparison.words import content_word_forms, content_words

    text = "O’Brien said the shares tumbled; Shares had been falling since the 3rd."
    words, written = content_word_forms(text)
    assert words == content_words(text)
    assert written == [text[a:b] for a, b, _ in words]
    assert written[0] == "O’Brien" and ("shares" in written and "Shares" in written)


def _nonempty(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text) if m.group()]


def _word_led(text: str) -> dict[str, list[tuple[tuple[int, int], dict]]]:
    from sidelight.annotations.comparison import quantities
    from sidelight.annotations.comparison.scanning import led_by, merged, word_starts

    at = digits(text)
    starts = {
        "date": (when._DATE, merged(at, word_starts(text, when._DATE_WORDS))),
        "ordinal": (quantities._ORDINAL,
                    merged(at, word_starts(text, quantities.ORDINALS, ignore_case=True))),
        "fraction": (quantities._FRACTION,
                     word_starts(text, quantities.FRACTIONS, ignore_case=True)),
        "one in": (quantities._ONE_IN, word_starts(text, ("one", "1"), ignore_case=True)),
    }
    return {name: [(m.span(), m.groupdict()) for m in led_by(p, text, s)]
            for name, (p, s) in starts.items()}


def _scanned_all(text: str) -> dict[str, list[tuple[tuple[int, int], dict]]]:
    from sidelight.annotations.comparison import quantities

    return {"date": _nonempty(when._DATE, text),
            "ordinal": _nonempty(quantities._ORDINAL, text),
            "fraction": _nonempty(quantities._FRACTION, text),
            "one in": _nonempty(quantities._ONE_IN, text)}


_WORDY = st.lists(st.sampled_from([*_PIECES, "Sept", "MARCH", "May", "Monday", "tuesday",
                                   "SECOND", "Third", "a half", "one in four", " of ",
                                   "two thirds", "1st", "22nd", "the", "a "]),
                  max_size=40).map("".join)


def test_word_led_scans_find_what_a_scan_finds_in_sentences() -> None:
    text = ("On Monday, March 3, the SECOND rate cut in a row left one in four households "
            "and a third of voters, the 2nd time in 1 in 10 years; second thoughts, KELVIN.")
    found = _word_led(text)
    assert found == _scanned_all(text)
    assert [s for s, _ in found["ordinal"]] and [s for s, _ in found["fraction"]]


@settings(max_examples=300, deadline=None)
@given(_WORDY)
def test_word_led_scans_find_what_a_scan_finds(text: str) -> None:
    assert _word_led(text) == _scanned_all(text)
