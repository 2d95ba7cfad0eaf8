from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime, timezone

from neo4j import Driver

from api.demo.world_loader import load_world
from extractors.facts import EvidenceRecord, NodeRef, Provenance
from extractors.fields import ContractParty, ContractRecord, extract_fields
from extractors.fields.records import (AccountStatementRecord, InvoiceRecord, PropertyRecord, ReceiptRecord,
                                       TaxReturnRecord, VehicleRegistrationRecord, VehicleTransportRecord)
from extractors.mapping import Submitter, enterprise_id, to_facts
from graph.store import evidence_claims, read_subgraph, withdraw_evidence, write_evidence

AT = datetime(2026, 6, 30, 12, tzinfo=timezone.utc)


def _evidence(evidence_id: str, merchant_id: str, doc_type: str, status: str = "verified") -> EvidenceRecord:
    return EvidenceRecord(evidence_id=evidence_id, merchant_id=merchant_id, doc_type=doc_type, sha256="0" * 64,
                          submitted_at=AT, consent_scope="evidence", consent_purpose="credit", status=status)


def _provenance(evidence_id: str, version: str = "rapidocr 3.10.0") -> Provenance:
    return Provenance(evidence_id=evidence_id, confidence=0.9, observed_at=AT, extractor="extractors",
                      extractor_version=version)


def test_an_einvoice_lands_in_neo4j_with_the_vocabulary_ids(driver: Driver, tiny_world, rendered) -> None:
    load_world(driver, tiny_world)
    page = rendered["digital_einvoice"]
    merchant = page.merchant
    record = extract_fields("digital_einvoice", page.document)
    submitter = Submitter(merchant.merchant_id, merchant.name, merchant.uscc)
    evidence_id = page.item.evidence_id
    bundle = to_facts(record, evidence=_evidence(evidence_id, merchant.merchant_id, "digital_einvoice"),
                      submitter=submitter, provenance=_provenance(evidence_id, page.document.engine_version))
    write_evidence(driver, bundle)

    sale = record.seller_tax_id == merchant.uscc
    other_uscc = record.buyer_tax_id if sale else record.seller_tax_id
    rows, _, _ = driver.execute_query(
        "MATCH (m:Merchant {id: $m})-[own]->(i:Invoice {id: $invoice})<-[theirs]-(e:Enterprise {id: $other}), "
        "(m)-[trade]->(e), (ev:Evidence {id: $ev})-[:SUPPORTS]->(i) "
        "RETURN type(own) AS own, type(theirs) AS theirs, type(trade) AS trade, i.direction AS direction, "
        "i.total_cny AS total, trade.volume_cny AS volume, trade.valid_from AS since, "
        "i.prov_extractor_version AS versions",
        m=merchant.merchant_id, invoice=f"invoice::{record.number}", other=other_uscc, ev=evidence_id)
    assert len(rows) == 1
    row = rows[0]
    expected = ("SELLER_OF", "BUYER_OF", "SELLS_TO", "sale") if sale else ("BUYER_OF", "SELLER_OF", "BUYS_FROM", "purchase")
    assert (row["own"], row["theirs"], row["trade"], row["direction"]) == expected
    assert row["total"] == row["volume"] == record.total
    assert row["since"].to_native() == record.issued
    assert row["versions"] == [page.document.engine_version]


def test_rejected_evidence_supports_no_fact(rendered) -> None:
    page = rendered["vehicle_licence"]
    record = extract_fields("vehicle_licence", page.document)
    evidence = _evidence("EVX", page.merchant.merchant_id, "vehicle_licence", status="rejected")
    bundle = to_facts(record, evidence=evidence, submitter=Submitter(page.merchant.merchant_id, page.merchant.name),
                      provenance=_provenance("EVX"))
    assert bundle.evidence == evidence and bundle.nodes == () and bundle.relationships == ()


def test_vehicle_licence_becomes_an_owned_asset_keyed_by_vin(rendered) -> None:
    page = rendered["vehicle_licence"]
    record = extract_fields("vehicle_licence", page.document)
    bundle = to_facts(record, evidence=_evidence("EV1", page.merchant.merchant_id, "vehicle_licence"),
                      submitter=Submitter(page.merchant.merchant_id, page.merchant.name),
                      provenance=_provenance("EV1"))
    (asset,) = bundle.nodes
    assert (asset.label, asset.id) == ("Asset", record.vin)
    assert asset.properties["asset_class"] in {"heavy_truck", "tractor_trailer", "light_truck", "dump_truck", "van",
                                               "crane", "concrete_mixer"}
    (owns,) = bundle.relationships
    assert (owns.type, owns.start.id, owns.valid_from) == ("OWNS", page.merchant.merchant_id, record.registered)


def test_a_property_certificate_becomes_owned_premises_keyed_by_unit_or_certificate_number() -> None:
    unified = PropertyRecord(number="粤(2021)深圳市不动产权第0123456号", owner="陈建国", co_ownership="单独所有",
                             location="深圳市南山区兴业路12号3栋101号", unit_no="440305006001GB00023F00010012",
                             use="商服用地/商铺", floor_area_m2=86.42, registered=date(2021, 3, 2),
                             land_until=date(2050, 1, 1))
    old = PropertyRecord(number="深房权证南字第4000123456号", owner="陈建国", co_ownership=None, location=None,
                         unit_no=None, use=None, floor_area_m2=120.0, registered=date(2009, 5, 6), land_until=None)
    ids = []
    for record in (unified, old):
        bundle = to_facts(record, evidence=_evidence("EV3", "M1", "property_certificate"),
                          submitter=Submitter("M1", "乙商店"), provenance=_provenance("EV3"))
        (asset,) = bundle.nodes
        (owns,) = bundle.relationships
        assert asset.properties["asset_class"] == "premises"
        assert asset.properties["floor_area_m2"] == record.floor_area_m2
        assert (owns.type, owns.start.id, owns.valid_from) == ("OWNS", "M1", record.registered)
        ids.append(asset.id)
    assert ids == ["property:440305006001GB00023F00010012", "property:深房权证南字第4000123456号"]


def test_a_vehicle_title_keeps_its_mortgage_on_a_node_of_its_own() -> None:
    title = VehicleRegistrationRecord(certificate_no="440001234567", owner="陈建国", plate="粤B12345",
                                      vin=None, vehicle_type="重型厢式货车", registered=date(2024, 3, 1),
                                      lien_holder="一汽解放汽车金融有限公司", lien_registered=date(2024, 3, 9),
                                      lien_released=None)
    bundle = to_facts(title, evidence=_evidence("EV4", "M1", "vehicle_registration"),
                      submitter=Submitter("M1", "乙商店"), provenance=_provenance("EV4"))
    (asset,) = bundle.nodes
    assert asset.id == "registration:440001234567"
    assert asset.properties["asset_class"] == "heavy_truck" and asset.properties["plate"] == "粤B12345"
    assert asset.properties["lien_active"] is True
    released = to_facts(dataclasses.replace(title, lien_released=date(2026, 3, 9)),
                        evidence=_evidence("EV4", "M1", "vehicle_registration"), submitter=Submitter("M1", "乙商店"),
                        provenance=_provenance("EV4"))
    assert released.nodes[0].properties["lien_active"] is False


def test_a_road_transport_certificate_is_a_licence_for_one_plate_not_an_asset() -> None:
    cert = VehicleTransportRecord(number="粤交运管深字440300012345号", holder_name="乙商店", plate="粤B12345",
                                  permit_no="粤交运管许可深字440300067890号", vehicle_type="重型厢式货车",
                                  valid_until=date(2028, 1, 1), issued=date(2024, 1, 2))
    bundle = to_facts(cert, evidence=_evidence("EV5", "M1", "vehicle_transport_cert"),
                      submitter=Submitter("M1", "乙商店"), provenance=_provenance("EV5"))
    (licence,) = bundle.nodes
    assert (licence.label, licence.id) == ("Licence", "vehicle_transport_cert:粤交运管深字440300012345号")
    assert licence.properties["plate"] == "粤B12345"
    (holds,) = bundle.relationships
    assert (holds.type, holds.valid_from, holds.valid_to) == ("HOLDS", date(2024, 1, 2), date(2028, 1, 1))


def test_a_vat_return_is_a_filing_of_the_merchants_own_and_one_unread_figure_proves_nothing() -> None:
    filed = TaxReturnRecord(form="small_scale", holder_name="乙商店", holder_uscc="92440300MA5FXXXX0X",
                            period_start=date(2026, 1, 1), period_end=date(2026, 3, 31), filed=date(2026, 4, 12),
                            taxable_sales=0.0, exempt_sales=287939.0, tax_due=0.0)
    bundle = to_facts(filed, evidence=_evidence("EV6", "M1", "tax_certificate"), submitter=Submitter("M1", "乙商店"),
                      provenance=_provenance("EV6"))
    (filing,) = bundle.nodes
    assert (filing.label, filing.id) == ("TaxFiling", "tax:M1:2026-01-01:2026-03-31")
    assert filing.properties["declared_sales_cny"] == 287939.0 and filing.properties["months"] == 3
    (rel,) = bundle.relationships
    assert (rel.type, rel.start.id, rel.valid_from) == ("FILED", "M1", date(2026, 3, 31))
    unread = to_facts(dataclasses.replace(filed, exempt_sales=None), evidence=_evidence("EV6", "M1", "tax_certificate"),
                      submitter=Submitter("M1", "乙商店"), provenance=_provenance("EV6"))
    assert unread.nodes == () and unread.relationships == ()


def test_a_confirmed_statement_of_account_is_a_receivable_and_a_suppliers_writes_nothing() -> None:
    statement = AccountStatementRecord(number="DZ202605001", seller_name="乙商店", buyer_name="深圳市华强食品有限公司",
                                       period_start=date(2026, 3, 1), period_end=date(2026, 5, 31), shipped=300000.0,
                                       received=240000.0, closing=120000.0, closing_capital=120000.0,
                                       confirmed=date(2026, 6, 5))
    bundle = to_facts(statement, evidence=_evidence("EV7", "M1", "account_statement"),
                      submitter=Submitter("M1", "乙商店"), provenance=_provenance("EV7"))
    receivable = next(n for n in bundle.nodes if n.label == "Receivable")
    assert receivable.properties["balance_cny"] == 120000.0
    assert {r.type for r in bundle.relationships} == {"IS_OWED", "OWES", "SELLS_TO"}
    owes = next(r for r in bundle.relationships if r.type == "OWES")
    assert owes.start == NodeRef("Enterprise", enterprise_id("深圳市华强食品有限公司", None)) and owes.end == receivable.ref
    payable = dataclasses.replace(statement, seller_name="深圳市华强食品有限公司", buyer_name="乙商店")
    assert to_facts(payable, evidence=_evidence("EV7", "M1", "account_statement"), submitter=Submitter("M1", "乙商店"),
                    provenance=_provenance("EV7")).nodes == ()


def test_a_receipt_for_a_customers_payment_is_a_sale_of_type_receipt() -> None:
    receipt = ReceiptRecord(number="0012345", issued=date(2026, 6, 3), buyer_name="深圳市华强食品有限公司",
                            seller_name="乙商店", purpose="货款", amount=12345.0, amount_capital=12345.0)
    bundle = to_facts(receipt, evidence=_evidence("EV8", "M1", "receipt"), submitter=Submitter("M1", "乙商店"),
                      provenance=_provenance("EV8"))
    invoice = next(n for n in bundle.nodes if n.label == "Invoice")
    assert (invoice.id, invoice.properties["invoice_type"], invoice.properties["direction"]) == (
        "receipt:M1:0012345", "receipt", "sale")
    assert {r.type for r in bundle.relationships} == {"SELLER_OF", "BUYER_OF", "SELLS_TO"}
    household = to_facts(dataclasses.replace(receipt, buyer_name="赵林"), evidence=_evidence("EV8", "M1", "receipt"),
                         submitter=Submitter("M1", "乙商店"), provenance=_provenance("EV8"))
    assert [n.label for n in household.nodes] == ["Invoice"]   # a person who paid is no Enterprise


def test_contract_party_roles_and_a_counterparty_without_uscc() -> None:
    record = ContractRecord(doc_type="lease_contract", number="HT1", party_a=ContractParty("lessor", "甲房产有限公司", None),
                            party_b=ContractParty("lessee", "乙商店", "92370100MA61U5WW1Q"), subject=None,
                            signed=date(2025, 3, 11), start=None, end=date(2026, 3, 15), amount=1000.0,
                            amount_capital=None)
    bundle = to_facts(record, evidence=_evidence("EV2", "M1", "lease_contract"),
                      submitter=Submitter("M1", "乙商店", "92370100MA61U5WW1Q"), provenance=_provenance("EV2"))
    name_id = "name:" + hashlib.sha256("甲房产有限公司".encode()).hexdigest()[:16]
    assert enterprise_id("甲房产有限公司", None) == name_id
    parties = {(r.start.label, r.start.id, r.key) for r in bundle.relationships}
    assert parties == {("Enterprise", name_id, "lessor"), ("Merchant", "M1", "lessee")}
    assert {n.id for n in bundle.nodes} == {"contract:HT1", name_id}


def test_an_edited_buyer_name_leaves_the_registered_counterparty_as_it_was(driver: Driver, tiny_world) -> None:
    # Issue 13: an invoice naming a registered company by its USCC under another name renamed it for
    # every merchant, and withdrawing the invoice did not restore it.
    load_world(driver, tiny_world)
    seller, party = tiny_world.merchants[0], tiny_world.parties[0]
    record = InvoiceRecord(doc_type="vat_special_invoice", code="1300000000", number="00000099", check_code=None,
                           issued=date(2026, 5, 20), buyer_name="石家庄", buyer_tax_id=party.uscc,
                           seller_name=seller.name, seller_tax_id=seller.uscc, amount=10000.0, tax=1300.0,
                           total=11300.0, total_capital=None)
    bundle = to_facts(record, evidence=_evidence("EV-EDIT", seller.merchant_id, "vat_special_invoice"),
                      submitter=Submitter(seller.merchant_id, seller.name, seller.uscc),
                      provenance=_provenance("EV-EDIT"))
    write_evidence(driver, bundle)

    node = next(n for n in read_subgraph(driver, seller.merchant_id).nodes if n.id == party.uscc)
    assert node.properties["name"] == party.name
    assert [(c.property, c.value, c.registered, c.merchant_id) for c in node.claims] == [
        ("name", "石家庄", party.name, seller.merchant_id)]
    assert evidence_claims(driver, "EV-EDIT") == node.claims
    withdraw_evidence(driver, "EV-EDIT")
    rows, _, _ = driver.execute_query("MATCH (e:Enterprise {id: $id}) RETURN e.name AS name, "
                                      "[(e)<-[s:SUPPORTS]-() | s] AS claims", id=party.uscc)
    assert (rows[0]["name"], rows[0]["claims"]) == (party.name, [])
