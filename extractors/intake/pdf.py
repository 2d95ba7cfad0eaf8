"""PDF pages to RGB pixels with PDFium; the page count is checked before anything is rendered."""
from __future__ import annotations

import math

import numpy as np

from extractors.intake.errors import CorruptPdf, TooManyPages
from extractors.intake.limits import IntakeLimits


def render_pdf(source: str, data: bytes, limits: IntakeLimits) -> tuple[np.ndarray, ...]:
    """Every page as RGB uint8 (height, width, 3) at ``limits.pdf_dpi``, or lower for an oversized page."""
    import pypdfium2 as pdfium  # heavy native library: loaded only when a PDF arrives

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CorruptPdf(source, f"cannot be opened as a PDF ({exc})") from exc
    try:
        count = len(document)
        if count == 0:
            raise CorruptPdf(source, "is a PDF with no pages")
        if count > limits.max_pages:
            raise TooManyPages(source, f"has {count:,} pages; the limit is {limits.max_pages} per upload")
        return tuple(_render_page(source, document, index, limits) for index in range(count))
    finally:
        document.close()


def _render_page(source: str, document, index: int, limits: IntakeLimits) -> np.ndarray:
    page = document[index]
    try:
        width_pt, height_pt = page.get_size()
        if not (width_pt > 0 and height_pt > 0):
            raise CorruptPdf(source, f"page {index + 1} has no area ({width_pt} × {height_pt} pt)")
        # A poster-sized page is not a bomb but a choice of resolution: render it smaller instead.
        scale = min(limits.pdf_dpi / 72, _largest_scale(width_pt, height_pt, limits.max_pixels))
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, not PDFium's native BGR
        except Exception as exc:  # PdfiumError and its relatives: anything PDFium refuses to draw
            raise CorruptPdf(source, f"page {index + 1} cannot be rendered ({exc})") from exc
        try:
            return np.array(bitmap.to_numpy()[:, :, :3], dtype=np.uint8)  # copy: the buffer dies with bitmap
        finally:
            bitmap.close()
    finally:
        page.close()


def _largest_scale(width: float, height: float, max_pixels: int) -> float:
    """The largest s with (width·s + 1)(height·s + 1) <= max_pixels: PDFium rounds each side up."""
    area, perimeter = width * height, width + height
    return (-perimeter + math.sqrt(perimeter ** 2 + 4 * area * (max_pixels - 1))) / (2 * area)
