"""Named entities: recognised in a thread at start-up, coloured by label; labels can be
hidden from the legend or the command palette."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.worker import Worker, WorkerState

from sidelight.tui.labels import label_order, plain_name
from sidelight.tui.marks import EntityLike
from sidelight.tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen


class Entities:
    entities: list[list[EntityLike]] | None
    hidden_labels: set[str]

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def recognise_entities(self: ReaderScreen) -> list[list[EntityLike]]:
        from sidelight.annotations.entities import recognize_many
        from sidelight.annotations.language import document_language

        return list(recognize_many([d.text for d in self.documents],
                                   langs=[document_language(d) for d in self.documents]))

    def on_worker_state_changed(self: ReaderScreen, event: Worker.StateChanged) -> None:
        if event.worker.group != "entities":
            return
        if event.state == WorkerState.RUNNING:
            self.status.set_progress(f"entities: reading {len(self.documents)} documents…")
        elif event.state == WorkerState.SUCCESS:
            self.show_entities(event.worker.result or [])
            self._start_comparison(self.entities)
        elif event.state == WorkerState.ERROR:
            self.status.set_progress("entities: unavailable")
            self.say(f"Entities could not be recognised: {event.worker.error}", "warning")
            # The sentences can still be compared, without entities to help.
            self._start_comparison([[] for _ in self.documents])

    def show_entities(self: ReaderScreen, entities: list[list[EntityLike]]) -> None:
        self.entities = entities
        counts: dict[str, int] = {}
        for pane, found in zip(self.panes, entities, strict=False):
            pane.show_entities(found, self.hidden_labels, self.palette)
            for ent in found:
                counts[ent.label] = counts.get(ent.label, 0) + 1
        self.side.show_labels(counts, self.hidden_labels, self.palette)
        total = sum(counts.values())
        self.status.set_progress(f"{total} entit{'ies' if total != 1 else 'y'}")

    def on_side_panel_labels_changed(self: ReaderScreen, event: SidePanel.LabelsChanged) -> None:
        if event.hidden == self.hidden_labels:
            return
        self.set_hidden_labels(event.hidden)

    def set_hidden_labels(self: ReaderScreen, hidden: set[str]) -> None:
        self.hidden_labels = set(hidden)
        for pane in self.panes:
            pane.show_entities(pane.entities, self.hidden_labels, self.palette)
        shown = ("all labels shown" if not hidden
                 else f"hidden: {', '.join(plain_name(h) for h in label_order(hidden))}")
        self.say(f"Entities: {shown}")

    def toggle_label(self: ReaderScreen, label: str) -> None:
        """Show or hide one entity label (from the command palette)."""
        self.set_hidden_labels(self.hidden_labels ^ {label})
        counts: dict[str, int] = {}
        for pane in self.panes:
            for ent in pane.entities:
                counts[ent.label] = counts.get(ent.label, 0) + 1
        self.side.show_labels(counts, self.hidden_labels, self.palette)
