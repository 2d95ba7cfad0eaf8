"""Experts' own rule tests: example merchants with expected outcomes (``examples.yaml`` beside the rules).

Each expectation names a rule and says whether it fires and, optionally, the amount range, the factor
or words its reason text must contain. A failure names the example's line and the rule id.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ontology.rules.functions import as_date
from ontology.rules.merchant_facts import EvidenceSummary, FactItem, MerchantFacts
from ontology.rules.ruleset import RuleSet
from ontology.rules.yaml_lines import LineDict, YamlError, load_yaml

EXAMPLES_FILE = "examples.yaml"


@dataclass(frozen=True, slots=True)
class Expectation:
    rule_id: str
    line: int
    fires: bool
    amount: tuple[float, float] | None = None
    factor: float | None = None
    text_contains: str | None = None


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    line: int
    facts: MerchantFacts
    expectations: tuple[Expectation, ...]


class ExampleError(ValueError):
    pass


def _fact(raw: Mapping) -> FactItem:
    return FactItem(label=str(raw["label"]), id=str(raw["id"]), relation=str(raw.get("relation", "")),
                    properties=dict(raw.get("properties") or {}), evidence_ids=tuple(raw.get("evidence_ids", ("ex",))),
                    verified=bool(raw.get("verified", True)), role=str(raw.get("role", "")),
                    valid_from=as_date(raw.get("valid_from")), valid_to=as_date(raw.get("valid_to")))


def _evidence(raw: Mapping) -> EvidenceSummary:
    return EvidenceSummary(str(raw["id"]), str(raw.get("doc_type", "unknown")), str(raw.get("status", "verified")),
                           float(raw.get("authenticity", 1.0)), tuple(raw.get("reasons", ())), raw.get("photo_class"))


def _expectation(rule_id: str, raw: object, line: int) -> Expectation:
    if isinstance(raw, bool):
        return Expectation(rule_id, line, raw)
    if not isinstance(raw, Mapping) or "fires" not in raw:
        raise ExampleError(f"line {line}: expectation for {rule_id} needs `fires: true|false`")
    amount = raw.get("amount")
    if amount is not None:
        amount = (float(amount[0]), float(amount[1])) if isinstance(amount, list) else (float(amount), float(amount))
    return Expectation(rule_id, line, bool(raw["fires"]), amount, raw.get("factor"), raw.get("text_contains"))


def load_examples(path: Path) -> tuple[Example, ...]:
    try:
        doc = load_yaml(path)
    except YamlError as exc:
        raise ExampleError(str(exc)) from None
    if not isinstance(doc, LineDict) or not isinstance(doc.get("examples"), list):
        raise ExampleError(f"{path}:1: the file must have a top-level `examples:` list")
    defaults = doc.get("defaults") or {}
    out = []
    for raw in doc["examples"]:
        try:
            m = raw["merchant"]
            facts = MerchantFacts(
                merchant_id=str(m.get("id", raw["name"])), industry_code=str(m["industry"]),
                as_of=as_date(m.get("as_of", defaults.get("as_of", date(2026, 6, 30)))),
                base_limit_cny=float(m.get("base_limit_cny", defaults.get("base_limit_cny", 100_000))),
                attributes={**(defaults.get("attributes") or {}), **(m.get("attributes") or {})},
                items=tuple(_fact(f) for f in m.get("facts") or ()),
                evidence=tuple(_evidence(e) for e in m.get("evidence") or ()))
            expect = raw["expect"]
            out.append(Example(str(raw["name"]), raw.line, facts, tuple(
                _expectation(str(rid), spec, expect.line_of(rid)) for rid, spec in expect.items())))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ExampleError(f"{path}:{getattr(raw, 'line', 0)}: malformed example: {exc!r}") from None
    return tuple(out)


def run_examples(ruleset: RuleSet, examples: tuple[Example, ...], path: str) -> list[str]:
    """Failures as ``file:line: rule <id>: …`` lines, plus rules that no example shows firing."""
    failures: list[str] = []
    ids = {r.id for r in ruleset.rules}
    shown: set[str] = set()
    for ex in examples:
        try:
            outcome = {f.rule_id: f for f in ruleset.evaluate(ex.facts).firings}
        except Exception as exc:  # reported, not raised: one broken example must not hide the others
            failures.append(f"{path}:{ex.line}: example {ex.name!r}: {exc}")
            continue
        for e in ex.expectations:
            where = f"{path}:{e.line}: rule {e.rule_id}: example {ex.name!r}"
            if e.rule_id not in ids:
                failures.append(f"{where}: no such rule")
                continue
            f = outcome[e.rule_id]
            if f.fired != e.fires:
                failures.append(f"{where}: expected fires={e.fires}, got fires={f.fired} ({f.text_en})")
                continue
            if e.fires:
                shown.add(e.rule_id)
            if e.amount and not (f.amount_cny is not None and e.amount[0] <= f.amount_cny <= e.amount[1]):
                failures.append(f"{where}: expected amount in {list(e.amount)}, got {f.amount_cny}")
            if e.factor is not None and (f.factor is None or abs(f.factor - float(e.factor)) > 1e-6):
                failures.append(f"{where}: expected factor {e.factor}, got {f.factor}")
            if e.text_contains and e.text_contains not in f.text_zh + f.text_en:
                failures.append(f"{where}: reason text lacks {e.text_contains!r}: {f.text_zh} / {f.text_en}")
    for rule in ruleset.rules:
        if rule.id not in shown:
            failures.append(f"{path}: rule {rule.id} (line {rule.line}): no example shows it firing")
    return failures
