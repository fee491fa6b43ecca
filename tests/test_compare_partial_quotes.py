"""A few words quoted out of another report's longer quotation of one speaker tell one claim
(``partial_quotes``): reports that quote a phrase and reports that quote the whole."""

from __future__ import annotations

from sidelight.annotations.comparison import compare_documents
from sidelight.annotations.comparison.alignment import MUTUAL_SHARE, THRESHOLD
from sidelight.annotations.comparison.clauses import PART_SHARE, ClauseIndex, DocumentClauses
from sidelight.annotations.comparison.features import feature_weights, sentence_facts
from sidelight.annotations.comparison.partial_quotes import quoted_part
from sidelight.annotations.comparison.quotes import find_quotes
from sidelight.annotations.comparison.sentences import split_sentences
from sidelight.annotations.documents import make_text_document
from sidelight.annotations.entities import recognize_many

WHOLE = ('"We will rebuild every home in this valley, and we will do it before winter," '
         'Ortiz told reporters.')


def _nobody(offset: int) -> str:
    return ""


def test_a_phrase_quoted_out_of_a_longer_quotation_of_one_speaker_is_part_of_it() -> None:
    whole = find_quotes(WHOLE)
    phrase = find_quotes("Mayor Lena Ortiz vowed to ‘rebuild every home’ after the floods.")
    assert phrase[0].text == "rebuild every home" and not phrase[0].speaker

    def ortiz(offset: int) -> str:
        return "Lena Ortiz"

    assert quoted_part(phrase, whole, ortiz, _nobody)
    assert quoted_part(whole, phrase, _nobody, ortiz)  # either way round
    # Its own speaker, when the quotation names one, is the one compared.
    said = find_quotes('"Rebuild every home," Ortiz said.')
    assert quoted_part(said, whole, _nobody, _nobody)


def test_a_phrase_is_no_part_of_another_speakers_words_nor_of_unknown_words() -> None:
    whole = find_quotes(WHOLE)
    phrase = find_quotes("The governor promised to ‘rebuild every home’ by spring.")
    assert not quoted_part(phrase, whole, lambda offset: "Tom Hale", _nobody)
    # A scare quote, which nobody is said to have said: many people quote common phrases.
    assert not quoted_part(phrase, whole, _nobody, _nobody)
    # Whose words the longer quotation are must be known too.
    anonymous = find_quotes('"We will rebuild every home in this valley before winter."')
    assert not quoted_part(phrase, anonymous, lambda offset: "Ortiz", _nobody)


def test_only_a_run_of_words_with_a_content_word_is_a_part() -> None:
    whole = find_quotes(WHOLE)

    def ortiz(offset: int) -> str:
        return "Ortiz"

    # One word, small words only, words out of order or not side by side: chance.
    for text in ("Ortiz called it ‘valley’.", "Ortiz said ‘we will’ twice.",
                 "Ortiz vowed to ‘rebuild this valley’.", "Ortiz vowed to ‘every home rebuild’."):
        assert not quoted_part(find_quotes(text), whole, ortiz, _nobody), text
    # A phrase as long as the quotation is the quotation: compared as one (``quoted_alike``).
    assert not quoted_part(find_quotes("Ortiz said ‘rebuild every home’."),
                           find_quotes('"Rebuild every home," Ortiz said.'), ortiz, ortiz)


def test_two_reports_align_a_quoted_phrase_with_the_whole_quotation() -> None:
    # The two sentences share two words; the quoted words make them one claim.
    said = ('"We lost a great deal this week, but we will rebuild every home, street by '
            'street," Ortiz told reporters.')
    a = make_text_document("a.txt", "Floods in the valley\n\nRiver levels fell on Monday. "
                           "In her first remarks since the levee broke, Mayor Lena Ortiz vowed "
                           "to ‘rebuild every home’ and thanked volunteers from nearby towns. "
                           "Schools will reopen next week.\n")
    b = make_text_document("b.txt", "Valley mayor speaks\n\nThe water receded overnight. "
                           + said + " The school board met on Sunday.\n")
    c = compare_documents([a, b])
    phrase = next(s for s in c.sentences[0] if "rebuild" in s.text)
    assert [c.documents[1].text[p.start:p.end] for p in phrase.counterparts] == [said]
    # Scored alone (no order of the documents to help), another speaker's words or words
    # nobody is said to say share too little with it.
    lead = next(s.text for s in c.sentences[0] if "rebuild" in s.text)
    assert _score(lead, said) >= PART_SHARE
    for other in (said.replace("Ortiz", "Governor Tom Hale"),
                  said.replace(" Ortiz told reporters.", "")):
        assert _score(lead, other) < THRESHOLD * MUTUAL_SHARE, other


def _score(a: str, b: str) -> float:
    texts = [a, b]
    entities = recognize_many(texts)
    facts = [sentence_facts(t, split_sentences(t), e, [], find_quotes(t))
             for t, e in zip(texts, entities, strict=True)]
    weights = feature_weights(facts)
    parts = [DocumentClauses(f, e, [], weights) for f, e in zip(facts, entities, strict=True)]
    return ClauseIndex(facts, weights, parts).score((0, 0), (1, 0))
