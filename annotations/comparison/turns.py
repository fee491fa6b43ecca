"""A speaker's turn in a transcript is one unit of what was said.

A transcript gives a speaker's answer as a run of sentences under one label ("INES BERG:
The storm tore away a section of the pier. We are keeping the north quay shut until
Friday."), which a report retells as one sentence, often a clause per sentence of the turn.
The sentence of a turn whose neighbour in the same turn is aligned, and which found no
partner of its own, tells the rest of that answer: it joins its neighbour's partner when the
two share a word, a meaning or a figure of one thing (the order prior's floor), where an
unrelated neighbour would need the aligner's own evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sidelight.annotations.comparison.features import SentenceFacts


def one_turn(facts: Sequence[SentenceFacts], text: str, i: int, k: int) -> bool:
    """Whether sentences ``i`` and ``k`` of a document are one speaker's turn: the same
    transcript label, with no line break between them."""
    if not (0 <= i < len(facts) and 0 <= k < len(facts)):
        return False
    a, b = facts[min(i, k)].sentence, facts[max(i, k)].sentence
    return bool(a.speaker) and a.speaker == b.speaker and "\n" not in text[a.end:b.start]


def turn_pairs(pairs: Sequence[tuple[int, int, float]],
               facts: tuple[Sequence[SentenceFacts], Sequence[SentenceFacts]],
               texts: tuple[str, str], evidence: Callable[[int, int], float], floor: float
               ) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, evidence)`` to add to ``pairs``: a sentence of a turn without a
    partner, beside one of its turn that has one, joined to that partner (either side) when
    their evidence reaches ``floor``."""
    told = ({i for i, _, _ in pairs}, {j for _, j, _ in pairs})
    out: dict[tuple[int, int], float] = {}
    for i, j, _ in pairs:
        for side, here, there in ((0, i, j), (1, j, i)):
            for k in (here - 1, here + 1):
                if k in told[side] or not one_turn(facts[side], texts[side], here, k):
                    continue
                pair = (k, there) if side == 0 else (there, k)
                if pair not in out:
                    s = evidence(*pair)
                    if s >= floor:
                        out[pair] = s
    return sorted((x, y, round(s, 3)) for (x, y), s in out.items())
