"""What a merchant could submit: an evidence plan per merchant, built from its hidden truth.

The document types rendered in issue 3 are planned (``PLANNED_DOC_TYPES``), intersected with what
the merchant's trade holds (``Industry.evidence_types``), plus photos of its assets; papers of
types added later (``plan_added_types``) come after them, from a stream of their own.
Amounts are derived from the truth (trade volumes, monthly inflows), so genuine evidence agrees with the books
and with other evidence; fraud (``seed_data.world.fraud``) then breaks that agreement on purpose.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from seed_data.world.assets import ASSET_CLASSES
from seed_data.world.records import Asset, EvidenceItem, Industry, MonthlyFlow, TradeLink

# The thirteen types of issue 3, planned by ``plan_evidence``.
FIRST_TYPES: frozenset[str] = frozenset({
    "business_licence", "vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice",
    "sales_contract", "lease_contract", "freight_contract", "waybill", "bank_statement",
    "payment_statement", "road_transport_permit", "vehicle_licence", "food_licence",
})
# Types added since (issue 14), planned by ``plan_added_types`` after everything else.
ADDED_TYPES: frozenset[str] = frozenset({"property_certificate", "vehicle_registration", "vehicle_transport_cert",
                                         "qualification_cert", "construction_contract", "purchase_order",
                                         "delivery_note", "tax_certificate", "utility_bill", "social_insurance",
                                         "resident_id", "account_statement", "receipt"})
PLANNED_DOC_TYPES: frozenset[str] = FIRST_TYPES | ADDED_TYPES
PHONE_SHARE = 0.85           # assumption: most uploads are phone photos, the rest scans or PDFs
# Assumption: the share of merchants who send their last VAT return (a download from 电子税务局 away,
# but many micro merchants leave filing to an agent and never see it).
TAX_RETURN_SHARE = 0.6
# Assumption: the share who send last month's electricity (or water) bill of their premises; trades
# with no premises of their own to meter (freight, courier outlets) send none.
UTILITY_BILL_SHARE = 0.5
# Assumption: who sends a social insurance proof: most companies (they insure staff and can print it),
# few sole traders (many insure nobody through the business).
SOCIAL_INSURANCE_SHARE = {"company": 0.6, "individual": 0.2}
# Assumption: half the owners send their ID card when asked (the bank's onboarding already holds it).
RESIDENT_ID_SHARE = 0.5
# Assumption: who sends a statement of account with its largest business customer (trades that sell on
# account), and who sends receipts from its receipt book (trades that take cash or transfers on account).
ACCOUNT_STATEMENT_SHARE = 0.35
RECEIPT_SHARE = 0.4
# validity of licences a merchant renews (years); the business licence of a company is long-term
LICENCE_YEARS = {"food_licence": 5, "road_transport_permit": 4, "vehicle_licence": 6, "vehicle_transport_cert": 4,
                 "qualification_cert": 5}
FREIGHT_TRADES = frozenset({"5431", "5437", "6020"})


class _Plan:
    """Accumulates items with sequential ids; capture mode drawn per item."""

    def __init__(self, rng: np.random.Generator, merchant_id: str, start: int = 0) -> None:
        self.rng, self.merchant_id, self.items, self.start = rng, merchant_id, [], start

    def add(self, doc_type: str, issued: date, *, counterparty_id: str | None = None,
            amount: int | None = None, photo_class: str | None = None, asset_id: str | None = None,
            valid_until: date | None = None) -> None:
        capture = "phone" if self.rng.random() < PHONE_SHARE else "clean"
        self.items.append(EvidenceItem(
            evidence_id=f"{self.merchant_id}-E{self.start + len(self.items) + 1:03d}", merchant_id=self.merchant_id,
            doc_type=doc_type, photo_class=photo_class, issued=issued, counterparty_id=counterparty_id,
            amount_cny=amount, capture=capture, fraud_kind=None, reused_from=None, asset_id=asset_id,
            valid_until=valid_until))


def _recent(rng: np.random.Generator, as_of: date, max_days: int = 330) -> date:
    return as_of - timedelta(days=int(rng.integers(5, max_days)))


def _invoice_type(rng: np.random.Generator, ind: Industry, company: bool) -> str | None:
    """Fully digital invoices replace the others from 2024 on; special VAT invoices need a general
    taxpayer, which a sole trader rarely is."""
    options = [t for t in ("digital_einvoice", "vat_special_invoice", "vat_ordinary_invoice")
               if t in ind.evidence_types and (company or t != "vat_special_invoice")]
    if not options:
        return None
    if "digital_einvoice" in options and rng.random() < 0.5:
        return "digital_einvoice"
    return options[int(rng.integers(len(options)))]


def plus_years(d: date, years: int) -> date:
    """Same day ``years`` later; 29 February becomes 28 February."""
    return d.replace(year=d.year + years, day=min(d.day, 28) if d.month == 2 else d.day)


def plan_evidence(rng: np.random.Generator, *, merchant_id: str, ind: Industry, company: bool, founded: date,
                  monthly: tuple[MonthlyFlow, ...], assets: tuple[Asset, ...], links: tuple[TradeLink, ...],
                  landlord_id: str | None, as_of: date) -> tuple[EvidenceItem, ...]:
    allowed = FIRST_TYPES & set(ind.evidence_types)
    plan = _Plan(rng, merchant_id)
    plan.add("business_licence", founded)
    for licence in ind.required_licences:
        if licence in allowed and licence != "business_licence":
            issued = _recent(rng, as_of, 3 * 365)
            plan.add(licence, issued, valid_until=plus_years(issued, LICENCE_YEARS[licence]))
    six = monthly[-6:]
    plan.add("bank_statement", as_of - timedelta(days=int(rng.integers(1, 10))), amount=sum(m.inflow_cny for m in six))
    if "payment_statement" in allowed:
        plan.add("payment_statement", as_of - timedelta(days=int(rng.integers(1, 10))),
                 amount=int(sum(m.revenue_cny for m in monthly[-1:]) * rng.uniform(0.3, 0.8)))
    if landlord_id is not None and "lease_contract" in allowed:
        rent = next(link.annual_volume_cny for link in links if link.party_id == landlord_id)
        plan.add("lease_contract", _recent(rng, as_of, 2 * 365), counterparty_id=landlord_id, amount=rent)

    trade = sorted((link for link in links if link.party_id != landlord_id),
                   key=lambda link: (-link.annual_volume_cny, link.party_id))
    invoice_type = _invoice_type(rng, ind, company)
    for link in trade[:4]:
        if invoice_type is not None:
            for _ in range(1 + int(rng.integers(2))):
                plan.add(invoice_type, _recent(rng, as_of), counterparty_id=link.party_id,
                         amount=int(link.annual_volume_cny * rng.uniform(0.03, 0.12)))
        if link.direction == "sells_to":
            contract = "freight_contract" if ind.code in FREIGHT_TRADES and "freight_contract" in allowed \
                else "sales_contract" if "sales_contract" in allowed else None
            if contract is not None:
                plan.add(contract, _recent(rng, as_of), counterparty_id=link.party_id,
                         amount=int(link.annual_volume_cny * rng.uniform(0.5, 1.0)))
            if "waybill" in allowed:
                plan.add("waybill", _recent(rng, as_of, 90), counterparty_id=link.party_id,
                         amount=int(link.annual_volume_cny * rng.uniform(0.002, 0.01)))

    for asset in assets:
        cls = ASSET_CLASSES[asset.asset_class]
        if cls.vehicle and "vehicle_licence" in allowed:
            plan.add("vehicle_licence", asset.acquired, asset_id=asset.asset_id,
                     valid_until=plus_years(asset.acquired, LICENCE_YEARS["vehicle_licence"]))
        if asset.asset_class != "premises":
            plan.add("photo", _recent(rng, as_of, 30), photo_class=asset.asset_class, asset_id=asset.asset_id)
    return tuple(plan.items)


def plan_added_types(rng: np.random.Generator, *, merchant_id: str, ind: Industry, assets: tuple[Asset, ...],
                     links: tuple[TradeLink, ...], start: int, as_of: date,
                     legal_form: str) -> tuple[EvidenceItem, ...]:
    """Items of the types added after the first thirteen (issue 14), numbered after ``start`` items
    and drawn from their own stream, so that adding them leaves every earlier item as it was.

    - Owned premises: one 不动产权证书 (or the older 房屋所有权证), registered up to 25 years ago
      (assumption: small commercial premises change hands rarely; the certificate's date is the
      purchase, not the world's ``acquired``, which only drives depreciation and premises have none).
    - Every vehicle: its 机动车登记证书, which shows a lender's mortgage when there is one.
    - Vehicles over 4.5 t of a freight trade: their 道路运输证, issued up to four years ago.
    - A qualification the trade requires (``Industry.required_licences``): 食品生产许可证 or
      动物防疫条件合格证, issued up to three years ago.
    - A contractor's 建设工程施工合同 with its largest customer, worth half to all of a year's trade
      with it, signed in the last year.
    - Where the trade takes them, the largest customer's 采购订单 to the merchant (2–8% of a
      year's trade with it, in the last quarter) and the merchant's 送货单 for it a few days later.
    - Then, from a second batch of draws that always comes after all of the above: the last VAT return
      filed (``TAX_RETURN_SHARE`` of merchants; its figures come from the truth's revenue, see
      ``seed_data.documents.tax_return``), dated about when it was filed; last month's utility bill of
      the premises (``UTILITY_BILL_SHARE``, not for freight trades); a social insurance proof of the
      last six months (``SOCIAL_INSURANCE_SHARE``); the owner's ID card (``RESIDENT_ID_SHARE``); a
      statement of account confirmed by the largest customer (``ACCOUNT_STATEMENT_SHARE``; the year's
      volume with it as ``amount_cny``); one or two receipt stubs for customers' payments
      (``RECEIPT_SHARE``; 1–5% of a year's trade with a business customer each, or a household
      customer's payment where the merchant has no business customer to name).
    Only the types the trade accepts (``Industry.evidence_types``) are planned.
    """
    plan = _Plan(rng, merchant_id, start)
    accepted = ADDED_TYPES & set(ind.evidence_types)
    for asset in assets:
        cls = ASSET_CLASSES[asset.asset_class]
        if asset.asset_class == "premises" and "property_certificate" in accepted:
            registered = as_of - timedelta(days=int(rng.integers(180, 25 * 365)))
            plan.add("property_certificate", registered, asset_id=asset.asset_id)
        if cls.vehicle and "vehicle_registration" in accepted:
            plan.add("vehicle_registration", asset.acquired, asset_id=asset.asset_id)
        if cls.vehicle and "vehicle_transport_cert" in accepted and asset.asset_class not in ("light_truck", "van"):
            issued = max(asset.acquired, _recent(rng, as_of, 4 * 365))
            plan.add("vehicle_transport_cert", issued, asset_id=asset.asset_id,
                     valid_until=plus_years(issued, LICENCE_YEARS["vehicle_transport_cert"]))
    if "qualification_cert" in ind.required_licences:
        issued = _recent(rng, as_of, 3 * 365)
        plan.add("qualification_cert", issued, valid_until=plus_years(issued, LICENCE_YEARS["qualification_cert"]))
    customers = sorted((link for link in links if link.direction == "sells_to"),
                       key=lambda link: (-link.annual_volume_cny, link.party_id))
    if "construction_contract" in accepted and customers:
        plan.add("construction_contract", _recent(rng, as_of), counterparty_id=customers[0].party_id,
                 amount=int(customers[0].annual_volume_cny * rng.uniform(0.5, 1.0)))
    if customers and {"purchase_order", "delivery_note"} & accepted:
        ordered = _recent(rng, as_of, 90)
        amount = int(customers[0].annual_volume_cny * rng.uniform(0.02, 0.08))
        if "purchase_order" in accepted:
            plan.add("purchase_order", ordered, counterparty_id=customers[0].party_id, amount=amount)
        if "delivery_note" in accepted:
            delivered = min(ordered + timedelta(days=int(rng.integers(2, 15))), as_of)
            plan.add("delivery_note", delivered, counterparty_id=customers[0].party_id, amount=amount)
    if "tax_certificate" in accepted and rng.random() < TAX_RETURN_SHARE:
        plan.add("tax_certificate", as_of - timedelta(days=int(rng.integers(15, 60))))
    if "utility_bill" in accepted and ind.code not in FREIGHT_TRADES and rng.random() < UTILITY_BILL_SHARE:
        plan.add("utility_bill", as_of - timedelta(days=int(rng.integers(0, 20))))
    if "social_insurance" in accepted and rng.random() < SOCIAL_INSURANCE_SHARE[legal_form]:
        plan.add("social_insurance", as_of - timedelta(days=int(rng.integers(0, 25))))
    if "resident_id" in accepted and rng.random() < RESIDENT_ID_SHARE:
        plan.add("resident_id", as_of - timedelta(days=int(rng.integers(0, 30))))
    if "account_statement" in accepted and customers and rng.random() < ACCOUNT_STATEMENT_SHARE:
        plan.add("account_statement", as_of - timedelta(days=int(rng.integers(0, 20))),
                 counterparty_id=customers[0].party_id, amount=customers[0].annual_volume_cny)
    if "receipt" in accepted and rng.random() < RECEIPT_SHARE:
        for k in range(1 + int(rng.integers(2))):
            if k < len(customers):
                plan.add("receipt", _recent(rng, as_of, 120), counterparty_id=customers[k].party_id,
                         amount=int(customers[k].annual_volume_cny * rng.uniform(0.01, 0.05)))
            else:   # a household customer: a person pays (the content names one)
                plan.add("receipt", _recent(rng, as_of, 120))
    return tuple(plan.items)
