import csv
from pathlib import Path

import pytest

from seed_data.industries import load_industries
from seed_data.world.assets import ASSET_CLASSES

SPEC_DOC_TYPES = {
    "business_licence", "vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice", "sales_contract",
    "lease_contract", "construction_contract", "freight_contract", "waybill", "bank_statement",
    "payment_statement", "road_transport_permit", "vehicle_transport_cert", "vehicle_licence",
    "vehicle_registration", "food_licence", "tax_certificate", "delivery_note", "purchase_order", "receipt",
    "account_statement", "property_certificate", "utility_bill", "social_insurance", "qualification_cert",
    "resident_id"}
REFERENCE = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "gbt4754/gbt4754_2017.csv"  # ../shared beside the clone


def test_at_least_20_industries_with_sourced_figures() -> None:
    industries = load_industries()
    assert len(industries) >= 20
    for ind in industries:
        assert len(ind.seasonality) == 12 and abs(sum(ind.seasonality) / 12 - 1) < 1e-3
        assert 0 < ind.gross_margin[0] < ind.gross_margin[1] < 1
        assert set(ind.typical_assets) <= set(ASSET_CLASSES)
        assert set(ind.required_licences) <= set(ind.evidence_types) <= SPEC_DOC_TYPES
        sources = dict(ind.sources)
        for figure in ("seasonality", "cash_cycle_days", "gross_margin", "typical_assets", "required_licences"):
            assert sources[figure], (ind.code, figure)


def test_industry_codes_and_names_are_real_gbt4754_classes() -> None:
    if not REFERENCE.exists():
        pytest.skip("GB/T 4754 reference not available")
    with REFERENCE.open(encoding="utf-8") as f:
        classes = {row["code"]: row["name"].strip() for row in csv.DictReader(f) if row["level"] == "4"}
    for ind in load_industries():
        assert classes[ind.code] == ind.name_zh
