"""sidelight's core: documents, annotations, anchoring, store, entities, comparison, export.

Nothing in this package may import Textual: the command-line tools and the tests use it
without a terminal user interface.
"""
