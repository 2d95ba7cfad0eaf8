import cv2
import numpy as np

from extractors.verify.signature import check_signature

PEN = (28, 36, 92)   # the seed's ballpoint ink


def test_a_signed_contract_has_handwriting_in_a_signing_block(contract):
    image, document = contract
    result = check_signature(image, document)
    assert result.passed is True and result.severity == "soft"


def test_the_same_contract_with_the_handwriting_erased_is_unsigned(contract):
    image, document = contract
    pen = (np.abs(image.astype(int) - PEN).sum(axis=2) < 120).astype(np.uint8)
    erased = image.copy()
    erased[cv2.dilate(pen, np.ones((3, 3), np.uint8)).astype(bool)] = 245
    assert check_signature(erased, document).passed is False


def test_without_ocr_the_check_cannot_run(contract):
    assert check_signature(contract[0], None).passed is None
