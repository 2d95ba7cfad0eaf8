"""The invoice's QR code against the printed figures, on real renders of the tiny seed world."""
from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from PIL import Image

from extractors.fields import extract_fields
from extractors.ocr.document import Block, Document, Line, Page, Word
from extractors.verify.invoice_qr import check_invoice_qr, parse, read_invoice_qr
from seed_data.render import render_evidence
from seed_data.render.edits import edit
from seed_data.render.messaging import send


@pytest.fixture(scope="module")
def einvoice(tiny_world, engine, tmp_path_factory):
    """A 数电票 rendered clean, and the same render with its number repainted (copy-move of digits
    from the same page), each with the fields read from its OCR."""
    merchant, item = next((m, e) for m in tiny_world.merchants for e in m.evidence
                          if e.doc_type == "digital_einvoice" and e.fraud_kind is None)
    path = render_evidence(tiny_world, merchant, dataclasses.replace(item, capture="clean"),
                           tmp_path_factory.mktemp("qr"))
    image = np.asarray(Image.open(path).convert("RGB"))
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    edited, record = edit(image, truth, "copy_move", "number", "digital", np.random.default_rng(0))
    return {name: (img, extract_fields("digital_einvoice", engine.read([img])))
            for name, img in (("genuine", image), ("edited", edited))}, record


def test_the_genuine_invoice_agrees_with_its_qr(einvoice):
    image, record = einvoice[0]["genuine"]
    check = check_invoice_qr(record, image)
    assert check.passed is True and check.severity == "hard"


def test_a_repainted_number_disagrees_with_the_qr_and_is_named(einvoice):
    pages, edit_record = einvoice
    image, record = pages["edited"]
    assert record.number == edit_record.printed          # the OCR reads the forged number
    check = check_invoice_qr(record, image)
    assert check.passed is False and check.severity == "hard"
    assert edit_record.printed in check.detail_en and edit_record.genuine in check.detail_en


def test_without_a_readable_qr_the_check_is_inconclusive(einvoice):
    image, record = einvoice[0]["genuine"]
    blank = image.copy()
    blank[: image.shape[0] // 2, : image.shape[1] // 2] = 255     # the QR's corner painted over
    assert read_invoice_qr(blank) is None
    assert check_invoice_qr(record, blank).passed is None


def test_payloads_in_the_published_format_parse_and_others_do_not():
    qr = parse("01,04,3700231360,12345678,1234.50,20240603,12345678901234567890,A1B2,")
    assert (qr.kind, qr.code, qr.number, qr.amount, qr.issued.isoformat(), qr.check_code) == (
        "04", "3700231360", "12345678", 1234.5, "2024-06-03", "12345678901234567890")
    digital = parse("01,32,,25372319205989590843,96554.00,20251017,,8F3C,")
    assert digital.code is None and digital.number == "25372319205989590843"
    assert parse("https://inv-veri.chinatax.gov.cn/") is None
    assert parse("01,04,3700231360,12345678,1234.50,20241332,,X,") is None     # no 32nd of the 13th month


def test_a_number_the_field_reader_rejected_is_still_compared_from_the_ocr(einvoice):
    # A pasted cell that drags a stray point along reads as "…057.92": no valid number for the record,
    # but the digits after the label still disagree with the QR's.
    image, record = einvoice[0]["genuine"]
    qr = read_invoice_qr(image)
    forged = qr.number[:-3] + "7.92" if len(qr.number) == 8 else qr.number[:-4] + "105.7"
    line = Line((Word("发票号码：", 0.99, ((0.7, 0.05), (0.78, 0.08))), Word(forged, 0.9, ((0.79, 0.05), (0.95, 0.08)))),
                ((0.7, 0.05), (0.95, 0.08)))
    document = Document((Page(0, image.shape[:2], (Block((line,), line.geometry),)),), "rapidocr", "test")
    unread = dataclasses.replace(record, number=None)
    check = check_invoice_qr(unread, image, document)
    assert check.passed is False and qr.number in check.detail_en
    # Without the OCR the number is unread: amount and date agree, but an invoice is not verified
    # without its identity (an edit that leaves the number unreadable must not pass).
    assert check_invoice_qr(unread, image).passed is None


@pytest.fixture(scope="module")
def phone_captures(tiny_world, tmp_path_factory):
    """Genuine invoices of seed 0 photographed by phone (modules ~2.5 px wide, blurred, JPEG), none of
    which the previous reader (the image's top-left quarter, enlarged and sharpened) could read, each
    with what it was issued with."""
    out = tmp_path_factory.mktemp("qr-phone")
    wanted = {"M0000001-E010", "M0000003-E007", "M0000003-E011", "M0000005-E009"}
    captures = []
    for merchant in tiny_world.merchants:
        for item in merchant.evidence:
            if item.evidence_id in wanted:
                path = render_evidence(tiny_world, merchant, dataclasses.replace(item, capture="phone"), out)
                content = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["content"]
                captures.append((np.asarray(Image.open(path).convert("RGB")), content))
    assert len(captures) == len(wanted)
    return captures


def _issued_with(qr, content) -> bool:
    return (qr is not None and qr.number == content["number"] and qr.code == (content["code"] or None)
            and round(qr.amount * 100) == content["amount_cents"] and qr.issued.isoformat() == content["issued"])


def test_phone_captures_are_read_and_agree_with_what_was_issued(phone_captures):
    for image, content in phone_captures:
        assert _issued_with(read_invoice_qr(image), content), content["number"]


def test_a_phone_capture_sent_through_a_chat_app_at_1280_px_is_still_read(phone_captures):
    image, content = phone_captures[0]
    sent = send(image, ("resize_1280", "jpeg_420"), np.random.default_rng(0)).image
    assert _issued_with(read_invoice_qr(sent), content)
