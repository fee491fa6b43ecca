"""Whether a capitalised word is an ordinary word of the language (its inflections and, in
German, its compounds included): such a word is a name only when the document says so."""

from __future__ import annotations

from .gazetteer import Gazetteer, Words

# Inflected forms of common words ("Refuting", "Regulators", "Shortly"): suffix, replacement,
# grouped by the last letter so most names are turned away by one lookup.
_INFLECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "s": (("s", ""), ("es", ""), ("ers", ""), ("ers", "e"), ("ies", "y")),
    "d": (("ed", ""), ("ed", "e")),
    "g": (("ing", ""), ("ing", "e")),
    "y": (("ly", ""), ("ily", "y")),
}
# Stems shorter than this are no evidence ("Carly" is no "car" + "ly").
_MIN_STEM = 4


def is_common(gz: Gazetteer, word: str) -> bool:
    low = word.lower()
    if gz.compound_nouns and "ß" in low:
        low = low.replace("ß", "ss")   # the German list is written as its source folds it
    common = gz.common_words
    if low in common:
        return True
    for suf, repl in _INFLECTIONS.get(low[-1:], ()):
        if low.endswith(suf) and len(low) >= len(suf) + _MIN_STEM \
                and low[: -len(suf)] + repl in common:
            return True
    if not gz.compound_nouns:
        return False
    if "-" in low:
        # A compound written with hyphens is an ordinary word when every part is one
        # ("Umfrage-App", whose head is too short to tell alone); a name among its parts
        # is no such evidence ("Facebook-Aktie").
        parts = word.split("-")
        if len(parts[-1]) > 1 and parts[-1].lower() in common and all(
                len(p) > 1 and is_common(gz, p) and not _a_name(gz, p) for p in parts):
            return True
    return _is_compound(common, low)


# German plural and case endings, stripped to find a noun's stem ("Investitionen").
_NOUN_ENDINGS = ("en", "n", "e", "es", "s", "er", "ern")
# The last part of a German compound is its head ("Datenschutz|skandal"); a head of this many
# letters or more is evidence that the whole is a common noun.
_MIN_HEAD = 5
# A head shorter than ``_MIN_HEAD`` ("team", "app") needs a modifier that is a word of
# this many letters or more.
_MIN_SHORT_HEAD = 3
_MIN_MODIFIER = 5
# Heads that end family names and place names as often as nouns ("Zuckerberg", "Weidmann",
# "Pfaffenhofen"): never evidence alone.
_NAME_HEADS = ("berg", "burg", "mann", "stein", "feld", "dorf", "heim", "hausen", "hofen",
               "bach", "brück", "brunn", "meier", "meyer", "müller", "schmidt", "thal", "kirchen",
               "hagen", "stadt", "furt", "ingen", "leben", "rode", "werder", "horst", "wald")


def _is_compound(common: Words, low: str) -> bool:
    if low.endswith(_NAME_HEADS) or len(low) < _MIN_HEAD + 3:
        return False
    for cut in range(3, len(low) - _MIN_HEAD + 1):
        head = low[cut:]
        if head in common:
            return True
        for end in _NOUN_ENDINGS:
            if head.endswith(end) and len(head) - len(end) >= _MIN_HEAD \
                    and head[: -len(end)] in common:
                return True
    # A short head ("Wahlkampf|team") counts when the rest is itself a word long enough
    # not to be a syllable of a name.
    for cut in range(len(low) - _MIN_HEAD + 1, len(low) - _MIN_SHORT_HEAD + 1):
        if cut >= _MIN_MODIFIER and low[cut:] in common and low[:cut] in common:
            return True
    return False


def _a_name(gz: Gazetteer, word: str) -> bool:
    """Whether a word the list holds is also a name of the gazetteer (the frequency list of
    German holds the names its news repeat: "Facebook", "Baden")."""
    return (word in gz.names or word in gz.first_names or word in gz.surnames
            or word in gz.famous_surnames)
