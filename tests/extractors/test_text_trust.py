"""A PDF's text layer stands in for OCR only where it says what the page shows; forged pages are OCR'd."""
from __future__ import annotations

import pytest

from extractors.fields import extract_fields
from extractors.intake import IntakeLimits, read_evidence_bytes
from extractors.ocr import Document
from extractors.pipeline.page_reader import read_pages
from extractors.pipeline.text_trust import check_text_layer
from tests.extractors.intake.text_pdfs import (add_text, cover_with_image, hide_text, relabel, render,
                                               word_box)


def _total_credit(data: bytes) -> tuple[float, tuple[float, float, float, float]]:
    layer = read_evidence_bytes(data, source="statement.pdf").text_layer(0)
    word = next(w.value for w in layer.words if "本期收入合计" in w.value)
    return float(word.split("：")[-1].replace(",", "")), word_box(layer, "本期收入合计")


def _edited_render(data: bytes):
    """Page 1 as rendered, its 本期收入合计 repainted with a larger figure (first digit 9), as an image
    editor would; and the box and the figure painted."""
    value, box = _total_credit(data)
    shown = f"{value:,.2f}"
    shown = "9" + shown[1:] if shown[0] != "9" else "1" + shown
    return relabel(render(data), box, f"本期收入合计： {shown}"), box, float(shown.replace(",", ""))


def _statement(document: Document, pages: slice = slice(None)):
    return extract_fields("bank_statement", Document(document.pages[pages], document.engine,
                                                     document.engine_version))


def test_a_born_digital_statement_is_read_from_its_text_layer(statement_pdf, engine) -> None:
    merchant, data = statement_pdf
    upload = read_evidence_bytes(data, source="statement.pdf")
    document = read_pages(engine, upload, IntakeLimits())
    assert document.text_layer_pages == (0, 1)
    assert "pages 1-2 of 2 from the PDF's text layer" in document.engine_version
    assert {w.confidence for p in document.pages for b in p.blocks for l in b.lines for w in l.words} == {1.0}
    from_text = _statement(document, slice(0, 1))
    by_ocr = _statement(engine.read([upload.pages[0]]))
    assert (from_text.holder_name, from_text.account) == (merchant.name, merchant.bank_account)
    assert (by_ocr.holder_name, by_ocr.account) == (from_text.holder_name, from_text.account)
    assert len(from_text.rows) == 18
    assert [(r.credit, r.debit, r.balance) for r in from_text.rows] == [(r.credit, r.debit, r.balance)
                                                                        for r in by_ocr.rows]
    assert (from_text.opening, from_text.closing, from_text.total_credit, from_text.total_debit) == \
        (by_ocr.opening, by_ocr.closing, by_ocr.total_credit, by_ocr.total_debit)


@pytest.mark.parametrize("how", ["patch over the figure", "whole page image over the text"])
def test_a_picture_edited_over_the_genuine_text_is_ocrd(statement_pdf, engine, how) -> None:
    _, data = statement_pdf
    edited, box, painted = _edited_render(data)
    if how == "patch over the figure":
        w, h = edited.size
        grown = (box[0] - 0.01, box[1] - 0.005, box[2] + 0.01, box[3] + 0.005)
        patch = edited.crop((round(grown[0] * w), round(grown[1] * h), round(grown[2] * w), round(grown[3] * h)))
        forged = cover_with_image(data, patch, grown)
    else:
        forged = cover_with_image(data, edited)
    upload = read_evidence_bytes(forged, source="forged.pdf")
    assert upload.text_layer(0).hidden_chars == 0  # every word still shows ink: intake alone cannot tell
    verdict = check_text_layer(engine, upload.pages[0], upload.text_layer(0))
    assert not verdict.trusted and "the page shows" in verdict.reason
    document = read_pages(engine, upload, IntakeLimits())
    assert document.text_layer_pages == (1,)  # the untouched second page is still read from its text
    # What is read is what the page shows, not the text hidden under the picture.
    assert _statement(document, slice(0, 1)).total_credit == painted


def test_invisible_text_under_a_picture_is_not_trusted(statement_pdf, engine) -> None:
    _, data = statement_pdf
    edited, _, painted = _edited_render(data)
    upload = read_evidence_bytes(hide_text(data, edited), source="scan-with-text.pdf")
    verdict = check_text_layer(engine, upload.pages[0], upload.text_layer(0))
    assert not verdict.trusted and "not visible" in verdict.reason
    document = read_pages(engine, upload, IntakeLimits())
    assert document.pages[0].source == "ocr" and document.text_layer_pages == (1,)
    assert _statement(document, slice(0, 1)).total_credit == painted


def test_white_text_on_white_makes_the_page_untrusted(statement_pdf, engine) -> None:
    _, data = statement_pdf
    upload = read_evidence_bytes(add_text(data, "99999999.00", (0.5, 0.02), colour=(255, 255, 255)),
                                 source="white.pdf")
    verdict = check_text_layer(engine, upload.pages[0], upload.text_layer(0))
    assert not verdict.trusted and verdict.reason == "11 characters drawn but not visible"


def test_a_figure_shown_but_not_in_the_text_layer_is_caught(statement_pdf, engine) -> None:
    _, data = statement_pdf
    image = render(data)
    box = (0.55, 0.9, 0.75, 0.92)  # blank paper beside the disclaimer
    stamp = relabel(image, box, "88,888,888.00")
    w, h = image.size
    patch = stamp.crop((round(box[0] * w), round(box[1] * h), round(box[2] * w), round(box[3] * h)))
    upload = read_evidence_bytes(cover_with_image(data, patch, box), source="added.pdf")
    verdict = check_text_layer(engine, upload.pages[0], upload.text_layer(0))
    assert not verdict.trusted, verdict
    assert "which the text layer lacks" in verdict.reason or "not in the text layer" in verdict.reason


def test_the_genuine_page_passes_every_check(statement_pdf, engine) -> None:
    _, data = statement_pdf
    upload = read_evidence_bytes(data, source="statement.pdf")
    verdict = check_text_layer(engine, upload.pages[0], upload.text_layer(0))
    assert verdict.trusted and verdict.seen >= 0.97 and verdict.unexplained <= 0.1 and verdict.sampled == 20


def test_an_engine_that_cannot_detect_alone_never_trusts(statement_pdf, engine) -> None:
    class ReadsOnly:
        name, version = engine.name, engine.version

        def read(self, pages):
            return engine.read(pages)

    upload = read_evidence_bytes(statement_pdf[1], source="statement.pdf")
    assert not check_text_layer(ReadsOnly(), upload.pages[0], upload.text_layer(0)).trusted


@pytest.mark.parametrize("seed", [0, 1])
def test_every_genuine_statement_of_a_world_is_trusted(seed, engine, tmp_path) -> None:
    """At 640 px the detector joins a column's rows into one region and reads a small amount without its
    comma ("9779.23"): neither is text the layer lacks."""
    from seed_data.render.statement_pdf import statement_pdf
    from seed_data.world.generator import generate_world

    world = generate_world(seed, "tiny")
    statements = [(m, e) for m in world.merchants for e in m.evidence if e.doc_type == "bank_statement"][:6]
    verdicts = {}
    for merchant, item in statements:
        path = statement_pdf(world, merchant, item, tmp_path / f"{item.evidence_id}.pdf")
        upload = read_evidence_bytes(path.read_bytes(), source=path.name)
        verdicts[item.evidence_id] = check_text_layer(engine, upload.pages[0], upload.text_layer(0)).reason
    assert set(verdicts.values()) == {"text layer agrees with the page"}, verdicts
