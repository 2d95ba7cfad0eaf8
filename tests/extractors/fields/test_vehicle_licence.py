from __future__ import annotations

from extractors.fields import VehicleLicenceRecord, extract_fields


def test_two_character_owner_name_is_read(demo_page) -> None:
    truth, document = demo_page("M0000029-E013")
    owner = next(f["value"] for f in truth["fields"] if f["name"] == "owner")
    assert len(owner) == 2
    record = extract_fields("vehicle_licence", document)
    assert isinstance(record, VehicleLicenceRecord) and record.owner == owner
