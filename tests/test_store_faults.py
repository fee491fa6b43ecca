"""Faults while saving: full disk, read-only directory and file system, a stuck lock, the file
replaced by another program mid-save. Each gives a clear message and loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from harness_store import FAULTS, FaultOutcome


@pytest.mark.parametrize("fault", FAULTS, ids=[f.__name__.removeprefix("fault_") for f in FAULTS])
def test_fault_gives_a_clear_message_and_keeps_the_data(
    fault: Callable[[Path], FaultOutcome], tmp_path: Path
) -> None:
    outcome = fault(tmp_path)
    assert outcome.expected in outcome.message, outcome.message
    if outcome.expected:
        assert "annotations.json" in outcome.message or "locked.json" in outcome.message
    assert outcome.intact, "the store no longer opens, or a side's annotations are missing"
    assert outcome.lost == 0
    assert outcome.left_temporaries == 0
