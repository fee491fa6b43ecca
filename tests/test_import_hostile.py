"""Hostile import files: all or nothing, and never a silent overwrite."""

from __future__ import annotations

from import_hostile import hostile_imports


def test_hostile_imports_are_all_or_nothing_and_never_overwrite() -> None:
    result = hostile_imports(48, seed=9)
    assert result["trials"] == 48
    assert result["refused"] > 0 and result["accepted"] > 0
    assert (result["partial"], result["overwrites"], result["crashes"]) == (0, 0, 0), (
        result["failures"])
