"""Tags and the annotation list's filter: ``t`` edits the tags of the annotation under the
cursor (or chosen in the list), ``f`` filters the list by ``#tag``, colour and words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sidelight.annotations.filtering import AnnotationFilter, parse_filter, parse_tags
from sidelight.annotations.model import Annotation
from sidelight.tui.reading.conflicts import describe

if TYPE_CHECKING:
    from sidelight.tui.screens.reader import ReaderScreen


class Tagging:
    entry_filter: AnnotationFilter

    def action_edit_tags(self: ReaderScreen) -> None:
        ann = self._under_cursor()
        if ann is not None:
            self.edit_tags(ann)

    def action_edit_listed_tags(self: ReaderScreen) -> None:
        entry = self._listed()
        if entry is not None:
            self.edit_tags(entry.annotation)

    def edit_tags(self: ReaderScreen, ann: Annotation) -> None:
        def submit(value: str) -> str | None:
            tags = parse_tags(value)
            if tags == ann.tags:
                return None
            shown = " ".join(f"#{t}" for t in tags) or "none"
            self.edit_shown(ann, "tags", lambda _: f"Tags of {describe(ann)}: {shown}",
                            tags=tags)
            return None

        from sidelight.tui.screens.prompt import Prompt  # not for the first screen

        self.app.push_screen(Prompt(
            f"Tags of {describe(ann)}", ", ".join(ann.tags), submit,
            "words separated by commas or spaces · enter saves · escape leaves",
            placeholder="e.g. budget, follow-up"))

    def action_filter_list(self: ReaderScreen) -> None:
        def submit(value: str) -> str | None:
            self.entry_filter = parse_filter(value)
            self.show_tab_quietly()
            self._refresh_entries()
            self._say_filter()
            return None

        current = self.entry_filter
        value = " ".join([*(f"#{t}" for t in current.tags), *current.colors, *current.words])
        from sidelight.tui.screens.prompt import Prompt  # not for the first screen

        self.app.push_screen(Prompt(
            "Filter the annotation list", value, submit,
            "#tag, a colour (yellow green blue pink purple) or words · empty shows all · "
            "escape leaves", placeholder="e.g. #budget pink mayor"))

    def _say_filter(self: ReaderScreen) -> None:
        shown = len(self.side.entries)
        if self.entry_filter.empty:
            self.say(f"Annotation list: all {shown} shown")
        else:
            total = len(self.all_entries())
            self.say(f"Annotation list: {shown} of {total} match "
                     f"{self.entry_filter.describe()} ({self.key_for('filter_list')} changes "
                     "the filter, empty shows all)")
