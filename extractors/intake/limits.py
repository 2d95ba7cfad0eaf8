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
        working_side (int): Longest side, in pixels, a page is handed on at (default 4096). The
            recogniser reads text crops at this resolution and verification reads the camera's own
            pixels (screen and print cues live near the finest detail), so a 12 MP phone photo
            (4032 × 3024) is kept whole; larger photos and scans are reduced while or right after
            decoding, since everything downstream costs memory in proportion to the page's area.
        max_decode_bytes (int): Memory one upload may take to decode, in bytes (default 150 MB), judged
            from the header before decoding: Pillow's buffer at the size decoded (1 byte a pixel for
            bilevel and grey, 4 for colour) or, for a PDF, every page at the resolution rendered. A
            20-page A4 PDF at 150 DPI (131 MB) fits; a 40 MP colour PNG (160 MB) does not. A JPEG over
            it is decoded at 1/2, 1/4 or 1/8 scale (its DCT allows that for free) before being refused.
        page_seconds (float): CPU seconds one page may take to render (PDF, with reading its text
            layer) and, separately, to read (OCR, or checking the text layer) (default 20). Measured on the working thread after each page; the first page over it
            stops the upload with ``PageTooSlow`` naming the page, so an upload costs at most its pages
            before that one plus that one (whose pixels ``max_pixels`` already bounds).
    """

    max_bytes: int = 20_000_000
    max_pixels: int = 40_000_000
    max_pages: int = 20
    pdf_dpi: int = 150
    working_side: int = 4096
    max_decode_bytes: int = 150_000_000
    page_seconds: float = 20.0

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pixels", "max_pages", "pdf_dpi", "working_side", "max_decode_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"IntakeLimits.{name} must be >= 1, got {getattr(self, name)}")
        if not self.page_seconds > 0:
            raise ValueError(f"IntakeLimits.page_seconds must be > 0, got {self.page_seconds}")
