"""Numbers written in words beyond single words: "twenty-five", "one hundred and twenty",
"two hundred fifty", "a dozen", "half a dozen", "three dozen"; and ordinals.

``COMPOUND`` is a regular-expression alternative (case-insensitive) for the compound forms;
``word_value`` reads any of them, or a single number word, as its value.
"""

from __future__ import annotations

import re

DIGITS: dict[str, int] = {w: i for i, w in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), start=1)}
TEENS: dict[str, int] = {w: i for i, w in enumerate(
    ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
     "eighteen", "nineteen"), start=10)}
TENS: dict[str, int] = {w: 10 * i for i, w in enumerate(
    ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}

_U = "|".join(DIGITS)
_TEEN = "|".join(TEENS)
_T = "|".join(TENS)
_SMALL = rf"(?:{_T})(?:[- ](?:{_U}))?|(?:{_TEEN})|(?:{_U})"
COMPOUND = (
    # "one hundred and twenty", "a hundred and five", "two hundred fifty"
    rf"(?:a|{_U})\s+hundred\s+(?:and\s+)?(?:{_SMALL})(?![\w-])"
    # "a dozen", "half a dozen", "two dozen"
    rf"|(?:half\s+a|a|{_U})\s+dozen"
    # "twenty-five", "forty two"
    rf"|(?:{_T})[- ](?:{_U})"
)
_ALL = DIGITS | TEENS | TENS | {"a": 0}


def word_value(words: str, table: dict[str, float]) -> float:
    """The value of a number in words; ``table`` holds the single words and fixed phrases
    ("a quarter of a") that are read as they are."""
    key = " ".join(words.lower().split())
    if key in table:
        return table[key]
    tokens = [t for t in re.split(r"[\s-]+", key) if t != "and"]
    if tokens[-1] == "dozen":
        first = tokens[0]
        return 6.0 if first == "half" else 12.0 * (1 if first == "a" else DIGITS[first])
    value = 0.0
    for t in tokens:
        value = max(value, 1.0) * 100 if t == "hundred" else value + _ALL[t]
    return value


# "first" is left out: "the first time", "first quarter", "first lady" are seldom a count
# two reports give differently.
ORDINALS: dict[str, int] = {w: i for i, w in enumerate(
    ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
     "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
     "seventeenth", "eighteenth", "nineteenth", "twentieth"), start=2)}
