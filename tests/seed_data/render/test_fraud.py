"""Each fraud kind leaves a visible, recorded difference from the genuine render of the same item."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from seed_data.documents import FRAUD_SUPPORT
from seed_data.numbers.uscc import uscc_is_valid
from seed_data.numbers.vin import vin_is_valid
from seed_data.render import render_evidence
from seed_data.world.records import World

CASES = {
    "tamper_amount": "vat_special_invoice",
    "screen_recapture": "business_licence",
    "print_recapture": "sales_contract",
    "name_mismatch": "vat_ordinary_invoice",
    "invalid_check_digit": "business_licence",
    "expired_licence": "food_licence",
    "inflated_contract": "lease_contract",
}


def _render(world: World, tmp: Path, doc_type: str, **changes) -> tuple[np.ndarray, dict]:
    merchant, item = next((m, e) for m in world.merchants for e in m.evidence if e.doc_type == doc_type)
    path = render_evidence(world, merchant, dataclasses.replace(item, **changes), tmp)
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"), dtype=np.int16), truth


@pytest.mark.parametrize("kind", sorted(CASES))
def test_fraud_is_visible_and_recorded(world: World, tmp_path: Path, kind: str) -> None:
    genuine, genuine_truth = _render(world, tmp_path / "genuine", CASES[kind])
    forged, truth = _render(world, tmp_path / "forged", CASES[kind], fraud_kind=kind)
    alteration = truth["alteration"]
    assert truth["fraud_kind"] == kind and alteration["kind"] == kind
    if genuine.shape == forged.shape:
        assert np.abs(genuine - forged).max() > 60           # something a viewer can see changed
    else:
        # re-photographed: new geometry; or a lapsed licence, issued years earlier in its older format
        assert kind in ("screen_recapture", "print_recapture") or \
            genuine_truth["content"].get("layout") != truth["content"].get("layout")
    if alteration["field"] is not None:
        printed = next(f for f in truth["fields"] if f["name"] == alteration["field"])
        assert printed["value"].endswith(alteration["printed"]) or alteration["printed"] in printed["value"]
        assert alteration["genuine"] != alteration["printed"]
        assert alteration["box"] is not None


def test_tamper_box_covers_the_edited_field_only(world: World, tmp_path: Path) -> None:
    genuine, _ = _render(world, tmp_path / "g", "vat_special_invoice")
    forged, truth = _render(world, tmp_path / "f", "vat_special_invoice", fraud_kind="tamper_amount")
    h, w = genuine.shape[:2]
    x0, y0, x1, y1 = truth["alteration"]["box"]
    inside = np.zeros((h, w), bool)
    inside[int(y0 * h):int(np.ceil(y1 * h)), int(x0 * w):int(np.ceil(x1 * w))] = True
    diff = np.abs(genuine - forged).max(axis=2) > 0
    assert diff[inside].mean() > 0.5 and not diff[~inside].any()


def test_forged_identifiers_fail_their_checks(world: World, tmp_path: Path) -> None:
    _, licence = _render(world, tmp_path, "business_licence", fraud_kind="invalid_check_digit")
    assert not uscc_is_valid(next(f["value"] for f in licence["fields"] if f["name"] == "uscc"))
    _, vehicle = _render(world, tmp_path, "vehicle_licence", fraud_kind="invalid_check_digit")
    assert not vin_is_valid(next(f["value"] for f in vehicle["fields"] if f["name"] == "vin"))


def test_expired_licence_ends_before_it_is_submitted(world: World, tmp_path: Path) -> None:
    _, truth = _render(world, tmp_path, "food_licence", fraud_kind="expired_licence")
    assert truth["content"]["valid_until"] < truth["content"]["issued"] or \
        truth["content"]["valid_until"] < "2024-06-05"


def test_reused_document_shows_the_original_content(world: World, tmp_path: Path) -> None:
    (m1, original), (m2, other) = [(m, e) for m in world.merchants for e in m.evidence
                                   if e.doc_type == "business_licence"][:2]
    render_evidence(world, m1, original, tmp_path)
    reused = dataclasses.replace(other, fraud_kind="reused_document", reused_from=original.evidence_id)
    path = render_evidence(world, m2, reused, tmp_path)
    a = json.loads((tmp_path / f"{original.evidence_id}.json").read_text(encoding="utf-8"))
    b = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert b["reused_from"] == original.evidence_id and b["alteration"]["kind"] == "reused_document"
    assert [f["value"] for f in a["fields"]] == [f["value"] for f in b["fields"]]
    assert path.read_bytes() == (tmp_path / f"{original.evidence_id}.png").read_bytes()


def test_unsupported_combination_is_refused(world: World, tmp_path: Path) -> None:
    merchant, item = next((m, e) for m in world.merchants for e in m.evidence if e.doc_type == "waybill")
    with pytest.raises(ValueError, match="no meaning"):
        render_evidence(world, merchant, dataclasses.replace(item, fraud_kind="expired_licence"), tmp_path)


ADDED = ("property_certificate", "vehicle_registration", "vehicle_transport_cert", "qualification_cert",
         "construction_contract", "purchase_order", "delivery_note")


@pytest.mark.parametrize("doc_type", ADDED)
def test_every_content_fraud_an_added_type_supports_is_printed_and_recorded(world: World, tmp_path: Path,
                                                                            doc_type: str) -> None:
    genuine, _ = _render(world, tmp_path / "genuine", doc_type)
    kinds = sorted(FRAUD_SUPPORT[doc_type] & {"name_mismatch", "invalid_check_digit", "expired_licence", "tamper_amount"})
    assert "name_mismatch" in kinds
    for kind in kinds:
        forged, truth = _render(world, tmp_path / kind, doc_type, fraud_kind=kind)
        assert truth["alteration"] is not None and truth["alteration"]["kind"] == kind, (doc_type, kind)
        # (a forged VIN is shown on the open booklet, a page of another shape than page 1 alone)
        assert forged.shape != genuine.shape or np.abs(forged - genuine).max() > 0, (doc_type, kind)
