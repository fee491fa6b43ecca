"""Editors' notes around a transcript or an interview are page furniture, not claims."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.boilerplate import is_boilerplate
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.documents import make_text_document


def _furniture(text: str) -> list[str]:
    return [s.text for i, s in enumerate(split_sentences(text)) if is_boilerplate(text, s, i == 0)]


def test_editors_notes_are_furniture_and_what_they_frame_is_not() -> None:
    text = ("Harbour council meets\n\n"
            "The following is a transcript of remarks by harbour master Ola Berg at the port "
            "on Monday, March 2.\n\n"
            "OLA BERG: The north quay will stay closed until Friday.\n\n"
            "This interview has been lightly edited for length and clarity.\n\n"
            "Editor's note: an earlier version misspelt the quay's name.\n\n"
            "The following day the ferry resumed its crossings.\n")
    assert _furniture(text) == [
        "The following is a transcript of remarks by harbour master Ola Berg at the port on "
        "Monday, March 2.",
        "This interview has been lightly edited for length and clarity.",
        "Editor's note: an earlier version misspelt the quay's name."]


def test_a_transcripts_preamble_is_not_aligned_with_the_article_it_names() -> None:
    transcript = make_text_document("/t.txt", (
        "Port briefing\n\n"
        "The following is a transcript of a briefing by harbour master Ola Berg, head of "
        "operations at the Port of Narvik, on Monday evening.\n\n"
        "OLA BERG: The north quay will stay closed until Friday because of storm damage.\n"))
    article = make_text_document("/a.txt", (
        "Narvik quay shut\n\n"
        "Ola Berg, head of operations at the Port of Narvik, said the north quay would stay "
        "closed until Friday after storm damage.\n"))
    c = compare_documents([transcript, article])
    # No gutter mark, and no passage holds it.
    assert not [s for s in c.sentences[0] if s.text.startswith("The following")]
    assert not [p for p in c.passages if any("The following" in s.text for s in p.sides)]
    said = next(s for s in c.sentences[0] if "north quay" in s.text)
    assert said.kind != "unique"
