"""Fraud signals the policy acts on: evidence that failed verification, and contracts nothing backs.

A rejected document already supports no fact (graph/README.md), so it can never raise a limit; these
signals go further and stop the decision (``decline_review``), as a credit officer does when one
document is forged. Two sources:

* **verification**: evidence with status ``rejected``, verification's *fraud evidence*: a failed hard
  check with a conclusive cause (a forged check digit, someone else's name or USCC, broken
  arithmetic, recapture or tampering above its calibrated threshold, reuse, a conflicting copy of
  the same document, an expired licence; ``extractors/verify/score.py``). Evidence that merely could
  not be verified (unreadable, not a document, a faint cue, weak cues only) is ``unknown``, which is
  no signal. One signal per failed reason; a rejection without reasons still counts
  (``verify:rejected``);
* **consistency**: a contract in which the merchant sells, with a counterparty it has no verified
  invoice with, for more than ``UNBACKED_CONTRACT_RATIO`` (1.3) × a year of its verified inflows (or
  with no verified inflows at all). A genuine contract is part of real trade, which shows in invoices
  and in the bank; an inflated one is self-consistent on paper and nowhere else.
"""
from __future__ import annotations

from dataclasses import dataclass

from ontology.rules.merchant_facts import MerchantFacts

UNBACKED_CONTRACT_RATIO = 1.3


@dataclass(frozen=True, slots=True)
class FraudSignal:
    code: str                    # "verify:<reason>" or "consistency:unbacked_contract"
    evidence_ids: tuple[str, ...]
    text_zh: str
    text_en: str


def _annual_inflow(facts: MerchantFacts) -> float:
    months = sorted((float(i.properties.get("inflow_cny", 0.0) or 0.0) for i in facts.of("CashFlow")
                     if i.verified and i.properties.get("source") == "bank_statement"), reverse=True)[:6]
    return 2.0 * sum(months)


def _unbacked_contracts(facts: MerchantFacts) -> list[FraudSignal]:
    invoiced = {str(i.properties.get("buyer_uscc") or i.properties.get("buyer_name")) for i in facts.of("Invoice")
                if i.verified and i.properties.get("direction") == "sale"}
    # The counterparty of a contract is the Enterprise its evidence links by SELLS_TO.
    party_of = {e: item.id for item in facts.items if item.relation == "SELLS_TO" for e in item.evidence_ids}
    annual = _annual_inflow(facts)
    out = []
    for c in facts.of("Contract"):
        if not c.verified or c.role not in ("seller", "carrier", "contractor"):
            continue
        parties = {party_of[e] for e in c.evidence_ids if e in party_of}
        amount = float(c.properties.get("amount_cny", 0.0) or 0.0)
        if parties & invoiced or amount <= UNBACKED_CONTRACT_RATIO * annual and annual > 0:
            continue
        out.append(FraudSignal(
            "consistency:unbacked_contract", c.evidence_ids,
            f"合同 {c.id} 金额 {amount:,.0f} 元，与该客户无任何已验证发票，且超过一年已验证流水的 {UNBACKED_CONTRACT_RATIO} 倍",
            f"Contract {c.id} of CNY {amount:,.0f} has no verified invoice with that customer and exceeds "
            f"{UNBACKED_CONTRACT_RATIO}x a year of verified inflows"))
    return out


def fraud_signals(facts: MerchantFacts) -> tuple[FraudSignal, ...]:
    out = []
    for e in facts.evidence:
        if e.status != "rejected":
            continue
        for reason in sorted(set(e.reasons)) or ["rejected"]:
            out.append(FraudSignal(f"verify:{reason}", (e.evidence_id,),
                                   f"证据 {e.evidence_id}（{e.doc_type}）验真未通过：{reason}",
                                   f"Evidence {e.evidence_id} ({e.doc_type}) failed verification: {reason}"))
    out += _unbacked_contracts(facts)
    return tuple(out)
