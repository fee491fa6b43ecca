"""The key bindings in force for a widget, as the help screen and command palette list them.

Bindings are read from the widget and its ancestors with the app's keymap applied, so a
remapped key shows up everywhere under its new name.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode


@dataclass(frozen=True, slots=True)
class KeyRow:
    section: str
    keys: str  # as displayed, e.g. "/", "^r", "n"
    action: str
    description: str
    node: DOMNode


def key_rows(app: App, node: DOMNode, sections: dict[type, str]) -> list[KeyRow]:
    """One row per (owner, action), innermost owner first; a key bound twice appears once.

    ``sections`` names the owners by class (e.g. ``{DocumentView: "Moving"}``); owners of other
    classes are listed under their class name.
    """
    keymap = keymap_of(app)
    rows: list[KeyRow] = []
    seen_keys: set[str] = set()
    for owner in node.ancestors_with_self:
        # Private, no public equivalent: tests/test_textual_private.py watches it.
        bindings = owner._bindings.copy()
        if keymap:
            bindings.apply_keymap(keymap)
        section = next(
            (name for cls, name in sections.items() if isinstance(owner, cls)),
            type(owner).__name__,
        )
        by_action: dict[str, tuple[list[str], str]] = {}
        for key, key_bindings in bindings.key_to_bindings.items():
            if key in seen_keys:
                continue  # shadowed by an inner owner
            for binding in key_bindings:
                if not binding.description:
                    continue
                # The reader's own bindings may carry a longer wording of a terse Footer label
                # in their tooltip (Textual's tooltips say other things).
                own = (binding.id or "").startswith("sidelight.")
                described = binding.tooltip if own and binding.tooltip else binding.description
                keys, _ = by_action.setdefault(binding.action, ([], described))
                display = app.get_key_display(binding)
                if display not in keys:
                    keys.append(display)
        seen_keys.update(bindings.key_to_bindings)
        rows.extend(
            KeyRow(section, " ".join(keys), action, description, owner)
            for action, (keys, description) in by_action.items()
        )
    return rows


def keymap_of(app: App) -> dict[str, str]:
    """The keymap in force (binding id → keys). Textual keeps it private and offers no
    getter; this is the one place that reads it (tests/test_keys.py fails loudly if Textual
    renames it)."""
    keymap = app._keymap
    if not isinstance(keymap, dict):
        raise TypeError("Textual's App._keymap is no longer a dict: update tui/keys.py keymap_of")
    return keymap


def key_display(app: App, binding_id: str, classes: tuple[type, ...]) -> str | None:
    """How the first key of binding ``binding_id`` is shown, with the user's keymap applied;
    None when no binding of ``classes`` has that id."""
    for cls in classes:
        for binding in getattr(cls, "BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id == binding_id:
                keys = keymap_of(app).get(binding_id, binding.key)
                first = keys.split(",")[0].strip()
                return app.get_key_display(Binding(first, binding.action, binding.description))
    return None


def binding_ids(classes: tuple[type, ...]) -> set[str]:
    """Every binding id the ``classes`` declare."""
    return {b.id for cls in classes for b in getattr(cls, "BINDINGS", ())
            if isinstance(b, Binding) and b.id}


def known_binding_ids() -> set[str]:
    """The id of every binding of every widget class loaded (the reader's and Textual's)."""
    seen: set[type] = set()
    stack: list[type] = [DOMNode]
    ids: set[str] = set()
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        ids |= binding_ids((cls,))
        stack.extend(cls.__subclasses__())
    return ids


def unknown_keymap_ids(keymap: dict[str, str]) -> list[str]:
    """The ids of ``keymap`` that name no binding: typos, or bindings of another version."""
    if not keymap:
        return []
    known = known_binding_ids()
    if any(k not in known for k in keymap):
        # The dialogs and the side panel's lists are imported when first used, not with the
        # reader's first screen: their bindings count too.
        import importlib
        import pkgutil

        from sidelight.tui import screens, widgets

        for package in (screens, widgets):
            for module in pkgutil.iter_modules(package.__path__):
                importlib.import_module(f"{package.__name__}.{module.name}")
        known = known_binding_ids()
    return sorted(k for k in keymap if k not in known)
