"""A few words quoted out of a longer quotation: one claim, however little else is shared.

Reports often quote a phrase of what someone said ("Zuckerberg vowed to 'step up' the
efforts") where another report quotes the whole of it ("… and we need to step up and do
it," Zuckerberg wrote). The two sentences share a word or two, too little to align, yet the
quoted words are the evidence a fact-checker would cite. A short quotation (``MIN_WORDS`` to
``PART_WORDS`` words, one of them a content word) found word for word and in order inside a
longer quotation of another sentence is taken for a part of it when both have one known
speaker: the short quotation's own, else the last person its sentence names before it ("Mark
Zuckerberg vowed to 'step up'"). A phrase in quotation marks with nobody saying it (a scare
quote: "so-called 'fake news'") meets nothing: many people quote common phrases.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sidelight.annotations.comparison.quotes import Quote, quote_stems, quote_words, same_speaker

MIN_WORDS = 2
PART_WORDS = 6

# Who speaks a quotation that names no speaker: the person its sentence names before an
# offset ("" when none).
Speaker = Callable[[int], str]


def quoted_part(qa: Sequence[Quote], qb: Sequence[Quote], who_a: Speaker, who_b: Speaker
                ) -> bool:
    """Whether a short quotation of one sentence is a part of a longer one of the other,
    said by one speaker (see the module docstring)."""
    return _part_of(qa, qb, who_a) or _part_of(qb, qa, who_b)


def _part_of(short: Sequence[Quote], long: Sequence[Quote], who: Speaker) -> bool:
    for x in short:
        words = quote_words(x.text)
        if not MIN_WORDS <= len(words) <= PART_WORDS or not quote_stems(x.text):
            continue
        speaker = x.speaker or who(x.start)
        if not speaker:
            continue
        for y in long:
            said = quote_words(y.text)
            if len(said) > len(words) and same_speaker(speaker, y.speaker) \
                    and _holds(said, words):
                return True
    return False


def _holds(said: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether ``words`` stand in ``said`` as a run, in order."""
    n = len(words)
    first = words[0]
    return any(said[k] == first and said[k:k + n] == words
               for k in range(len(said) - n + 1))
