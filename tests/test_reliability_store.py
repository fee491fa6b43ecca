"""Quick versions of the store's reliability harnesses (full runs: benchmarks/bench_reliability)."""

from __future__ import annotations

from pathlib import Path

from harness_store import crash_trials, two_writers


def test_sigkill_never_leaves_an_unreadable_store_or_loses_an_acknowledged_change(
    tmp_path: Path,
) -> None:
    result = crash_trials(20, workdir=tmp_path, seed=1)
    assert result.trials == 20
    assert result.unreadable == 0, result.problems
    assert result.lost == 0, result.problems
    assert result.temporaries_left == 0
    assert not result.problems
    # The harness must have checked real work, not empty runs.
    assert result.acknowledged > 20


def test_two_writers_adding_500_each_end_with_1000(tmp_path: Path) -> None:
    result = two_writers(500, workdir=tmp_path)
    assert not result.errors
    assert (result.found, result.lost) == (1000, 0)
