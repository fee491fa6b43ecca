"""Languages of documents: which language a text is in, and what each language writes like.

    from sidelight.annotations.language import detect, profile
    detect("Der Bundestag hat am Donnerstag ...")   # "de"
    profile("fr").months["mars"]                  # 3

``detect`` reads a text's function words and script (no model, a few microseconds per
kilobyte); ``profile`` gives the per-language data the recogniser and the comparison share:
month and weekday names, number words and scales, decimal and thousands separators, quote
marks and abbreviations that do not end a sentence. Adding a language is a data change here.
"""

from __future__ import annotations

from .detect import NAMES, detect, language_name
from .documents import document_language, language_code
from .profiles import Profile, profile, supported

__all__ = ["NAMES", "Profile", "detect", "document_language", "language_code",
           "language_name", "profile", "supported"]
