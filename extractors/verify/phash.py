"""64-bit perceptual hash (DCT pHash) as 16 hex characters, and the Hamming distance between two.

pHash keeps the signs of the 8×8 lowest DCT frequencies of a 32×32 grey thumbnail against their
median: re-encoding, resizing, light blur and small shifts leave it nearly unchanged, while another
picture changes about half of the bits. Photos of documents are first cropped to the page
(:func:`extractors.verify.page.find_page`), so the desk around a re-photographed page does not move it.
"""
from __future__ import annotations

import cv2
import numpy as np

from extractors.verify.page import find_page

_SIZE = 32
_WORK = 128
_THUMB = 512
_KEEP = 8


def phash(image: np.ndarray) -> str:
    """Hash an RGB (or grey) uint8 image; the page is located first where there is one."""
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    h, w = grey.shape
    scale = min(1.0, _THUMB / max(h, w))    # the hash keeps 8×8 frequencies: a thumbnail is plenty
    thumb = cv2.resize(grey, (max(int(w * scale), 1), max(int(h * scale), 1)), interpolation=cv2.INTER_AREA)
    small = cv2.resize(find_page(thumb), (_WORK, _WORK), interpolation=cv2.INTER_AREA).astype(np.float32)
    # Flat-field: divide out the light (a heavy blur), so a lamp on one side or a vignette, which
    # differ between two shots of the same thing, do not move the low frequencies the hash keeps.
    small = small / (cv2.GaussianBlur(small, (0, 0), _WORK / 6) + 1.0)
    small = cv2.resize(small, (_SIZE, _SIZE), interpolation=cv2.INTER_AREA)
    low = cv2.dct(small)[:_KEEP, :_KEEP].reshape(-1)
    # The DC term is the mean brightness: kept out of the median so exposure does not shift the split.
    bits = low > np.median(low[1:])
    value = 0
    for bit in bits:
        value = (value << 1) | int(bit)
    return f"{value:016x}"


def parse_phash(text: str) -> int:
    if len(text) != 16:
        raise ValueError(f"a perceptual hash is 16 hex characters, got {text!r}")
    try:
        return int(text, 16)
    except ValueError:
        raise ValueError(f"a perceptual hash is 16 hex characters, got {text!r}") from None


def hamming(a: str, b: str) -> int:
    return (parse_phash(a) ^ parse_phash(b)).bit_count()
