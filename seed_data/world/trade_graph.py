"""Who trades with whom: counterparties shared between merchants, with hubs and communities.

Each merchant asks for a few suppliers and customers. The *sector* of each comes from its industry's
IO links (``seed_data.industries.industry_links``), so the trade graph follows China's real
input-output structure. A counterparty lives in a *community*, one per (IO sector, province): merchants
of one province that buy from one sector share its pool of parties. Within a pool, parties are chosen
in proportion to a Pareto popularity (the stationary outcome of preferential attachment), so a few
suppliers become hubs serving many merchants while most serve one or two.

All of it is vectorised over merchants, so the 1M-merchant world runs the same code as the tiny one.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from seed_data.industries.io_links import industry_links
from seed_data.world.population import Population
from seed_data.world.records import Industry

LANDLORD_SECTOR = "133"     # 房地产: the landlord of a rented shop or yard
MEAN_PARTY_DEGREE = 5.0     # merchants per party on average: how much counterparties are shared
PARETO_SHAPE = 1.3          # popularity tail: smaller means bigger hubs
MAX_LINKS = 7


@dataclass(frozen=True, slots=True)
class TradeGraph:
    link_merchant: np.ndarray   # int64 merchant index
    link_party: np.ndarray      # int64 party index
    link_sells: np.ndarray      # bool: True "sells_to" the party, False "buys_from" it
    link_volume: np.ndarray     # int64 annual CNY
    link_landlord: np.ndarray   # bool: the party is the merchant's landlord
    party_sector: np.ndarray    # <U3 IO sector
    party_region: np.ndarray    # int64 index into the sorted prefecture codes


def _sector_table(industries: tuple[Industry, ...], direction: str) -> list[tuple[np.ndarray, np.ndarray]]:
    table = []
    for ind in industries:
        links = [link for link in industry_links()[ind.code] if link.direction == direction]
        sectors = np.array([link.io_sector for link in links])
        weights = np.array([link.coefficient for link in links], dtype=float)
        table.append((sectors, weights / weights.sum()))
    return table


def _split_volume(rng: np.random.Generator, owner: np.ndarray, total: np.ndarray) -> np.ndarray:
    """Split each owner's ``total`` over its rows with random (exponential) shares."""
    share = rng.exponential(size=len(owner))
    sums = np.bincount(owner, weights=share, minlength=len(total))
    return np.round(total[owner] * share / sums[owner]).astype(np.int64)


def draw_trade_graph(seed: int, pop: Population, industries: tuple[Industry, ...],
                     region_codes: tuple[str, ...]) -> TradeGraph:
    rng = np.random.default_rng([seed, 1])
    n = len(pop)
    households = np.array([i.sells_to_households for i in industries])[pop.industry]
    n_buy = np.minimum(1 + rng.poisson(2.5, size=n), MAX_LINKS)
    n_sell = np.where(households, rng.poisson(0.4, size=n), 1 + rng.poisson(2.0, size=n))
    n_sell = np.minimum(n_sell, MAX_LINKS)

    # landlord requests first: when a landlord is also drawn as a supplier, the dedupe below keeps
    # the landlord row, so a renting merchant always has its lease counterparty
    tenants = np.flatnonzero(~pop.owns_premises)
    merchant = np.concatenate([tenants, np.repeat(np.arange(n), n_buy), np.repeat(np.arange(n), n_sell)])
    sells = np.concatenate([np.zeros(len(tenants) + n_buy.sum(), bool), np.ones(n_sell.sum(), bool)])
    landlord = np.zeros(len(merchant), bool)
    landlord[:len(tenants)] = True
    sector = np.full(len(merchant), LANDLORD_SECTOR, dtype="<U3")
    for direction, is_sell in (("upstream", False), ("downstream", True)):
        table = _sector_table(industries, direction)
        for k, (sectors, p) in enumerate(table):
            rows = np.flatnonzero((pop.industry[merchant] == k) & (sells == is_sell) & ~landlord)
            sector[rows] = rng.choice(sectors, size=len(rows), p=p)

    # communities: (sector, province); parties numbered community by community, in sorted key order
    province = np.array([int(code[:2]) for code in region_codes])[pop.region]
    key = sector.astype(np.int64) * 100 + province[merchant]
    communities, community_of, demand = np.unique(key, return_inverse=True, return_counts=True)
    pool = np.maximum(1, np.ceil(demand / MEAN_PARTY_DEGREE)).astype(np.int64)
    first_party = np.concatenate([[0], np.cumsum(pool)[:-1]])
    popularity = rng.pareto(PARETO_SHAPE, size=int(pool.sum())) + 1.0
    cumulative = np.cumsum(popularity)
    start = np.where(first_party > 0, cumulative[first_party - 1], 0.0)
    end = cumulative[first_party + pool - 1]
    target = start[community_of] + rng.random(len(merchant)) * (end - start)[community_of]
    party = np.minimum(np.searchsorted(cumulative, target, side="right"),
                       (first_party + pool - 1)[community_of])

    # one link per (merchant, party, direction): a second draw of the same hub adds nothing
    _, keep = np.unique((merchant * (len(popularity) + 1) + party) * 2 + sells, return_index=True)
    keep.sort()
    merchant, party, sells, landlord = merchant[keep], party[keep], sells[keep], landlord[keep]

    revenue, margin = pop.annual_revenue, pop.margin
    volume = np.zeros(len(merchant), np.int64)
    rent = landlord
    volume[rent] = np.round(revenue[merchant[rent]] * rng.uniform(0.03, 0.10, size=int(rent.sum())))
    buy = ~sells & ~landlord
    volume[buy] = _split_volume(rng, merchant[buy], revenue * (1 - margin))
    firm_share = np.where(households, 0.15, 0.9)   # assumption: what firms (not people) buy
    volume[sells] = _split_volume(rng, merchant[sells], revenue * firm_share)

    party_province = (communities % 100)
    party_sector_codes = np.array([f"{k // 100:03d}" for k in communities])
    prefectures_by_province = {p: np.flatnonzero(np.array([int(c[:2]) for c in region_codes]) == p)
                               for p in np.unique(party_province)}
    party_community = np.repeat(np.arange(len(communities)), pool)
    party_region = np.empty(len(popularity), np.int64)
    for p, prefectures in prefectures_by_province.items():
        rows = np.flatnonzero(party_province[party_community] == p)
        party_region[rows] = prefectures[rng.integers(0, len(prefectures), size=len(rows))]
    # parties nobody drew do not exist; renumber the rest densely, keeping their order
    used, party = np.unique(party, return_inverse=True)
    return TradeGraph(merchant.astype(np.int64), party.astype(np.int64), sells, volume, landlord,
                      party_sector_codes[party_community][used], party_region[used])
