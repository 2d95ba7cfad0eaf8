from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from PIL import Image

from extractors.ocr import BadPage, RapidOcrEngine
from extractors.text import compact
from seed_data.render import render_evidence


def test_reads_a_rendered_licence_into_the_document_tree(rendered) -> None:
    licence = rendered["business_licence"]
    document = licence.document
    assert document.engine == "rapidocr"
    assert "rapidocr 3.10.0" in document.engine_version and "PP-OCRv6" in document.engine_version
    page = document.pages[0]
    assert page.dimensions == tuple(licence.truth["image_size"][::-1])
    words = [w for b in page.blocks for line in b.lines for w in line.words]
    assert len(words) > 10
    for word in words:
        (x0, y0), (x1, y1) = word.geometry
        assert 0.0 <= x0 <= x1 <= 1.0 and 0.0 <= y0 <= y1 <= 1.0
        assert 0.0 < word.confidence <= 1.0
    text = compact(document.render())
    assert licence.key("uscc") in text and compact(licence.key("name")) in text


def test_label_and_value_on_one_row_share_a_line(rendered) -> None:
    licence = rendered["business_licence"]
    lines = [compact(line.render()) for b in licence.document.pages[0].blocks for line in b.lines]
    name = compact(licence.key("name"))
    assert any(line.startswith("名称") and name in line for line in lines)


@pytest.mark.parametrize("page, message", [
    (np.zeros((100, 100, 3), dtype=np.float32), "dtype"),
    (np.zeros((100, 100, 5), dtype=np.uint8), "shape"),
    (np.zeros((4, 100, 3), dtype=np.uint8), "too small"),
])
def test_bad_pages_are_refused_before_reading(page, message) -> None:
    with pytest.raises(BadPage, match=message):
        RapidOcrEngine().read([page])


def test_a_blank_page_reads_as_an_empty_page() -> None:
    document = RapidOcrEngine().read([np.full((200, 300), 255, dtype=np.uint8)])
    assert document.pages[0].blocks == () and document.pages[0].dimensions == (200, 300)


def test_openvino_at_f32_reads_exactly_what_onnxruntime_reads(rendered) -> None:
    # The default backend changed for speed, not for what it reads: a clean licence and a phone
    # capture of an e-invoice come out identical, word for word and score for score to 3 places.
    for doc_type in ("business_licence", "digital_einvoice"):
        page = np.asarray(Image.open(rendered[doc_type].image).convert("RGB"))
        ours = RapidOcrEngine(backend="openvino", precision="f32").read([page])
        reference = RapidOcrEngine(backend="onnxruntime").read([page])
        assert ours.render() == reference.render()
        assert [round(w.confidence, 3) for w in _words(ours)] == [round(w.confidence, 3) for w in _words(reference)]


def test_the_engine_version_names_its_runtime_and_precision() -> None:
    assert RapidOcrEngine().version.endswith("openvino f32; tables (100+ lines) bf16 160 px")
    assert RapidOcrEngine(precision="bf16", dense_lines=None).version.endswith("openvino bf16")
    assert RapidOcrEngine(backend="onnxruntime").version.endswith("onnxruntime")


def test_a_statement_page_is_read_by_the_table_recogniser_and_keeps_every_printed_value(tiny_world, tmp_path) -> None:
    merchant, item = next((m, e) for m in tiny_world.merchants for e in m.evidence
                          if e.doc_type == "bank_statement" and e.fraud_kind is None)
    image = render_evidence(tiny_world, merchant, dataclasses.replace(item, capture="clean"), tmp_path)
    truth = json.loads(image.with_suffix(".json").read_text(encoding="utf-8"))
    page = np.asarray(Image.open(image).convert("RGB"))
    engine = RapidOcrEngine()
    router = engine._engine().text_rec
    table_calls = []
    table = router.table
    router.table = lambda rec_input: table_calls.append(len(rec_input.img)) or table(rec_input)
    fast = compact(engine.read([page]).render())
    exact = compact(RapidOcrEngine(dense_lines=None).read([page]).render())
    assert table_calls and table_calls[0] >= 100
    printed = [compact(str(f["value"])) for f in truth["fields"]]
    assert len(printed) > 20
    # Whatever the exact reader finds on the page, the table reader finds too (on this page both miss
    # one printed total as the truth spells it).
    assert {v for v in printed if v not in fast} <= {v for v in printed if v not in exact}
    assert sum(v in fast for v in printed) >= 0.95 * len(printed)


@pytest.mark.parametrize("settings, message", [
    ({"backend": "tensorrt"}, "backend must be one of"),
    ({"precision": "int8"}, "precision must be one of"),
    ({"backend": "onnxruntime", "precision": "bf16"}, "f32 only"),
])
def test_unknown_runtime_settings_are_refused_when_built(settings, message) -> None:
    with pytest.raises(ValueError, match=message):
        RapidOcrEngine(**settings)


def _words(document):
    return [w for p in document.pages for b in p.blocks for line in b.lines for w in line.words]
