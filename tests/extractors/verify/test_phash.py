import numpy as np
import pytest
from PIL import Image

from extractors.verify.phash import hamming, phash


def test_hash_is_16_hex_characters_and_stable(shots):
    h = phash(shots["clean"].image)
    assert len(h) == 16 and int(h, 16) >= 0
    assert phash(shots["clean"].image) == h


def test_reencoding_and_resizing_barely_move_the_hash(shots, tmp_path):
    image = Image.fromarray(shots["clean"].image)
    smaller = image.resize((image.width // 2, image.height // 2))
    smaller.save(tmp_path / "small.jpg", quality=60)
    again = np.asarray(Image.open(tmp_path / "small.jpg").convert("RGB"))
    assert hamming(phash(shots["clean"].image), phash(again)) <= 4


def test_malformed_hash_is_refused():
    with pytest.raises(ValueError, match="16 hex"):
        hamming("abc", "0" * 16)
