"""The detailed seed world (tiny, demo): every merchant with its truth, trade links and evidence plan.

Deterministic by seed: all randomness comes from numpy generators seeded by (seed, stream, index);
nothing depends on dict or set order, ``hash()`` or the clock (``as_of`` is a fixed date).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np

from seed_data.industries import load_industries
from seed_data.industries.concordance import gbt4754_names
from seed_data.industries.io_links import party_industry_code
from seed_data.numbers.regions import region, regions
from seed_data.numbers.uscc import make_uscc
from seed_data.world import names
from seed_data.world.evidence_plan import plan_added_types, plan_evidence
from seed_data.world.fraud import REUSABLE_DOCS, apply_fraud, draw_fraud_kinds
from seed_data.world.liens import with_liens
from seed_data.world.limits import base_limit, true_limit
from seed_data.world.merchants import (
    draw_assets,
    draw_monthly,
    draw_owner,
    identity,
    lendable_value,
    merchant_id,
)
from seed_data.world.population import draw_population
from seed_data.world.records import EvidenceItem, Merchant, OthersData, Party, TradeLink, World
from seed_data.world.splits import split_of
from seed_data.world.trade_graph import TradeGraph, draw_trade_graph

AS_OF = date(2026, 6, 30)   # fixed, so that the same seed gives the same bytes on any day
SIZES: dict[str, int] = {"tiny": 24, "demo": 1000, "scale": 1_000_000}


def _parties(seed: int, graph: TradeGraph, region_codes: tuple[str, ...]) -> tuple[Party, ...]:
    class_names = gbt4754_names()
    parties = []
    for p, (sector, reg) in enumerate(zip(graph.party_sector, graph.party_region)):
        rng = np.random.default_rng([seed, 2, p])
        code = region_codes[int(reg)]
        industry = party_industry_code(str(sector))
        name = names.party_name(rng, region(code), names.trade_word_of(class_names[industry]))
        parties.append(Party(f"P{p:07d}", name, make_uscc(rng, code), industry, code))
    return tuple(parties)


def generate_world(seed: int, size: str = "tiny", *, n: int | None = None, as_of: date = AS_OF,
                   progress: Callable[[int], object] | None = None) -> World:
    """Build a detailed world.

    Args:
        seed (int): the world's seed.
        size (str): "tiny" or "demo" (default: "tiny"); "scale" has its own writer, seed_data.world.scale.
        n (int, optional): merchants, overriding the size's count (default: None).
        as_of (date): the day the world is observed (default: AS_OF).
        progress (callable, optional): called with 1 after each merchant (a tqdm bar's ``update``).
    """
    if size not in ("tiny", "demo"):
        raise ValueError(f"generate_world builds 'tiny' or 'demo' worlds, not {size!r}")
    n = SIZES[size] if n is None else n
    industries = load_industries()
    region_codes = tuple(regions())
    pop = draw_population(seed, n, industries, len(region_codes))
    graph = draw_trade_graph(seed, pop, industries, region_codes)
    parties = _parties(seed, graph, region_codes)

    order = np.argsort(graph.link_merchant, kind="stable")
    bounds = np.searchsorted(graph.link_merchant[order], np.arange(n + 1))
    drafts = []
    for i in range(n):
        rng = np.random.default_rng([seed, 3, i])
        mid, ind, code = merchant_id(i), industries[int(pop.industry[i])], region_codes[int(pop.region[i])]
        rows = order[bounds[i]:bounds[i + 1]]
        links = tuple(TradeLink(parties[int(graph.link_party[r])].party_id,
                                "sells_to" if graph.link_sells[r] else "buys_from",
                                int(graph.link_volume[r])) for r in rows)
        landlords = [parties[int(graph.link_party[r])].party_id for r in rows if graph.link_landlord[r]]
        owner = draw_owner(rng, code, as_of)
        ident = identity(rng, pop, i, ind, code, owner, as_of)
        monthly = draw_monthly(rng, pop, i, ind, as_of)
        assets = draw_assets(rng, mid, ind, float(pop.annual_revenue[i]), code, bool(pop.owns_premises[i]), as_of)
        assets = with_liens(np.random.default_rng([seed, 6, i]), assets, as_of)
        trailing = sum(m.revenue_cny for m in monthly[-12:])
        visible = float(np.mean([m.inflow_cny for m in monthly[-12:]]) * pop.visibility[i])
        score, overdue = int(pop.bureau_score[i]), int(pop.overdue[i])
        others = OthersData(int(base_limit(visible, score, overdue)), score, overdue, int(round(visible)))
        limit = int(true_limit(trailing, pop.margin[i], ind.cash_cycle_days, lendable_value(assets), score, overdue))
        evidence = plan_evidence(rng, merchant_id=mid, ind=ind, company=bool(pop.company[i]),
                                 founded=ident["founded"], monthly=monthly, assets=assets, links=links,
                                 landlord_id=landlords[0] if landlords else None, as_of=as_of)
        evidence += plan_added_types(np.random.default_rng([seed, 5, i]), merchant_id=mid, ind=ind,
                                     assets=assets, links=links, start=len(evidence), as_of=as_of,
                                     legal_form="company" if pop.company[i] else "individual")
        kinds = draw_fraud_kinds(rng) if pop.fraud[i] else ()
        drafts.append(dict(
            merchant_id=mid, industry_code=ind.code, region_code=code, owner=owner, monthly=monthly,
            gross_margin=round(float(pop.margin[i]), 4), assets=assets, links=links, others=others,
            true_limit_cny=limit, fraud_kinds=kinds, evidence=evidence, split=split_of(seed, mid), **ident))
        if progress is not None:
            progress(1)

    merchants = []
    for i, draft in enumerate(drafts):
        if draft["fraud_kinds"]:
            draft["evidence"], draft["fraud_kinds"] = _commit_fraud(seed, i, draft, drafts, parties, as_of)
        merchants.append(Merchant(**draft))
    return World(seed, size, as_of, industries, parties, tuple(merchants))


def _commit_fraud(seed: int, i: int, draft: dict, drafts: list[dict], parties: tuple[Party, ...],
                  as_of: date) -> tuple[tuple[EvidenceItem, ...], tuple[str, ...]]:
    """Second pass: fraud needs other merchants (a document to reuse, a name to borrow)."""
    rng = np.random.default_rng([seed, 4, i])
    others = [j for j in range(len(drafts)) if j != i]
    other = drafts[others[int(rng.integers(len(others)))]] if others else draft
    donor = next((e for e in other["evidence"] if e.doc_type in REUSABLE_DOCS and e.fraud_kind is None), None)
    linked = {link.party_id for link in draft["links"]}
    strangers = [p.party_id for p in parties if p.party_id not in linked]
    stranger = strangers[int(rng.integers(len(strangers)))] if strangers else parties[0].party_id
    return apply_fraud(rng, draft["evidence"], draft["fraud_kinds"], merchant_id=draft["merchant_id"],
                       uscc=draft["uscc"], decoy_name=other["name"], unlinked_party_id=stranger,
                       annual_revenue=sum(m.revenue_cny for m in draft["monthly"][-12:]),
                       donor=donor if other is not draft else None, as_of=as_of)
