"""A versioned set of compiled rules and the one call reasoning makes: ``evaluate(facts)``."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ontology.knowledge import IndustryKnowledge, UnknownTerm
from ontology.rules.functions import bind
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
        ns = bind(self.knowledge, facts)
        firings = tuple(r.evaluate(ns, by_label, facts.as_of, ancestors) for r in self.rules)
        return RuleOutcome(self.version, facts.merchant_id, firings)


def parse_rules(path: Path, knowledge: IndustryKnowledge) -> tuple[tuple[Rule, ...], tuple[RuleError, ...]]:
    """All rules that compile, and one error per rule that does not (so a check lists them all)."""
    try:
        doc = load_yaml(path)
    except YamlError as exc:
        return (), (RuleError(str(path), exc.line, "?", str(exc).split(": ", 1)[-1]),)
    if not isinstance(doc, LineDict) or not isinstance(doc.get("rules"), list):
        return (), (RuleError(str(path), 1, "?", "the file must have a top-level `rules:` list"),)
    rules, errors, seen = [], [], {}
    for raw in doc["rules"]:
        try:
            rule = compile_rule(raw, knowledge, str(path))
        except RuleError as exc:
            errors.append(exc)
            continue
        if rule.id in seen:
            errors.append(RuleError(str(path), rule.line, rule.id, f"duplicate id (first at line {seen[rule.id]})"))
            continue
        seen[rule.id] = rule.line
        rules.append(rule)
    return tuple(rules), tuple(errors)


def load_ruleset(directory: Path, knowledge: IndustryKnowledge) -> RuleSet:
    rules, errors = parse_rules(directory / RULES_FILE, knowledge)
    if errors:
        raise errors[0]
    return RuleSet(directory.name, rules, knowledge)
