"""The private Textual attributes sidelight relies on where Textual offers no public way:
each test fails loudly, naming what to update, when a Textual release changes one.

- ``App._keymap`` (``tui.keys.keymap_of``): the keymap in force; there is a setter, no getter.
- ``DOMNode._bindings`` (``tui.keys.key_rows``): a node's own bindings, for the help screen
  and the command palette (``Screen.active_bindings`` only holds the keys in force now).
- ``App._start_widget`` (``DocumentView.vertical_scrollbar``): how Textual starts a widget's
  own scrollbar, which the view replaces with one that reuses its rows.
- ``Widget._scroll_update`` (``RowList._update_size``): brings a widget's scrollbars in line
  with a new virtual size set without laying out the screen.
"""

from __future__ import annotations

import inspect

from textual.app import App
from textual.binding import BindingsMap
from textual.widget import Widget


def test_app_start_widget_takes_parent_and_widget() -> None:
    start = getattr(App, "_start_widget", None)
    assert start is not None, "App._start_widget is gone: update DocumentView.vertical_scrollbar"
    assert list(inspect.signature(start).parameters)[:3] == ["self", "parent", "widget"], (
        "App._start_widget changed its signature: update DocumentView.vertical_scrollbar")


def test_a_node_keeps_its_bindings_in_a_bindings_map() -> None:
    widget = Widget()
    assert isinstance(getattr(widget, "_bindings", None), BindingsMap), (
        "DOMNode._bindings is no longer a BindingsMap: update sidelight.tui.keys.key_rows")


def test_a_widget_updates_its_scrollbars_for_a_virtual_size() -> None:
    update = getattr(Widget, "_scroll_update", None)
    assert update is not None, "Widget._scroll_update is gone: update RowList._update_size"
    assert list(inspect.signature(update).parameters) == ["self", "virtual_size"], (
        "Widget._scroll_update changed its signature: update RowList._update_size")
