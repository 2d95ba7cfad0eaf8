r"""A merchant's subgraph as a PyG ``HeteroData``: the GNN's input.

Node types and their features (every amount is ``log1p`` of CNY; nothing else is scaled here, the
model standardises with training statistics):

* ``merchant`` — the centre first (index 0). The centre's row is its feature row from
  ``reasoning.features`` without ``industry_index`` (industry is a node), plus ``is_centre`` = 1.
  Peer merchants reached through shared counterparties have only what the registry says about them
  (log base limit, bureau score, company, log registered capital, years since founding), zeros for
  evidence, ``is_centre`` = 0.
* ``fact`` — each fact node linked to the centre: one-hot of its label (Invoice, Contract, CashFlow,
  Asset, Licence, Shipment, BankAccount), log amount (invoice total, contract amount, cash inflow,
  freight), log outflow, log lendable asset value (ontology valuation × haircut), and whether the
  merchant is the selling side (sale invoice, seller/carrier/lessor role).
* ``enterprise`` — counterparties: a constant 1 and the log of the trade volume on their links.
* ``industry`` — one-hot over the model's industry list and cash-cycle days / 180.

Edge types (reverse edges added by the model with ``ToUndirected``): ``merchant-has-fact``,
``enterprise-party-fact``, ``merchant-trades-enterprise``, ``merchant-in-industry``,
``industry-upstream-industry``.

Shapes: ``x_dict[t]`` is :math:`(|V_t|, F_t)` with ``F`` fixed per type (``FEATURE_SIZES``).
"""
from __future__ import annotations

import math
from datetime import date

import warnings

import numpy as np
import torch

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)   # torch.jit notice on import (dependency-pitfalls.md)
    from torch_geometric.data import HeteroData

from ontology import knowledge
from ontology.knowledge import UnknownTerm
from reasoning.dataset import MerchantView
from reasoning.features import FEATURES

CENTRE_FEATURES: tuple[str, ...] = tuple(f for f in FEATURES if f != "industry_index")
_CENTRE_COLS = [FEATURES.index(f) for f in CENTRE_FEATURES]
FACT_LABELS: tuple[str, ...] = ("Invoice", "Contract", "CashFlow", "Asset", "Licence", "Shipment", "BankAccount",
                                 "TaxFiling", "UtilityBill", "Payroll", "Receivable")
EDGE_TYPES: tuple[tuple[str, str, str], ...] = (
    ("merchant", "has", "fact"), ("enterprise", "party", "fact"), ("merchant", "trades", "enterprise"),
    ("merchant", "in", "industry"), ("industry", "upstream", "industry"))
_FACT_RELS = frozenset({"HOLDS", "SELLER_OF", "BUYER_OF", "PARTY_TO", "HAS_ACCOUNT", "HAS_CASHFLOW", "OWNS", "CARRIED",
                        "FILED", "HAS_UTILITY", "HAS_PAYROLL", "IS_OWED"})


def feature_sizes(n_industries: int) -> dict[str, int]:
    return {"merchant": len(CENTRE_FEATURES) + 1, "fact": len(FACT_LABELS) + 4, "enterprise": 2,
            "industry": n_industries + 1}


def _log(x: object) -> float:
    return math.log1p(max(float(x), 0.0)) if isinstance(x, (int, float)) and not isinstance(x, bool) else 0.0


def _peer_row(props: dict, as_of: date) -> list[float]:
    row = [0.0] * (len(CENTRE_FEATURES) + 1)
    founded = props.get("founded")
    context = {"log_base_limit": _log(props.get("base_limit_cny")), "bureau_score": float(props.get("bureau_score") or 0),
               "overdue_count_24m": float(props.get("overdue_count_24m") or 0),
               "company": float(props.get("legal_form") == "company"),
               "log_registered_capital": _log(props.get("registered_capital_cny")),
               "years_founded": (as_of - founded).days / 365.25 if isinstance(founded, date) else 0.0}
    for name, value in context.items():
        row[CENTRE_FEATURES.index(name)] = value
    return row


def _fact_row(label: str, props: dict, role: str, relation: str, industry: str, as_of: date) -> list[float]:
    onehot = [float(label == l) for l in FACT_LABELS]
    amount = (props.get("total_cny") or props.get("amount_cny") or props.get("inflow_cny") or props.get("freight_cny")
              or props.get("declared_sales_cny") or props.get("contribution_cny") or props.get("balance_cny"))
    lendable = 0.0
    if label == "Asset":
        kn = knowledge()
        try:
            registered = props.get("registered")
            cls = str(props.get("asset_class", ""))
            lendable = kn.valuation(cls, registered if isinstance(registered, date) else None, as_of) \
                * kn.haircut(cls, industry)
        except UnknownTerm:
            lendable = 0.0
    selling = float(props.get("direction") == "sale" or role in ("seller", "carrier", "lessor") or relation == "SELLER_OF")
    return onehot + [_log(amount), _log(props.get("outflow_cny")), _log(lendable), selling]


def encode(view: MerchantView, industries: tuple[str, ...], centre_row: np.ndarray | None = None) -> HeteroData:
    """``centre_row`` (default: the view's feature row, in ``FEATURES`` order) replaces the centre's
    features, which is how counterfactuals reach the GNN."""
    sub, facts = view.subgraph, view.facts
    as_of = facts.as_of
    row = np.asarray(view.features.values if centre_row is None else centre_row, dtype=np.float32)
    merchants = [sub.center]
    m_rows = [list(row[_CENTRE_COLS]) + [1.0]]
    nodes = {n.ref: n for n in sub.nodes}
    for n in sub.nodes:
        if n.label == "Merchant" and n.ref != sub.center:
            merchants.append(n.ref)
            m_rows.append(_peer_row(dict(n.properties), as_of))
    m_index = {ref: i for i, ref in enumerate(merchants)}
    f_index: dict = {}
    f_rows: list[list[float]] = []
    e_index: dict = {}
    e_volume: dict = {}
    edges: dict[tuple[str, str, str], list[tuple[int, int]]] = {t: [] for t in EDGE_TYPES}
    for rel in sub.relationships:
        if rel.start == sub.center and rel.type in _FACT_RELS and rel.end in nodes:
            if rel.end not in f_index:
                f_index[rel.end] = len(f_rows)
                f_rows.append(_fact_row(rel.end.label, dict(nodes[rel.end].properties), rel.key, rel.type,
                                        facts.industry_code, as_of))
            edges[("merchant", "has", "fact")].append((0, f_index[rel.end]))
    for rel in sub.relationships:
        if rel.type in ("SELLS_TO", "BUYS_FROM") and rel.start in m_index and rel.end.label == "Enterprise":
            e = e_index.setdefault(rel.end, len(e_index))
            e_volume[e] = e_volume.get(e, 0.0) + float(rel.properties.get("volume_cny", 0.0) or 0.0)
            edges[("merchant", "trades", "enterprise")].append((m_index[rel.start], e))
    for rel in sub.relationships:
        if rel.start.label == "Enterprise" and rel.end in f_index and rel.type in ("SELLER_OF", "BUYER_OF", "PARTY_TO"):
            e = e_index.setdefault(rel.start, len(e_index))
            edges[("enterprise", "party", "fact")].append((e, f_index[rel.end]))
    i_index = {code: k for k, code in enumerate(industries)}
    present: dict[str, int] = {}
    for n in sub.nodes:
        if n.label == "Industry" and n.id in i_index:
            present.setdefault(n.id, len(present))
    i_rows = []
    for code in present:
        onehot = [0.0] * len(industries)
        onehot[i_index[code]] = 1.0
        cycle = nodes[next(r for r in nodes if r.label == "Industry" and r.id == code)].properties.get("cash_cycle_days")
        i_rows.append(onehot + [float(cycle or 0) / 180.0])
    for rel in sub.relationships:
        if rel.type == "IN_INDUSTRY" and rel.start in m_index and rel.end.id in present:
            edges[("merchant", "in", "industry")].append((m_index[rel.start], present[rel.end.id]))
        elif rel.type == "UPSTREAM_OF" and rel.start.id in present and rel.end.id in present:
            edges[("industry", "upstream", "industry")].append((present[rel.start.id], present[rel.end.id]))
    sizes = feature_sizes(len(industries))
    data = HeteroData()
    data["merchant"].x = torch.tensor(m_rows, dtype=torch.float32).reshape(-1, sizes["merchant"])
    data["fact"].x = torch.tensor(f_rows, dtype=torch.float32).reshape(-1, sizes["fact"])
    data["enterprise"].x = torch.tensor([[1.0, math.log1p(e_volume.get(k, 0.0))] for k in range(len(e_index))],
                                        dtype=torch.float32).reshape(-1, sizes["enterprise"])
    data["industry"].x = torch.tensor(i_rows, dtype=torch.float32).reshape(-1, sizes["industry"])
    for edge_type, pairs in edges.items():
        data[edge_type].edge_index = torch.tensor(pairs, dtype=torch.long).reshape(-1, 2).t().contiguous()
    return data
