"""Cash-flow capacity: own verified inflows only, seasonally adjusted, never lower with more months."""
from __future__ import annotations

from datetime import date

import pytest

from ontology import EvidenceSummary, FactItem, MerchantFacts, knowledge
from reasoning.flow_capacity import annual_revenue, flow_capacity

AS_OF = date(2026, 6, 30)


def _flow(month: int, inflow: float, evidence: tuple[str, ...] = ("E1",), source: str = "bank_statement") -> FactItem:
    return FactItem("CashFlow", f"acct:2026-{month:02d}", "HAS_CASHFLOW",
                    {"month": f"2026-{month:02d}", "inflow_cny": inflow, "outflow_cny": 0.0, "source": source},
                    evidence, True, valid_from=date(2026, month, 1))


def _facts(*items: FactItem) -> MerchantFacts:
    return MerchantFacts("M-T", "5232", AS_OF, 50_000.0, {"legal_form": "company", "bureau_score": 700}, items,
                         (EvidenceSummary("E1", "bank_statement", "verified", 0.97),))


def test_six_months_of_inflows_give_a_seasonally_adjusted_year() -> None:
    kn = knowledge()
    season = [kn.seasonality("5232", m) for m in range(1, 7)]
    facts = _facts(*(_flow(m, 100_000.0 * season[m - 1]) for m in range(1, 7)))
    assert annual_revenue(facts, kn) == pytest.approx(1_200_000, rel=1e-6)
    assert flow_capacity(facts, kn) > 0


def test_a_cash_flow_other_merchants_evidence_supports_is_not_counted() -> None:
    shared = _flow(6, 5_000_000.0, evidence=("E1", "E-OTHER"), source="payment_statement")
    own = _facts(*(_flow(m, 100_000.0) for m in range(1, 6)))
    assert annual_revenue(_facts(*own.items, shared), knowledge()) == annual_revenue(own, knowledge())


def test_another_month_never_lowers_revenue() -> None:
    kn = knowledge()
    months = [_flow(m, 100_000.0) for m in range(1, 7)]
    before = annual_revenue(_facts(*months), kn)
    for extra in (1_000.0, 100_000.0, 900_000.0):
        earlier = FactItem("CashFlow", "acct:2025-12", "HAS_CASHFLOW",
                           {"month": "2025-12", "inflow_cny": extra, "outflow_cny": 0.0, "source": "bank_statement"},
                           ("E1",), True, valid_from=date(2025, 12, 1))
        assert annual_revenue(_facts(*months, earlier), kn) >= before


def _filing(start: date, end: date, sales: float) -> FactItem:
    return FactItem("TaxFiling", f"tax:M-T:{start}:{end}", "FILED",
                    {"period_start": start, "period_end": end, "declared_sales_cny": sales}, ("E1",), True,
                    valid_from=end)


def test_a_vat_return_counts_as_a_revenue_window_when_statements_show_less() -> None:
    kn = knowledge()
    season = sum(kn.seasonality("5232", m) for m in range(1, 4))
    quarter = _filing(date(2026, 1, 1), date(2026, 3, 31), 300_000.0)
    assert annual_revenue(_facts(quarter), kn) == pytest.approx(12 * 300_000.0 / season, rel=1e-6)
    statements = _facts(*(_flow(m, 200_000.0) for m in range(1, 7)))
    assert annual_revenue(_facts(*statements.items, quarter), kn) == annual_revenue(statements, kn)
    stale = _filing(date(2024, 1, 1), date(2024, 3, 31), 9_000_000.0)   # beyond the lookback: not counted
    assert annual_revenue(_facts(stale), kn) == 0.0
