"""The link dialog: how two passages relate (a relation from the list or a word of one's own)
and a note. ctrl+s saves, escape cancels.

The digits 1–5 pick a relation only while the list of relations has focus; tab goes forward
through the fields and stops at the note, so what is typed there never reaches the list. The
relation that will be saved is shown below the list whichever field has focus.

Saving calls ``save(relation, note)``, which returns None on success or a one-line error; on
an error the dialog stays open with everything typed intact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from sidelight.annotations.model import RELATIONS
from sidelight.tui.safe_text import one_line
from sidelight.tui.screens.guarded_dialog import GuardedDialog

OWN_WORD = "own"
# The relations offered, as the list shows them; the last one takes the word typed below it.
CHOICES: tuple[tuple[str, str], ...] = (
    *((r, r.replace("-", " ")) for r in RELATIONS),
    (OWN_WORD, "a word of my own…"),
)


HELP = "tab next field · shift+tab back · ctrl+s save · escape cancel"


class RelationList(OptionList):
    """The relations; the dialog's digit and enter keys choose from it."""


class LinkDialog(GuardedDialog):
    """Dismisses with True when the link was saved, False when the user cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save link", id="sidelight.link_save"),
        Binding("escape", "leave", "Cancel", id="sidelight.link_cancel"),
        # Priority bindings run as the key arrives, so the keys typed right after a digit
        # (or enter) land in the next field; they act only while the relations have focus.
        *(
            Binding(str(i), f"pick({i - 1})", label, show=False, priority=True,
                    id=f"sidelight.link_relation_{i}")
            for i, (_, label) in enumerate(CHOICES, 1)
        ),
        Binding("enter", "choose", "Choose the relation", show=False, priority=True,
                id="sidelight.link_relation_choose"),
        # Tab goes forward through relation, own word, note and stops there: wrapping round
        # to the relations would let the note's next digits change the relation chosen.
        Binding("tab", "next_field", "Next field", show=False, priority=True,
                id="sidelight.link_next_field"),
        Binding("shift+tab", "previous_field", "Previous field", show=False, priority=True,
                id="sidelight.link_previous_field"),
    ]

    def __init__(
        self,
        title: str,
        save: Callable[[str, str], str | None],
        *,
        relation: str = RELATIONS[0],
        note: str = "",
    ) -> None:
        super().__init__()
        self._title = title
        self._save = save
        self._initial_relation = relation
        self._initial_note = note

    def compose(self) -> ComposeResult:
        own = self._initial_relation not in RELATIONS
        with Vertical(id="link-dialog", classes="dialog"):
            yield Static(one_line(self._title, 300), id="link-title", markup=False)
            yield Static("Relation (↑↓ or 1–5, enter):", classes="link-label", markup=False)
            yield RelationList(
                *(Option(f"{i} {label}", id=key) for i, (key, label) in enumerate(CHOICES, 1)),
                id="link-relation",
            )
            yield Input(self._initial_relation if own else "", id="link-word",
                        placeholder="your own word for the relation (choose 5 above)")
            yield Static("", id="link-chosen", markup=False)
            yield Static("Note:", classes="link-label", markup=False)
            yield TextArea(self._initial_note, id="link-note", soft_wrap=True,
                           show_line_numbers=False)
            yield Static(HELP, id="link-help", markup=False)

    def on_mount(self) -> None:
        relations = self.query_one(RelationList)
        keys = [key for key, _ in CHOICES]
        initial = self._initial_relation if self._initial_relation in RELATIONS else OWN_WORD
        relations.highlighted = keys.index(initial)
        relations.focus()
        self._show_chosen()

    @property
    def relation(self) -> str:
        """The chosen relation: a key of ``RELATIONS`` or the word typed ('' if none)."""
        index = self.query_one(RelationList).highlighted
        key = CHOICES[index][0] if index is not None else RELATIONS[0]
        if key == OWN_WORD:
            return " ".join(self.query_one("#link-word", Input).value.split())
        return key

    @property
    def note(self) -> str:
        return self.query_one("#link-note", TextArea).text

    def _tell(self, message: str) -> None:
        self.query_one("#link-help", Static).update(one_line(message, 300))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("pick", "choose"):
            return isinstance(self.focused, RelationList)
        return True

    def action_pick(self, index: int) -> None:
        self.query_one(RelationList).highlighted = index
        self.next_field()

    def action_choose(self) -> None:
        self.next_field()

    def _own_chosen(self) -> bool:
        index = self.query_one(RelationList).highlighted
        return index is not None and CHOICES[index][0] == OWN_WORD

    def _fields(self) -> list[Widget]:
        """The fields in tab order: the word of one's own only when that is chosen."""
        word = self.query_one("#link-word", Input)
        return [self.query_one(RelationList), *([word] if self._own_chosen() else []),
                self.query_one("#link-note", TextArea)]

    def action_next_field(self) -> None:
        fields = self._fields()
        if self.focused is fields[-1]:
            self._tell("The note is the last field: ctrl+s saves, shift+tab goes back to "
                       "the relation")
            return
        self._focus(fields[fields.index(self.focused) + 1] if self.focused in fields
                    else fields[0])

    def action_previous_field(self) -> None:
        fields = self._fields()
        if self.focused in fields and self.focused is not fields[0]:
            self._focus(fields[fields.index(self.focused) - 1])

    def next_field(self) -> None:
        """After the relation: the word of one's own when that is chosen, else the note."""
        self._focus(self.query_one("#link-word", Input) if self._own_chosen()
                    else self.query_one("#link-note", TextArea))

    def _focus(self, widget: Widget) -> None:
        self.set_focus(widget)
        if isinstance(widget, TextArea):
            widget.move_cursor(widget.document.end)
        self._tell(HELP)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_chosen()

    def _show_chosen(self) -> None:
        """The relation that ctrl+s will save, shown whichever field has focus."""
        relation = self.relation
        shown = relation.replace("-", " ") if relation in RELATIONS else relation
        self.query_one("#link-chosen", Static).update(
            one_line(f"Relation: {shown}" if shown else "Relation: (type your own word)", 120))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click on a relation: RelationList.action_select moved on already
        if isinstance(self.focused, RelationList):
            self.next_field()

    def on_input_changed(self, event: Input.Changed) -> None:
        # Typing a word of one's own chooses it: the list need not be visited first.
        if event.value.strip():
            self.query_one(RelationList).highlighted = len(CHOICES) - 1
        self._show_chosen()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._focus(self.query_one("#link-note", TextArea))

    def action_save(self) -> None:
        relation = self.relation
        if not relation:
            self._tell("Type your own word for the relation, or choose one of 1–4")
            self.query_one("#link-word", Input).focus()
            return
        self._saved_or_told(self._save(relation, self.note))

    def action_leave(self) -> None:
        self._leave_unless_typed(
            self.note != self._initial_note,
            "The note has unsaved text: escape again to cancel, ctrl+s to save",
        )
