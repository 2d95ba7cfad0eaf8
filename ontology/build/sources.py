"""Read the curated industry data as *files* (ontology must not import seed_data, even to build).

The figures live in ``seed_data/industries/`` (industries.json, the IO concordance and coefficients)
and ``seed_data/world/assets.py`` (asset classes, read with ``ast``, not imported); the GB/T 4754
hierarchy comes from ``/work/shared/reference/gbt4754/`` or the copy in seed_data.
"""
from __future__ import annotations

import ast
import csv
import json
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
INDUSTRIES_DIR = REPO / "seed_data" / "industries"
ASSETS_PY = REPO / "seed_data" / "world" / "assets.py"
GBT4754_CSV = Path("/work/shared/reference/gbt4754/gbt4754_2017.csv")
# IO sectors a merchant never trades with as a counterparty (state, finance): same list as the seed world.
NOT_COUNTERPARTIES = frozenset({"130", "131", "132", "139", "141", "144", "145", "146", "152", "153"})


@dataclass(frozen=True, slots=True)
class GbtEntry:
    code: str
    level: int          # 1 section, 2 division, 3 group, 4 class
    name: str
    parent: str | None


@dataclass(frozen=True, slots=True)
class IoLink:
    supplier: str       # GB/T 4754 class
    buyer: str
    coefficient: float
    basis: str          # "io_direct_requirement" | "traded_goods"
    io_sector: str


def industries() -> list[dict]:
    return sorted(json.loads((INDUSTRIES_DIR / "industries.json").read_text(encoding="utf-8")),
                  key=lambda r: r["code"])


def asset_classes() -> list[dict]:
    """The ``AssetClass(...)`` calls of assets.py, by position, as dicts."""
    fields = ("code", "name_zh", "name_en", "group", "value_range_cny", "depreciation_per_year", "haircut",
              "vehicle", "brands")
    tree = ast.parse(ASSETS_PY.read_text(encoding="utf-8"))
    rows = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "AssetClass":
            rows.append(dict(zip(fields, (ast.literal_eval(a) for a in node.args))))
    return rows


def gbt4754() -> dict[str, GbtEntry]:
    path = GBT4754_CSV if GBT4754_CSV.exists() else INDUSTRIES_DIR / "gbt4754_2017_codes.csv"
    entries: dict[str, GbtEntry] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            level = int(row["level"])
            parent = {1: None, 2: row["section"], 3: row["division"], 4: row["group"] or row["division"]}[level]
            entries[row["code"]] = GbtEntry(row["code"], level, row["name"], parent)
    for code in [c for c in entries if len(c) == 4]:  # groups with a single class share its row
        group = code[:3]
        if group not in entries:
            entries[group] = GbtEntry(group, 3, entries[code].name, code[:2])
        if entries[code].parent != group:
            entries[code] = GbtEntry(code, 4, entries[code].name, group)
    return entries


def _concordance() -> dict[str, tuple[str, ...]]:
    with (INDUSTRIES_DIR / "io_concordance.csv").open(encoding="utf-8", newline="") as f:
        return {r["io_sector"]: tuple(r["gbt4754_codes"].split(";")) for r in csv.DictReader(f)}


def io_sector_of(code: str, conc: dict[str, tuple[str, ...]]) -> str:
    index = {c: s for s, codes in conc.items() for c in codes}
    for length in (4, 3, 2):
        if code[:length] in index:
            return index[code[:length]]
    raise ValueError(f"GB/T 4754 code {code!r} is in no IO sector")


def io_links(top: int = 5) -> list[IoLink]:
    """Upstream → downstream links between GB/T classes, the same derivation as the seed world's
    ``industry_links()``: direct requirements A[i, j] (top per direction), traded-goods baskets for
    trade industries; the far end is our own industry in that sector when there is one, else the
    sector's first class."""
    conc = _concordance()
    gbt = gbt4754()
    ours = industries()
    classes = sorted(c for c, e in gbt.items() if e.level == 4)
    sector_of_class = {c: io_sector_of(c, conc) for c in classes}
    with (INDUSTRIES_DIR / "io_2020_153_coefficients.csv").open(encoding="utf-8", newline="") as f:
        a = {(r["supplier"], r["buyer"]): float(r["coefficient"]) for r in csv.DictReader(f)}

    def party(sector: str) -> str:
        mine = sorted(i["code"] for i in ours if sector_of_class[i["code"]] == sector)
        return mine[0] if mine else min(c for c in classes if sector_of_class[c] == sector)

    links: list[IoLink] = []
    order = lambda t: (-t[1], t[0])  # noqa: E731 - strongest first, ties by sector code
    for ind in ours:
        j = sector_of_class[ind["code"]]
        if ind["traded_goods"]:
            up = [(s, w, "traded_goods") for s, w in ind["traded_goods"].items()]
        else:
            up = [(i, v, "io_direct_requirement") for (i, b), v in a.items() if b == j and i not in NOT_COUNTERPARTIES]
        down = [(k, v, "io_direct_requirement") for (s, k), v in a.items() if s == j and k not in NOT_COUNTERPARTIES]
        for sector, coef, basis in sorted(up, key=order)[:top]:
            links.append(IoLink(party(sector), ind["code"], round(coef, 6), basis, sector))
        for sector, coef, basis in sorted(down, key=order)[:top]:
            links.append(IoLink(ind["code"], party(sector), round(coef, 6), basis, sector))
    return links
