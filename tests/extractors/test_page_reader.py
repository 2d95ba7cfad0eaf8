"""Pages are read one by one into one document; a page over its CPU budget stops the upload by name."""
from __future__ import annotations

import pytest

from extractors.intake import IntakeLimits, PageTooSlow, read_evidence_bytes
from extractors.pipeline.page_reader import read_pages
from tests.extractors.intake.bad_inputs import pdf_bytes


def test_every_page_is_read_in_order(engine) -> None:
    upload = read_evidence_bytes(pdf_bytes(3), source="three.pdf")
    document = read_pages(engine, upload, IntakeLimits())
    assert [p.page_idx for p in document.pages] == [0, 1, 2]
    assert [p.dimensions for p in document.pages] == [page.shape[:2] for page in upload.pages]


def test_a_page_over_its_cpu_budget_is_named(engine) -> None:
    upload = read_evidence_bytes(pdf_bytes(2), source="slow.pdf")
    with pytest.raises(PageTooSlow, match=r"slow\.pdf: page 1 took .* s of CPU to read; the limit is 1e-09 s"):
        read_pages(engine, upload, IntakeLimits(page_seconds=1e-9))


def test_an_image_pdf_is_ocrd_as_before(engine) -> None:
    upload = read_evidence_bytes(pdf_bytes(2), source="scan.pdf")
    document = read_pages(engine, upload, IntakeLimits())
    assert [p.source for p in document.pages] == ["ocr", "ocr"] and document.text_layer_pages == ()
    assert document.engine_version == engine.version  # no page is said to come from a text layer


def test_a_text_layer_page_has_ocrs_shape(statement_pdf, engine) -> None:
    upload = read_evidence_bytes(statement_pdf[1], source="statement.pdf")
    document = read_pages(engine, upload, IntakeLimits())
    page = document.pages[1]
    assert page.source == "text_layer" and page.page_idx == 1 and page.dimensions == upload.pages[1].shape[:2]
    assert len(page.blocks) > 3  # header, account block, table, totals: laid out as OCR's spans are
    text = document.render()
    assert "账户交易明细" in text and "第 2 页 共 2 页" in text
