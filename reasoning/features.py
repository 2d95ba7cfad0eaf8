"""Neighbourhood-aggregated features of one merchant: the baseline's input and the policy's levers.

Two kinds of feature:

* **context** (what the bank knew before any upload: base limit, bureau score, legal form, age,
  registered capital, industry and its cash cycle and margin from the ontology). Free in sign.
* **evidence** (aggregates of facts backed by *verified* evidence). Every one is a sum, a count or a
  top-k sum, never a mean or a ratio (``log_flow_capacity`` is a largest-of fixed-window sums,
  ``reasoning.flow_capacity``), so adding a verified item can only keep or raise it; the
  models are constrained to be non-decreasing in each (``MONOTONE``). That is what makes "more
  verified honest evidence never lowers the limit" hold for the model part of a decision. The one
  exception is evidence of a debt: a registration certificate showing a mortgage takes that
  vehicle out of ``log_lendable_assets`` (``reasoning.monotonicity.discloses_debt``).

Amounts are log1p-scaled CNY; months count back from ``as_of``; assets are valued with the
ontology's valuation (mid-range value depreciated by age) × haircut, vehicles de-duplicated by plate
and VIN so a truck photo and its driving licence count once. Cash flows count only when the
merchant's own evidence alone supports them (``reasoning.flow_capacity.own_cash_flows``).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
import numpy as np

from ontology import IndustryKnowledge, UnknownTerm, knowledge
from ontology.rules.merchant_facts import FactItem, MerchantFacts
from reasoning.flow_capacity import flow_capacity, own_cash_flows

CONTEXT: tuple[str, ...] = ("log_base_limit", "bureau_score", "overdue_count_24m", "company", "log_registered_capital",
                            "years_founded", "cash_cycle_days", "gross_margin_mid", "industry_index")
EVIDENCE: tuple[str, ...] = (
    "log_bank_inflow_top6", "log_bank_outflow_top6", "log_payment_inflow_max", "log_sales_invoiced",
    "log_purchases_invoiced", "sale_counterparties", "log_contract_sales", "log_contract_purchases",
    "log_lease", "log_freight", "shipments", "log_lendable_assets", "vehicles", "machinery", "stock_items",
    "licences_valid", "verified_evidence", "log_flow_capacity")
FEATURES: tuple[str, ...] = CONTEXT + EVIDENCE
MONOTONE: tuple[int, ...] = tuple(0 for _ in CONTEXT) + tuple(1 for _ in EVIDENCE)
# Evidence features grouped by the kind of upload that moves them: the unit of model attributions.
EVIDENCE_GROUPS: dict[str, tuple[str, ...]] = {
    "bank_statement": ("log_bank_inflow_top6", "log_bank_outflow_top6", "log_flow_capacity"),
    "payment_statement": ("log_payment_inflow_max",),
    "invoices": ("log_sales_invoiced", "log_purchases_invoiced", "sale_counterparties"),
    "contracts": ("log_contract_sales", "log_contract_purchases", "log_lease"),
    "waybills": ("log_freight", "shipments"),
    "assets": ("log_lendable_assets", "vehicles", "machinery", "stock_items"),
    "licences": ("licences_valid",),
}
_MACHINERY = ("excavator", "loader", "crane", "forklift", "farm_machinery", "concrete_mixer")
_STOCK = ("pallets", "cartons", "sacks", "shelf_goods", "livestock")


@dataclass(frozen=True, slots=True)
class FeatureRow:
    merchant_id: str
    industry_code: str
    values: tuple[float, ...]      # in FEATURES order

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.values))


def _log(x: float) -> float:
    return math.log1p(max(x, 0.0))


def _num(props: Mapping[str, object], key: str) -> float:
    value = props.get(key)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _months_back(month: str, as_of: date) -> int:
    return (as_of.year - int(month[:4])) * 12 + as_of.month - int(month[5:7])


def _top_sum(values: list[float], k: int) -> float:
    return float(sum(sorted(values, reverse=True)[:k]))


def _recent(item: FactItem, as_of: date, days: int = 366) -> bool:
    when = item.valid_from
    return when is None or 0 <= (as_of - when).days <= days


def _asset_value(kn: IndustryKnowledge, props: Mapping[str, object], industry: str, as_of: date) -> float:
    cls = str(props.get("asset_class", ""))
    try:
        registered = props.get("registered")
        value = kn.valuation(cls, registered if isinstance(registered, date) else None, as_of)
        return value * kn.haircut(cls, industry)
    except UnknownTerm:
        return 0.0


def _assets(facts: MerchantFacts, kn: IndustryKnowledge) -> tuple[float, int, int, int]:
    """(lendable value, vehicles, machinery, stock items); one vehicle per plate/VIN. A vehicle under
    a registered mortgage (``lien_active``, from its registration certificate) lends nothing: the
    mortgagee's claim comes first and its balance is printed nowhere."""
    vehicles: dict[str, float] = {}
    pledged: set[str] = set()
    others: dict[str, tuple[str, float]] = {}
    for item in facts.of("Asset"):
        if not item.verified:
            continue
        p = item.properties
        value = _asset_value(kn, p, facts.industry_code, facts.as_of)
        plate, vin = p.get("plate"), p.get("vin")
        if plate or vin:
            key = str(plate or vin)
            # a licence (VIN, plate) and a photo (plate) of one truck: keyed by plate, keep the better value
            vehicles[key] = max(vehicles.get(key, 0.0), value)
            if p.get("lien_active") is True:
                pledged.add(key)
        else:
            others[item.id] = (str(p.get("asset_class", "")), value)
    value = sum(v for k, v in vehicles.items() if k not in pledged) + sum(v for _, v in others.values())
    machinery = sum(1 for c, _ in others.values() if c in _MACHINERY)
    stock = sum(1 for c, _ in others.values() if c in _STOCK)
    return value, len(vehicles), machinery, stock


def merchant_features(facts: MerchantFacts, industries: tuple[str, ...]) -> FeatureRow:
    """``industries`` fixes the index of each industry code (stored with the model)."""
    kn = knowledge()
    a = facts.attributes
    try:
        info = kn.industry(facts.industry_code)
        cycle = float(kn.cash_cycle_days(facts.industry_code))
        margin = info.gross_margin or (0.0, 0.0)
    except UnknownTerm:
        cycle, margin = 0.0, (0.0, 0.0)
    founded = a.get("founded")
    years = (facts.as_of - founded).days / 365.25 if isinstance(founded, date) else 0.0
    verified = [i for i in facts.items if i.verified]
    bank_in: dict[str, float] = {}
    bank_out: dict[str, float] = {}
    pay_in = [0.0]
    for item in own_cash_flows(facts):
        month = str(item.properties.get("month", ""))
        if len(month) < 7 or not 0 <= _months_back(month, facts.as_of) <= 12:
            continue
        if item.properties.get("source") == "bank_statement":
            bank_in[item.id] = _num(item.properties, "inflow_cny")
            bank_out[item.id] = _num(item.properties, "outflow_cny")
        else:
            pay_in.append(_num(item.properties, "inflow_cny"))
    invoices = [i for i in verified if i.label == "Invoice" and _recent(i, facts.as_of)]
    sales = {i.id: _num(i.properties, "total_cny") for i in invoices if i.properties.get("direction") == "sale"}
    buys = {i.id: _num(i.properties, "total_cny") for i in invoices if i.properties.get("direction") == "purchase"}
    sale_parties = {i.properties.get("buyer_uscc") or i.properties.get("buyer_name") for i in invoices
                    if i.properties.get("direction") == "sale"}
    contracts: dict[str, dict[str, float]] = {"sell": {}, "buy": {}, "lease": {}}
    for i in verified:
        if i.label == "Contract" and i.relation == "PARTY_TO" and _recent(i, facts.as_of, 730):
            side = "lease" if i.role == "lessee" else "sell" if i.role in ("seller", "carrier", "lessor", "contractor") else "buy"
            contracts[side][i.id] = _num(i.properties, "amount_cny")
    shipments = {i.id: _num(i.properties, "freight_cny") for i in verified if i.label == "Shipment"}
    assets, vehicles, machinery, stock = _assets(facts, kn)
    licences = {i.id for i in verified if i.label == "Licence"
                and (i.valid_to is None or i.valid_to >= facts.as_of)}
    evidence_ok = sum(1 for e in facts.evidence if e.status == "verified")
    values = (
        _log(facts.base_limit_cny), _num(a, "bureau_score"), _num(a, "overdue_count_24m"),
        float(a.get("legal_form") == "company"),
        _log(_num(a, "registered_capital_cny")), years, cycle, sum(margin) / 2,
        float(industries.index(facts.industry_code)) if facts.industry_code in industries else -1.0,
        _log(_top_sum(list(bank_in.values()), 6)), _log(_top_sum(list(bank_out.values()), 6)), _log(max(pay_in)),
        _log(sum(sales.values())), _log(sum(buys.values())), float(len(sale_parties)),
        _log(sum(contracts["sell"].values())), _log(sum(contracts["buy"].values())),
        _log(sum(contracts["lease"].values())), _log(sum(shipments.values())), float(len(shipments)),
        _log(assets), float(vehicles), float(machinery), float(stock), float(len(licences)), float(evidence_ok),
        _log(flow_capacity(facts, kn)))
    return FeatureRow(facts.merchant_id, facts.industry_code, values)


def feature_matrix(rows: list[FeatureRow]) -> np.ndarray:
    return np.asarray([r.values for r in rows], dtype=np.float64).reshape(len(rows), len(FEATURES))
