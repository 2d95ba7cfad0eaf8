from pathlib import Path

import pandas as pd
import pytest

from seed_data.industries.io_build import COEFFICIENTS_CSV, SECTORS_CSV, build

TABLE = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "china_io_tables/china_2020_153.csv"  # ../shared beside the clone


def test_shipped_io_files_are_the_reference_table_recomputed() -> None:
    if not TABLE.exists():
        pytest.skip("NBS IO reference table not available")
    info, coefficients = build(TABLE)
    pd.testing.assert_frame_equal(info, pd.read_csv(SECTORS_CSV, dtype={"io_sector": str}), check_dtype=False)
    pd.testing.assert_frame_equal(coefficients,
                                  pd.read_csv(COEFFICIENTS_CSV, dtype={"supplier": str, "buyer": str}),
                                  check_dtype=False)
