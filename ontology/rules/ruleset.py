"""A versioned set of compiled rules and the one call reasoning makes: ``evaluate(facts)``."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ontology.knowledge import IndustryKnowledge, UnknownTerm
from ontology.rules.functions import CONTEXT_NAMES, FUNCTIONS, bind
from ontology.rules.merchant_facts import FactItem, MerchantFacts, one_per_vehicle
from ontology.rules.outcome import RuleOutcome
from ontology.rules.rule import Rule, RuleError, RuleEvaluationError, compile_rule
from ontology.rules.yaml_lines import LineDict, YamlError, load_yaml

RULES_FILE = "rules.yaml"


@dataclass(frozen=True, slots=True)
class RuleSet:
    version: str
    rules: tuple[Rule, ...]
    knowledge: IndustryKnowledge
    # The bank's risk appetite, named in the file's `parameters:` block and used by name in any rule.
    parameters: Mapping[str, float] = field(default_factory=dict)

    def evaluate(self, facts: MerchantFacts) -> RuleOutcome:
        """Every rule is reported, fired or not: nothing is skipped silently."""
        try:
            ancestors = self.knowledge.industry(facts.industry_code).ancestors
        except UnknownTerm as exc:
            raise RuleEvaluationError(f"merchant {facts.merchant_id}: {exc}") from None
        by_label: dict[str, list[FactItem]] = defaultdict(list)
        for item in one_per_vehicle(facts.items):
            by_label[item.label].append(item)
        by_label["Evidence"] = [
            FactItem("Evidence", e.evidence_id, "SUBMITTED",
                     {"doc_type": e.doc_type, "status": e.status, "authenticity": e.authenticity,
                      "reasons": list(e.reasons), "photo_class": e.photo_class},
                     (e.evidence_id,), e.status == "verified")
            for e in facts.evidence]
        ns = {**bind(self.knowledge, facts), **self.parameters}
        firings = tuple(r.evaluate(ns, by_label, facts.as_of, ancestors) for r in self.rules)
        return RuleOutcome(self.version, facts.merchant_id, firings)


def _parameters(doc: LineDict, path: Path) -> tuple[dict[str, float], list[RuleError]]:
    """The optional top-level `parameters:` block: plain names → numbers."""
    if "parameters" not in doc:
        return {}, []
    raw = doc["parameters"]
    if not isinstance(raw, LineDict):
        return {}, [RuleError(str(path), doc.line_of("parameters"), "parameters", "`parameters` must map names to numbers")]
    out, errors = {}, []
    for name, value in raw.items():
        line = raw.line_of(name)
        if not str(name).isidentifier() or name in CONTEXT_NAMES or name in FUNCTIONS:
            errors.append(RuleError(str(path), line, "parameters",
                                    f"{name!r} is not a plain name of its own (it may not reuse a function or context name)"))
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            errors.append(RuleError(str(path), line, "parameters", f"{name}: expected a number, got {value!r}"))
        else:
            out[str(name)] = float(value)
    return out, errors


def parse_rules(path: Path, knowledge: IndustryKnowledge
                ) -> tuple[tuple[Rule, ...], tuple[RuleError, ...], dict[str, float]]:
    """All rules that compile, one error per rule (or parameter) that does not (so a check lists them
    all), and the file's parameters."""
    try:
        doc = load_yaml(path)
    except YamlError as exc:
        return (), (RuleError(str(path), exc.line, "?", str(exc).split(": ", 1)[-1]),), {}
    if not isinstance(doc, LineDict) or not isinstance(doc.get("rules"), list):
        return (), (RuleError(str(path), 1, "?", "the file must have a top-level `rules:` list"),), {}
    parameters, errors = _parameters(doc, path)
    rules, seen = [], {}
    for raw in doc["rules"]:
        try:
            rule = compile_rule(raw, knowledge, str(path), parameters)
        except RuleError as exc:
            errors.append(exc)
            continue
        if rule.id in seen:
            errors.append(RuleError(str(path), rule.line, rule.id, f"duplicate id (first at line {seen[rule.id]})"))
            continue
        seen[rule.id] = rule.line
        rules.append(rule)
    return tuple(rules), tuple(errors), parameters


def load_ruleset(directory: Path, knowledge: IndustryKnowledge) -> RuleSet:
    rules, errors, parameters = parse_rules(directory / RULES_FILE, knowledge)
    if errors:
        raise errors[0]
    return RuleSet(directory.name, rules, knowledge, parameters)
