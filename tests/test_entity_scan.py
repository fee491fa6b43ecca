"""The rule engine's fast paths: the scanners' shapes and the doubtful words kept apart.

Each fast path must read a text exactly as the plain one did; the gold tests measure the
result, these pin the pieces down.
"""

from __future__ import annotations

import re
import subprocess
import sys

from sidelight.annotations.entities import recognize
from sidelight.annotations.entities.amounts import after_boundary
from sidelight.annotations.entities.analyser import doubtful_word
from sidelight.annotations.entities.languages import patterns
from sidelight.annotations.entities.mentions import NEED
from sidelight.annotations.entities.patterns import UP, _capitals, _first_capital, optional_branches


def _found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in recognize(text, lang=lang)]


def test_every_capital_of_the_class_opens_a_span_and_nothing_else_does() -> None:
    letters = _capitals()
    assert len(letters) == len(set(letters)) == 56
    first = re.compile(_first_capital())
    for code in range(0x250):
        ch = chr(code)
        in_class = re.fullmatch(f"[{UP}]", ch) is not None
        assert (ch in letters) == in_class
        assert (first.match(ch + "xq") is not None) == in_class, ch


def test_the_first_capital_refuses_a_lone_function_word_only() -> None:
    capspan = patterns("en").capspan
    spans = [m.group() for m in capspan.finditer("The Hague said. The end. I know. It rains.")]
    assert spans == ["The Hague"]
    # Its pattern opens with a literal in every branch, so the engine keeps its first-character
    # table rather than trying every position of the text.
    assert capspan.pattern.startswith("(?:A")


def test_an_elided_article_opens_no_span_in_french() -> None:
    capspan = patterns("fr").capspan
    assert [m.group() for m in capspan.finditer("selon L'Union, puis D'Artagnan")] == [
        "Union", "Artagnan"]
    assert not capspan.pattern.startswith("(?!")


def test_matches_after_a_boundary_count_at_the_start_and_after_a_symbol() -> None:
    rx = re.compile(r"[^\w-](?P<w>ab)(?P<pct>%)?")
    text = "ab%ab -ab xab ab"
    got = [(m.start("w") - 1, m.end() - 1) for m in after_boundary(rx, text)]
    # At 0 (nothing before), at 3 (after the "%" that ended the match before it), at 14;
    # not after "-" nor inside "xab".
    assert got == [(0, 3), (3, 5), (14, 16)]
    assert [text[a:b] for a, b in got] == ["ab%", "ab", "ab"]


def test_a_word_counts_after_every_character_that_is_no_letter_digit_or_hyphen() -> None:
    # The scan looks for spaces apart from the other boundaries (see ``after_boundary``):
    # together they must accept exactly the characters of [^\w-], whatever the script.
    rx = re.compile(r"[^\w-](?P<w>ab)(?![\w-])")
    for code in (*range(0x00, 0x3100), *range(0xFF00, 0xFFF0), 0x1F600):
        ch = chr(code)
        if ch in "ab":
            continue
        text = f"x{ch}ab {ch}ab"
        got = [(m.start("w") - 1, m.end() - 1) for m in after_boundary(rx, text)]
        boundary = re.fullmatch(r"[^\w-]", ch) is not None
        assert got == ([(2, 4), (6, 8)] if boundary else []), ch


def test_lower_case_words_at_the_very_start_of_a_text() -> None:
    assert _found("zwei Millionen Euro flossen nach Berlin.", "de")[0] == (
        "zwei Millionen Euro", "MONEY")
    assert _found("mardi, le président a parlé.", "fr")[0] == ("mardi", "DATE")


def test_a_doubtful_word_is_its_span_s_whole_reading_only() -> None:
    assert doubtful_word("Regierung", [(0, 9, "ORG", NEED)]) == (0, 9)
    assert doubtful_word("Die Regierung", [(4, 13, "ORG", NEED)]) == (4, 13)
    assert doubtful_word("Regierung", [(0, 9, "ORG", 1)]) is None
    assert doubtful_word("März", [(0, 4, "DATE", NEED)]) is None
    assert doubtful_word("Inc.", [(0, 4, "ORG", NEED)]) is None   # may join "Industries, Inc."
    assert doubtful_word("A B", [(0, 1, "ORG", NEED), (2, 3, "ORG", NEED)]) is None


def test_doubtful_words_the_document_confirms_are_kept_in_order() -> None:
    # Capitalised mid-sentence twice: a name here.
    assert _found("The fans of the Rangers cheered. Later the Rangers lost.", "en") == [
        ("Rangers", "ORG"), ("Rangers", "ORG")]
    assert _found("The fans of the Rangers cheered.", "en") == []
    # The short form of a bank the document names.
    got = recognize("Die Deutsche Bank meldete Gewinne. Die Bank will wachsen.", lang="de")
    assert [(e.text, e.label) for e in got] == [("Deutsche Bank", "ORG"), ("Bank", "ORG")]
    assert [e.start for e in got] == sorted(e.start for e in got)


def test_a_doubtful_word_under_an_amount_or_a_name_tail_is_settled_as_before() -> None:
    assert _found("Die Regierung will 2,5 Milliarden Euro ausgeben.", "de") == [
        ("2,5 Milliarden Euro", "MONEY")]
    assert ("Union européenne", "ORG") in _found(
        "La décision de l'Union européenne a surpris.", "fr")


def test_importing_the_recogniser_loads_no_word_list_and_compiles_no_scanner() -> None:
    # The reader imports it at start-up (through the comparison); the word lists and the big
    # scanners are paid for where entities are first read, in the entity worker.
    code = (
        "import sidelight.annotations.entities as e\n"
        "from sidelight.annotations.entities import gazetteer, languages, patterns\n"
        "assert gazetteer.load.cache_info().currsize == 0\n"
        "assert gazetteer.for_language.cache_info().currsize == 0\n"
        "assert patterns.english.cache_info().currsize == 0\n"
        "assert languages.patterns.cache_info().currsize == 0\n"
        "assert e.rule_engine.cache_info().currsize == 0\n"
        "e.recognize('Angela Merkel sprach am Montag in Berlin.', lang='de')\n"
        "assert gazetteer.for_language.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_acronyms_in_brackets_after_spaces_and_of_lower_case_words() -> None:
    # Only the mentions right before a bracket (spaces allowed) are read for a definition.
    got = recognize("Officials at Cambridge Analytica  (CA) said that CA would close.", lang="en")
    assert [(e.text, e.key) for e in got if e.label == "ORG"] == [
        ("Cambridge Analytica", "ORG:cambridge analytica"), ("CA", "ORG:cambridge analytica"),
        ("CA", "ORG:cambridge analytica")]
    # An acronym of lower-case words names no organisation, here or later.
    assert _found("Patients with chronic refractory cough (CRC) were treated. CRC is rare.",
                  "en") == []


def test_optional_groups_become_branches_with_the_same_matches() -> None:
    assert optional_branches(r"(?:ab)?c") == r"(?:ab|)c"
    assert optional_branches(r"(?P<x>a(?:b)?)?c") == r"(?:(?P<x>a(?:b|))|)c"
    # Lazy and possessive groups, look-arounds and escaped or bracketed brackets stay.
    kept = r"[)(?]\)?(?:x)??(?:y)?+(?=a)?"
    assert optional_branches(kept) == kept
    # The same match, with the same groups, on every prefix of a text full of near misses.
    for pattern in (r"\d+(?:[.,]\d+)?(?: ?(?P<u>km|kg|k)\b)?(?:-(?:\d+)?)?",
                    r"(?P<a>[A-Z](?:[a-z]+)?)?(?:\.(?:[A-Z]\.)?)?x?",
                    patterns("de").numeric.pattern, patterns("fr").lower.pattern):
        old, new = re.compile(pattern), re.compile(optional_branches(pattern))
        text = ("12,5 km 3. März 2019 A.B.x 7-8 9- k 1.000.000 Euro neun Prozent zwei Milliarden "
                "Euro 14,3 % 22 mars 2018 neuf pour cent 12 000 Ab.x deux milliards de dollars")
        for i in range(len(text)):
            a, b = old.match(text, i), new.match(text, i)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (
                pattern[:40], i)
