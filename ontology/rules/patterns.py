"""Fact patterns: which of a merchant's facts a rule's named fact set holds (the graph pattern part).

A pattern is compiled to a list of predicates over ``FactItem``; selecting is one pass over the
merchant's items of the matched labels.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ontology.knowledge import IndustryKnowledge
from ontology.rules.functions import Row, as_date, licence_valid
from ontology.rules.merchant_facts import FactItem

# graph/README.md fact vocabulary, plus Evidence (the merchant's EvidenceSummary records)
FACT_LABELS = ("Evidence", "Enterprise", "Licence", "Invoice", "Contract", "Shipment", "BankAccount", "CashFlow",
               "Asset", "TaxFiling", "UtilityBill", "Payroll", "Receivable", "Person")
PATTERN_KEYS = ("match", "relation", "role", "where", "verified", "window", "valid_at_as_of")
OPERATORS = ("in", "not_in", "ne", "gte", "gt", "lte", "lt", "is_a", "exists", "contains")
ITEM_FIELDS = ("id", "relation", "role", "valid_from", "valid_to")

Predicate = Callable[[FactItem, date], bool]


class PatternError(ValueError):
    """A fact pattern that names an unknown label, operator or ontology class."""


@dataclass(frozen=True, slots=True)
class FactPattern:
    name: str
    labels: tuple[str, ...]
    predicates: tuple[Predicate, ...]

    def select(self, by_label: Mapping[str, Sequence[FactItem]], as_of: date) -> list[Row]:
        out = []
        for label in self.labels:
            for item in by_label.get(label, ()):
                if all(p(item, as_of) for p in self.predicates):
                    out.append(Row(item))
        return out


def _value(item: FactItem, field: str) -> object:
    return getattr(item, field) if field in ITEM_FIELDS else item.properties.get(field)


def _is_a(knowledge: IndustryKnowledge, target: str) -> Callable[[object], bool]:
    if target in knowledge.asset_classes or target in knowledge.asset_groups or target == "Asset":
        return lambda v: v is not None and knowledge.asset_is_a(str(v), target)
    if target.removeprefix("GBT_") in knowledge.industries:
        return lambda v: v is not None and str(v) in knowledge.industries and knowledge.industry_is_a(str(v), target)
    if target in knowledge.evidence_types:
        return lambda v: v == target
    if target in ("LicenceType", "EvidenceType"):
        licence = target == "LicenceType"
        return lambda v: v in knowledge.evidence_types and (not licence or knowledge.evidence_types[v].licence)
    raise PatternError(f"is_a: {target!r} is not an ontology class (asset class, industry code or evidence type)")


def _compare(op: str, arg: object, knowledge: IndustryKnowledge) -> Callable[[object], bool]:
    def num(f):
        return lambda v: v is not None and f(v)
    if op in ("in", "not_in"):
        if not isinstance(arg, list):
            raise PatternError(f"{op}: expects a list, got {arg!r}")
        values = frozenset(arg)
        return (lambda v: v in values) if op == "in" else (lambda v: v not in values)
    if op == "ne":
        return lambda v: v != arg
    if op in ("gte", "gt", "lte", "lt"):
        if isinstance(arg, bool) or not isinstance(arg, (int, float, date)):
            raise PatternError(f"{op}: expects a number or date, got {arg!r}")
        if isinstance(arg, date):
            cmp = {"gte": lambda v: as_date(v) >= arg, "gt": lambda v: as_date(v) > arg,
                   "lte": lambda v: as_date(v) <= arg, "lt": lambda v: as_date(v) < arg}[op]
        else:
            cmp = {"gte": lambda v: v >= arg, "gt": lambda v: v > arg,
                   "lte": lambda v: v <= arg, "lt": lambda v: v < arg}[op]
        return num(cmp)
    if op == "is_a":
        return _is_a(knowledge, str(arg))
    if op == "exists":
        return (lambda v: v is not None) if arg else (lambda v: v is None)
    if op == "contains":
        return lambda v: isinstance(v, (list, tuple)) and arg in v
    raise PatternError(f"unknown operator {op!r}; known: {', '.join(OPERATORS)}")


def _where(field: str, spec: object, knowledge: IndustryKnowledge) -> Predicate:
    if isinstance(spec, Mapping):
        if not spec:
            raise PatternError(f"where.{field}: empty condition")
        tests = [_compare(op, arg, knowledge) for op, arg in spec.items()]
        return lambda item, as_of: all(t(_value(item, field)) for t in tests)
    if isinstance(spec, list):
        raise PatternError(f"where.{field}: a list needs an operator, e.g. {{in: {spec!r}}}")
    return lambda item, as_of: _value(item, field) == spec


def _window(spec: object) -> Predicate:
    if not isinstance(spec, Mapping) or "field" not in spec or len(spec.keys() & {"days", "months"}) != 1:
        raise PatternError("window: needs `field` and exactly one of `days` or `months`, e.g. {field: issued, months: 6}")
    field = str(spec["field"])
    unknown = set(spec) - {"field", "days", "months"}
    if unknown:
        raise PatternError(f"window: unknown keys {sorted(unknown)}")
    size = spec.get("days", spec.get("months"))
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        raise PatternError(f"window: size must be a positive whole number, got {size!r}")
    if "days" in spec:
        def inside(item: FactItem, as_of: date) -> bool:
            d = as_date(_value(item, field))
            return d is not None and 0 <= (as_of - d).days < size
    else:
        def inside(item: FactItem, as_of: date) -> bool:
            d = as_date(_value(item, field))
            return d is not None and 0 <= (as_of.year - d.year) * 12 + as_of.month - d.month < size
    return inside


def compile_pattern(name: str, spec: Mapping, knowledge: IndustryKnowledge) -> FactPattern:
    if not isinstance(spec, Mapping):
        raise PatternError(f"fact set {name!r} must be a mapping with at least `match`")
    unknown = set(spec) - set(PATTERN_KEYS)
    if unknown:
        raise PatternError(f"fact set {name!r}: unknown keys {sorted(unknown)}; allowed: {', '.join(PATTERN_KEYS)}")
    labels = spec.get("match")
    labels = [labels] if isinstance(labels, str) else labels
    if not labels or not isinstance(labels, list):
        raise PatternError(f"fact set {name!r}: `match` must name a label or a list of labels")
    for label in labels:
        if label not in FACT_LABELS:
            raise PatternError(f"fact set {name!r}: unknown label {label!r}; known: {', '.join(FACT_LABELS)}")
    preds: list[Predicate] = []
    verified = spec.get("verified", True)
    if verified not in (True, False, "any"):
        raise PatternError(f"fact set {name!r}: verified must be true, false or any, got {verified!r}")
    if verified != "any":
        preds.append(lambda item, as_of: item.verified is verified)
    for key in ("relation", "role"):
        if key in spec:
            allowed = frozenset([spec[key]] if isinstance(spec[key], str) else spec[key])
            preds.append(lambda item, as_of, k=key, a=allowed: getattr(item, k) in a)
    where = spec.get("where") or {}
    if not isinstance(where, Mapping):
        raise PatternError(f"fact set {name!r}: `where` must map property names to conditions")
    preds += [_where(str(f), s, knowledge) for f, s in where.items()]
    if "window" in spec:
        preds.append(_window(spec["window"]))
    if spec.get("valid_at_as_of"):
        preds.append(licence_valid)
    return FactPattern(name, tuple(labels), tuple(preds))
