"""How much one upload may cost before Bailing refuses it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IntakeLimits:
    """Limits on one uploaded file.

    Args:
        max_bytes (int): Largest file accepted (default 20 MB: a 50 MP phone JPEG is ~15 MB).
        max_pixels (int): Largest page, declared width × height (default 40 MP). Checked from the
            header, before decoding, so a small file declaring a huge image (a bomb) costs nothing.
        max_pages (int): Most PDF pages (default 20). Checked before any page is rendered.
        pdf_dpi (int): Resolution PDF pages are rendered at (default 150). PP-OCR resizes each text
            line to 48 px high, so 10 pt type at 150 DPI (~21 px) is already enough; more only costs time.
    """

    max_bytes: int = 20_000_000
    max_pixels: int = 40_000_000
    max_pages: int = 20
    pdf_dpi: int = 150

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pixels", "max_pages", "pdf_dpi"):
            if getattr(self, name) < 1:
                raise ValueError(f"IntakeLimits.{name} must be >= 1, got {getattr(self, name)}")
