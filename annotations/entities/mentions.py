"""What the rule engine's steps pass between them: a mention, its confidence, a doubtful word.

Every step (capitalised spans, amounts, the document pass, acronyms) reads and writes these,
so they live apart from all of them.
"""

from __future__ import annotations

from operator import attrgetter

# Confidence levels of a mention: the document pass lets stronger evidence decide.
AMBIG = -1    # a gazetteer name that is also a common word, at a sentence start ("Apple")
NEED = 0      # kept only if the document names it elsewhere
GUESS = 1     # label by default (an unknown capitalised word is an organisation)
SHAPE = 2     # name shape (first name + surname, bracketed acronym, context cue)
SURE = 3      # gazetteer, title, organisation suffix, number pattern

Result = tuple[int, int, str, int]   # start, end (relative to the span), label, confidence
# Where a span stands: ``initial`` is False mid-sentence, True at a sentence start, HEAD on a
# title-case or capitals line (a headline), where every word is capitalised.
HEAD = 2
# Mentions are sorted by where they start (an attribute getter: the sorts are hot).
START = attrgetter("start")

# A capitalised word or span that reads as a common word (an organisation kept only if the
# document names it elsewhere: ``NEED``): start, end, and whether it stood mid-sentence.
# Most of them are dropped (in German every noun is one), so they are kept apart from the
# mentions as plain tuples, and only those the document pass keeps become mentions. Those
# that touch another candidate (an amount over them, a comma, a line break) go the way of
# every mention instead, so that the result is the same.
Doubtful = tuple[int, int, bool]
Reading = tuple[bool, list[Result], bool, "tuple[int, int] | None"]


class Mention:
    __slots__ = ("conf", "end", "label", "mid", "start")

    def __init__(self, start: int, end: int, label: str, conf: int, mid: bool = False) -> None:
        self.start = start
        self.end = end
        self.label = label
        self.conf = conf
        self.mid = mid   # capitalised in mid-sentence, outside a headline
