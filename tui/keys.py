"""The key bindings in force for a widget, as the help screen and command palette list them.

Bindings are read from the widget and its ancestors with the app's keymap applied, so a
remapped key shows up everywhere under its new name.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App
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
    keymap = app._keymap  # Textual keeps the keymap private but it is what bindings resolve by
    rows: list[KeyRow] = []
    seen_keys: set[str] = set()
    for owner in node.ancestors_with_self:
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
