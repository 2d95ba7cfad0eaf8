from __future__ import annotations

from extractors.fields import LicenceRecord, extract_fields
from extractors.text import parse_date


def test_permit_valid_until_read_when_ocr_loses_the_spaced_labels_first_character(demo_page) -> None:
    truth, document = demo_page("M0000042-E002")
    assert "有效期至" not in document.render().replace(" ", "")
    record = extract_fields("road_transport_permit", document)
    assert isinstance(record, LicenceRecord)
    assert record.valid_until == parse_date(next(f["value"] for f in truth["fields"] if f["name"] == "valid_until"))
    assert record.perpetual is False
