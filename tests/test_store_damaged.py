"""Damaged and foreign store files: a clear error (or read-only), and the file untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness_store import DAMAGED, DamagedCase, damaged_trial


@pytest.mark.parametrize("case", DAMAGED, ids=[c.name for c in DAMAGED])
def test_damaged_store_is_refused_or_read_only_and_untouched(case: DamagedCase,
                                                              tmp_path: Path) -> None:
    outcome = damaged_trial(case, tmp_path)
    assert case.expected in outcome.message
    assert str(tmp_path / "annotations.json") in outcome.message
    if not case.read_only:
        assert "it was left untouched" in outcome.message or "newer" in outcome.message
    assert outcome.read_only == case.read_only
    assert outcome.untouched, "the damaged file was changed, or a temporary or backup was left"
