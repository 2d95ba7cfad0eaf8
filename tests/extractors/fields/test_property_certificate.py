"""Both formats of premises ownership, read off phone photos and scans of the demo world."""
from __future__ import annotations

import pytest

from extractors.classify import classify
from extractors.fields import PropertyRecord, extract_fields
from extractors.text import compact


@pytest.mark.parametrize("evidence_id, layout", [("M0000019-E012", "unified"), ("M0000121-E013", "house")])
def test_owner_premises_and_area_are_read(demo_page, evidence_id: str, layout: str) -> None:
    truth, document = demo_page(evidence_id)
    assert truth["content"]["layout"] == layout
    printed = {f["name"]: f["value"] for f in truth["fields"]}
    assert classify(document).doc_type == "property_certificate"
    record = extract_fields("property_certificate", document)
    assert isinstance(record, PropertyRecord)
    assert record.owner == printed["holder"]
    assert compact(record.location or "") == compact(printed["location"])
    assert compact(record.number or "") == compact(printed["number"])
    assert record.floor_area_m2 == pytest.approx(float(printed["floor_area"]))
    assert record.registered is not None and record.registered.isoformat() == truth["content"]["registered"]
    # Only the unified certificate carries the 28-character unit number; the old one has none to read.
    assert record.unit_no == (compact(printed["unit_no"]) if layout == "unified" else None)
