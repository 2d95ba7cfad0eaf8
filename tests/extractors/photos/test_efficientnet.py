import numpy as np
import pytest

from extractors.photos.efficientnet import EfficientNetRecogniser
from extractors.photos.mapping import ASSET_CLASS_CODES
from extractors.photos.recogniser import Recogniser


@pytest.fixture(scope="module")
def recogniser():
    return EfficientNetRecogniser(min_confidence=0.0)


def test_it_is_a_recogniser_and_reads_a_photo(recogniser, photos):
    assert isinstance(recogniser, Recogniser)
    probs = recogniser.probabilities(photos["vehicle"].image)
    assert probs.shape == (1000,) and abs(float(probs.sum()) - 1.0) < 1e-3
    found = recogniser.recognise(photos["vehicle"].image)
    assert found and all(r.asset_class in ASSET_CLASS_CODES for r in found)
    assert [r.confidence for r in found] == sorted((r.confidence for r in found), reverse=True)
    assert found[0].source.startswith("efficientnet-lite0:")


def test_a_bad_image_is_refused_by_name(recogniser):
    with pytest.raises(ValueError, match="RGB uint8"):
        recogniser.probabilities(np.zeros((10, 10), np.uint8))
