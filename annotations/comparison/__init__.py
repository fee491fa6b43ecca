"""Comparison of several accounts of one story: where they agree, differ, and what only one
says. Pure functions over ``Document`` objects; the reader and ``sidelight compare`` use it.

    comparison = compare_documents(docs)            # entities recognised here
    comparison.marks(0)                              # [(start, end, kind), ...] for a gutter
    comparison.counterparts(0, offset)               # {other_doc: (start, end)}
    render_markdown(comparison) / render_json(comparison)
"""

from sidelight.annotations.comparison.compare import compare_documents
from sidelight.annotations.comparison.model import (
    KINDS,
    UNMATCHED,
    AlignedSentence,
    Comparison,
    Counterpart,
    Difference,
    DocSpan,
    EntityRow,
    FigureRow,
    NumberContrast,
    Passage,
    QuoteContrast,
    QuoteMatch,
)
from sidelight.annotations.comparison.numbers import Quantity, extract_quantities
from sidelight.annotations.comparison.quotes import Quote, WordDiff, find_quotes, word_diff
from sidelight.annotations.comparison.sentences import Sentence, split_sentences

__all__ = [
    "KINDS",
    "UNMATCHED",
    "AlignedSentence",
    "Comparison",
    "Counterpart",
    "Difference",
    "DocSpan",
    "EntityRow",
    "FigureRow",
    "NumberContrast",
    "Passage",
    "Quantity",
    "Quote",
    "QuoteContrast",
    "QuoteMatch",
    "Sentence",
    "WordDiff",
    "compare_documents",
    "extract_quantities",
    "find_quotes",
    "split_sentences",
    "word_diff",
]
