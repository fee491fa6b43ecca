"""The view's vertical scrollbar: Textual's own, drawn from a cache of finished rows.

Every page of a long document moves the scrollbar thumb, and Textual redraws a moved bar
through its general renderable pipeline (a Rich renderable turned into lines, then styled
and filtered), which cost about a quarter of a page-down frame. A vertical bar is a column
of at most five kinds of row (track above, thumb, track below and the two partial-cell
ends of the thumb), and the finished strip of a row depends only on the segment
``ScrollBarRender`` makes for it and on the bar's styles. So the bar computes its row
segments (cheap) and reuses the finished strip of every kind of row it has drawn before;
only a bar with a kind of row not seen since the last style change goes through Textual's
pipeline, whose rows are then remembered. What reaches the screen is exactly what Textual
would draw.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

_MAX_ROW_KINDS = 64  # a bar needs five; more than this means the context keeps changing


class RowCachedScrollBar(ScrollBar):
    """A vertical ``ScrollBar`` whose finished rows are reused across thumb positions."""

    def __init__(self, vertical: bool = True, name: str | None = None, *,
                 thickness: int = 1) -> None:
        super().__init__(vertical=vertical, name=name, thickness=thickness)
        self._row_strips: dict[Segment, Strip] = {}
        self._row_context: tuple[object, ...] | None = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._row_strips.clear()

    def _row_segments(self, height: int, width: int) -> list[Segment] | None:
        """The segment of each row, as ``ScrollBarRender`` makes it for Textual's pipeline;
        None when the renderer is not the stock one (then Textual draws it all)."""
        renderable = self.render()
        if type(renderable).__rich_console__ is not ScrollBarRender.__rich_console__ or \
                not isinstance(renderable, ScrollBarRender):
            return None
        style = renderable.style
        if isinstance(style, str):
            return None
        bar = renderable.render_bar(
            size=height,
            window_size=renderable.window_size,
            virtual_size=renderable.virtual_size,
            position=renderable.position,
            vertical=True,
            thickness=width,
            back_color=style.bgcolor or Color.parse("#555555"),
            bar_color=style.color or Color.parse("bright_magenta"),
        )
        segments = list(bar.segments)
        return segments if len(segments) == height else None

    def render_lines(self, crop: Region) -> list[Strip]:
        width, height = self.size
        if not self.vertical or crop.x != 0 or crop.width != width or not height:
            return super().render_lines(crop)
        rows = self._row_segments(height, width)
        if rows is None:
            return super().render_lines(crop)
        base_background, background = self.background_colors
        context = (width, self.rich_style, base_background, background,
                   tuple(self.app.get_line_filters()), self.app.ansi_theme)
        if context != self._row_context:
            self._row_strips.clear()
            self._row_context = context
        wanted = [rows[y] for y in crop.line_range]
        cached = self._row_strips
        if all(row in cached for row in wanted):
            return [cached[row] for row in wanted]
        lines = super().render_lines(crop)
        if len(cached) > _MAX_ROW_KINDS:
            cached.clear()
        for row, line in zip(wanted, lines, strict=True):
            cached[row] = line
        return lines
