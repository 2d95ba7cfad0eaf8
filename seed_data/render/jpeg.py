"""JPEG round trip in memory: the lossy step every phone camera and messaging app applies."""
from __future__ import annotations

import io

import numpy as np
from PIL import Image


def encode_jpeg(image: np.ndarray, quality: int, subsampling: int = 2) -> np.ndarray:
    """Encode an RGB uint8 array and decode it again; ``subsampling`` 0 = 4:4:4, 2 = 4:2:0."""
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, "JPEG", quality=int(quality), subsampling=subsampling)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        return np.asarray(decoded.convert("RGB"))
