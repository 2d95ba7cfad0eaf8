"""Invoices carry a real QR code whose payload repeats what is printed, in the format real ones use."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from seed_data.render import render_evidence
from seed_data.world.records import World


@pytest.mark.parametrize("doc_type", ["vat_special_invoice", "vat_ordinary_invoice", "digital_einvoice"])
def test_the_printed_qr_decodes_to_the_invoice(world: World, tmp_path: Path, doc_type: str) -> None:
    merchant, item = next((m, e) for m in world.merchants for e in m.evidence if e.doc_type == doc_type)
    path = render_evidence(world, merchant, dataclasses.replace(item, capture="clean"), tmp_path)
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    printed = {f["name"]: f["value"] for f in truth["fields"]}
    grey = cv2.cvtColor(np.asarray(Image.open(path).convert("RGB")), cv2.COLOR_RGB2GRAY)
    text, points, _ = cv2.QRCodeDetector().detectAndDecode(grey)
    assert points is not None and text.startswith("01,")
    parts = text.split(",")
    kinds = {("vat_special_invoice", "paper"): "01", ("vat_ordinary_invoice", "paper"): "04",
             ("vat_special_invoice", "electronic"): "08", ("vat_ordinary_invoice", "electronic"): "10"}
    assert parts[1] == kinds.get((doc_type, truth["content"]["layout"]), parts[1])
    assert parts[2] == printed.get("code", "")                 # 数电票: no code, the field is empty
    assert parts[3] == printed["number"]
    assert parts[4] == printed["total_amount"].lstrip("¥").replace(",", "")
    assert parts[5] == "".join(ch for ch in printed["issued"] if ch.isdigit())   # 2024年06月03日 → 20240603
    assert parts[6] == printed.get("check_code", "").replace(" ", "")
