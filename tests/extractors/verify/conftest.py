"""A handful of real renders from the tiny seed world, once per session: one invoice captured clean,
by phone, off a screen and off a print, tampered (clean and phone), and one document reused by a
second merchant. Image checks read these files; nothing is simulated inside the tests."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from seed_data.render import render_evidence
from seed_data.world.records import World


@dataclasses.dataclass(frozen=True)
class Shot:
    path: Path
    truth: dict

    @property
    def image(self) -> np.ndarray:
        return np.asarray(Image.open(self.path).convert("RGB"))


def _first(world: World, doc_type: str, skip: str | None = None):
    return next((m, e) for m in world.merchants for e in m.evidence
                if e.doc_type == doc_type and e.fraud_kind is None and m.merchant_id != skip)


@pytest.fixture(scope="session")
def shots(tiny_world: World, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Shot]:
    out = tmp_path_factory.mktemp("verify-renders")
    merchant, item = _first(tiny_world, "vat_ordinary_invoice")
    amount = item.amount_cny or 10_000
    tamper = dict(fraud_kind="tamper_amount", true_amount_cny=amount, amount_cny=int(amount * 2.5))
    variants = {
        "original": dict(capture="clean"), "clean": dict(capture="clean"), "phone": dict(capture="phone"),
        "screen": dict(capture="phone", fraud_kind="screen_recapture"),
        "print": dict(capture="phone", fraud_kind="print_recapture"),
        "tamper_clean": dict(capture="clean", **tamper), "tamper_phone": dict(capture="phone", **tamper),
    }
    found = {}
    for name, changes in variants.items():
        evidence_id = item.evidence_id if name == "original" else f"{item.evidence_id}-{name}"
        variant = dataclasses.replace(item, evidence_id=evidence_id, **changes)
        path = render_evidence(tiny_world, merchant, variant, out)
        found[name] = Shot(path, json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
    # The same invoice, submitted again by another merchant and photographed afresh.
    other, other_item = _first(tiny_world, "vat_ordinary_invoice", skip=merchant.merchant_id)
    reused = dataclasses.replace(other_item, evidence_id=f"{other_item.evidence_id}-reused", capture="phone",
                                 fraud_kind="reused_document", reused_from=item.evidence_id)
    path = render_evidence(tiny_world, other, reused, out)
    found["reused"] = Shot(path, json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
    return found


@pytest.fixture(scope="session")
def contract(tiny_world: World, engine, tmp_path_factory: pytest.TempPathFactory):
    """A signed and sealed sales contract, clean capture, with its OCR."""
    merchant, item = _first(tiny_world, "sales_contract")
    path = render_evidence(tiny_world, merchant, dataclasses.replace(item, capture="clean"),
                           tmp_path_factory.mktemp("contract"))
    image = np.asarray(Image.open(path).convert("RGB"))
    return image, engine.read([image])
