import csv
from pathlib import Path

import pytest

from seed_data.industries import industry_links, io_sector_of, load_industries
from seed_data.industries.concordance import concordance

REFERENCE = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "gbt4754/gbt4754_2017.csv"  # ../shared beside the clone


def test_every_gbt4754_class_falls_in_exactly_one_io_sector() -> None:
    if not REFERENCE.exists():
        pytest.skip("GB/T 4754 reference not available")
    with REFERENCE.open(encoding="utf-8") as f:
        classes = [row["code"] for row in csv.DictReader(f) if row["level"] == "4"]
    assert len(classes) == 1380
    codes = [c for cs in concordance().values() for c in cs]
    assert len(codes) == len(set(codes))
    for code in classes:
        assert sum(code.startswith(c) for c in codes) == 1, code


def test_every_industry_has_io_links_both_ways() -> None:
    links = industry_links()
    for ind in load_industries():
        assert ind.io_sector == io_sector_of(ind.code)
        directions = [link.direction for link in links[ind.code]]
        assert directions.count("upstream") >= 1 and directions.count("downstream") >= 1
        upstream = [link for link in links[ind.code] if link.direction == "upstream"]
        assert [u.coefficient for u in upstream] == sorted((u.coefficient for u in upstream), reverse=True)


def test_road_freight_buys_fuel_and_parts_and_sells_to_logistics() -> None:
    up = {link.io_sector for link in industry_links()["5431"] if link.direction == "upstream"}
    down = {link.io_sector for link in industry_links()["5431"] if link.direction == "downstream"}
    assert {"041", "080"} <= up            # refined petroleum, auto parts
    assert "120" in down                   # multimodal transport and forwarding agents
