from datetime import date

from extractors.fields.records import VehicleLicenceRecord
from extractors.verify.validity import check_validity
from tests.extractors.verify.records import AS_OF, INVOICE, LICENCE, replace


def test_licence_valid_at_the_as_of_date_passes():
    assert all(r.passed for r in check_validity("business_licence", LICENCE, as_of=AS_OF))


def test_an_expired_licence_fails_with_its_reason_code():
    results = {r.code: r for r in check_validity("business_licence", replace(LICENCE, valid_until=date(2026, 1, 31)),
                                                 as_of=AS_OF)}
    assert results["licence_not_expired"].passed is False and results["licence_not_expired"].severity == "hard"
    assert "2026-01-31" in results["licence_not_expired"].detail_en


def test_a_future_issue_date_is_implausible():
    results = {r.code: r.passed for r in check_validity("vat_ordinary_invoice", replace(INVOICE, issued=date(2027, 1, 1)),
                                                        as_of=AS_OF)}
    assert results == {"date_plausible": False}


def test_inspection_month_counts_to_its_last_day():
    record = VehicleLicenceRecord(plate=None, vehicle_type=None, owner=None, address=None, use=None, model=None, vin=None,
                                  engine_no=None, registered=None, issued=date(2020, 1, 1), inspection_until="2026-06")
    assert {r.code: r.passed for r in check_validity("vehicle_licence", record, as_of=AS_OF)}["inspection_current"]
    record = replace(record, inspection_until="2026-05")
    lapsed = {r.code: r for r in check_validity("vehicle_licence", record, as_of=AS_OF)}["inspection_current"]
    # A lapsed inspection is a weak cue on an honest old truck's licence, not an expired document.
    assert lapsed.passed is False and lapsed.severity == "soft"
