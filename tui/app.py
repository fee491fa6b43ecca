"""The sidelight reader: the Textual app that holds the reader screen.

The app owns what outlives a screen: the store, the remembered theme and keymap, the
app-wide keys (help, quit) and the command palette, which offers every key action of the
focused pane under its description.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from sidelight.annotations.documents import Document
from sidelight.annotations.errors import SidelightError
from sidelight.tui import collector
from sidelight.tui.keys import KeyRow, key_rows, unknown_keymap_ids
from sidelight.tui.labels import label_order, plain_name, short_name
from sidelight.tui.safe_text import one_line
from sidelight.tui.screens.reader import ReaderScreen
from sidelight.tui.settings import Settings, load_settings, save_settings
from sidelight.tui.view import DocumentView
from sidelight.tui.widgets.pane import Pane

if TYPE_CHECKING:
    from sidelight.annotations.store import AnnotationStore
    from sidelight.tui.screens.loading import Opener

SECTIONS: dict[type, str] = {
    DocumentView: "Moving and selecting",
    Pane: "Annotations, entities, search hits, comparison",
    ReaderScreen: "Reader",
    App: "Application",
}


class SidelightApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "sidelight"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="sidelight.help", show=True),
        Binding("q", "quit", "Quit", id="sidelight.quit"),
    ]

    def __init__(
        self,
        documents: Sequence[Document],
        store: AnnotationStore,
        *,
        failures: Sequence[str] = (),
        settings: Settings | None = None,
        freeze_gc: bool = False,
        sources: Sequence[str] = (),
        opener: Opener | None = None,
        after_load: Callable[[list[Document]], list[str]] | None = None,
    ) -> None:
        if freeze_gc:
            collector.hold()  # until the first screen is drawn (see on_mount)
        super().__init__()
        self.freeze_gc = freeze_gc
        self.documents = list(documents)
        # Documents still to open (web pages to fetch) while a loading screen shows progress.
        self.sources = list(sources)
        self.opener = opener
        self.load_failures: list[str] = []
        # Messages about the documents once loaded (how a refreshed page's annotations fared).
        self.after_load = after_load
        self.store = store
        self.failures = list(failures)
        self.settings = settings if settings is not None else load_settings()
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)

    def get_default_screen(self) -> Screen:
        if self.sources and self.opener is not None:
            from sidelight.tui.screens.loading import LoadingScreen  # only for web pages

            return LoadingScreen(self.sources, self.opener, self._loaded)
        return ReaderScreen(self.documents, self.store, self.failures)

    def _loaded(self, documents: list[Document], failures: list[str]) -> None:
        self.failures = list(failures)
        if not documents:
            # Nothing to read: leave, and let the command line say why.
            self.load_failures = list(failures)
            self.exit(1, return_code=1)
            return
        self.documents = documents
        for message in self.after_load(documents) if self.after_load is not None else ():
            self.notify(message, timeout=12)
        # Pushed over the loading screen: replacing the only screen would leave none between.
        self.push_screen(ReaderScreen(documents, self.store, self.failures))

    @property
    def reader(self) -> ReaderScreen:
        screen = self.get_screen("reader") if self.is_screen_installed("reader") else None
        if isinstance(screen, ReaderScreen):
            return screen
        for candidate in reversed(self.screen_stack):  # a rebuilt reader lies on top
            if isinstance(candidate, ReaderScreen):
                return candidate
        raise LookupError("the reader screen is not running")

    def on_mount(self) -> None:
        if self.settings.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self.settings.problem:
            self.notify(one_line(self.settings.problem, 400), title="Settings not used",
                        severity="warning", timeout=15, markup=False)
        unknown = unknown_keymap_ids(self.settings.keymap)
        if unknown:
            # Said once per start: the rest of the keymap is in force.
            names = ", ".join(one_line(u, 60) for u in unknown[:5])
            self.notify(f"settings.json: the keymap names no such binding: {names} (ignored; "
                        "? lists every key, the README the binding ids)",
                        severity="warning", timeout=12, markup=False)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.freeze_gc:
            # Start-up's objects live as long as the program (``tui.collector``).
            self.call_after_refresh(collector.release)

    def _theme_changed(self, theme: Theme) -> None:
        if self.settings.theme != theme.name:
            self.settings.theme = theme.name
            try:
                save_settings(self.settings, only=("theme",))
            except (OSError, SidelightError) as err:
                self.notify(f"The theme choice could not be saved: {err}", severity="warning")
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.apply_theme()

    # --- keys everywhere -------------------------------------------------------------------

    def reader_key_rows(self) -> list[KeyRow]:
        """Every key of the reader, from the current pane's view outward."""
        reader = self.reader
        return key_rows(self, reader.pane.view, SECTIONS)

    def action_help(self) -> None:
        from sidelight.tui.screens.help import HelpScreen  # not for the first screen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.reader_key_rows()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        try:
            reader = self.reader
        except LookupError:
            return
        for row in self.reader_key_rows():
            if row.action in ("quit", "command_palette"):
                continue  # already offered by Textual
            yield SystemCommand(
                row.description,
                f"{row.section} · key {row.keys}",
                self._palette_callback(row),
            )
        labels = label_order({e.label for p in reader.panes for e in p.entities})
        for label in labels:
            state = "Show" if label in reader.hidden_labels else "Hide"
            yield SystemCommand(
                f"{state} entity label: {plain_name(label)}",
                f"Toggle the colouring of one kind of entity ({short_name(label)}, {label})",
                lambda label=label: reader.toggle_label(label),
                discover=False,
            )

    def _palette_callback(self, row: KeyRow):  # type: ignore[no-untyped-def]
        async def run() -> None:
            # The palette has closed by now; the action runs where its key would have.
            await self.run_action(row.action, row.node)

        return run
