import dataclasses

import pytest

from extractors.ocr import Document
from extractors.verify.tamper_fields import THRESHOLD, find_retyped_amount


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
