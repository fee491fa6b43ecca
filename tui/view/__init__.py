"""The document view: a Line-API widget drawing one document with layers, cursor and selection."""

from tui.view.document_view import DocumentView
from tui.view.spans import PRIORITY as LAYER_PRIORITY

__all__ = ["LAYER_PRIORITY", "DocumentView"]
