"""The re-anchoring simulation as a harness: random realistic edits of the seeds, fixed seeds.

Target (issue): at least 95% re-anchored correctly and none on the wrong text.
"""

from __future__ import annotations

import pytest

from benchmarks.anchoring_simulation import simulate
from sidelight.annotations.documents import load_document
from sidelight.annotations.locations import seed_paths


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name)
def test_simulated_edits_never_anchor_to_wrong_text(path) -> None:  # type: ignore[no-untyped-def]
    text = load_document(path).text
    totals: dict[str, int] = {}
    for seed in range(5):
        for key, value in simulate(seed, 100, text).items():
            totals[key] = totals.get(key, 0) + value
    assert totals["total"] == 500
    assert totals["wrong"] == 0
    assert totals["correct"] >= 0.95 * totals["total"]
