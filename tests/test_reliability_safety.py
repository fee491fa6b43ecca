"""Quick runs of the conflict and special-file harnesses (full length in
``python -m benchmarks.bench_reliability``)."""

from __future__ import annotations

from harness_conflicts import interleavings
from harness_special import special_files


def test_two_readers_and_the_cli_never_lose_or_resurrect() -> None:
    r = interleavings(20, seed=3)
    assert r.problems == []
    assert (r.lost, r.resurrected) == (0, 0)
    assert r.refused > 0 and r.acknowledged > 0  # conflicts happened, and were told


def test_special_files_are_refused_or_followed_never_hung() -> None:
    # The one-second limit is a benchmark figure (bench_safety); here a case fails only when it
    # hangs, so that a loaded machine cannot fail the suite.
    r = special_files(limit=None)
    assert [o for o in r.outcomes if not o.ok] == []
    assert r.trials >= 28
