"""Field records to the graph's fact vocabulary (``graph/README.md``, last table), one bundle per evidence.

Rejected evidence (``status != "verified"``) returns its evidence record alone: stored with its
reasons, it supports no fact. Missing values are left out of properties, never filled in; a fact whose
id needs a value the page did not give (an invoice without a number) is not written.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from extractors.facts import EvidenceFacts, EvidenceRecord, NodeFact, NodeRef, Provenance, RelationshipFact
from extractors.fields.records import (AccountStatementRecord, BankStatementRecord, ContractRecord, DeliveryNoteRecord, FieldRecord,
                                       InvoiceRecord, LicenceRecord, PaymentStatementRecord, PhotoTextRecord,
                                       PropertyRecord, ReceiptRecord, ResidentIdRecord, SocialInsuranceRecord, TaxReturnRecord,
                                       UtilityBillRecord,
                                       VehicleLicenceRecord, VehicleRegistrationRecord,
                                       VehicleTransportRecord, WaybillRecord)
from extractors.mapping.submitter import Submitter, enterprise_id
from extractors.mapping.vehicles import vehicle_class


class _Bundle:
    """Collects nodes and relationships for one evidence, all with the same provenance."""

    def __init__(self, submitter: Submitter, provenance: Provenance):
        self.merchant = NodeRef("Merchant", submitter.merchant_id)
        self.provenance = provenance
        self.nodes: dict[tuple[str, str], NodeFact] = {}
        self.rels: list[RelationshipFact] = []

    def node(self, label: str, id: str, **properties: Any) -> NodeRef:
        props = {k: v for k, v in properties.items() if v is not None}
        self.nodes[(label, id)] = NodeFact(label=label, id=id, provenance=self.provenance, properties=props)
        return NodeRef(label, id)

    def rel(self, type: str, start: NodeRef, end: NodeRef, valid_from: date | None, *, key: str = "",
            valid_to: date | None = None, **properties: Any) -> None:
        if valid_from is None:  # a relationship version needs its time; an undated page gives none
            return
        props = {k: v for k, v in properties.items() if v is not None}
        self.rels.append(RelationshipFact(type=type, start=start, end=end, valid_from=valid_from,
                                          valid_to=valid_to, provenance=self.provenance, key=key,
                                          properties=props))

    def enterprise(self, name: str | None, uscc: str | None) -> NodeRef | None:
        eid = enterprise_id(name, uscc)
        return None if eid is None else self.node("Enterprise", eid, name=name, uscc=uscc)


def _invoice(b: _Bundle, r: InvoiceRecord, submitter: Submitter) -> None:
    if r.number is None:
        return
    if submitter.is_party(r.seller_name, r.seller_tax_id):
        direction, other = "sale", (r.buyer_name, r.buyer_tax_id)
    elif submitter.is_party(r.buyer_name, r.buyer_tax_id):
        direction, other = "purchase", (r.seller_name, r.seller_tax_id)
    else:
        direction, other = None, None
    invoice = b.node("Invoice", f"invoice:{r.code or ''}:{r.number}", invoice_type=r.doc_type, code=r.code,
                     number=r.number, issued=r.issued, amount_cny=r.amount, tax_cny=r.tax, total_cny=r.total,
                     seller_name=r.seller_name, seller_uscc=r.seller_tax_id, buyer_name=r.buyer_name,
                     buyer_uscc=r.buyer_tax_id, direction=direction)
    if direction is None or other is None:
        return  # the merchant is neither party: the invoice proves no trade of its own
    counterparty = b.enterprise(*other)
    own, theirs, trade = (("SELLER_OF", "BUYER_OF", "SELLS_TO") if direction == "sale"
                          else ("BUYER_OF", "SELLER_OF", "BUYS_FROM"))
    b.rel(own, b.merchant, invoice, r.issued)
    if counterparty is not None:
        b.rel(theirs, counterparty, invoice, r.issued)
        b.rel(trade, b.merchant, counterparty, r.issued, volume_cny=r.total)


def _licence(b: _Bundle, r: LicenceRecord) -> None:
    if r.number is None:
        return
    licence = b.node("Licence", f"{r.doc_type}:{r.number}", licence_type=r.doc_type, number=r.number,
                     holder_name=r.holder_name, holder_uscc=r.holder_uscc, issued=r.issued or r.founded,
                     valid_until=r.valid_until, scope=r.scope, legal_representative=r.legal_representative,
                     registered_capital_cny=r.registered_capital_cny, address=r.address)
    b.rel("HOLDS", b.merchant, licence, r.issued or r.valid_from or r.founded, valid_to=r.valid_until)


def _contract(b: _Bundle, r: ContractRecord, submitter: Submitter) -> None:
    if r.number is None:
        return
    contract = b.node("Contract", f"contract:{r.number}", contract_type=r.doc_type, number=r.number,
                      signed=r.signed, start=r.start, end=r.end, amount_cny=r.amount, subject=r.subject,
                      seal_present=r.seal_present, signature_present=r.signature_present)
    valid_from = r.signed or r.start
    for party in (r.party_a, r.party_b):
        if submitter.is_party(party.name, party.uscc):
            b.rel("PARTY_TO", b.merchant, contract, valid_from, key=party.role, valid_to=r.end)
        else:
            other = b.enterprise(party.name, party.uscc)
            if other is not None:
                b.rel("PARTY_TO", other, contract, valid_from, key=party.role, valid_to=r.end)


def _waybill(b: _Bundle, r: WaybillRecord) -> None:
    if r.number is None:
        return
    shipment = b.node("Shipment", f"waybill:{r.number}", shipped=r.shipped, origin=r.origin,
                      destination=r.destination, freight_cny=r.freight, goods=r.goods, weight_t=r.weight_t)
    b.rel("CARRIED", b.merchant, shipment, r.shipped)


def _delivery(b: _Bundle, r: DeliveryNoteRecord) -> None:
    """Goods the merchant delivered: a Shipment of its own (a pad's serial is unique to its seller)."""
    if r.number is None:
        return
    shipment = b.node("Shipment", f"delivery:{b.merchant.id}:{r.number}", shipped=r.delivered,
                      consignee=r.consignee_name, amount_cny=r.amount, kind="delivery_note")
    b.rel("CARRIED", b.merchant, shipment, r.delivered)


def _month_start(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def _bank_statement(b: _Bundle, r: BankStatementRecord) -> None:
    if r.account is None:
        return
    account = b.node("BankAccount", r.account, bank_name=r.bank_name, holder_name=r.holder_name)
    b.rel("HAS_ACCOUNT", b.merchant, account, r.period_start or r.period_end)
    months: dict[str, dict[str, Any]] = defaultdict(lambda: {"in": 0.0, "out": 0.0, "names": []})
    for row in r.rows:
        if row.day is None:
            continue
        month = months[row.day.strftime("%Y-%m")]
        month["in"] += row.credit or 0.0
        month["out"] += row.debit or 0.0
        if row.counterparty and row.counterparty not in month["names"]:
            month["names"].append(row.counterparty)
    for month, sums in sorted(months.items()):
        flow = b.node("CashFlow", f"{r.account}:{month}", month=month, inflow_cny=round(sums["in"], 2),
                      outflow_cny=round(sums["out"], 2), source="bank_statement", counterparties=sums["names"])
        b.rel("HAS_CASHFLOW", b.merchant, flow, _month_start(month))


def _payment_statement(b: _Bundle, r: PaymentStatementRecord) -> None:
    if r.month is None or r.month_total is None:
        return
    # The merchant is part of the key: a platform month is this shop's, not everyone's on the platform.
    flow = b.node("CashFlow", f"{r.platform or 'payment'}:{b.merchant.id}:{r.month}", month=r.month,
                  inflow_cny=r.month_total, outflow_cny=0.0, source="payment_statement", counterparties=[])
    b.rel("HAS_CASHFLOW", b.merchant, flow, _month_start(r.month))


def _vehicle(b: _Bundle, r: VehicleLicenceRecord) -> None:
    if r.vin is None and r.plate is None:
        return
    brand = r.model.split("牌")[0] if r.model and "牌" in r.model else None
    asset = b.node("Asset", r.vin or f"plate:{r.plate}", asset_class=vehicle_class(r.vehicle_type), plate=r.plate,
                   vin=r.vin, brand=brand, vehicle_type=r.vehicle_type, owner_name=r.owner, registered=r.registered)
    b.rel("OWNS", b.merchant, asset, r.registered or r.issued)


def _registration(b: _Bundle, r: VehicleRegistrationRecord) -> None:
    """The vehicle as its title records it, with the mortgage: a lender's claim that comes before the
    bank's (``lien_active``). A node of its own (keyed by the certificate), so that the mortgage goes
    when the certificate is withdrawn; readers take one vehicle per plate/VIN across its papers."""
    key = r.certificate_no or r.vin or r.plate
    if key is None or (r.vin is None and r.plate is None):
        return
    asset = b.node("Asset", f"registration:{key}", asset_class=vehicle_class(r.vehicle_type), plate=r.plate,
                   vin=r.vin, vehicle_type=r.vehicle_type, owner_name=r.owner, registered=r.registered,
                   registration_no=r.certificate_no, lien_holder=r.lien_holder, lien_registered=r.lien_registered,
                   lien_released=r.lien_released, lien_active=r.lien_active)
    b.rel("OWNS", b.merchant, asset, r.registered)


def _transport_cert(b: _Bundle, r: VehicleTransportRecord) -> None:
    """A licence of the operator for one vehicle (by plate); it proves the vehicle works under the
    operator's permit, not who owns it (挂靠: trucks are often owned by their drivers)."""
    if r.number is None:
        return
    licence = b.node("Licence", f"vehicle_transport_cert:{r.number}", licence_type="vehicle_transport_cert",
                     number=r.number, holder_name=r.holder_name, plate=r.plate, permit_no=r.permit_no,
                     vehicle_type=r.vehicle_type, issued=r.issued, valid_until=r.valid_until)
    b.rel("HOLDS", b.merchant, licence, r.issued, valid_to=r.valid_until)


def _property(b: _Bundle, r: PropertyRecord) -> None:
    """Owned premises: an Asset of class ``premises`` keyed by its unit number (or certificate number),
    so the same premises proved twice count once."""
    key = r.unit_no or r.number
    if key is None:
        return
    asset = b.node("Asset", f"property:{key}", asset_class="premises", certificate_no=r.number, unit_no=r.unit_no,
                   location=r.location, use=r.use, floor_area_m2=r.floor_area_m2, owner_name=r.owner,
                   co_ownership=r.co_ownership, land_until=r.land_until)
    b.rel("OWNS", b.merchant, asset, r.registered)


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _tax_return(b: _Bundle, r: TaxReturnRecord) -> None:
    """Sales declared for one period: a TaxFiling of the merchant's own (keyed by the merchant, so two
    copies of one return count once and nobody else's return lands on it)."""
    if r.period_start is None or r.period_end is None or r.period_end < r.period_start or r.declared_sales is None:
        return
    filing = b.node("TaxFiling", f"tax:{b.merchant.id}:{r.period_start}:{r.period_end}", form=r.form,
                    period_start=r.period_start, period_end=r.period_end, months=_months(r.period_start, r.period_end),
                    declared_sales_cny=r.declared_sales, taxable_sales_cny=r.taxable_sales,
                    exempt_sales_cny=r.exempt_sales, tax_due_cny=r.tax_due, filed=r.filed)
    b.rel("FILED", b.merchant, filing, r.period_end)


def _utility_bill(b: _Bundle, r: UtilityBillRecord) -> None:
    """A month of metered use at the premises, keyed by the utility's account and the month."""
    if r.account_no is None or r.month is None or r.utility is None:
        return
    bill = b.node("UtilityBill", f"utility:{r.utility}:{r.account_no}:{r.month}", utility=r.utility,
                  account_no=r.account_no, month=r.month, usage=r.usage,
                  usage_unit="kWh" if r.utility == "electricity" else "m3", amount_cny=r.amount,
                  address=r.address, holder_name=r.holder_name, supplier=r.supplier)
    b.rel("HAS_UTILITY", b.merchant, bill, _month_start(r.month))


def _social_insurance(b: _Bundle, r: SocialInsuranceRecord) -> None:
    """One Payroll per month the proof lists: people insured and contributions paid, the merchant's own."""
    for row in r.rows:
        if row.month is None or row.insured is None:
            continue
        payroll = b.node("Payroll", f"payroll:{b.merchant.id}:{row.month}", month=row.month, insured=row.insured,
                         contribution_cny=row.total)
        b.rel("HAS_PAYROLL", b.merchant, payroll, _month_start(row.month))


def _resident_id(b: _Bundle, r: ResidentIdRecord) -> None:
    """The owner, identified: a Person with the masked number only (the full one is never written),
    keyed by masked number and name, so one person behind two businesses is one node."""
    if r.id_masked is None or r.name is None:
        return
    person = b.node("Person", f"person:{r.id_masked}:{r.name}", name=r.name, resident_id_masked=r.id_masked,
                    id_valid_until=r.valid_until, id_long_term=r.long_term)
    b.rel("OWNED_BY", b.merchant, person, r.issued, key="id_card", valid_to=r.valid_until)


def _account_statement(b: _Bundle, r: AccountStatementRecord, submitter: Submitter) -> None:
    """A balance the customer confirmed it owes the merchant: a Receivable, owed by the customer. A
    supplier's statement to the merchant (a payable) proves no capacity and writes nothing."""
    if r.buyer_name is None or r.period_end is None or r.closing is None:
        return
    if not submitter.is_party(r.seller_name, None):
        return
    customer = b.enterprise(r.buyer_name, None)
    if customer is None:
        return
    receivable = b.node("Receivable", f"receivable:{b.merchant.id}:{customer.id}:{r.period_end}",
                        debtor_name=r.buyer_name, period_start=r.period_start, period_end=r.period_end,
                        shipped_cny=r.shipped, received_cny=r.received, balance_cny=r.closing, confirmed=r.confirmed)
    b.rel("IS_OWED", b.merchant, receivable, r.period_end)
    b.rel("OWES", customer, receivable, r.period_end)
    b.rel("SELLS_TO", b.merchant, customer, r.period_start or r.period_end, volume_cny=r.shipped)


PERSON_NAME_MAX = 4   # Chinese personal names run to four characters; businesses' names are longer


def _receipt(b: _Bundle, r: ReceiptRecord, submitter: Submitter) -> None:
    """Money the merchant received for goods: an Invoice of type ``receipt`` (a sale, weaker than a tax
    invoice), keyed by the merchant and the book's serial. A receipt the merchant was given (it paid)
    proves no sale and writes nothing."""
    if r.number is None or r.amount is None or not submitter.is_party(r.seller_name, None):
        return
    receipt = b.node("Invoice", f"receipt:{b.merchant.id}:{r.number}", invoice_type="receipt", number=r.number,
                     issued=r.issued, total_cny=r.amount, amount_cny=r.amount, seller_name=r.seller_name,
                     buyer_name=r.buyer_name, direction="sale")
    b.rel("SELLER_OF", b.merchant, receipt, r.issued)
    # a household customer is a person (赵林, 张先生): a sale, but no business to link
    payer = b.enterprise(r.buyer_name, None) if r.buyer_name and len(r.buyer_name) > PERSON_NAME_MAX else None
    if payer is not None:
        b.rel("BUYER_OF", payer, receipt, r.issued)
        b.rel("SELLS_TO", b.merchant, payer, r.issued, volume_cny=r.amount)


def _photo(b: _Bundle, r: PhotoTextRecord, observed: date) -> None:
    if r.plate is None:
        return  # asset classes of photos come from photo recognition, not from text
    asset = b.node("Asset", f"plate:{r.plate}", plate=r.plate)
    b.rel("OWNS", b.merchant, asset, observed)


def to_facts(record: FieldRecord, *, evidence: EvidenceRecord, submitter: Submitter,
             provenance: Provenance) -> EvidenceFacts:
    """The facts ``record`` proves for ``submitter``, as one bundle for ``graph.store.write_evidence``."""
    if evidence.status != "verified":
        return EvidenceFacts(evidence=evidence)
    if provenance.evidence_id != evidence.evidence_id:
        raise ValueError(f"provenance is for {provenance.evidence_id!r}, evidence is {evidence.evidence_id!r}")
    if submitter.merchant_id != evidence.merchant_id:
        raise ValueError(f"submitter {submitter.merchant_id!r} did not submit {evidence.evidence_id!r}")
    b = _Bundle(submitter, provenance)
    if isinstance(record, InvoiceRecord):
        _invoice(b, record, submitter)
    elif isinstance(record, LicenceRecord):
        _licence(b, record)
    elif isinstance(record, ContractRecord):
        _contract(b, record, submitter)
    elif isinstance(record, WaybillRecord):
        _waybill(b, record)
    elif isinstance(record, DeliveryNoteRecord):
        _delivery(b, record)
    elif isinstance(record, BankStatementRecord):
        _bank_statement(b, record)
    elif isinstance(record, PaymentStatementRecord):
        _payment_statement(b, record)
    elif isinstance(record, VehicleLicenceRecord):
        _vehicle(b, record)
    elif isinstance(record, PropertyRecord):
        _property(b, record)
    elif isinstance(record, VehicleRegistrationRecord):
        _registration(b, record)
    elif isinstance(record, VehicleTransportRecord):
        _transport_cert(b, record)
    elif isinstance(record, TaxReturnRecord):
        _tax_return(b, record)
    elif isinstance(record, UtilityBillRecord):
        _utility_bill(b, record)
    elif isinstance(record, SocialInsuranceRecord):
        _social_insurance(b, record)
    elif isinstance(record, AccountStatementRecord):
        _account_statement(b, record, submitter)
    elif isinstance(record, ReceiptRecord):
        _receipt(b, record, submitter)
    elif isinstance(record, ResidentIdRecord):
        _resident_id(b, record)
    elif isinstance(record, PhotoTextRecord):
        _photo(b, record, evidence.submitted_at.date())
    return EvidenceFacts(evidence=evidence, nodes=tuple(b.nodes.values()), relationships=tuple(b.rels))
