"""What every OCR engine is: pages in, one docTR-shaped ``Document`` out."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from extractors.ocr.document import Document


@runtime_checkable
class OcrEngine(Protocol):
    """Reads page images.

    Pages are ``uint8`` arrays, RGB ``(H, W, 3)`` or grey ``(H, W)``, as docTR takes them. ``name`` and
    ``version`` are recorded on every fact the document leads to.
    """

    name: str
    version: str

    def read(self, pages: Sequence[np.ndarray]) -> Document: ...
