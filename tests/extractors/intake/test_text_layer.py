"""A PDF page's text layer is read with its render: visible words only, in OCR's relative geometry."""
from __future__ import annotations

import time

import pytest

from extractors.intake import read_evidence_bytes
from extractors.intake.text_layer import TextLayerTooSlow, read_text_layer
from tests.extractors.intake.bad_inputs import jpeg_bytes, pdf_bytes
from tests.extractors.intake.text_pdfs import add_text, hide_text, pixels, render


def test_a_statement_pdf_carries_its_text_by_page(statement_pdf) -> None:
    merchant, data = statement_pdf
    got = read_evidence_bytes(data, source="statement.pdf")
    assert len(got.text_layers) == got.page_count == 2
    layer = got.text_layer(0)
    assert layer.hidden_chars == 0
    lines = [" | ".join(w.value for w in line.words) for line in layer.lines]
    assert f"户名： | {merchant.name} | 账号： | {merchant.bank_account}" in lines
    assert lines[-1] == "第 1 页 共 2 页" and got.text_layer(1).lines[-1].words[0].value == "第 2 页 共 2 页"
    # Geometry is relative to the page and in reading order, as OCR's is.
    tops = [line.geometry[0][1] for line in layer.lines]
    assert tops == sorted(tops) and all(0 <= v <= 1 for w in layer.words for xy in w.geometry for v in xy)
    holder = next(w for w in layer.words if w.value == merchant.name)
    assert 0.1 < holder.geometry[0][0] < 0.2 and 0.12 < holder.geometry[0][1] < 0.15  # where the render prints it


def test_images_and_image_pdfs_have_no_text_layer() -> None:
    assert read_evidence_bytes(jpeg_bytes(), source="photo.jpg").text_layers == (None,)
    scan = read_evidence_bytes(pdf_bytes(2), source="scan.pdf")
    assert scan.text_layers == (None, None) and scan.text_layer(0) is None


def test_invisible_text_is_hidden_not_read(statement_pdf) -> None:
    _, data = statement_pdf
    got = read_evidence_bytes(hide_text(data, render(data)), source="searchable-scan.pdf")
    layer = got.text_layer(0)
    assert layer.words == () and layer.hidden_chars > 500
    assert got.text_layer(1).hidden_chars == 0  # only the first page was edited


@pytest.mark.parametrize("colour, at, why", [((255, 255, 255), (0.5, 0.02), "white on white"),
                                             ((0, 0, 0), (1.2, 0.5), "off the page")])
def test_text_no_one_can_see_is_counted_hidden(statement_pdf, colour, at, why) -> None:
    _, data = statement_pdf
    layer = read_evidence_bytes(add_text(data, "99999999.00", at, colour=colour), source="x.pdf").text_layer(0)
    assert layer.hidden_chars == 11, why
    assert not any("99999999" in w.value for w in layer.words)


def test_a_visible_addition_is_read(statement_pdf) -> None:
    _, data = statement_pdf
    layer = read_evidence_bytes(add_text(data, "88888888.00", (0.5, 0.02)), source="x.pdf").text_layer(0)
    assert layer.hidden_chars == 0 and any(w.value == "88888888.00" for w in layer.words)


def test_a_page_with_too_much_text_is_left_to_ocr(statement_pdf, monkeypatch) -> None:
    _, data = statement_pdf
    monkeypatch.setattr("extractors.intake.text_layer.MAX_TEXT_CHARS", 100)
    assert read_evidence_bytes(data, source="dense.pdf").text_layers == (None, None)


def test_reading_the_text_stops_at_the_page_deadline(statement_pdf) -> None:
    import pypdfium2 as pdfium

    _, data = statement_pdf
    pdf = pdfium.PdfDocument(data)
    try:
        with pytest.raises(TextLayerTooSlow):
            read_text_layer(pdf[0], pixels(render(data)), deadline=time.thread_time() - 1)
    finally:
        pdf.close()
