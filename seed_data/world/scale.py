"""The ``scale`` world: 1M merchants and ~10M relationships as Neo4j admin-import CSV, no images.

Same population and trade graph code as the detailed worlds (``population.py``, ``trade_graph.py``),
vectorised end to end; what the scale world leaves out is per-merchant detail that only evidence
needs (monthly flows, asset records, evidence plans). Where the true-limit formula needs those, it
uses their expectations: trailing revenue = the year-two revenue level; lendable assets = the
industry's typical assets at mid-range value × 0.7 (the holding probability) × haircut × lognormal
noise, plus owned premises. Headers follow ``neo4j-admin database import`` (``:ID(Label)``,
``:START_ID``, ``:END_ID``, ``:TYPE``, typed properties).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from tqdm import tqdm

from seed_data.industries import industry_links, load_industries
from seed_data.industries.concordance import gbt4754_names
from seed_data.industries.io_links import party_industry_code
from seed_data.numbers.regions import regions
from seed_data.numbers.uscc import COMPANY, SOLE_TRADER, make_usccs
from seed_data.world import names
from seed_data.world.assets import ASSET_CLASSES
from seed_data.world.limits import base_limit, true_limit
from seed_data.world.population import draw_population
from seed_data.world.records import Industry
from seed_data.world.splits import split_of
from seed_data.world.trade_graph import draw_trade_graph

N_MERCHANTS = 1_000_000
_TYPES = {"sells": "SELLS_TO", "buys": "BUYS_FROM", "rent": "RENTS_FROM"}


def _pick(rng: np.random.Generator, options: tuple[str, ...], n: int) -> np.ndarray:
    return np.array(options)[rng.integers(0, len(options), size=n)]


def _concat(*parts: np.ndarray) -> np.ndarray:
    out = parts[0].astype(object)
    for part in parts[1:]:
        out = out + part.astype(object)
    return out


def _expected_lendable(industries: tuple[Industry, ...]) -> np.ndarray:
    values = []
    for ind in industries:
        total = 0.0
        for code in ind.typical_assets:
            cls = ASSET_CLASSES[code]
            total += 0.7 * sum(cls.value_range_cny) / 2 * cls.haircut
        values.append(total)
    return np.array(values)


def _splits(seed: int, n: int) -> np.ndarray:
    """The same ``split_of`` as the detailed worlds: a million sha256 calls take about a second, so
    there is no reason for a second, vectorised definition that could drift from it."""
    return np.array([split_of(seed, f"M{i:07d}") for i in range(n)])


def write_scale_world(seed: int, out_dir: Path, *, n: int = N_MERCHANTS, show_progress: bool = True) -> dict[str, int]:
    """Write nodes_*.csv and rels_*.csv under ``out_dir``; return row counts per file."""
    steps = tqdm(total=13, desc="scale", unit="step", disable=not show_progress)
    industries = load_industries()
    region_codes = tuple(regions())
    region_info = regions()
    pop = draw_population(seed, n, industries, len(region_codes))
    graph = draw_trade_graph(seed, pop, industries, region_codes)
    steps.update()
    rng = np.random.default_rng([seed, 6])

    codes = np.array([i.code for i in industries])[pop.industry]
    regs = np.array(region_codes)[pop.region]
    trailing = pop.annual_revenue * (1 + pop.growth)
    lendable = _expected_lendable(industries)[pop.industry] * rng.lognormal(0, 0.5, size=n)
    lendable += np.where(pop.owns_premises, rng.uniform(300_000, 3_000_000, size=n) * ASSET_CLASSES["premises"].haircut, 0)
    cycle = np.array([i.cash_cycle_days for i in industries])[pop.industry]
    visible = trailing / 12 * 0.925 * pop.visibility
    limits = true_limit(trailing, pop.margin, cycle, lendable, pop.bureau_score, pop.overdue)
    bases = base_limit(visible, pop.bureau_score, pop.overdue)
    city = np.array([region_info[c].name for c in region_codes])[pop.region]
    shop_word = np.array([names.SHOP_WORDS[i.code][0] for i in industries])[pop.industry]
    company_word = np.array([names.SHOP_WORDS[i.code][1] for i in industries])[pop.industry]
    surname = _pick(rng, names.SURNAMES, n)
    merchant_names = np.where(pop.company,
                              _concat(city, _pick(rng, names.TRADE_NAMES, n), company_word, np.full(n, "有限公司")),
                              _concat(city, surname, np.full(n, "记"), shop_word))
    ids = np.char.add("M", np.char.zfill(np.arange(n).astype(str), 7))
    steps.update()
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}

    def write(name: str, frame: pd.DataFrame) -> None:
        frame.to_csv(out_dir / name, index=False, lineterminator="\n")
        counts[name] = len(frame)
        steps.update()

    write("nodes_merchants.csv", pd.DataFrame({
        "merchantId:ID(Merchant)": ids, "name": merchant_names,
        "uscc": make_usccs(rng, regs, np.where(pop.company, COMPANY, SOLE_TRADER)),
        "legalForm": np.where(pop.company, "company", "individual"),
        "annualRevenueCny:long": np.round(trailing).astype(np.int64),
        "grossMargin:double": np.round(pop.margin, 4),
        "baseLimitCny:long": bases, "bureauScore:int": pop.bureau_score, "overdueCount24m:int": pop.overdue,
        "paymentFlowMonthlyAvgCny:long": np.round(visible).astype(np.int64),
        "trueLimitCny:long": limits, "fraud:boolean": np.where(pop.fraud, "true", "false"),
        "split": _splits(seed, n)}))
    person_ids = np.char.add("O", np.char.zfill(np.arange(n).astype(str), 7))
    gender = np.where(rng.random(n) < 0.62, "M", "F")
    write("nodes_persons.csv", pd.DataFrame({
        "personId:ID(Person)": person_ids,
        "name": _concat(surname, np.where(gender == "M", _pick(rng, names.GIVEN_M, n), _pick(rng, names.GIVEN_F, n))),
        "gender": gender}))
    n_parties = len(graph.party_sector)
    party_codes = np.array([party_industry_code(s) for s in np.unique(graph.party_sector)])
    party_industry = party_codes[np.searchsorted(np.unique(graph.party_sector), graph.party_sector)]
    party_regions = np.array(region_codes)[graph.party_region]
    class_names = gbt4754_names()
    trade_words = np.array([names.trade_word_of(class_names[c]) for c in party_codes])[
        np.searchsorted(np.unique(graph.party_sector), graph.party_sector)]
    write("nodes_parties.csv", pd.DataFrame({
        "partyId:ID(Party)": np.char.add("P", np.char.zfill(np.arange(n_parties).astype(str), 7)),
        "name": _concat(np.array([region_info[c].name for c in region_codes])[graph.party_region],
                        _pick(rng, names.TRADE_NAMES, n_parties), trade_words, np.full(n_parties, "有限公司")),
        "uscc": make_usccs(rng, party_regions, np.full(n_parties, COMPANY)),
        "industryCode": party_industry, "regionCode": party_regions}))
    link_codes = {link.party_industry_code for ls in industry_links().values() for link in ls}
    all_codes = sorted({i.code for i in industries} | set(party_codes.tolist()) | link_codes)
    write("nodes_industries.csv", pd.DataFrame({
        "industryCode:ID(Industry)": all_codes, "nameZh": [class_names[c] for c in all_codes],
        "division": [c[:2] for c in all_codes]}))
    write("nodes_regions.csv", pd.DataFrame({
        "regionCode:ID(Region)": list(region_codes), "name": [region_info[c].name for c in region_codes],
        "province": [region_info[c].province for c in region_codes]}))

    kind = np.where(graph.link_landlord, _TYPES["rent"], np.where(graph.link_sells, _TYPES["sells"], _TYPES["buys"]))
    party_ids = np.char.add("P", np.char.zfill(np.arange(n_parties).astype(str), 7))
    trades = pd.DataFrame({":START_ID(Merchant)": ids[graph.link_merchant], ":END_ID(Party)": party_ids[graph.link_party],
                           ":TYPE": kind, "annualVolumeCny:long": graph.link_volume})
    write("rels_trades.csv", trades)
    # one file per (start label, end label): admin import resolves ids within each file's ID groups
    for name, start, end, rel_type, start_ids, end_ids in (
        ("rels_merchant_industry.csv", "Merchant", "Industry", "IN_INDUSTRY", ids, codes),
        ("rels_merchant_region.csv", "Merchant", "Region", "LOCATED_IN", ids, regs),
        ("rels_person_owns.csv", "Person", "Merchant", "OWNS", person_ids, ids),
        ("rels_party_industry.csv", "Party", "Industry", "IN_INDUSTRY", party_ids, party_industry),
        ("rels_party_region.csv", "Party", "Region", "LOCATED_IN", party_ids, party_regions),
    ):
        write(name, pd.DataFrame({f":START_ID({start})": start_ids, f":END_ID({end})": end_ids, ":TYPE": rel_type}))
    links = [(link.party_industry_code, ind_code, link.coefficient, link.basis) if link.direction == "upstream"
             else (ind_code, link.party_industry_code, link.coefficient, link.basis)
             for ind_code, ls in industry_links().items() for link in ls]
    write("rels_industry_supplies.csv", pd.DataFrame(
        links, columns=[":START_ID(Industry)", ":END_ID(Industry)", "coefficient:double", "basis"]).assign(
        **{":TYPE": "SUPPLIES"}))
    steps.close()
    counts["relationships"] = sum(v for k, v in counts.items() if k.startswith("rels_"))
    return counts
