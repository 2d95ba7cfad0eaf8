"""PDF pages to RGB pixels with PDFium; page count and memory are checked before anything is rendered.

PDFium renders at the scale asked, so a page is drawn straight at the working resolution: never larger
than ``pdf_dpi``, than ``working_side`` on its longer side, or than ``max_pixels``. What the whole
document will take at those scales is summed from the page sizes (read without rendering) and judged
against ``max_decode_bytes`` first.

Each page's text layer is read alongside its render (``text_layer.py``), within the same CPU budget.
"""
from __future__ import annotations

import math
import time

import numpy as np

from extractors.intake.errors import CorruptPdf, DecodeTooLarge, PageTooSlow, TooManyPages
from extractors.intake.limits import IntakeLimits
from extractors.intake.stored_pages import StoredPages
from extractors.intake.text_layer import TextLayer, TextLayerTooSlow, read_text_layer


def render_pdf(source: str, data: bytes,
               limits: IntakeLimits) -> tuple[StoredPages, tuple[TextLayer | None, ...]]:
    """Every page as RGB uint8 (height, width, 3) at ``limits.pdf_dpi``, or lower for an oversized page,
    written out as each is rendered (``StoredPages``), and its text layer (None where it has none)."""
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
        _check_budget(source, [document.get_page_size(i) for i in range(count)], limits)
        layers: list[TextLayer | None] = []

        def rendered():   # one page's pixels alive at a time: each is stored as soon as it is drawn
            for index in range(count):
                image, layer = _render_page(source, document, index, limits)
                layers.append(layer)
                yield image
        pages = StoredPages(rendered())
        return pages, tuple(layers)
    finally:
        document.close()


def _render_page(source: str, document, index: int, limits: IntakeLimits) -> tuple[np.ndarray, TextLayer | None]:
    page = document[index]
    try:
        width_pt, height_pt = page.get_size()
        if not (width_pt > 0 and height_pt > 0):
            raise CorruptPdf(source, f"page {index + 1} has no area ({width_pt} × {height_pt} pt)")
        # A poster-sized page is not a bomb but a choice of resolution: render it smaller instead.
        scale = _scale(width_pt, height_pt, limits)
        start = time.thread_time()  # PDFium draws on this thread
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, not PDFium's native BGR
        except Exception as exc:  # PdfiumError and its relatives: anything PDFium refuses to draw
            raise CorruptPdf(source, f"page {index + 1} cannot be rendered ({exc})") from exc
        spent = time.thread_time() - start
        if spent > limits.page_seconds:
            bitmap.close()
            raise _too_slow(source, index, spent, limits)
        try:
            image = np.array(bitmap.to_numpy()[:, :, :3], dtype=np.uint8)  # copy: the buffer dies with bitmap
        finally:
            bitmap.close()
        try:  # the render and the text layer share the page's budget
            layer = read_text_layer(page, image, deadline=start + limits.page_seconds)
        except TextLayerTooSlow:
            raise _too_slow(source, index, time.thread_time() - start, limits) from None
        except Exception:  # PdfiumError and its relatives: a text layer PDFium cannot read is left to OCR
            layer = None
        return image, layer
    finally:
        page.close()


def _too_slow(source: str, index: int, spent: float, limits: IntakeLimits) -> PageTooSlow:
    return PageTooSlow(source, f"page {index + 1} took {spent:.1f} s of CPU to render; the limit is "
                               f"{limits.page_seconds:g} s a page (a page of vector art this heavy is no "
                               f"scan or statement: send a photo or a scan of it)")


def _scale(width_pt: float, height_pt: float, limits: IntakeLimits) -> float:
    """Points to pixels: ``pdf_dpi``, unless the page would pass the working side or the pixel limit."""
    return min(limits.pdf_dpi / 72, (limits.working_side - 1) / max(width_pt, height_pt),
               _largest_scale(width_pt, height_pt, limits.max_pixels))


def _check_budget(source: str, sizes: list[tuple[float, float]], limits: IntakeLimits) -> None:
    """Every page is kept (3 bytes a pixel) and one at a time is also held as PDFium's bitmap."""
    pages = [_pixels(w, h, limits) * 3 for w, h in sizes if w > 0 and h > 0]
    need = sum(pages) + max(pages, default=0)
    if need > limits.max_decode_bytes:
        raise DecodeTooLarge(source, f"has {len(sizes)} pages that take {need / 1e6:,.0f} MB at "
                                     f"{limits.pdf_dpi} DPI; the limit is {limits.max_decode_bytes / 1e6:,.0f} MB "
                                     f"per upload (send fewer or smaller pages)")


def _pixels(width_pt: float, height_pt: float, limits: IntakeLimits) -> int:
    scale = _scale(width_pt, height_pt, limits)
    return math.ceil(width_pt * scale + 1) * math.ceil(height_pt * scale + 1)  # PDFium rounds each side up


def _largest_scale(width: float, height: float, max_pixels: int) -> float:
    """The largest s with (width·s + 1)(height·s + 1) <= max_pixels: PDFium rounds each side up."""
    area, perimeter = width * height, width + height
    return (-perimeter + math.sqrt(perimeter ** 2 + 4 * area * (max_pixels - 1))) / (2 * area)
