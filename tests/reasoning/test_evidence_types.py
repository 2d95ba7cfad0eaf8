"""Each document type beyond the first thirteen moves a decision (issue 14): with it and without it,
the merchant's limit differs, or a rule that uses it fires only with it."""
from __future__ import annotations

import dataclasses

import pytest
from neo4j import Driver

from api.demo.seed_merchant_facts import merchant_facts
from ontology import knowledge, load_active_ruleset
from reasoning.dataset import read_views
from reasoning.decision import Decision, Reason
from reasoning.flow_capacity import annual_revenue
from reasoning.models.capacity import CapacityModel
from reasoning.monotonicity import discloses_debt, without_evidence
from reasoning.scoring import score_view
from seed_data.world.generator import generate_world
from seed_data.world.records import World
from tests.reasoning.conftest import TINY_AS_OF


def _holders(world: World, doc_type: str) -> dict[str, str]:
    """Honest merchants' genuine items of ``doc_type``: merchant id → evidence id."""
    return {m.merchant_id: e.evidence_id for m in world.merchants if not m.fraud_kinds
            for e in m.evidence if e.doc_type == doc_type and e.fraud_kind is None}


def test_a_property_certificate_raises_an_owners_limit(loaded_driver: Driver, tiny_world: World,
                                                       tiny_model: CapacityModel) -> None:
    rules = load_active_ruleset()
    holders = _holders(tiny_world, "property_certificate")
    assert holders, "the tiny world has no honest premises owner"
    views = read_views(loaded_driver, list(holders), as_of=TINY_AS_OF, industries=tiny_model.industries)
    raised = 0
    for view in views:
        with_deed = score_view(view, rules=rules, model=tiny_model)
        without = score_view(without_evidence(view, holders[view.facts.merchant_id], tiny_model.industries),
                             rules=rules, model=tiny_model)
        fired = {r.code for r in with_deed.reasons if r.fired}
        assert "premises.owned" in fired
        assert "premises.owned" not in {r.code for r in without.reasons if r.fired}
        assert with_deed.new_limit_cny >= without.new_limit_cny
        raised += with_deed.new_limit_cny > without.new_limit_cny
    assert raised >= 1, "no owner's limit rose with the certificate"


_VEHICLE_RULES = ("freight.truck_capacity", "vehicles.light_capacity", "machinery.capacity",
                  "freight.heavy_vehicle_without_permit")


def _collateral(decision: Decision) -> float:
    """What the vehicle and machinery rules count as collateral capacity."""
    return sum(r.amount_cny or 0.0 for r in decision.reasons if r.fired and r.code in _VEHICLE_RULES)


def _fired(decision: Decision, code: str) -> Reason | None:
    return next((r for r in decision.reasons if r.code == code and r.fired), None)


def test_a_mortgage_on_a_vehicle_takes_it_out_of_the_collateral(loaded_driver: Driver, tiny_world: World,
                                                                tiny_model: CapacityModel) -> None:
    rules = load_active_ruleset()
    mortgaged = {m.merchant_id: e.evidence_id for m in tiny_world.merchants if not m.fraud_kinds
                 for e in m.evidence if e.doc_type == "vehicle_registration" and e.fraud_kind is None
                 and (a := next(x for x in m.assets if x.asset_id == e.asset_id)).lien_holder and not a.lien_released}
    assert mortgaged, "the tiny world has no honest merchant with a mortgaged vehicle"
    views = read_views(loaded_driver, list(mortgaged), as_of=TINY_AS_OF, industries=tiny_model.industries)
    for view in views:
        evidence_id = mortgaged[view.facts.merchant_id]
        assert discloses_debt(view, evidence_id)
        with_title = score_view(view, rules=rules, model=tiny_model)
        without = score_view(without_evidence(view, evidence_id, tiny_model.industries), rules=rules, model=tiny_model)
        assert _collateral(with_title) < _collateral(without)
        assert any("已登记抵押" in r.text_zh for r in with_title.reasons if r.fired and r.code in _VEHICLE_RULES)
        assert with_title.new_limit_cny <= without.new_limit_cny


def test_a_road_transport_certificate_lets_a_truck_count_in_full(loaded_driver: Driver, tiny_world: World,
                                                                 tiny_model: CapacityModel) -> None:
    rules = load_active_ruleset()
    certified = _holders(tiny_world, "vehicle_transport_cert")
    assert certified, "the tiny world has no honest freight operator with a road transport certificate"
    views = read_views(loaded_driver, list(certified), as_of=TINY_AS_OF, industries=tiny_model.industries)
    for view in views:
        with_cert = score_view(view, rules=rules, model=tiny_model)
        without = score_view(without_evidence(view, certified[view.facts.merchant_id], tiny_model.industries),
                             rules=rules, model=tiny_model)
        full, half = _fired(with_cert, "freight.truck_capacity"), _fired(without, "freight.truck_capacity")
        assert full is not None and half is not None and full.amount_cny > half.amount_cny
        assert _fired(without, "freight.ask_vehicle_transport_cert") is not None
        assert with_cert.new_limit_cny >= without.new_limit_cny


def test_a_required_qualification_lifts_the_missing_licence_review(loaded_driver: Driver, tiny_world: World,
                                                                   tiny_model: CapacityModel) -> None:
    rules = load_active_ruleset()
    qualified = _holders(tiny_world, "qualification_cert")
    assert qualified, "the tiny world has no honest farm or food maker with its qualification"
    views = read_views(loaded_driver, list(qualified), as_of=TINY_AS_OF, industries=tiny_model.industries)
    for view in views:
        with_cert = score_view(view, rules=rules, model=tiny_model)
        without = score_view(without_evidence(view, qualified[view.facts.merchant_id], tiny_model.industries),
                             rules=rules, model=tiny_model)
        assert _fired(with_cert, "licence.missing_required") is None
        assert _fired(without, "licence.missing_required") is not None
        assert "rule:licence.missing_required" in without.review_reasons
        assert "rule:licence.missing_required" not in with_cert.review_reasons


@pytest.mark.parametrize("doc_type, rules_citing", [
    ("construction_contract", {"contract.backed_revenue", "contract.unbacked_ignored"}),
    ("purchase_order", {"contract.backed_revenue", "contract.unbacked_ignored"}),
    ("delivery_note", {"trade.delivered_goods"}),
    ("account_statement", {"trade.confirmed_receivables"}),
])
def test_an_order_book_paper_is_cited_by_the_rules_that_count_it(loaded_driver: Driver, tiny_world: World,
                                                                 tiny_model: CapacityModel, doc_type: str,
                                                                 rules_citing: set[str]) -> None:
    rules = load_active_ruleset()
    holders = _holders(tiny_world, doc_type)
    assert holders, f"the tiny world has no honest merchant with a {doc_type}"
    views = read_views(loaded_driver, list(holders), as_of=TINY_AS_OF, industries=tiny_model.industries)
    for view in views:
        evidence_id = holders[view.facts.merchant_id]
        with_paper = score_view(view, rules=rules, model=tiny_model)
        without = score_view(without_evidence(view, evidence_id, tiny_model.industries), rules=rules, model=tiny_model)
        cited = {r.code for r in with_paper.reasons if r.fired and evidence_id in r.evidence_ids}
        assert rules_citing & cited, cited
        assert not any(evidence_id in r.evidence_ids for r in without.reasons)
        assert with_paper.new_limit_cny >= without.new_limit_cny


def test_a_vat_return_is_a_revenue_estimate_and_never_lowers_a_limit(loaded_driver: Driver, tiny_world: World,
                                                                     tiny_model: CapacityModel) -> None:
    """Declared sales are one more revenue window (``reasoning.flow_capacity``): for a filer whose
    statements show less, they raise the revenue the model sees; the limit follows where the model's
    steps are crossed, and never falls."""
    rules = load_active_ruleset()
    filers = _holders(tiny_world, "tax_certificate")
    assert filers, "the tiny world has no honest merchant with a VAT return"
    views = read_views(loaded_driver, list(filers), as_of=TINY_AS_OF, industries=tiny_model.industries)
    lifted = 0
    for view in views:
        evidence_id = filers[view.facts.merchant_id]
        bare = without_evidence(view, evidence_id, tiny_model.industries)
        with_return = score_view(view, rules=rules, model=tiny_model)
        without = score_view(bare, rules=rules, model=tiny_model)
        declared = _fired(with_return, "tax.declared_revenue")
        assert declared is not None and evidence_id in declared.evidence_ids and declared.amount_cny > 0
        assert _fired(without, "tax.declared_revenue") is None
        assert with_return.new_limit_cny >= without.new_limit_cny
        revenue, before = annual_revenue(view.facts, knowledge()), annual_revenue(bare.facts, knowledge())
        assert revenue >= before
        lifted += revenue > before
    assert lifted >= 1, "no filer's VAT return raised the revenue its statements show"


@pytest.mark.parametrize("doc_type, rule", [("utility_bill", "activity.utility_use"),
                                            ("social_insurance", "staff.insured_headcount")])
def test_a_working_capital_paper_is_counted_by_its_rule_and_never_lowers_a_limit(
        loaded_driver: Driver, tiny_world: World, tiny_model: CapacityModel, doc_type: str, rule: str) -> None:
    """A utility bill (premises in use) and a social insurance proof (staff on the payroll) each add
    working capital in their rule's account, citing the paper; without it the rule does not fire."""
    rules = load_active_ruleset()
    holders = _holders(tiny_world, doc_type)
    assert holders, f"the tiny world has no honest merchant with a {doc_type}"
    views = read_views(loaded_driver, list(holders), as_of=TINY_AS_OF, industries=tiny_model.industries)
    for view in views:
        evidence_id = holders[view.facts.merchant_id]
        with_paper = score_view(view, rules=rules, model=tiny_model)
        without = score_view(without_evidence(view, evidence_id, tiny_model.industries), rules=rules, model=tiny_model)
        counted = _fired(with_paper, rule)
        assert counted is not None and evidence_id in counted.evidence_ids and counted.amount_cny > 0
        assert _fired(without, rule) is None
        assert with_paper.new_limit_cny >= without.new_limit_cny


def test_a_sole_traders_id_card_lifts_the_sole_trader_ceiling(loaded_driver: Driver, tiny_world: World,
                                                             tiny_model: CapacityModel) -> None:
    rules = load_active_ruleset()
    cards = {m: e for m, e in _holders(tiny_world, "resident_id").items()
             if next(x for x in tiny_world.merchants if x.merchant_id == m).legal_form == "individual"}
    assert cards, "the tiny world has no honest sole trader with an ID card"
    views = read_views(loaded_driver, list(cards), as_of=TINY_AS_OF, industries=tiny_model.industries)
    for view in views:
        evidence_id = cards[view.facts.merchant_id]
        with_card = score_view(view, rules=rules, model=tiny_model)
        without = score_view(without_evidence(view, evidence_id, tiny_model.industries), rules=rules, model=tiny_model)
        lifted, held = _fired(with_card, "cap.individual_trader"), _fired(without, "cap.individual_trader")
        assert lifted is not None and held is not None and evidence_id in lifted.evidence_ids
        assert lifted.amount_cny > held.amount_cny and "经营者身份证" in held.text_zh
        assert with_card.new_limit_cny >= without.new_limit_cny


def test_receipt_stubs_are_counted_by_the_receipt_rule_not_as_invoices() -> None:
    """Receipts are taken by household trades, which the tiny world barely holds: the demo world's
    merchants, read by the perfect reader, with and without their receipts."""
    world = generate_world(0, "demo")
    rules = load_active_ruleset()
    holders = [m for m in world.merchants if not m.fraud_kinds
               and any(e.doc_type == "receipt" and e.fraud_kind is None for e in m.evidence)][:20]
    assert len(holders) >= 5
    for merchant in holders:
        receipts = {e.evidence_id for e in merchant.evidence if e.doc_type == "receipt"}
        with_them = rules.evaluate(merchant_facts(world, merchant))
        without = rules.evaluate(merchant_facts(world, dataclasses.replace(
            merchant, evidence=tuple(e for e in merchant.evidence if e.evidence_id not in receipts))))
        counted = next(f for f in with_them.fired() if f.rule_id == "trade.receipts")
        assert receipts & set(counted.evidence_ids) and counted.amount_cny > 0
        assert "trade.receipts" not in {f.rule_id for f in without.fired()}
        invoiced = next((f for f in with_them.fired() if f.rule_id == "invoices.verified_sales"), None)
        assert invoiced is None or not receipts & set(invoiced.evidence_ids)
