from __future__ import annotations

import csv
from pathlib import Path

import pytest

REFERENCE = Path("/work/shared/reference/number_checks")


@pytest.fixture(scope="session")
def real_usccs() -> list[str]:
    """The 200 real USCCs shipped as reference; skipped where the shared reference is absent (CI)."""
    path = REFERENCE / "uscc_examples.csv"
    if not path.exists():
        pytest.skip(f"{path} not available")
    with path.open(encoding="utf-8") as f:
        return [row["number"] for row in csv.DictReader(f) if row["kind"] == "uscc"]
