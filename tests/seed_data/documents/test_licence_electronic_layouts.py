"""The licences' third, held-out layout (issue 14): the 电子证照 screenshot (``electronic``) of the
营业执照, 食品经营许可证, 道路运输经营许可证 and 机动车行驶证. Choosing it moves no other value of the world
(the content fingerprints of ``test_licence_layouts.py``, taken before any layout existed, still hold:
they equal HEAD's before this layout), it appears only after its launch at the share the modules assume,
it prints every key field its paper format prints, frauds included, and a phone sends it as a screenshot.
"""
from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from seed_data.documents import FRAUD_SUPPORT, build_content, business_licence, food_licence, transport_permit
from seed_data.documents import vehicle_licence
from seed_data.render import render_evidence
from seed_data.render.layouts import LAYOUTS
from seed_data.world.generator import generate_world
from seed_data.world.records import World

# doc type → (launch date, share range of the electronic layout among items after it in the demo world)
LAUNCH = {"business_licence": (business_licence.ELECTRONIC_FROM, (0.18, 0.32)),
          "food_licence": (food_licence.NEW_FORMAT_FROM, (0.13, 0.27)),
          "road_transport_permit": (transport_permit.ELECTRONIC_FROM, (0.12, 0.40)),
          "vehicle_licence": (vehicle_licence.ELECTRONIC_FROM, (0.22, 0.38))}
CONTENT_FRAUD = {"name_mismatch", "invalid_check_digit", "expired_licence"}


@pytest.fixture(scope="module")
def demo() -> World:
    return generate_world(0, "demo")



def _electronic(world: World, doc_type: str):
    for m in world.merchants:
        for e in m.evidence:
            if e.doc_type == doc_type and e.fraud_kind is None:
                c = build_content(world, m, e)
                if c.layout == "electronic":
                    yield m, e, c


@pytest.mark.parametrize("doc_type", sorted(LAUNCH))
def test_electronic_only_after_launch_at_its_share(demo: World, doc_type: str) -> None:
    launch, (low, high) = LAUNCH[doc_type]
    pairs = [(e, build_content(demo, m, e)) for m in demo.merchants for e in m.evidence if e.doc_type == doc_type]
    when = [(e.issued if doc_type == "vehicle_licence" else c.issued, c.layout) for e, c in pairs]
    assert all(d >= launch for d, layout in when if layout == "electronic")
    after = [layout for d, layout in when if d >= launch]
    share = sum(layout == "electronic" for layout in after) / len(after)
    assert low <= share <= high, share


# The layout each type's electronic items would print in without the screenshot (for the comparison).
PAPER = {"business_licence": lambda c: "landscape" if c.issued >= business_licence.NEW_FORMAT_FROM else "portrait",
         "food_licence": lambda c: "2023", "road_transport_permit": lambda c: "certificate",
         "vehicle_licence": lambda c: "main_page"}


@pytest.mark.parametrize("doc_type", sorted(LAUNCH))
def test_electronic_prints_every_key_field_of_the_paper(demo: World, doc_type: str) -> None:
    checked = 0
    for _, item, content in _electronic(demo, doc_type):
        new = LAYOUTS[doc_type](content, np.random.default_rng(0))
        old = LAYOUTS[doc_type](dataclasses.replace(content, layout=PAPER[doc_type](content)),
                                np.random.default_rng(0))
        keys_new = {f.name: f.value for f in new.fields if f.key}
        keys_old = {f.name: f.value for f in old.fields if f.key}
        assert set(keys_old) <= set(keys_new), (item.evidence_id, keys_old, keys_new)
        # every value as the paper prints it, but the 12123 app's dates in digits
        same = {k: v for k, v in keys_old.items() if k != "inspection_until"}
        assert same.items() <= keys_new.items(), (item.evidence_id, keys_old, keys_new)
        assert new.screenshot and not new.texture and new.image.size == (750, 1624)
        assert all(0 <= v <= 1 for f in new.fields for v in f.box)
        checked += 1
        if checked == 6:
            break
    assert checked == 6


@pytest.mark.parametrize("doc_type", sorted(LAUNCH))
def test_content_fraud_is_printed_on_the_electronic_layout(demo: World, tmp_path: Path, doc_type: str) -> None:
    merchant, item, _ = next(_electronic(demo, doc_type))
    render_evidence(demo, merchant, item, tmp_path / "genuine")
    genuine = json.loads((tmp_path / "genuine" / f"{item.evidence_id}.json").read_text(encoding="utf-8"))
    assert genuine["content"]["layout"] == "electronic"
    for kind in sorted(FRAUD_SUPPORT[doc_type] & CONTENT_FRAUD):
        forged = dataclasses.replace(item, fraud_kind=kind,
                                     valid_until=None if kind == "expired_licence" else item.valid_until)
        if build_content(demo, merchant, forged).layout != "electronic":
            # a lapsed licence or permit was issued years before, before its 电子证照 (or in the 2015 format)
            assert kind == "expired_licence" and doc_type != "vehicle_licence", (doc_type, kind)
            continue
        path = render_evidence(demo, merchant, forged, tmp_path / kind)
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        alteration = truth["alteration"]
        assert alteration["kind"] == kind and alteration["box"] is not None, (doc_type, kind)
        field = next(f for f in truth["fields"] if f["name"] == alteration["field"])
        assert alteration["box"] == field["box"]
        # (a sole trader's genuine licence with no term prints no 营业期限 row at all)
        before = next((f["value"] for f in genuine["fields"] if f["name"] == alteration["field"]), None)
        assert before != field["value"], (doc_type, kind)
        if alteration["field"] == "inspection_until":   # printed 2024-03-31, altered as 2024年03月
            assert field["value"][:7] == alteration["printed"][:7].replace("年", "-"), field["value"]
        else:
            assert alteration["printed"] in field["value"], (doc_type, kind, field["value"])


@pytest.mark.parametrize("doc_type", sorted(LAUNCH))
def test_a_phone_sends_the_screenshot(demo: World, tmp_path: Path, doc_type: str) -> None:
    """A 'phone' capture of the screen is the screenshot the phone sends, as for a payment screen: the
    whole image, never a page photographed on a desk; no paper grain."""
    merchant, item, _ = next(_electronic(demo, doc_type))
    path = render_evidence(demo, merchant, dataclasses.replace(item, capture="phone"), tmp_path)
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert truth["image_size"] == truth["page_size"] == [750, 1624]
    assert not any(e.startswith(("perspective", "tilt")) for e in truth["effects"]), truth["effects"]
    assert any(e.startswith("jpeg") for e in truth["effects"])


@pytest.mark.parametrize("doc_type", sorted(LAUNCH))
def test_recaptured_and_reused_screenshots_render(demo: World, tmp_path: Path, doc_type: str) -> None:
    """The variants without a content change: the phone's screen photographed, the screenshot printed and
    photographed, the same screenshot sent again by another item."""
    merchant, item, _ = next(_electronic(demo, doc_type))
    for kind in sorted(FRAUD_SUPPORT[doc_type] - CONTENT_FRAUD):
        variant = dataclasses.replace(item, fraud_kind=kind,
                                      reused_from=item.evidence_id if kind == "reused_document" else None)
        path = render_evidence(demo, merchant, variant, tmp_path / kind)
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert truth["alteration"]["kind"] == kind and truth["content"]["layout"] == "electronic", kind
