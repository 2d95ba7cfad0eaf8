"""The policy on hand-built merchants with the active expert rules (no graph needed)."""
from __future__ import annotations

from datetime import date

import pytest

from ontology import EvidenceSummary, FactItem, MerchantFacts, load_active_ruleset
from reasoning.explain import ModelView
from reasoning.fraud_signals import fraud_signals
from reasoning.policy import PolicyInput, decide_policy

AS_OF = date(2026, 6, 30)


def _merchant(*, legal_form: str = "company", bureau: int = 700, base: float = 50_000.0,
              extra_items: tuple[FactItem, ...] = (), extra_evidence: tuple[EvidenceSummary, ...] = ()) -> MerchantFacts:
    flows = tuple(FactItem("CashFlow", f"acct:2026-0{m}", "HAS_CASHFLOW",
                           {"month": f"2026-0{m}", "inflow_cny": 100_000.0, "outflow_cny": 80_000.0,
                            "source": "bank_statement"}, ("E1",), True, valid_from=date(2026, m, 1))
                  for m in range(1, 7))
    licence = FactItem("Licence", "business_licence:X", "HOLDS", {"licence_type": "business_licence"}, ("E2",), True,
                       valid_from=date(2020, 1, 1))
    evidence = (EvidenceSummary("E1", "bank_statement", "verified", 0.97),
                EvidenceSummary("E2", "business_licence", "verified", 0.97), *extra_evidence)
    return MerchantFacts("M-T", "5232", AS_OF, base, {"legal_form": legal_form, "bureau_score": bureau},
                         (*flows, licence, *extra_items), evidence)


def _decide(facts: MerchantFacts, limit: float):
    rules = load_active_ruleset()
    view = ModelView(limit, (("bank_statement", limit / 2),), (("invoices", limit * 1.2),), "test-model")
    return decide_policy(PolicyInput(facts, rules.evaluate(facts), view, fraud_signals(facts),
                                     (("invoices", "digital_einvoice"),)),
                         ontology_version=rules.version, as_of=AS_OF.isoformat())


def test_an_uplift_is_the_estimate_above_base_rounded_down() -> None:
    d = _decide(_merchant(), 180_499.0)
    assert d.decision == "approve_uplift"
    assert d.uplift_cny == 130_000 and d.new_limit_cny == 180_000
    assert any(r.code == "model:bank_statement" for r in d.reasons)
    assert d.next_best_evidence[0].doc_type == "digital_einvoice"
    assert d.next_best_evidence[0].expected_uplift_cny == pytest.approx(36_000, abs=1_000)


def test_a_small_gain_is_no_change() -> None:
    d = _decide(_merchant(base=50_000.0), 54_000.0)
    assert d.decision == "no_change" and d.uplift_cny == 0 and d.new_limit_cny == 50_000


def test_a_rule_cap_bounds_the_uplift() -> None:
    multiple = load_active_ruleset().parameters["sole_trader_multiple"]
    d = _decide(_merchant(legal_form="individual", base=20_000.0), 1_000_000.0)
    assert d.uplift_cny == multiple * 20_000            # cap.individual_trader: the rule set's multiple × base
    assert any(r.code == "cap.individual_trader" and r.fired for r in d.reasons)


def test_rejected_evidence_declines_and_goes_to_review() -> None:
    bad = EvidenceSummary("E9", "digital_einvoice", "rejected", 0.05, ("arithmetic",))
    d = _decide(_merchant(extra_evidence=(bad,)), 500_000.0)
    assert d.decision == "decline_review" and d.uplift_cny == 0 and d.review
    assert "verify:arithmetic" in d.review_reasons


def test_a_contract_nothing_backs_is_a_fraud_signal() -> None:
    contract = FactItem("Contract", "contract:HT1", "PARTY_TO", {"amount_cny": 5_000_000.0}, ("E5",), True,
                        role="seller", valid_from=date(2026, 5, 1))
    party = FactItem("Enterprise", "91000000MA0000000X", "SELLS_TO", {"volume_cny": 5_000_000.0}, ("E5",), True)
    facts = _merchant(extra_items=(contract, party),
                      extra_evidence=(EvidenceSummary("E5", "sales_contract", "verified", 0.97),))
    assert [s.code for s in fraud_signals(facts)] == ["consistency:unbacked_contract"]
    assert _decide(facts, 900_000.0).decision == "decline_review"
