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
