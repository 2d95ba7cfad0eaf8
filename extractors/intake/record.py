"""What intake hands on: the file's pages as pixels, and what identifies the file."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from extractors.intake.text_layer import TextLayer


@dataclass(frozen=True, slots=True, eq=False)
class Intake:
    """One accepted upload.

    ``pages`` are RGB ``uint8`` arrays of shape (height, width, 3), upright (EXIF orientation applied),
    one per image or per rendered PDF page. ``sha256`` is of the file's bytes as uploaded.
    ``text_layers`` holds, by page, a PDF page's text layer where it has one, else None (an image, a
    scan); it is the PDF's claim about the page, not yet checked against the pixels.
    """

    source: str
    media_type: str
    sha256: str
    size_bytes: int
    pages: Sequence[np.ndarray]          # a tuple of arrays, or a PDF's StoredPages (read back one at a time)
    text_layers: tuple[TextLayer | None, ...] = ()

    def text_layer(self, index: int) -> TextLayer | None:
        return self.text_layers[index] if index < len(self.text_layers) else None

    @property
    def page_count(self) -> int:
        return len(self.pages)
