"""What intake hands on: the file's pages as pixels, and what identifies the file."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True, eq=False)
class Intake:
    """One accepted upload.

    ``pages`` are RGB ``uint8`` arrays of shape (height, width, 3), upright (EXIF orientation applied),
    one per image or per rendered PDF page. ``sha256`` is of the file's bytes as uploaded.
    """

    source: str
    media_type: str
    sha256: str
    size_bytes: int
    pages: tuple[np.ndarray, ...]

    @property
    def page_count(self) -> int:
        return len(self.pages)
