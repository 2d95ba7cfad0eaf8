"""MerchantFacts for seed-world merchants, built from the world's truth and evidence plans.

What an honest pipeline would extract: genuine items become verified facts; items a fraud kind
spoiled become rejected evidence with no facts (an expired licence stays a genuine, verified licence
whose validity has ended). Used by `bailing ontology diff`, the ontology tests and the rules
benchmark: a seed world stands in for a bank's merchants when experts measure a rule change.
"""
from __future__ import annotations

from ontology.rules.merchant_facts import EvidenceSummary, FactItem, MerchantFacts
from seed_data.world.generator import generate_world
from seed_data.world.records import Merchant, World

_LICENCES = frozenset({"business_licence", "food_licence", "road_transport_permit", "qualification_cert",
                       "vehicle_transport_cert"})
_INVOICES = frozenset({"vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice"})
_CONTRACT_ROLE = {"sales_contract": "seller", "freight_contract": "carrier", "lease_contract": "lessee"}


def merchant_facts(world: World, m: Merchant) -> MerchantFacts:
    parties = {p.party_id: p for p in world.parties}
    direction = {l.party_id: ("sale" if l.direction == "sells_to" else "purchase") for l in m.links}
    assets = {a.asset_id: a for a in m.assets}
    items: dict[tuple[str, str], FactItem] = {}
    evidence = []
    for e in m.evidence:
        spoiled = e.fraud_kind not in (None, "expired_licence")
        evidence.append(EvidenceSummary(e.evidence_id, e.doc_type, "rejected" if spoiled else "verified",
                                        0.15 if spoiled else 0.95, (e.fraud_kind,) if spoiled else (), e.photo_class))
        if spoiled:
            continue
        ev = (e.evidence_id,)
        party = parties.get(e.counterparty_id or "")
        if e.doc_type in _LICENCES:
            items[("Licence", e.evidence_id)] = FactItem(
                "Licence", f"{e.doc_type}:{e.evidence_id}", "HOLDS",
                {"licence_type": e.doc_type, "holder_uscc": m.uscc, "issued": e.issued, "valid_until": e.valid_until},
                ev, True, valid_from=e.issued, valid_to=e.valid_until)
        elif e.doc_type in _INVOICES and party is not None:
            sale = direction.get(party.party_id, "sale") == "sale"
            items[("Invoice", e.evidence_id)] = FactItem(
                "Invoice", f"invoice::{e.evidence_id}", "SELLER_OF" if sale else "BUYER_OF",
                {"invoice_type": e.doc_type, "issued": e.issued, "total_cny": float(e.amount_cny or 0),
                 "direction": "sale" if sale else "purchase", "buyer_name": party.name if sale else m.name,
                 "seller_name": m.name if sale else party.name}, ev, True)
        elif e.doc_type in _CONTRACT_ROLE:
            items[("Contract", e.evidence_id)] = FactItem(
                "Contract", f"contract:{e.evidence_id}", "PARTY_TO",
                {"contract_type": e.doc_type, "signed": e.issued, "amount_cny": float(e.amount_cny or 0)},
                ev, True, role=_CONTRACT_ROLE[e.doc_type])
        elif e.doc_type == "waybill":
            items[("Shipment", e.evidence_id)] = FactItem(
                "Shipment", f"waybill:{e.evidence_id}", "CARRIED",
                {"shipped": e.issued, "freight_cny": float(e.amount_cny or 0)}, ev, True)
        elif e.doc_type in ("bank_statement", "payment_statement"):
            for flow in m.monthly[-6:]:
                key = ("CashFlow", f"{e.doc_type}:{flow.month}")
                items[key] = FactItem("CashFlow", f"{e.doc_type}:{flow.month}", "HAS_CASHFLOW",
                                      {"month": flow.month, "inflow_cny": float(flow.inflow_cny),
                                       "outflow_cny": float(flow.outflow_cny), "source": e.doc_type}, ev, True)
        elif e.asset_id in assets:
            a = assets[e.asset_id]
            key = ("Asset", a.vin or a.asset_id)
            old = items.get(key)
            items[key] = FactItem("Asset", a.vin or f"{a.asset_id}:asset", "OWNS",
                                  {"asset_class": a.asset_class, "plate": a.plate, "vin": a.vin, "brand": a.brand,
                                   "registered": a.acquired},
                                  (old.evidence_ids if old else ()) + ev, True)
    return MerchantFacts(m.merchant_id, m.industry_code, world.as_of, float(m.others.base_limit_cny),
                         {"legal_form": m.legal_form, "uscc": m.uscc, "bureau_score": m.others.bureau_score,
                          "name": m.name}, tuple(items.values()), tuple(evidence))


def seed_merchant_facts(size: str = "tiny", seed: int = 0) -> list[MerchantFacts]:
    world = generate_world(seed, size)
    return [merchant_facts(world, m) for m in world.merchants]
