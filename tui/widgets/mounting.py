"""Mounting widgets after the first frame: the reader's first screen holds the documents'
text, and its chrome (titles, status parts, tabs) is mounted one frame later."""

from __future__ import annotations

from textual.widget import Widget


def mount_now(parent: Widget, *widgets: Widget) -> bool:
    """Mount ``widgets`` in ``parent``, in the DOM on return (queries find them); False when
    the parent is going away (its screen closes) and takes none."""
    if not parent.is_attached:
        return False
    parent.mount(*widgets)
    return all(widget.parent is parent for widget in widgets)


def fill_once(parent: Widget, *widgets: Widget) -> None:
    """Mount ``widgets`` in ``parent`` unless it already holds children or is going away: a
    screen closed as it opens, or a fill asked for twice, mounts nothing."""
    if parent.is_attached and not parent.children:
        parent.mount(*widgets)
