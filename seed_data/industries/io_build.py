"""Rebuild the shipped IO files from NBS's 2020 153-sector table (run once; the outputs are committed).

    python -m seed_data.industries.io_build /path/to/reference/china_io_tables/china_2020_153.csv

Writes, beside this file:

- ``io_2020_153_sectors.csv``: sector, names, gross output (10k CNY), value-added share 1 − TII/TI and
  household share THC/GO (how much of the output households buy: the trades whose customers are
  people, not firms);
- ``io_2020_153_coefficients.csv``: direct-requirement coefficients A[i, j] = Z[i, j] / GO[j] of
  supplier sector i per unit output of buyer sector j, long format, entries ≥ ``MIN_COEFFICIENT``
  (smaller ones are negligible next to the top links the product uses and would triple the file).

Shipping these derived files, not the 390 kB table, keeps the product free of the reference folder
at run time; ``tests/seed_data/industries/test_io_tables.py`` recomputes them where the reference is
present.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent
SECTORS_CSV = HERE / "io_2020_153_sectors.csv"
COEFFICIENTS_CSV = HERE / "io_2020_153_coefficients.csv"
MIN_COEFFICIENT = 1e-4


def build(table_csv: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    table = pd.read_csv(table_csv, dtype={"Code": str}).set_index("Code")
    sectors = [f"{i:03d}" for i in range(1, 154)]
    z = table.loc[sectors, sectors].astype(float)
    gross_output = table.loc[sectors, "GO"].astype(float)
    total_input = table.loc["TI", sectors].astype(float)
    intermediate = table.loc["TII", sectors].astype(float)
    info = pd.DataFrame({
        "io_sector": sectors,
        "name_zh": table.loc[sectors, "DescriptionInChinese"].str.strip().to_numpy(),
        "name_en": table.loc[sectors, "Description"].str.strip().to_numpy(),
        "gross_output_10k_cny": gross_output.round(0).astype("int64").to_numpy(),
        "value_added_share": (1 - intermediate / total_input).round(4).to_numpy(),
        "household_share": (table.loc[sectors, "THC"].astype(float) / gross_output).clip(0, 1).round(4).to_numpy(),
    })
    a = z.div(gross_output, axis=1)
    long = a.stack().rename("coefficient").reset_index()
    long.columns = ["supplier", "buyer", "coefficient"]
    long = long[long["coefficient"] >= MIN_COEFFICIENT].copy()
    long["coefficient"] = long["coefficient"].round(6)
    return info, long.sort_values(["supplier", "buyer"]).reset_index(drop=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    info, coefficients = build(Path(argv[0]))
    info.to_csv(SECTORS_CSV, index=False, lineterminator="\n")
    coefficients.to_csv(COEFFICIENTS_CSV, index=False, lineterminator="\n")
    print(f"wrote {SECTORS_CSV.name} ({len(info)} sectors), {COEFFICIENTS_CSV.name} ({len(coefficients)} coefficients)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
