from extractors.photos.sign_and_plate import read_sign_and_plate
from extractors.verify.context import MerchantContext
from extractors.verify.numbers.plates import normalise_plate


def _context(merchant, plates=()):
    return MerchantContext(merchant_id=merchant.merchant_id, registered_name=merchant.name,
                           registered_uscc=merchant.uscc, as_of=__import__("datetime").date(2026, 6, 30), plates=plates)


def test_a_trucks_plate_is_read_and_matched_to_its_papers(photos):
    truck = photos["vehicle"]
    plate = next(normalise_plate(a.plate) for a in truck.merchant.assets if a.plate)
    read = read_sign_and_plate(truck.document, _context(truck.merchant, plates=(plate,)))
    assert plate in read.plates and read.known_plates == (plate,)


def test_an_unknown_plate_is_read_but_not_matched(photos):
    truck = photos["vehicle"]
    read = read_sign_and_plate(truck.document, _context(truck.merchant))
    assert read.plates and read.known_plates == ()


def test_a_shop_sign_is_matched_to_the_licence_name(photos):
    shop = photos["shop_front"]
    read = read_sign_and_plate(shop.document, _context(shop.merchant))
    assert read.sign_matches


def test_read_photo_runs_the_default_ocr_engine_itself(photos):
    from extractors.photos.sign_and_plate import read_photo
    truck = photos["vehicle"]
    assert read_photo(truck.image, None).plates == read_sign_and_plate(truck.document, None).plates
