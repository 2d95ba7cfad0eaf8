"""The functions rule expressions may call, bound to one merchant and the ontology's knowledge.

Every function is listed in ``FUNCTION_DOCS`` (the README's function table is generated from the same
names, and ``check`` refuses any other). Empty fact sets give 0 for sum/max/min/avg, False for any,
True for all: a rule that needs "at least one" must say ``count(x) >= 1``.
"""
from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable
from datetime import date

from ontology.knowledge import IndustryKnowledge
from ontology.rules.merchant_facts import FactItem, MerchantFacts

_ITEM_FIELDS = frozenset({"label", "id", "relation", "role", "verified", "valid_from", "valid_to", "evidence_ids"})


class Row:
    """One matched fact as rules see it: ``item.total_cny`` reads a property, ``item.verified`` etc. read
    the fact's own fields; a property the fact does not have reads as None."""

    __slots__ = ("fact",)

    def __init__(self, fact: FactItem):
        self.fact = fact

    def __getattr__(self, name: str) -> object:
        if name in _ITEM_FIELDS:
            return getattr(self.fact, name)
        return self.fact.properties.get(name)


def as_date(value: object) -> date | None:
    """Dates arrive as ``date`` (graph, YAML) or ISO text (JSON); months as "YYYY-MM" (first day)."""
    if value is None or isinstance(value, date):
        return value
    text = str(value)
    return date.fromisoformat(text + "-01" if len(text) == 7 else text[:10])


def _values(items: Iterable, f: Callable | None) -> list:
    values = list(items) if f is None else [f(i) for i in items]
    return [v for v in values if v is not None]


def licence_valid(fact: FactItem, as_of: date) -> bool:
    start = fact.valid_from or as_date(fact.properties.get("issued"))
    end = fact.valid_to or as_date(fact.properties.get("valid_until"))
    return (start is None or start <= as_of) and (end is None or end >= as_of)


FUNCTION_DOCS: dict[str, str] = {
    "count": "count(set[, condition]) — number of items (that meet the condition)",
    "sum": "sum(set[, expr]) — total of expr over the items (missing values skipped)",
    "max": "max(set[, expr]) — largest value, 0 when empty",
    "min": "min(set[, expr]) — smallest value, 0 when empty",
    "avg": "avg(set[, expr]) — mean value, 0 when empty",
    "any": "any(set, condition) — true when at least one item meets it",
    "all": "all(set, condition) — true when every item meets it (true when empty)",
    "distinct": "distinct(set, expr) — number of different non-empty values",
    "select": "select(set, condition) — the items that meet it (a set again)",
    "least": "least(a, b, …) — the smallest of plain values",
    "greatest": "greatest(a, b, …) — the largest of plain values",
    "clip": "clip(x, low, high)",
    "round": "round(x[, digits])",
    "abs": "abs(x)",
    "days_between": "days_between(a, b) — days from date a to date b (negative when b is earlier)",
    "days_since": "days_since(d) — days from d to as_of",
    "months_since": "months_since(d) — whole calendar months from d to as_of",
    "month_number": "month_number(d) — the month (1..12) of a date or a \"YYYY-MM\" month",
    "haircut": "haircut(asset_class) — lendable share of value, with the merchant's industry overrides",
    "valuation": "valuation(asset_class) — mid-range second-hand value (CNY)",
    "asset_value": "asset_value(item) — valuation of an Asset item, depreciated by years since item.registered",
    "seasonality": "seasonality(month) — the merchant's industry monthly factor (1 = average month)",
    "peak_months": "peak_months() — the industry's peak months (list of 1..12)",
    "peak_factor": "peak_factor(months) — highest seasonality over the next `months` months from as_of",
    "cash_cycle_days": "cash_cycle_days() — the industry's cash-conversion cycle",
    "gross_margin": "gross_margin() — mid-range gross margin of the industry",
    "required_licences": "required_licences() — licence types the industry requires (with its parents')",
    "missing_licences": "missing_licences() — required licence types with no verified licence valid at as_of "
                        "(a business licence counts as held when the registry gives the merchant a USCC)",
    "typical_assets": "typical_assets() — asset classes typical for the industry",
    "asset_is": "asset_is(asset_class, OntologyClass) — asset class is that class or a subclass",
    "industry_is": "industry_is(code) — the merchant's industry is that GB/T code or under it",
    "upstream_industries": "upstream_industries() — GB/T classes that supply the merchant's industry",
    "attr": "attr(name) — a property of the Merchant node (e.g. attr('bureau_score'))",
    "join": "join(list) — text list joined with '、' for reason sentences",
    "licence_valid": "licence_valid(item) — a Licence item is in force at as_of",
}
CONTEXT_NAMES: dict[str, str] = {
    "as_of": "the evaluation date (MerchantFacts.as_of)",
    "month": "as_of's month, 1..12",
    "industry": "the merchant's GB/T 4754 class code",
    "base_limit": "the merchant's base limit (CNY)",
}


def bind(knowledge: IndustryKnowledge, facts: MerchantFacts) -> dict[str, object]:
    """The evaluation namespace for one merchant: functions and context names."""
    as_of, code = facts.as_of, facts.industry_code

    def _agg(op):
        def run(items, f=None):
            values = _values(items, f)
            return op(values) if values else 0
        return run

    def count(items, f=None):
        return len(items) if f is None else builtins.sum(1 for i in items if f(i))

    def months_since(d):
        d = as_date(d)
        return (as_of.year - d.year) * 12 + as_of.month - d.month

    def peak_factor(months=3):
        return builtins.max(knowledge.seasonality(code, (as_of.month - 1 + k) % 12 + 1) for k in range(int(months)))

    def missing_licences():
        held = {i.properties.get("licence_type") for i in facts.items
                if i.label == "Licence" and i.verified and licence_valid(i, as_of)}
        if facts.attributes.get("uscc"):
            held.add("business_licence")  # the registry (others' data) already proves registration
        return [t for t in knowledge.required_licences(code) if t not in held]

    def gross_margin():
        low, high = knowledge._modelled(code).gross_margin
        return (low + high) / 2

    ns: dict[str, object] = {
        "__builtins__": {},
        "count": count, "sum": _agg(builtins.sum), "max": _agg(builtins.max), "min": _agg(builtins.min),
        "avg": _agg(lambda v: builtins.sum(v) / len(v)),
        "any": lambda items, f: builtins.any(f(i) for i in items),
        "all": lambda items, f: builtins.all(f(i) for i in items),
        "distinct": lambda items, f: len(set(_values(items, f))),
        "select": lambda items, f: [i for i in items if f(i)],
        "least": builtins.min, "greatest": builtins.max, "round": builtins.round, "abs": builtins.abs,
        "clip": lambda x, lo, hi: builtins.min(builtins.max(x, lo), hi),
        "days_between": lambda a, b: (as_date(b) - as_date(a)).days,
        "days_since": lambda d: (as_of - as_date(d)).days,
        "months_since": months_since,
        "month_number": lambda d: as_date(d).month,
        "haircut": lambda a: knowledge.haircut(a, code),
        "valuation": knowledge.valuation,
        "asset_value": lambda item: knowledge.valuation(item.asset_class, as_date(item.registered), as_of),
        "seasonality": lambda m: knowledge.seasonality(code, int(m)),
        "peak_months": lambda: list(knowledge.peak_months(code)),
        "peak_factor": peak_factor,
        "cash_cycle_days": lambda: knowledge.cash_cycle_days(code),
        "gross_margin": gross_margin,
        "required_licences": lambda: list(knowledge.required_licences(code)),
        "missing_licences": missing_licences,
        "typical_assets": lambda: list(knowledge.industry(code).typical_assets),
        "asset_is": knowledge.asset_is_a,
        "industry_is": lambda c: knowledge.industry_is_a(code, str(c)),
        "upstream_industries": lambda: sorted({l.supplier for l in knowledge.upstream_of(code)}),
        "attr": lambda name: facts.attributes.get(name),
        "join": lambda values: "、".join(str(v) for v in values),
        "licence_valid": lambda item: licence_valid(item.fact, as_of),
        "as_of": as_of, "month": as_of.month, "industry": code, "base_limit": facts.base_limit_cny,
    }
    return ns


FUNCTIONS = frozenset(FUNCTION_DOCS)
