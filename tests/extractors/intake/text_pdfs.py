"""Text-layer PDFs and forgeries of them, edited with PDFium's page-object API as a forger's tool would.

Shared by the intake tests (what the text layer holds) and the pipeline tests (whether it is trusted).
"""
from __future__ import annotations

import ctypes
import io

import numpy as np
from PIL import Image, ImageDraw

from seed_data.render.fonts import font

PDF_DPI = 150  # IntakeLimits.pdf_dpi: the pixels of a rendered page


def _open(data: bytes):
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(data)


def _saved(pdf) -> bytes:
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def render(data: bytes, index: int = 0) -> Image.Image:
    """A page as intake renders it (150 DPI)."""
    pdf = _open(data)
    try:
        return pdf[index].render(scale=PDF_DPI / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def relabel(image: Image.Image, box: tuple[float, float, float, float], text: str) -> Image.Image:
    """``image`` with ``box`` (relative) painted white and ``text`` written in it, as an image editor would."""
    out = image.copy()
    w, h = out.size
    x0, y0, x1, y1 = box[0] * w, box[1] * h, box[2] * w, box[3] * h
    draw = ImageDraw.Draw(out)
    draw.rectangle((x0 - 2, y0 - 2, x1 + 2, y1 + 2), fill=(255, 255, 255))
    size = round((y1 - y0) * 0.7)
    while size > 8 and font("sans", size).getlength(text) > x1 - x0:  # the figure fits where the old one was
        size -= 1
    draw.text((x0, (y0 + y1) / 2), text, font=font("sans", size), fill=(22, 22, 26), anchor="lm")
    return out


def _insert_image(pdf, page, image: Image.Image, box: tuple[float, float, float, float]) -> None:
    """``image`` placed over ``box`` (relative to the page), on top of everything drawn before."""
    import pypdfium2 as pdfium

    width, height = page.get_size()
    obj = pdfium.PdfImage.new(pdf)
    obj.set_bitmap(pdfium.PdfBitmap.from_pil(image))
    x0, y0, x1, y1 = box
    obj.set_matrix(pdfium.PdfMatrix().scale((x1 - x0) * width, (y1 - y0) * height)
                   .translate(x0 * width, (1 - y1) * height))
    page.insert_obj(obj)


def cover_with_image(data: bytes, image: Image.Image, box: tuple[float, float, float, float] = (0, 0, 1, 1),
                     *, index: int = 0) -> bytes:
    """The PDF with ``image`` laid over ``box`` of a page, its text layer left underneath as it was."""
    pdf = _open(data)
    try:
        page = pdf[index]
        _insert_image(pdf, page, image, box)
        page.gen_content()
        return _saved(pdf)
    finally:
        pdf.close()


def hide_text(data: bytes, image: Image.Image, *, index: int = 0) -> bytes:
    """A scan-like page: ``image`` over the whole page and the text layer in PDF render mode 3 (invisible),
    as scanners write their OCR and as a forger keeps genuine text under an edited picture."""
    import pypdfium2.raw as pdfium_c

    pdf = _open(data)
    try:
        page = pdf[index]
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=1):
            pdfium_c.FPDFTextObj_SetTextRenderMode(obj.raw, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
        _insert_image(pdf, page, image, (0, 0, 1, 1))
        page.gen_content()
        return _saved(pdf)
    finally:
        pdf.close()


def add_text(data: bytes, text: str, at: tuple[float, float], *, colour: tuple[int, int, int] = (0, 0, 0),
             size: float = 10, index: int = 0) -> bytes:
    """``text`` drawn as PDF text (Helvetica) at ``at`` (relative, top left), in ``colour``."""
    import pypdfium2.raw as pdfium_c

    pdf = _open(data)
    try:
        page = pdf[index]
        width, height = page.get_size()
        obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
        encoded = (text + "\x00").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(ctypes.c_char_p(encoded), ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_SetFillColor(obj, *colour, 255)
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, at[0] * width, (1 - at[1]) * height - size)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        page.gen_content()
        return _saved(pdf)
    finally:
        pdf.close()


def word_box(layer, needle: str) -> tuple[float, float, float, float]:
    """The relative box of the first text-layer word holding ``needle``."""
    (x0, y0), (x1, y1) = next(w.geometry for w in layer.words if needle in w.value)
    return x0, y0, x1, y1


def pixels(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("RGB"))
