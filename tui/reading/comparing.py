"""Comparing the sources: once entities are known the comparison runs in a child process
(``compare_process``) that a thread waits for; then gutter marks, counterparts (``=``),
differences (``<``/``>``), passages only one source tells (``U``) and the Compare panel's
walks through an entity's mentions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.worker import Worker, WorkerState, get_current_worker

from sidelight.tui.colors import COMPARE_GLYPHS, COMPARE_WORDS
from sidelight.tui.labels import short_name
from sidelight.tui.marks import EntityLike
from sidelight.tui.safe_text import one_line

if TYPE_CHECKING:
    from sidelight.annotations.comparison import Comparison, Counterpart, Difference, EntityRow
    from sidelight.annotations.comparison.claims import Claim
    from sidelight.tui.screens.reader import ReaderScreen
    from sidelight.tui.widgets.compare_panel import ComparePanel


# Four sources of 1 MB take about 25 s of CPU and 350 MB to compare, four of 2 MB a minute
# and 0.65 GB (``python -m benchmarks.compare_child``): past this much text the reader waits
# until it is asked, rather than start a comparison of minutes and gigabytes unasked.
AUTO_COMPARE_CHARS = 4_000_000


class Comparing:
    comparison: Comparison | None
    compare_note: str
    _diff_index: dict[int, int]
    # The entities of a comparison held back because the sources are large; None otherwise.
    _held_comparison: list[Sequence[EntityLike]] | None

    def _start_comparison(self: ReaderScreen,
                          entities: Sequence[Sequence[EntityLike]] | None,
                          *, asked: bool = False) -> None:
        if len(self.documents) < 2:
            return
        held = list(entities) if entities is not None else [[] for _ in self.documents]
        total = sum(len(d.text) for d in self.documents)
        if total > AUTO_COMPARE_CHARS and not asked:
            self._held_comparison = held
            self.compare_note = (
                f"Not compared yet: the sources hold {total / 1e6:.1f} million characters, "
                f"which takes minutes and gigabytes of memory to compare; press "
                f"{self.key_for('compare_panel')} to compare them anyway")
            self.side.compare.show_waiting(self.compare_note, self.palette)
            self.status.set_progress(self._progress("not compared (large sources)"))
            return
        if self._held_comparison is not None:
            self._held_comparison = None
            self.compare_note = "Comparing the sources…"
            self.side.compare.show_waiting(self.compare_note, self.palette)
        self.status.set_progress(self._progress("comparing the sources…"))
        self.compare_sources(held)

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def compare_sources(self: ReaderScreen,
                        entities: list[Sequence[EntityLike]] | None,
                        ) -> tuple[Comparison, list[Claim]] | None:
        # The thread only waits for the child: the work, and the interpreter lock it would
        # hold, are the child's. Cancelling the worker (other documents, quitting) kills it.
        from sidelight.tui.reading.compare_process import compare_in_child

        worker = get_current_worker()
        return compare_in_child(self.documents, entities, lambda: worker.is_cancelled)

    def stop_comparing(self: ReaderScreen) -> None:
        """No comparison for this screen any more (it sleeps under one on other documents):
        the child comparing for it is killed. A removed screen's workers are cancelled as it
        goes."""
        self.workers.cancel_group(self, "compare")

    def _progress(self: ReaderScreen, what: str) -> str:
        if self.entities is None:
            return what
        total = sum(len(found) for found in self.entities)
        return f"{total} entit{'ies' if total != 1 else 'y'} · {what}"

    def on_worker_state_changed(self: ReaderScreen, event: Worker.StateChanged) -> None:
        if event.worker.group != "compare":
            return
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self.show_comparison(*event.worker.result)
            n = len(self.comparison.differences) if self.comparison else 0
            self.status.set_progress(self._progress(f"{n} difference{'s' if n != 1 else ''}"))
        elif event.state == WorkerState.ERROR:
            self.compare_note = ("The sources could not be compared: "
                                 + one_line(str(event.worker.error), 300))
            self.side.compare.show_waiting(self.compare_note, self.palette)
            self.status.set_progress(self._progress("comparison unavailable"))
            self.say(self.compare_note, "warning")

    def show_comparison(self: ReaderScreen, comparison: Comparison,
                        claims: list[Claim] | None = None) -> None:
        """Gutter marks in every pane and the Compare panel, for this comparison (and its
        claims, when they were found with it)."""
        self.comparison = comparison
        for pane in self.panes:
            pane.show_compare_marks(comparison.marks(pane.index), self.palette)
        self.side.compare.show(comparison, self.palette, claims)

    def _compared(self: ReaderScreen) -> Comparison | None:
        """The comparison, or None after saying why there is none yet."""
        if self.comparison is None:
            self.say(self.compare_note, "warning" if len(self.documents) < 2 else "information")
        return self.comparison

    def _tint(self: ReaderScreen, spans: dict[int, tuple[int, int]]) -> None:
        """Tint one passage per pane (the sentence compared and its counterparts)."""
        for pane in self.panes:
            span = spans.get(pane.index)
            pane.show_compare_tint([span] if span else [], self.palette)

    def _show_in(self: ReaderScreen, index: int, offset: int, *, center: bool = True) -> None:
        """Put another pane's cursor on ``offset``; a pane in the middle of a keyboard
        selection only scrolls there, so its selection is kept."""
        view = self.panes[index].view
        if view.visual:
            view.scroll_to_offset(offset, center=center)
        else:
            view.move_cursor(offset, center=center)

    def action_counterpart(self: ReaderScreen) -> None:
        c = self._compared()
        if c is None:
            return
        pane = self.pane
        sentence = c.sentence_at(pane.index, pane.view.cursor)
        if sentence is None:
            self.say("This document has no sentences to compare")
            return
        spans = {pane.index: (sentence.start, sentence.end)}
        told: list[str] = []
        places: dict[int, list[Counterpart]] = {}
        for cp in sentence.counterparts:
            places.setdefault(cp.doc, []).append(cp)
        # ``=`` again on the same sentence goes on to the next place that tells it.
        here = (pane.index, sentence.start)
        last = getattr(self, "_counterpart_turn", None)
        turn = last[1] + 1 if last is not None and last[0] == here else 0
        self._counterpart_turn = (here, turn)
        for doc, cps in places.items():
            cp = cps[turn % len(cps)]
            spans[doc] = (cp.start, cp.end)
            self._show_in(doc, cp.start)
            where = f", place {turn % len(cps) + 1} of {len(cps)}" if len(cps) > 1 else ""
            told.append(f"{COMPARE_GLYPHS[cp.kind]} pane {doc + 1} ({cp.kind}{where})")
        self._tint(spans)
        if not told and sentence.kind == "unique":
            self.say(f"{COMPARE_GLYPHS['unique']} Only this source tells this sentence")
            return
        if not told:
            # Found nowhere else, but nothing shows it is told only here: say so, not "+".
            self.say("No counterpart found, and no mark: the other sources may tell this "
                     "sentence in other words")
            return
        missing = [str(p.index + 1) for p in self.panes
                   if p.index != pane.index and p.index not in spans]
        msg = "Counterpart: " + ", ".join(told)
        if any(len(cps) > 1 for cps in places.values()):
            msg += " · = again for the next place"
        if missing:
            msg += f"; not told in pane {', '.join(missing)}"
        differs = [d for d in c.differences_in(pane.index)
                   if d.a.start <= sentence.start < d.a.end or sentence.start <= d.a.start
                   < sentence.end]
        if differs:
            from sidelight.tui.widgets.compare_panel import describe_difference

            msg += f" · {describe_difference(differs[0])}"
        self.say(msg)

    # Differences and passages only one source tells.

    def _difference_step(self: ReaderScreen, forward: bool) -> None:
        c = self._compared()
        if c is None:
            return
        pane = self.pane
        diffs = c.differences_in(pane.index)

        def where(index: int, wrapped: bool) -> None:
            self.show_difference(diffs[index], f"Difference {index + 1} of {len(diffs)}",
                                 wrapped, forward)

        self.step_to([(pane.index, d.a.start) for d in diffs], forward,
                     empty="No differences between this source and the others", where=where,
                     current=self._diff_index.get(pane.index), move=lambda _p, _o: None)

    def show_difference(self: ReaderScreen, d: Difference, what: str, wrapped: bool = False,
                        forward: bool = True) -> None:
        """Both sides of a difference: the cursor on side a (in the current pane), the other
        pane on side b, both tinted."""
        a_pane = self.panes[d.a.doc]
        diffs = self.comparison.differences_in(d.a.doc) if self.comparison else []
        self._diff_index[d.a.doc] = next(
            (i for i, x in enumerate(diffs) if (x.a.start, x.b.doc, x.b.start)
             == (d.a.start, d.b.doc, d.b.start)), 0)
        a_pane.view.move_cursor(d.a.start, center=True)
        self._show_in(d.b.doc, d.b.start)
        self._tint({d.a.doc: (d.a.start, d.a.end), d.b.doc: (d.b.start, d.b.end)})
        from sidelight.tui.widgets.compare_panel import describe_difference

        msg = f"{what} (with pane {d.b.doc + 1}): {describe_difference(d)}"
        if wrapped:
            msg += " · wrapped to the " + ("first" if forward else "last")
        self.say(msg)

    def action_next_difference(self: ReaderScreen) -> None:
        self._difference_step(True)

    def action_previous_difference(self: ReaderScreen) -> None:
        self._difference_step(False)

    def action_next_unique(self: ReaderScreen) -> None:
        c = self._compared()
        if c is None:
            return
        pane = self.pane
        runs = c.unique(pane.index)

        def where(index: int, wrapped: bool) -> str:
            run = runs[index]
            self._tint({pane.index: (run.start, run.end)})
            msg = (f"{COMPARE_GLYPHS['unique']} {COMPARE_WORDS['unique'].capitalize()} "
                   f"({index + 1} of {len(runs)}): “{one_line(run.text, 80)}”")
            return msg + " · wrapped to the first" if wrapped else msg

        open_ = len(c.unmatched(pane.index))
        empty = ("Every sentence of this source is told by another one too" if not open_ else
                 f"No passage of this source is evidently told by it alone ({open_} "
                 f"sentence{'s' if open_ != 1 else ''} found no counterpart but may be told "
                 "elsewhere in other words)")
        self.step_to([(pane.index, r.start) for r in runs], True, empty=empty, where=where)

    def on_compare_panel_entity_chosen(self: ReaderScreen,
                                       event: ComparePanel.EntityChosen) -> None:
        self.walk_mentions(event.row)

    def walk_mentions(self: ReaderScreen, row: EntityRow) -> None:
        """The next mention of ``row`` after the cursor of the current pane, across panes in
        order; the list keeps focus so that enter walks on."""
        mentions = sorted((doc, s, e) for doc, spans in enumerate(row.mentions)
                          for s, e in spans)

        def move(doc: int, start: int) -> None:
            pane = self.panes[doc]
            self._current = doc
            self._mark_current(pane)
            self._show_in(doc, start)
            self._show_position(pane)

        def where(index: int, wrapped: bool) -> str:
            doc, start, end = mentions[index]
            self._tint({doc: (start, end)})
            counts = ", ".join(str(c) for c in row.counts)
            msg = (f"“{one_line(row.name, 40)}” ({short_name(row.label)}): "
                   f"mention {index + 1} of {len(mentions)}, pane {doc + 1}")
            if wrapped and index == 0 and len(mentions) > 1:
                msg += " (wrapped)"
            return f"{msg} · enter: next, escape: back · per pane: {counts}"

        self.step_to([(doc, s) for doc, s, _ in mentions], True,
                     empty=f"{one_line(row.name, 40)} is not mentioned in the open documents",
                     where=where, here=(self._current, self.pane.view.cursor), move=move)

    def on_compare_panel_claim_chosen(self: ReaderScreen,
                                      event: ComparePanel.ClaimChosen) -> None:
        claim = event.claim
        first: dict[int, tuple[int, int]] = {}
        for side in claim.sides:
            first.setdefault(side.doc, (side.start, side.end))
        for doc, (start, _end) in first.items():
            self._show_in(doc, start)
        self._tint(first)
        n = self.side.compare.claims.index(claim) + 1
        told = sum(1 for t in claim.told if t)
        self.say(f"Claim {n} of {len(self.side.compare.claims)}: told by {told} sources"
                 f"{' · with differences' if claim.differences else ''}: "
                 f"“{one_line(claim.text, 60)}”")

    def on_compare_panel_difference_chosen(self: ReaderScreen,
                                           event: ComparePanel.DifferenceChosen) -> None:
        d = event.difference
        self.focus_pane(d.a.doc)
        n = self.side.compare.differences.index(d) + 1
        self.show_difference(d, f"Difference {n} of {len(self.side.compare.differences)}")
