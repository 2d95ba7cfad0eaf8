"""The decision policy: rule outcome + model view + fraud signals → ``Decision``. Pure, no I/O.

How the parts combine (reasoning/README.md, "Decision policy"):

1. **Fraud first.** Any fraud signal (``reasoning.fraud_signals``) → ``decline_review``: no uplift,
   review. Fraudulent evidence therefore never raises a limit (it supports no fact, and its mere
   presence stops the uplift). Evidence that could not be verified is no fraud signal: it supports
   no fact, is left out of the confidence's verified share, and is named in an ``ask`` reason
   (``reasoning.unverified``), so it can neither raise nor lower a limit nor change the decision.
2. **Capacity.** The model's limit estimate (learned from expert reviews) is the capacity. The uplift
   is the one most likely to put the new limit inside the officer's range given the model's measured log error
   (``reasoning.uplift_point``; estimate − base when the model carries no error estimate), the new
   limit at most ``MAX_LIMIT_CNY``.
3. **Rules bound it.** ``cap`` firings are ceilings on the uplift (the smallest wins). ``raise``
   firings are the rules' own account of where capacity comes from: reported with their amounts as
   reasons, not added on top, because the model already learned capacity from the same evidence
   (adding both would count it twice). ``lower`` firings (e.g. a declining cash-flow trend) send the
   case to review with their factor in the reason and do not cut the uplift automatically: they fire
   on *verified* evidence, so applying them would let honest evidence lower a limit (measured on the
   demo world: a genuine bank statement showing a decline cut one merchant's limit by CNY 97,000).
   A person applies them. ``flag`` firings send the case to review; ``ask`` firings join the next
   best evidence.
4. **Threshold.** An uplift below max(``MIN_UPLIFT_CNY``, 10% of base) is ``no_change``; otherwise
   ``approve_uplift``, rounded down to CNY 1,000.

Monotone in verified honest evidence (except evidence of a debt, a vehicle's registered mortgage,
which lowers collateral by design: ``reasoning.monotonicity.discloses_debt``): every evidence feature
is a sum/count/top-k and the model is constrained non-decreasing in each; a cap only ever lifts when evidence is added (a missing licence
supplied); the threshold is a step up. ``tests/reasoning/test_policy_monotone.py`` checks it on
a world by removing evidence one item at a time.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ontology.rules.merchant_facts import MerchantFacts
from ontology.rules.outcome import RuleFiring, RuleOutcome
from reasoning.decision import Decision, NextEvidence, Reason
from reasoning.explain import ModelView
from reasoning.fraud_signals import FraudSignal
from reasoning.unverified import recapture_requests
from reasoning.uplift_point import best_uplift

MAX_LIMIT_CNY = 3_000_000
MIN_UPLIFT_CNY = 5_000
MIN_UPLIFT_SHARE = 0.10           # of the base limit: smaller changes are not worth a decision
LOW_CONFIDENCE = 0.5
LARGE_UPLIFT_CNY = 1_000_000      # review an uplift above this, or above LARGE_UPLIFT_MULTIPLE × base
LARGE_UPLIFT_MULTIPLE = 10.0
TOP_ATTRIBUTIONS = 3
TOP_NEXT = 3

# Evidence group of the model → the upload that moves it (SPEC §5 code); assets are photos.
GROUP_UPLOAD: dict[str, str] = {"bank_statement": "bank_statement", "payment_statement": "payment_statement",
                                "invoices": "digital_einvoice", "contracts": "sales_contract", "waybills": "waybill",
                                "licences": "business_licence"}
GROUP_TEXT: dict[str, tuple[str, str]] = {
    "bank_statement": ("银行流水", "bank statement"), "payment_statement": ("收款流水", "payment-platform statement"),
    "invoices": ("发票", "invoices"), "contracts": ("合同", "contracts"), "waybills": ("运单", "waybills"),
    "assets": ("资产照片与证照", "asset photos and papers"), "licences": ("许可证照", "licences")}


@dataclass(frozen=True, slots=True)
class PolicyInput:
    facts: MerchantFacts
    outcome: RuleOutcome
    model: ModelView
    signals: tuple[FraudSignal, ...]
    uploads: Sequence[tuple[str, str]]     # (evidence group, upload code) the merchant's trade can submit


def _bounded_uplift(limit: float, base: float, firings: Sequence[RuleFiring], model: ModelView) -> float:
    threshold = max(MIN_UPLIFT_CNY, MIN_UPLIFT_SHARE * base)
    uplift = best_uplift(limit, base, threshold_cny=threshold, ceiling_cny=max(0.0, MAX_LIMIT_CNY - base),
                         log_sd=model.log_sd, band_half_width=model.band_half_width)
    caps = [f.amount_cny for f in firings if f.effect == "cap" and f.amount_cny is not None]
    if caps:
        uplift = min(uplift, min(caps))
    uplift = max(0.0, uplift)
    if uplift < threshold:
        return 0.0
    return float(math.floor(uplift / 1000.0) * 1000)


def _coverage(facts: MerchantFacts) -> float:
    """Share of the evidence a reviewer leans on that is present and verified (0..1)."""
    have = {i.label for i in facts.items if i.verified}
    bank = any(i.verified and i.properties.get("source") == "bank_statement" for i in facts.of("CashFlow"))
    # Evidence that could not be verified proves nothing and costs nothing: it is left out of the share,
    # so a junk upload or a blurred photo never lowers confidence (and so never sends a case to review).
    judged = [e for e in facts.evidence if e.status != "unknown"]
    verified = sum(e.status == "verified" for e in judged) / max(1, len(judged))
    return (0.35 * bank + 0.15 * ("Licence" in have) + 0.2 * bool({"Invoice", "Contract", "Shipment"} & have)
            + 0.15 * ("Asset" in have) + 0.15 * verified)


def _rule_reason(f: RuleFiring) -> Reason:
    return Reason(f.rule_id, f.effect, f.text_zh, f.text_en, f.fired, f.amount_cny, f.evidence_ids)


def _evidence_used(facts: MerchantFacts) -> tuple[str, ...]:
    verified = {e.evidence_id for e in facts.evidence if e.status == "verified"}
    return tuple(sorted({e for i in facts.items if i.verified for e in i.evidence_ids if e in verified}))


def _next_evidence(p: PolicyInput, firings: Sequence[RuleFiring], uplift: float) -> tuple[NextEvidence, ...]:
    base = p.facts.base_limit_cny
    cf = dict(p.model.counterfactuals)
    offers: dict[str, NextEvidence] = {}
    for group, upload in p.uploads:
        if group not in cf:
            continue
        gain = _bounded_uplift(cf[group], base, firings, p.model) - uplift
        if gain > 0:
            zh, en = GROUP_TEXT.get(group, (upload, upload))
            offers[upload] = NextEvidence(upload, gain, f"补充一份已验证的{zh}，预计可提额约 {gain:,.0f} 元",
                                          f"A verified {en} would likely add about CNY {gain:,.0f}")
    # What the rules ask for: worth what lifting the caps that hold the uplift at zero would give.
    uncapped = _bounded_uplift(p.model.limit_cny, base, [f for f in firings if f.effect != "cap"], p.model)
    for f in firings:
        if f.effect == "ask" and f.asks_for and f.asks_for not in offers:
            gain = max(0.0, uncapped - uplift) if uplift == 0 else 0.0
            offers[f.asks_for] = NextEvidence(f.asks_for, gain, f.text_zh, f.text_en)
    return tuple(sorted(offers.values(), key=lambda n: (-n.expected_uplift_cny, n.doc_type))[:TOP_NEXT])


def decide_policy(p: PolicyInput, *, ontology_version: str, as_of: str) -> Decision:
    facts, base = p.facts, p.facts.base_limit_cny
    firings = p.outcome.fired()
    rule_reasons = sorted((_rule_reason(f) for f in p.outcome.firings),
                          key=lambda r: (not r.fired, -(abs(r.amount_cny) if r.amount_cny else 0.0), r.code))
    model_reasons = tuple(
        Reason(f"model:{group}", "model", f"模型：{GROUP_TEXT.get(group, (group, group))[0]}贡献约 {amount:,.0f} 元",
               f"Model: {GROUP_TEXT.get(group, (group, group))[1]} contribute about CNY {amount:,.0f}", True, amount)
        for group, amount in p.model.attributions[:TOP_ATTRIBUTIONS] if amount > 0)
    coverage = _coverage(facts)
    flags = [f for f in firings if f.effect in ("flag", "lower")]
    confidence = round((0.3 + 0.7 * coverage) * (0.8 if flags else 1.0), 3)
    review: list[str] = []
    if p.signals:
        fraud_reasons = tuple(Reason(s.code, "flag", s.text_zh, s.text_en, True, None, s.evidence_ids)
                              for s in p.signals)
        review += sorted({s.code for s in p.signals})
        return Decision(facts.merchant_id, "decline_review", base, 0.0, base, confidence,
                        fraud_reasons + tuple(rule_reasons) + recapture_requests(facts), _evidence_used(facts), (), True, tuple(review),
                        ontology_version, p.model.version, as_of)
    uplift = _bounded_uplift(p.model.limit_cny, base, firings, p.model)
    review += [f"rule:{f.rule_id}" for f in flags]
    if confidence < LOW_CONFIDENCE:
        review.append("low_confidence")
    if uplift > LARGE_UPLIFT_CNY or uplift > LARGE_UPLIFT_MULTIPLE * base:
        review.append("large_uplift")
    decision = "approve_uplift" if uplift > 0 else "no_change"
    return Decision(facts.merchant_id, decision, base, uplift, base + uplift, confidence,
                    tuple(rule_reasons) + model_reasons + recapture_requests(facts), _evidence_used(facts), _next_evidence(p, firings, uplift),
                    bool(review), tuple(review), ontology_version, p.model.version, as_of)
