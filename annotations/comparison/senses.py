"""What a word can mean: WordNet meaning ids, so that reworded claims meet.

Two reports of one event seldom pick the same words ("hurt" / "injured", "inquiry" /
"investigation", "prevent" / "stop"). ``data/wordnet_senses.tsv`` (derived from WordNet 3.0,
licence beside it) lists for each word the ids of the meanings of its most frequent senses
and of its derived forms; two words that share an id are taken as saying the same thing,
weighted below a shared word. A noun also lists what it is a kind of ("house" -> building),
given here as a negative id: ``-(id + 1)`` meets ``id`` (``kind_of``), never another negative
one. The table is read once, when a comparison first needs it.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

_EMPTY: frozenset[int] = frozenset()

# Inflections tried in order when a word is not in the table itself: (suffix, replacement).
_RULES: tuple[tuple[str, str], ...] = (
    ("ies", "y"), ("ves", "f"), ("es", "e"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"),
    ("ed", ""), ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("ly", ""),
)


@cache
def _table() -> dict[str, str]:
    """Word -> its ids as written (parsed on first use of each word: reading the table
    must stay cheap, and a document uses a few thousand of its 55,000 words)."""
    text = (resources.files("sidelight.annotations.comparison") / "data" / "wordnet_senses.tsv"
            ).read_text(encoding="ascii")
    return dict(line.split("\t", 1) for line in text.splitlines())


@lru_cache(maxsize=65536)
def meanings(word: str) -> frozenset[int]:
    """The meaning ids of a lowercased word or of its base form ("injured" -> injure)."""
    table = _table()
    found = table.get(word)
    if found is not None:
        return _parse(found)
    for suffix, repl in _RULES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)] + repl
            found = table.get(base)
            if found is not None:
                return _parse(found)
            # "stopped" -> "stop": a doubled final consonant.
            if suffix in ("ed", "ing", "er", "est") and len(base) > 3 and base[-1] == base[-2]:
                found = table.get(base[:-1])
                if found is not None:
                    return _parse(found)
    return _EMPTY


def kind_of(m: int) -> int:
    """The id a "kind of" id points to (``-(id + 1)`` -> ``id``), and back."""
    return -m - 1


@lru_cache(maxsize=65536)
def _parse(ids: str) -> frozenset[int]:
    return frozenset(kind_of(int(x[1:], 36)) if x[0] == "^" else int(x, 36)
                     for x in ids.split())
