"""A vehicle's title (with and without a mortgage, and once the mortgage is released) and its road
transport certificate, read off demo-world pages of the layouts the extractors were developed on."""
from __future__ import annotations

import pytest

from extractors.classify import classify
from extractors.fields import VehicleRegistrationRecord, VehicleTransportRecord, extract_fields


@pytest.mark.parametrize("evidence_id, lien", [("M0000013-E029", "none"), ("M0000011-E018", "active"),
                                               ("M0000013-E028", "released")])
def test_registration_reads_owner_plate_and_the_mortgage(demo_page, evidence_id: str, lien: str) -> None:
    truth, document = demo_page(evidence_id)
    c = truth["content"]
    assert classify(document).doc_type == "vehicle_registration"
    record = extract_fields("vehicle_registration", document)
    assert isinstance(record, VehicleRegistrationRecord)
    assert (record.certificate_no, record.owner, record.plate, record.vin) == (
        c["certificate_no"], c["owner"], c["plate"], c["vin"])
    assert record.lien_holder == c["lien_holder"]
    assert (record.lien_active, lien) in ((False, "none"), (True, "active"), (False, "released"))
    if lien == "released":
        assert record.lien_released is not None and record.lien_released.isoformat() == c["lien_released"]
    # The owner's ID number is printed beside the name and is not read into the record.
    assert c["owner_id"] not in repr(record)


def test_transport_certificate_ties_plate_to_operator_and_permit(demo_page) -> None:
    truth, document = demo_page("M0000040-E022")
    c = truth["content"]
    assert classify(document).doc_type == "vehicle_transport_cert"
    record = extract_fields("vehicle_transport_cert", document)
    assert isinstance(record, VehicleTransportRecord)
    assert (record.number, record.holder_name, record.plate, record.permit_no) == (
        c["number"], c["holder"], c["plate"], c["permit_no"])
    assert record.valid_until is not None and record.valid_until.isoformat() == c["valid_until"]
