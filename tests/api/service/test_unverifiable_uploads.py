"""What a failed check means for the story merchant: junk never costs him, fraud evidence stops him.

The story of SPEC §1 goes through the real pipeline (OCR, classification, fields, verification, graph)
and the real decision; then uploads that prove nothing — a photo of a page of prose, a blurred photo of
his truck, a screenshot of his truck photo — must leave his limit and decision exactly as they were,
each stored as ``unknown``. An invoice whose amount was edited after the genuine one was filed is
fraud evidence, and stops the uplift.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime, timezone
from pathlib import Path

import cv2
import numpy as np
import pytest
from neo4j import Driver
from PIL import Image, ImageDraw

from api.demo.story import story_items, story_merchant
from extractors.ingest import IngestFailure, ingest
from extractors.intake import Consent
from extractors.pipeline import EvidenceOutcome
from graph.store import GraphFactSink
from reasoning.decide import decide
from reasoning.registry import load_model
from seed_data.render import render_evidence
from seed_data.render.fonts import font
from seed_data.render.phone import phone_capture
from seed_data.world.records import World

PROSE = ("那年春天，我们一家搬到了城南的小镇上。", "镇上有一条小河，河边种满了柳树，", "每天早上，母亲都会带我去河边散步。",
         "她说，日子要慢慢过，饭要一口一口吃。", "后来我长大了，离开了小镇，去了很远的城市，", "可每当春天来临，总会想起那条小河。")


def _prose_photo(path: Path) -> Path:
    page = Image.new("RGB", (1240, 1754), (250, 248, 240))
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(PROSE):
        draw.text((120, 160 + i * 90), line, font=font("serif", 40), fill=(20, 20, 20))
    phone_capture(page, np.random.default_rng(7)).image.save(path, quality=82)
    return path


def _blurred(photo: Path, path: Path) -> Path:
    image = np.asarray(Image.open(photo).convert("RGB"))
    Image.fromarray(cv2.GaussianBlur(image, (0, 0), 9)).save(path, quality=85)
    return path


def _screenshot(photo: Path, path: Path) -> Path:
    """The photo as a phone's gallery shows it: across the middle of a tall black screen, a status bar above."""
    image = np.asarray(Image.open(photo).convert("RGB"))
    h, w = image.shape[:2]
    screen = np.zeros((int(w * 2.16), w, 3), np.uint8)
    top = (screen.shape[0] - h) // 2
    screen[top:top + h] = image
    shot = Image.fromarray(screen)
    ImageDraw.Draw(shot).text((24, 12), "9:41", font=font("sans", 28), fill=(255, 255, 255))
    shot.save(path)
    return path


@pytest.mark.slow
def test_uploads_that_prove_nothing_never_move_the_story_merchant_and_fraud_evidence_stops_him(
        driver: Driver, loaded: World, model_dir: Path, tmp_path: Path) -> None:
    world, model = loaded, load_model(root=model_dir)
    merchant = story_merchant(world)
    sink = GraphFactSink(driver)
    consent = Consent("business_documents", "credit_limit_review", datetime.now(timezone.utc))

    def upload(*paths: Path) -> list[EvidenceOutcome]:
        results = ingest(paths, merchant_id=merchant.merchant_id, consent=consent, sink=sink, as_of=world.as_of)
        refused = [(r.source, r.message) for r in results if isinstance(r, IngestFailure)]
        assert not refused, refused
        return list(results)

    story = [render_evidence(world, merchant, item, tmp_path / "story") for item in story_items(merchant)]
    uploaded = upload(*story)
    assert "rejected" not in {r.status for r in uploaded}, [(r.source, r.status, r.reasons) for r in uploaded]
    before = decide(driver, merchant.merchant_id, as_of=world.as_of, model=model)
    assert before.decision != "decline_review"

    truck = next(p for p, item in zip(story, story_items(merchant)) if item.doc_type == "photo")
    junk = upload(_prose_photo(tmp_path / "prose.jpg"), _blurred(truck, tmp_path / "blurred.jpg"),
                  _screenshot(truck, tmp_path / "screenshot.png"))
    assert [r.status for r in junk] == ["unknown"] * 3, [(r.source, r.status, r.reasons) for r in junk]
    assert "capture_quality" in junk[1].reasons and "first_hand_capture" in junk[2].reasons
    after = decide(driver, merchant.merchant_id, as_of=world.as_of, model=model)
    assert (after.decision, after.new_limit_cny, after.review) == (before.decision, before.new_limit_cny, before.review)
    asked = {e for r in after.reasons if r.code == "verify:could_not_verify" for e in r.evidence_ids}
    assert {r.evidence_id for r in junk} <= asked

    invoice = next(i for i in story_items(merchant) if i.doc_type.endswith("invoice"))
    edited = dataclasses.replace(invoice, evidence_id=f"{invoice.evidence_id}-edited", fraud_kind="tamper_amount",
                                 true_amount_cny=invoice.amount_cny, amount_cny=int(invoice.amount_cny * 3))
    forged, = upload(render_evidence(world, merchant, edited, tmp_path / "forged"))
    assert forged.status == "rejected", forged
    stopped = decide(driver, merchant.merchant_id, as_of=world.as_of, model=model)
    assert stopped.decision == "decline_review" and stopped.uplift_cny == 0
