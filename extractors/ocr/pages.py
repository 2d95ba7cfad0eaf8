"""Checks page arrays at the engine boundary, so every engine refuses the same bad input."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from extractors.ocr.errors import BadPage

MIN_SIDE = 16  # smaller than one line of text: nothing an engine could read


def checked_rgb(pages: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Return each page as a contiguous RGB ``uint8`` array, or raise ``BadPage`` naming the page."""
    if isinstance(pages, np.ndarray):
        raise BadPage("pages must be a sequence of arrays, not one array")
    out = []
    for index, page in enumerate(pages):
        if not isinstance(page, np.ndarray):
            raise BadPage(f"page {index}: expected a numpy array, got {type(page).__name__}")
        if page.dtype != np.uint8:
            raise BadPage(f"page {index}: expected dtype uint8, got {page.dtype}")
        if page.ndim == 2:
            page = np.repeat(page[:, :, None], 3, axis=2)
        elif page.ndim != 3 or page.shape[2] not in (3, 4):
            raise BadPage(f"page {index}: expected shape (H, W), (H, W, 3) or (H, W, 4), got {page.shape}")
        page = page[:, :, :3]
        if min(page.shape[:2]) < MIN_SIDE:
            raise BadPage(f"page {index}: {page.shape[1]}x{page.shape[0]} px is too small to read")
        out.append(np.ascontiguousarray(page))
    return out
