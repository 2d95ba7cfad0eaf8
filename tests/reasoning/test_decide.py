"""Decisions on the tiny world: the contract's fields, fraud, monotonicity, explanations."""
from __future__ import annotations

from neo4j import Driver
import pytest

from ontology import load_active_ruleset
from reasoning.dataset import read_views
from reasoning.decide import decide
from reasoning.decision import DECISIONS
from reasoning.models.capacity import CapacityModel
from reasoning.monotonicity import decision_monotonicity
from reasoning.scoring import score_view
from seed_data.world.records import World
from tests.reasoning.conftest import TINY_AS_OF


def test_a_decision_has_every_part_of_the_contract(loaded_driver: Driver, tiny_world: World,
                                                   tiny_model: CapacityModel) -> None:
    merchant = next(m for m in tiny_world.merchants if not m.fraud_kinds)
    d = decide(loaded_driver, merchant.merchant_id, as_of=TINY_AS_OF, model=tiny_model)
    assert d.decision in DECISIONS
    assert d.base_limit_cny == merchant.others.base_limit_cny
    assert d.new_limit_cny == d.base_limit_cny + d.uplift_cny
    assert 0.0 <= d.confidence <= 1.0
    assert d.evidence_used and set(d.evidence_used) <= {e.evidence_id for e in merchant.evidence}
    rule_reasons = [r for r in d.reasons if r.effect != "model"]
    assert len(rule_reasons) == len(load_active_ruleset().rules)        # every rule, fired or not
    assert any(not r.fired for r in rule_reasons) and d.ontology_version and d.model_version == tiny_model.version
    assert d.as_of == TINY_AS_OF.isoformat()


def test_unknown_merchant_is_a_lookup_error(loaded_driver: Driver, tiny_model: CapacityModel) -> None:
    with pytest.raises(LookupError, match="no merchant"):
        decide(loaded_driver, "M-does-not-exist", as_of=TINY_AS_OF, model=tiny_model)


def test_fraudsters_get_no_uplift_and_go_to_review(loaded_driver: Driver, tiny_world: World,
                                                   tiny_model: CapacityModel) -> None:
    fraudsters = [m for m in tiny_world.merchants if m.fraud_kinds]
    assert fraudsters
    for m in fraudsters:
        d = decide(loaded_driver, m.merchant_id, as_of=TINY_AS_OF, model=tiny_model)
        bad = {e.evidence_id for e in m.evidence if e.fraud_kind}
        assert not (d.uplift_cny > 0 and bad & set(d.evidence_used)), (m.fraud_kinds, d)
        assert d.decision == "decline_review" and d.review and d.uplift_cny == 0


def test_more_verified_evidence_never_lowers_the_decided_limit(loaded_driver: Driver, tiny_world: World,
                                                               tiny_model: CapacityModel) -> None:
    rules = load_active_ruleset()
    honest = [m.merchant_id for m in tiny_world.merchants if not m.fraud_kinds]
    views = read_views(loaded_driver, honest, as_of=TINY_AS_OF, industries=tiny_model.industries)
    report = decision_monotonicity(lambda v: score_view(v, tiny_model, rules).new_limit_cny, views,
                                   tiny_model.industries)
    assert report.checked > 100
    assert report.violations == 0, report


def test_next_best_evidence_is_what_the_merchant_lacks(loaded_driver: Driver, tiny_world: World,
                                                       tiny_model: CapacityModel) -> None:
    offers = []
    for m in tiny_world.merchants:
        d = decide(loaded_driver, m.merchant_id, as_of=TINY_AS_OF, model=tiny_model)
        submitted = {e.doc_type for e in m.evidence}
        for n in d.next_best_evidence:
            assert n.expected_uplift_cny >= 0
            offers.append((n.doc_type, submitted))
    assert offers
    model_offers = [(t, s) for t, s in offers if t in ("bank_statement", "payment_statement", "waybill")]
    assert all(t not in s for t, s in model_offers)
