import dataclasses
import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extractors.verify.tamper import THRESHOLD, check_tamper, find_tamper
from seed_data.render import render_evidence
from seed_data.render.messaging import send


def _centre_inside(box, patch, margin=0.03):
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return patch[0] - margin <= cx <= patch[2] + margin and patch[1] - margin <= cy <= patch[3] + margin


def _edited_field_box(shot):
    """Where the edited amount lies in the captured image, image-relative."""
    field = next(f for f in shot.truth["fields"] if f["name"] == shot.truth["alteration"]["field"])
    if field["quad"] is None:
        return field["box"]
    w, h = shot.truth["image_size"]
    xs, ys = [x for x, _ in field["quad"]], [y for _, y in field["quad"]]
    return min(xs) / w, min(ys) / h, max(xs) / w, max(ys) / h


@pytest.fixture(scope="module")
def read(shots, engine):
    return {name: engine.read([shots[name].image]) for name in ("phone", "tamper_phone", "tamper_clean")}


def test_an_edited_amount_is_found_where_it_was_pasted(shots):
    tampered = shots["tamper_clean"]
    finding = find_tamper(tampered.image)
    assert _centre_inside(finding.box, tampered.truth["alteration"]["box"])


def test_the_same_page_unedited_passes_and_a_finding_says_where(shots):
    assert check_tamper(shots["clean"].image).passed is True
    # A patch of whiter, noisier paper across a row is a weak cue: the page is not verified (never
    # fraud on its own), and the reason says where to look.
    image = shots["clean"].image.copy()
    h, w = image.shape[:2]
    patch = image[h // 2:h // 2 + 24, w // 4:w // 4 + 160].astype(np.int16)
    noise = np.random.default_rng(0).normal(0, 6, patch.shape)
    image[h // 2:h // 2 + 24, w // 4:w // 4 + 160] = np.clip(np.maximum(patch, 200) + 12 + noise, 0, 255).astype(np.uint8)
    edited = check_tamper(image)
    assert edited.passed is None and edited.severity == "hard" and "at (0.2" in edited.detail_en
    assert check_tamper(shots["phone"].image).passed is True
    assert THRESHOLD > find_tamper(shots["clean"].image).score


def test_tampered_page_scores_above_its_genuine_twin(shots):
    assert find_tamper(shots["tamper_clean"].image).score > find_tamper(shots["clean"].image).score


def test_an_edited_amount_on_a_phone_photo_is_not_verified_and_the_reason_names_the_figure(shots, read):
    # Ink is a weak cue (a thin face at 720 px reads lighter too): the upload is asked for again, not fraud.
    tampered = shots["tamper_phone"]
    check = check_tamper(tampered.image, document=read["tamper_phone"])
    assert check.code == "retyped_amount" and check.passed is None
    finding = find_tamper(tampered.image, document=read["tamper_phone"])
    assert finding.cue == "retyped"
    assert _centre_inside(finding.box, _edited_field_box(tampered), margin=0.01)
    printed = tampered.truth["alteration"]["printed"].replace(",", "")
    assert printed in finding.text.replace(",", "")
    assert finding.text in check.detail_en


def test_the_genuine_phone_photo_of_that_page_passes_with_its_ocr(shots, read):
    assert check_tamper(shots["phone"].image, document=read["phone"]).passed is True


def test_on_a_clean_scan_the_retyped_amount_is_named_too(shots, read):
    finding = find_tamper(shots["tamper_clean"].image, document=read["tamper_clean"])
    assert finding.score >= THRESHOLD
    assert _centre_inside(finding.box, _edited_field_box(shots["tamper_clean"]))


PHOTOS = Path(__file__).resolve().parents[3].parent / "shared" / "photos" / "train"


@pytest.mark.skipif(not PHOTOS.is_dir(), reason="the real photographs (../shared/photos/train) are not here")
def test_a_real_photo_with_no_page_is_inconclusive_not_tampered():
    # A cow in a field: an asset photo misclassified as a document has no printed page to edit.
    image = np.asarray(Image.open(PHOTOS / "livestock" / "0001.jpg").convert("RGB"))
    check = check_tamper(image)
    assert check.passed is None and "no paper page" in check.detail_en


@pytest.fixture(scope="module")
def einvoice(tiny_world, tmp_path_factory) -> np.ndarray:
    """A genuine 数电票 as its PDF page renders: white, no noise of its own."""
    merchant, item = next((m, e) for m in tiny_world.merchants for e in m.evidence
                          if e.doc_type == "digital_einvoice" and e.fraud_kind is None)
    path = render_evidence(tiny_world, merchant, dataclasses.replace(item, capture="clean"),
                           tmp_path_factory.mktemp("einvoice"))
    return np.asarray(Image.open(path).convert("RGB"))


def _jpeg(image: np.ndarray, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, "JPEG", quality=quality)
    return np.asarray(Image.open(buf).convert("RGB"))


def test_a_genuine_born_digital_page_saved_as_jpeg_is_not_taken_for_a_patch(einvoice):
    # JPEG rings around every stroke of a noise-free page; that is the page's own coding, not an edit.
    assert check_tamper(einvoice).passed is True
    assert check_tamper(_jpeg(einvoice, 95)).passed is True
    sent = send(einvoice, ("resize_1280", "jpeg_444"), np.random.default_rng(0)).image
    assert check_tamper(sent).passed is True
