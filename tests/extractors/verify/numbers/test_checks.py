from datetime import date

from extractors.fields.records import LicenceRecord, VehicleLicenceRecord
from extractors.verify.numbers import check_numbers

AS_OF = date(2026, 6, 30)


def licence(uscc: str) -> LicenceRecord:
    return LicenceRecord(doc_type="business_licence", number=uscc, holder_name="广州市老王五金店", holder_uscc=uscc,
                         legal_representative="王一", registered_capital_cny=None, address=None, scope=None,
                         category=None, founded=None, issued=date(2020, 1, 1), valid_from=None, valid_until=None,
                         perpetual=True)


def test_a_wrong_uscc_check_character_fails_with_its_reason_code():
    results = check_numbers("business_licence", licence("91350100M000100Y44"), as_of=AS_OF)
    assert [(r.code, r.passed, r.severity) for r in results] == [("uscc_check_digit", False, "hard")]
    assert "91350100M000100Y44" in results[0].detail_en


def test_a_valid_uscc_passes_once_even_when_printed_twice():
    results = check_numbers("business_licence", licence("91350100M000100Y43"), as_of=AS_OF)
    assert [(r.code, r.passed) for r in results] == [("uscc_check_digit", True)]


def test_vehicle_licence_vin_and_plate():
    record = VehicleLicenceRecord(plate="粤B·3K521", vehicle_type=None, owner=None, address=None, use=None, model=None,
                                  vin="1M8GDM9A1KP042788", engine_no=None, registered=None, issued=None,
                                  inspection_until=None)
    results = {r.code: r.passed for r in check_numbers("vehicle_licence", record, as_of=AS_OF)}
    assert results == {"vin_check_digit": False, "plate_format": True}
