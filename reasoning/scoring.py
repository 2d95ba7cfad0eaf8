"""One merchant view → Decision: fraud signals, rules, model view and policy, with no graph I/O.

``decide`` (one merchant, read from Neo4j) and ``evaluate`` / batch re-scoring (many, read in batches)
both end here, so a decision does not depend on how its subgraph was fetched.
"""
from __future__ import annotations

from ontology import RuleSet, knowledge
from ontology.knowledge import UnknownTerm
from reasoning.dataset import MerchantView
from reasoning.decision import Decision
from reasoning.explain import model_view
from reasoning.fraud_signals import fraud_signals
from reasoning.models.capacity import CapacityModel
from reasoning.policy import GROUP_UPLOAD, PolicyInput, decide_policy


def uploads_for(industry_code: str) -> tuple[tuple[str, str], ...]:
    """(evidence group, upload code) pairs the trade can submit, from the ontology."""
    try:
        info = knowledge().industry(industry_code)
    except UnknownTerm:
        return ()
    accepted = set(info.evidence_types)
    out = [(g, code) for g, code in GROUP_UPLOAD.items() if code in accepted]
    if info.typical_assets:
        out.append(("assets", f"photo:{info.typical_assets[0]}"))
    return tuple(out)


def score_view(view: MerchantView, model: CapacityModel, rules: RuleSet) -> Decision:
    facts = view.facts
    return decide_policy(
        PolicyInput(facts, rules.evaluate(facts), model_view(model, view), fraud_signals(facts),
                    uploads_for(facts.industry_code)),
        ontology_version=rules.version, as_of=facts.as_of.isoformat())
