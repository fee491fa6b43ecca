"""Cues in the words around a name: a place noun after it, a title before it, "in" before a
place; they settle the label of a name the gazetteer does not know."""

from __future__ import annotations

from .gazetteer import Gazetteer
from .lexicon import Lexicon

# "X state media" is a country's press, not a state called X.
_STATE_NOT_PLACE = frozenset(("media", "television", "tv", "news", "broadcaster", "agency",
                              "newspaper", "radio", "company", "firm", "department"))
# Nouns whose "in" is a share of a company, not a place ("a stake in", "invested in").
_HOLDING_NOUNS = frozenset(("stake", "stakes", "shares", "share", "interest", "investment",
                            "invest", "invested", "investing", "investor", "investors", "holding",
                            "holdings", "position", "role", "jobs", "job", "career", "work",
                            "worked", "works", "working", "confidence", "trust", "changes"))
# Names of measuring scales ("the Richter Scale"): no organisation.
_PLACE_OF = tuple(f"{w} of " for w in
                  ("town", "city", "village", "province", "state", "region", "district", "capital"))


def context_label(lx: Lexicon, gz: Gazetteer, text: str, s: int, e: int,
                  multi: bool = False) -> str | None:
    """The label the words around a name give it ("Ziarat district", "his wife Melania",
    "the town of Portoviejo"), or None."""
    after = text[e:e + 24]
    if after.startswith(", who ") or after.startswith(" who "):
        return "PERSON"
    if after[:1] == " ":
        nxt = after.split(None, 2)
        w0 = nxt[0].rstrip(",.;:") if nxt else ""
        if w0.endswith("s") and w0[:-1] in lx.place_nouns:
            w0 = w0[:-1]   # "Jajarkot and Rukum West districts"
        if w0 in lx.place_nouns and not (
                w0 == "state" and len(nxt) > 1 and nxt[1].rstrip(",.;:") in _STATE_NOT_PLACE):
            return "GPE"     # "Ziarat district", "Oriental Mindoro province"
    window = text[s - 24 if s > 24 else 0:s]
    if window.endswith(_PLACE_OF):
        return "GPE"     # "the town of Portoviejo"
    before = window.rstrip(" ,").rsplit(" ", 1)[-1].lower().strip("“\"(")
    if before in lx.person_cues_before:
        if multi and not all(w[:1].isupper() and w[1:2].islower() for w in text[s:e].split()):
            return None   # "analyst Morgan Stanley ..." shapes stay as they were
        return "PERSON"
    if multi:
        return None   # the weaker cues below are read for single words only
    if after.startswith(", "):
        nxt = text[e + 2:e + 40]
        for cand in (nxt.split(",")[0].split(".")[0], nxt.split(" ")[0].rstrip(",.")):
            found = gz.names.get(cand)
            if found is not None and found[0] == "GPE":
                return "GPE"
    if after[:1] == " " and after[1:].split(" ", 1)[0] in lx.cues_after:
        return "PERSON"
    return None


def in_place(lx: Lexicon, text: str, s: int, e: int) -> bool:
    """"struck in Jajarkot": an unknown word after "in" is where something happened,
    unless the "in" is a holding's ("a stake in Acmeco") or the word is an acronym."""
    words = text[max(0, s - 30):s].split()
    if len(words) < 1 or words[-1] not in lx.place_preps or text[s:e].isupper() \
            or text[e:e + 2] in ("'s", "’s"):   # "in Lim's trial": whose, not where
        return False
    return len(words) < 2 or words[-2].lower().strip(",.") not in _HOLDING_NOUNS


def place_list(lx: Lexicon, gap: str) -> bool:
    """The words between two names list places ("X district and Y", "X province, Y")."""
    words = gap.replace(",", " , ").split()
    return len(words) == 2 and words[1] in ("and", ",", "or") and (
        words[0] in lx.place_nouns)


def date_context(lx: Lexicon, text: str, s: int) -> bool:
    """Whether a doubtful date word at ``s`` reads as a date ("on May 4", "since March")."""
    before = text[max(0, s - 12):s].split()
    if before and before[-1].lower().rstrip("-") in lx.date_preps:
        return True
    after = text[s:s + 16].split(" ")
    return len(after) > 1 and after[1][:1].isdigit()
