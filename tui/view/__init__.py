"""The document view: a Line-API widget drawing one document with layers, cursor and selection."""

from sidelight.tui.view.document_view import DocumentView
from sidelight.tui.view.spans import PRIORITY as LAYER_PRIORITY

__all__ = ["LAYER_PRIORITY", "DocumentView"]
