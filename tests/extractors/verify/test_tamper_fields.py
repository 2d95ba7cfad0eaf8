import dataclasses

import numpy as np
import pytest
from PIL import Image

from extractors.ocr import Document
from extractors.verify.tamper_fields import THRESHOLD, find_retyped_amount
from seed_data.render import render_evidence


@pytest.fixture(scope="module")
def edited(shots, engine):
    """A phone photo of an invoice whose total was pasted over and retyped, and its OCR."""
    shot = shots["tamper_phone"]
    return shot, engine.read([shot.image])


def _without(document: Document, text: str) -> Document:
    page = document.pages[0]
    blocks = tuple(dataclasses.replace(b, lines=tuple(
        dataclasses.replace(line, words=tuple(w for w in line.words if w.value != text)) for line in b.lines))
        for b in page.blocks)
    return dataclasses.replace(document, pages=(dataclasses.replace(page, blocks=blocks),))


def test_the_retyped_total_is_the_suspect_amount(edited):
    shot, document = edited
    finding = find_retyped_amount(shot.image, document)
    assert finding.score >= THRESHOLD
    assert shot.truth["alteration"]["printed"].replace(",", "") in finding.text.replace(",", "")


def test_the_rest_of_that_page_is_consistent(edited):
    shot, document = edited
    suspect = find_retyped_amount(shot.image, document).text
    assert find_retyped_amount(shot.image, _without(document, suspect)).score < THRESHOLD


def test_a_page_with_nothing_read_is_not_suspect(edited):
    shot, document = edited
    empty = dataclasses.replace(document, pages=(dataclasses.replace(document.pages[0], blocks=()),))
    assert find_retyped_amount(shot.image, empty).score == 0.0


def test_a_seal_stamped_across_a_genuine_total_does_not_make_it_retyped(tiny_world, engine, tmp_path):
    # This statement's bank seal overlaps 本期支出合计 on the phone photo: the seal's red is its own ink.
    merchant = next(m for m in tiny_world.merchants if m.merchant_id == "M0000004")
    item = next(e for e in merchant.evidence if e.evidence_id == "M0000004-E003")
    photo = dataclasses.replace(item, evidence_id=f"{item.evidence_id}-phone", capture="phone")
    image = np.asarray(Image.open(render_evidence(tiny_world, merchant, photo, tmp_path)).convert("RGB"))
    assert find_retyped_amount(image, engine.read([image])).score < THRESHOLD
