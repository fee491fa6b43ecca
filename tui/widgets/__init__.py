"""Widgets of the reader: document panes, the side panel, the status line."""
