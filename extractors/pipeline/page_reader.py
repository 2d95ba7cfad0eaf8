"""OCR one page at a time, each within its CPU budget, into one ``Document``.

Reading a 20-page statement in one call would let a single pathological page hold the worker for
as long as it takes; page by page, the first page over ``IntakeLimits.page_seconds`` stops the upload
with a ``PageTooSlow`` that names it. Time is the working thread's CPU: onnxruntime with one
intra-op thread (the pipeline's default) runs on the caller's thread.
"""
from __future__ import annotations

import time
from dataclasses import replace

from extractors.intake import Intake, IntakeLimits, PageTooSlow
from extractors.ocr import Document, OcrEngine


def read_pages(engine: OcrEngine, intake: Intake, limits: IntakeLimits) -> Document:
    pages = []
    document = None
    for index, image in enumerate(intake.pages):
        start = time.thread_time()
        document = engine.read([image])
        spent = time.thread_time() - start
        if spent > limits.page_seconds:
            raise PageTooSlow(intake.source, f"page {index + 1} took {spent:.1f} s of CPU to read; the limit is "
                                             f"{limits.page_seconds:g} s a page")
        pages.extend(replace(page, page_idx=index) for page in document.pages)
    if document is None:
        raise ValueError(f"{intake.source}: an intake with no pages")
    return replace(document, pages=tuple(pages))
