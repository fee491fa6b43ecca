"""Language detection reads the same words however a text is split."""

from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st

detect = importlib.import_module("sidelight.annotations.language.detect")

_ascii = st.text(alphabet=st.characters(max_codepoint=127), max_size=200)
_any = st.text(max_size=200)


@settings(max_examples=500, deadline=None)
@given(_ascii | _any | st.sampled_from(["\u212a is the Kelvin sign", "Straße İstanbul"]))
def test_words_are_the_runs_of_letters(text: str) -> None:
    # ASCII text is split without the regex; both must give the same words.
    assert detect._words(text) == detect._WORD.findall(text.lower())
