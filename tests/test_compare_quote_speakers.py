"""Who a pronoun after a quotation is: never a guess that keeps one quote from its other
rendering (quotes of two different speakers are never compared as one)."""

from __future__ import annotations

from sidelight.annotations.comparison.quotes import find_quotes


def _speakers(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker) for q in find_quotes(text)]


def test_a_pronoun_is_the_speaker_the_sentence_before_leads_with() -> None:
    text = ('"The bridge stays shut," Mayor Ines Alba said. Alba later met the engineers. '
            '"We will reopen it in May," she said.')
    assert _speakers(text)[-1] == ("We will reopen it in May", "Mayor Ines Alba")


def test_a_pronoun_after_a_sentence_led_by_someone_else_is_no_known_speaker() -> None:
    text = ('"We will build it," Alba said. Kessler lost the vote, and he phoned Alba to '
            'congratulate her. "The council has decided and I accept it," he said.')
    assert _speakers(text)[-1] == ("The council has decided and I accept it", "")

