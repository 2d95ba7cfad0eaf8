"""A legible plate's colour tells a large goods vehicle from a small one (GA 36)."""
import numpy as np

from extractors.photos import recognise_photo
from extractors.photos.plate_colour import classes_from_plates, plate_colour
from tests.extractors.photos.test_result import NoVehicles


def test_the_vehicle_photo_plate_colour_matches_the_vehicle_size(photos):
    truck = photos["vehicle"]
    found = classes_from_plates(truck.image, truck.document)
    large = truck.photo_class not in ("light_truck", "van")
    assert [r.asset_class for r in found] == (["heavy_truck"] if large else ["light_truck"])


def test_a_bank_detector_that_sees_nothing_still_gets_the_size_from_the_plate(photos):
    truck = photos["vehicle"]
    result = recognise_photo(truck.image, document=truck.document, recogniser=NoVehicles())
    assert result.asset_class in ("heavy_truck", "light_truck")
    assert any(r.source.startswith("plate:") for r in result.recognitions)


def test_grey_or_empty_regions_have_no_plate_colour():
    grey = np.full((100, 200, 3), 128, dtype=np.uint8)
    assert plate_colour(grey, ((0.1, 0.1), (0.9, 0.9))) is None
    yellow = np.zeros((50, 100, 3), dtype=np.uint8)
    yellow[...] = (245, 190, 30)
    assert plate_colour(yellow, ((0.0, 0.0), (1.0, 1.0))) == "yellow"
