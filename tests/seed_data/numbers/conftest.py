from __future__ import annotations

import csv
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "number_checks"  # ../shared beside the clone


@pytest.fixture(scope="session")
def real_usccs() -> list[str]:
    """The 200 real USCCs shipped as reference; skipped where ../shared is absent."""
    path = REFERENCE / "uscc_examples.csv"
    if not path.exists():
        pytest.skip(f"{path} not available")
    with path.open(encoding="utf-8") as f:
        return [row["number"] for row in csv.DictReader(f) if row["kind"] == "uscc"]
