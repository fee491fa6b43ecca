"""Acronyms resolved from the brackets give exactly what the pass over every mention gave:
the reference below is ``resolve_acronyms`` as it was (commit f1145d4), run beside the new one
on the mentions of every test article and of sentences written for the cases it handles."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidelight.annotations.entities import language_of, rule_engine, rules
from sidelight.annotations.entities.acronyms import lowercase_acronyms, resolve_acronyms
from sidelight.annotations.entities.keys import acronym_definitions
from sidelight.annotations.entities.mentions import Mention
from sidelight.annotations.entities.patterns import BRACKET_ACRONYM

DATA = Path(__file__).resolve().parent / "data"
SETS = ("entities_dev", "entities_blind", "entities_blind2", "entities_blind3",
        "entities_blind4", "entities_blind_de", "entities_blind_fr", "languages", "multilingual")
SENTENCES = (
    "The Bharat Rashtra Samiti (BRS) won the seat. BRS leaders said the BRS would govern.",
    "Patients with chronic refractory cough (CRC) were treated; CRC is common. (CRC) again.",
    "The World Health Organization (WHO) warned. WHO officials and the W.H.O. met in Geneva.",
    "Kevin Andrew Patel (KAP) spoke to Kevin Andrew Patel. KAP then left for Acme Group.",
    "Die Europäische Zentralbank (EZB) hob den Zins. Die EZB sagte (dpa) am Montag.",
    "La Banque centrale européenne (BCE) a relevé ses taux. La BCE (AFP) a dit lundi.",
    "International Monetary Fund  (IMF)\n\nIMF staff (IMF) said so. (IMF)",
)


def _reference(text: str, ms: list[Mention]) -> list[Mention]:
    if "(" not in text:
        return ms
    opens: set[int] = set()
    after: set[int] = set()
    p = text.find("(")
    while p >= 0:
        after.add(p + 1)
        if BRACKET_ACRONYM.match(text, p) is not None:
            j = p
            while j and text[j - 1].isspace():
                j -= 1
            opens.update(range(j, p + 1))
        p = text.find("(", p + 1)
    rows = [(m.start, m.end, m.label, text[m.start:m.end]) for m in ms
            if m.end in opens and m.end - m.start > 3]
    defs = acronym_definitions(text, rows)
    suppressed = lowercase_acronyms(text, [m for m in ms if m.start in after])
    if not defs and not suppressed:
        return ms
    bodies = {d[0] for d in defs.values() if d[2] == "PERSON" and " " in d[3]}
    sizes = {len(k) for k in defs} | {len(k) for k in suppressed}
    out: list[Mention] = []
    for m in ms:
        if m.end - m.start not in sizes and m.start not in bodies:
            out.append(m)
            continue
        t = text[m.start:m.end]
        long = defs.get(t)
        if m.start in bodies or (long is not None and long[0] in bodies):
            m.label = "ORG"
        elif long is not None and long[0] != m.start:
            m.label = long[2]
        elif t in suppressed:
            continue
        out.append(m)
    return out


def _plain(ms: list[Mention]) -> list[tuple[int, int, str, int, bool]]:
    return [(m.start, m.end, m.label, m.conf, m.mid) for m in ms]


def _copy(ms: list[Mention]) -> list[Mention]:
    return [Mention(m.start, m.end, m.label, m.conf, m.mid) for m in ms]


def _texts() -> list[str]:
    out = list(SENTENCES)
    for name in SETS:
        out.extend(p.read_text(encoding="utf-8") for p in sorted((DATA / name).glob("*.txt")))
    return out


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[Mention]]]:
    """The mentions the engine hands to ``resolve_acronyms``, as they came."""
    calls: list[tuple[str, list[Mention]]] = []

    def spy(text: str, ms: list[Mention]) -> list[Mention]:
        calls.append((text, _copy(ms)))
        return resolve_acronyms(text, ms)

    monkeypatch.setattr(rules, "resolve_acronyms", spy)
    return calls


def test_acronyms_equal_the_reference_on_every_test_article(
        seen: list[tuple[str, list[Mention]]]) -> None:
    for text in _texts():
        rule_engine(language_of(text)).rows(text)
    changed = 0
    for text, ms in seen:
        want = _plain(_reference(text, _copy(ms)))
        assert _plain(resolve_acronyms(text, _copy(ms))) == want
        changed += want != _plain(ms)
    # The cases the reference changes (a label taken from the long form, a body, a dropped
    # acronym of lower-case words) were among them.
    assert changed >= 3


def test_mentions_in_any_order_of_starts_with_gaps_and_overlaps() -> None:
    text = SENTENCES[0] + " " + SENTENCES[1] + " " + SENTENCES[3]
    base = rule_engine("en")._mentions(text)
    # The same start twice and an overlap: resolved as the reference resolves them.
    extra = [Mention(m.start, m.end + 1, "ORG", 2) for m in base[::3]]
    ms = sorted(base + extra, key=lambda m: m.start)
    assert _plain(resolve_acronyms(text, _copy(ms))) == _plain(_reference(text, _copy(ms)))
