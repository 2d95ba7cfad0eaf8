"""Read one page at a time, each within its CPU budget, into one ``Document``: from a PDF page's own text
layer where it agrees with the page's pixels, by OCR otherwise.

Reading a 20-page statement in one call would let a single pathological page hold the worker for
as long as it takes; page by page, the first page over ``IntakeLimits.page_seconds`` stops the upload
with a ``PageTooSlow`` that names it. Time is the working thread's CPU: onnxruntime with one
intra-op thread (the pipeline's default) runs on the caller's thread.

A text layer costs ~1 s a page to check (``text_trust``) against ~5 s to OCR a statement page, and
gives the PDF's exact text. Its page comes out as OCR's would, through the same layout code
(``extractors.ocr.layout.build_page``), with each word at confidence 1.0 and ``Page.source`` set to
``"text_layer"``; the document's ``engine_version`` names those pages, so every fact says where its
text came from.
"""
from __future__ import annotations

import time
from dataclasses import replace

import numpy as np

from extractors.intake import Intake, IntakeLimits, PageTooSlow
from extractors.intake.text_layer import TextLayer
from extractors.ocr import Document, OcrEngine, Page
from extractors.ocr.layout import Span, build_page
from extractors.pipeline.text_trust import check_text_layer


def read_pages(engine: OcrEngine, intake: Intake, limits: IntakeLimits) -> Document:
    pages = []
    document = None
    for index, image in enumerate(intake.pages):
        start = time.thread_time()
        layer = intake.text_layer(index)
        if layer is not None and check_text_layer(engine, image, layer).trusted:
            page = text_layer_page(layer, index, image)
        else:
            document = engine.read([image])
            (page,) = document.pages
        spent = time.thread_time() - start
        if spent > limits.page_seconds:
            raise PageTooSlow(intake.source, f"page {index + 1} took {spent:.1f} s of CPU to read; the limit is "
                                             f"{limits.page_seconds:g} s a page")
        pages.append(replace(page, page_idx=index))
    if not pages:
        raise ValueError(f"{intake.source}: an intake with no pages")
    from_text = [p.page_idx + 1 for p in pages if p.source == "text_layer"]
    engine_name = document.engine if document is not None else engine.name
    version = document.engine_version if document is not None else engine.version
    if from_text:
        version += f"; pages {_ranges(from_text)} of {len(pages)} from the PDF's text layer"
    return Document(pages=tuple(pages), engine=engine_name, engine_version=version)


def text_layer_page(layer: TextLayer, index: int, image: np.ndarray) -> Page:
    """A trusted text layer as OCR would have returned the page: its words as spans, laid out alike."""
    height, width = image.shape[:2]
    spans = [Span(text=w.value, confidence=1.0,
                  quad=((x0 * width, y0 * height), (x1 * width, y0 * height), (x1 * width, y1 * height),
                        (x0 * width, y1 * height)))
             for w in layer.words for (x0, y0), (x1, y1) in [w.geometry]]
    return replace(build_page(spans, page_idx=index, height=height, width=width), source="text_layer")


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → "1-3, 5"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
