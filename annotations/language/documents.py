"""The language of an open document: what the user said, else what the file declares, else
what its text reads as."""

from __future__ import annotations

import re
from typing import Protocol

from .detect import NAMES, detect

# "de", "fr-CH", "pt_BR", "deu": a language tag's primary subtag is what the rules need.
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")
# Names users type for the languages told apart ("german", "Deutsch", "français").
_BY_NAME: dict[str, str] = {name.lower(): code for code, name in NAMES.items()} | {
    "deutsch": "de", "français": "fr", "francais": "fr", "english": "en", "español": "es",
    "italiano": "it", "nederlands": "nl", "português": "pt",
}
_THREE: dict[str, str] = {"deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "eng": "en",
                          "spa": "es", "ita": "it", "nld": "nl", "dut": "nl", "por": "pt"}


class _HasLanguage(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def web(self) -> object: ...


def language_code(value: str) -> str | None:
    """The two-letter code of a language tag or name ("de-DE" -> "de", "French" -> "fr"),
    or None when ``value`` names no language."""
    low = value.strip().lower()
    if low in _BY_NAME:
        return _BY_NAME[low]
    m = _TAG.match(value)
    if m is None:
        return None
    code = m.group(1).lower()
    return _THREE.get(code, code) if len(code) == 3 else code


def document_language(doc: _HasLanguage) -> str:
    """``doc.language`` (given by the user or the file's front matter), else the web page's
    declared language, else the language detected from the text."""
    for declared in (doc.language, getattr(doc.web, "language", "") or ""):
        if declared:
            code = language_code(declared)
            if code is not None:
                return code
    return detect(doc.text)
