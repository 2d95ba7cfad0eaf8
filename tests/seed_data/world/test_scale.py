from pathlib import Path

import pandas as pd

from seed_data.manifest import write_manifest
from seed_data.numbers.uscc import uscc_is_valid
from seed_data.world.scale import write_scale_world


def _ids(out: Path, name: str) -> set[str]:
    frame = pd.read_csv(out / name, dtype=str)
    return set(frame[[c for c in frame.columns if ":ID(" in c][0]])


def test_scale_csvs_import_cleanly_and_reproduce(tmp_path: Path) -> None:
    counts = write_scale_world(3, tmp_path / "a", n=3000, show_progress=False)
    write_scale_world(3, tmp_path / "b", n=3000, show_progress=False)
    a = write_manifest(tmp_path / "a", {"seed": 3, "counts": counts})
    b = write_manifest(tmp_path / "b", {"seed": 3, "counts": counts})
    assert a.read_bytes() == b.read_bytes()

    out = tmp_path / "a"
    nodes = {label: _ids(out, f"nodes_{name}.csv") for label, name in (
        ("Merchant", "merchants"), ("Person", "persons"), ("Party", "parties"),
        ("Industry", "industries"), ("Region", "regions"))}
    assert len(nodes["Merchant"]) == 3000
    for rel in sorted(out.glob("rels_*.csv")):
        frame = pd.read_csv(rel, dtype=str)
        start = next(c for c in frame.columns if c.startswith(":START_ID("))
        end = next(c for c in frame.columns if c.startswith(":END_ID("))
        assert set(frame[start]) <= nodes[start[10:-1]], rel.name
        assert set(frame[end]) <= nodes[end[8:-1]], rel.name
    # about ten relationships per merchant, as at 1M
    assert 8 <= counts["relationships"] / 3000 <= 13
    merchants = pd.read_csv(out / "nodes_merchants.csv", dtype=str)
    assert merchants["uscc"].map(uscc_is_valid).all()
    assert abs((merchants["fraud:boolean"] == "true").mean() - 0.10) < 0.01
