"""Bailing's industry knowledge: an OWL 2 ontology (``owl/bailing.owl``) and experts' rules over it.

The three calls the rest of Bailing makes:

- ``load_active_ruleset()`` → ``RuleSet``; ``RuleSet.evaluate(MerchantFacts) -> RuleOutcome``
- ``knowledge()`` → ``IndustryKnowledge`` (seasonality, cash cycles, asset valuation and haircuts,
  licences, upstream/downstream links)

See ontology/README.md for experts (Protégé, the rule grammar, check / diff / activate).
"""
from ontology.knowledge import (AssetClassInfo, EvidenceTypeInfo, IndustryInfo, IndustryKnowledge, IndustryLinkInfo,
                                UnknownTerm)
from ontology.rules.merchant_facts import EvidenceSummary, FactItem, MerchantFacts
from ontology.rules.outcome import RuleFiring, RuleOutcome
from ontology.rules.rule import RuleError, RuleEvaluationError
from ontology.rules.ruleset import RuleSet, load_ruleset
from ontology.versions import VersionRefused, activate, active_version, knowledge, load_active_ruleset

__all__ = [
    "AssetClassInfo", "EvidenceSummary", "EvidenceTypeInfo", "FactItem", "IndustryInfo", "IndustryKnowledge",
    "IndustryLinkInfo", "MerchantFacts", "RuleError", "RuleEvaluationError", "RuleFiring", "RuleOutcome", "RuleSet",
    "UnknownTerm", "VersionRefused", "activate", "active_version", "knowledge", "load_active_ruleset", "load_ruleset",
]
