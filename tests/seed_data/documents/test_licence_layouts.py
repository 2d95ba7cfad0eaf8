"""The licences' second layouts (issue 14, held out from the extractors' development): choosing one moves
no other value of the world, the shares are the ones the modules' docstrings assume, and the new page
prints every key value the first one prints, frauds included.

One file for the four licence types (营业执照, 食品经营许可证, 道路运输经营许可证, 机动车行驶证): they share
the fingerprints below, and ``test_vehicle_licence.py`` is already the name of an extractor test.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from seed_data.documents import FRAUD_SUPPORT, build_content
from seed_data.render import render_evidence
from seed_data.render.layouts import LAYOUTS
from seed_data.world.generator import generate_world
from seed_data.world.records import World

# Fingerprints of every content value but the layout, taken before the layouts were added.
BEFORE = json.loads((Path(__file__).parent / "licence_content_before_layouts.json").read_text())
# doc type → (first layout, held-out layout, share range of the held-out layout in the demo world)
LAYOUTS_OF = {"business_licence": ("landscape", "portrait", (0.40, 0.70)),
              "food_licence": ("2015", "2023", (0.60, 0.95)),
              "road_transport_permit": ("certificate", "booklet", (0.30, 0.70)),
              "vehicle_licence": ("main_page", "open_pair", (0.45, 0.75))}
CONTENT_FRAUD = {"name_mismatch", "invalid_check_digit", "expired_licence"}


def fingerprint(content: object) -> str:
    values = {k: v for k, v in dataclasses.asdict(content).items() if k != "layout"}
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()[:16]


def fingerprints(world: World) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {t: {} for t in LAYOUTS_OF}
    for m in world.merchants:
        for e in m.evidence:
            if e.doc_type in LAYOUTS_OF:
                out[e.doc_type][e.evidence_id] = fingerprint(build_content(world, m, e))
    return out


@pytest.fixture(scope="module")
def demo() -> World:
    return generate_world(0, "demo")


def _items(world: World, doc_type: str, layout: str):
    for m in world.merchants:
        for e in m.evidence:
            if e.doc_type == doc_type and e.fraud_kind is None:
                c = build_content(world, m, e)
                if c.layout == layout:
                    yield m, e, c


def test_choosing_a_layout_moves_no_other_value(demo: World) -> None:
    assert fingerprints(generate_world(0, "tiny")) == BEFORE["tiny_seed0"]
    now = fingerprints(demo)
    digest = {t: hashlib.sha256(json.dumps(v, sort_keys=True).encode()).hexdigest()[:16] for t, v in now.items()}
    assert {t: len(v) for t, v in now.items()} == BEFORE["demo_seed0_count"]
    assert digest == BEFORE["demo_seed0_digest"]


@pytest.mark.parametrize("doc_type", sorted(LAYOUTS_OF))
def test_layout_shares(demo: World, doc_type: str) -> None:
    first, held_out, (low, high) = LAYOUTS_OF[doc_type]
    # (the third, electronic layout is tested in test_licence_electronic_layouts.py; left out here)
    contents = [c for c in (build_content(demo, m, e) for m in demo.merchants for e in m.evidence
                            if e.doc_type == doc_type) if c.layout != "electronic"]
    assert {c.layout for c in contents} == {first, held_out}
    share = sum(c.layout == held_out for c in contents) / len(contents)
    assert low <= share <= high, share
    if doc_type == "business_licence":   # the 2019 format from its first day, never a coin toss
        assert all((c.layout == "portrait") == (c.issued < date(2019, 3, 1)) for c in contents)
    if doc_type == "food_licence":       # the 2023 办法's certificate from 2023-12-01
        assert all((c.layout == "2023") == (c.issued >= date(2023, 12, 1)) for c in contents)


@pytest.mark.parametrize("doc_type", sorted(LAYOUTS_OF))
def test_held_out_layout_prints_every_key_value_of_the_first(demo: World, doc_type: str) -> None:
    first, held_out, _ = LAYOUTS_OF[doc_type]
    checked = 0
    for _, item, content in _items(demo, doc_type, held_out):
        rng = np.random.default_rng(0)
        new = LAYOUTS[doc_type](content, rng)
        old = LAYOUTS[doc_type](dataclasses.replace(content, layout=first), np.random.default_rng(0))
        keys_new = {f.name: f.value for f in new.fields if f.key}
        keys_old = {f.name: f.value for f in old.fields if f.key}
        assert keys_old.items() <= keys_new.items(), (item.evidence_id, keys_old, keys_new)
        assert all(0 <= v <= 1 for f in new.fields for v in f.box)
        assert new.image.size != old.image.size or np.abs(np.asarray(new.image, np.int16)
                                                          - np.asarray(old.image, np.int16)).max() > 0
        checked += 1
        if checked == 6:
            break
    assert checked == 6


@pytest.mark.parametrize("doc_type", sorted(LAYOUTS_OF))
def test_content_fraud_is_printed_on_the_held_out_layout(demo: World, tmp_path: Path, doc_type: str) -> None:
    _, held_out, _ = LAYOUTS_OF[doc_type]
    merchant, item, _ = next(_items(demo, doc_type, held_out))
    render_evidence(demo, merchant, item, tmp_path / "genuine")
    genuine = json.loads((tmp_path / "genuine" / f"{item.evidence_id}.json").read_text(encoding="utf-8"))
    assert genuine["content"]["layout"] == held_out
    for kind in sorted(FRAUD_SUPPORT[doc_type] & CONTENT_FRAUD):
        # (a genuine item's stated validity would be taken as the forged one: leave it unstated)
        forged = dataclasses.replace(item, fraud_kind=kind,
                                     valid_until=None if kind == "expired_licence" else item.valid_until)
        if build_content(demo, merchant, forged).layout != held_out:
            # a lapsed food licence was issued five years before: always in the 2015 format
            assert (doc_type, kind) == ("food_licence", "expired_licence")
            continue
        path = render_evidence(demo, merchant, forged, tmp_path / kind)
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        alteration = truth["alteration"]
        assert alteration["kind"] == kind and alteration["box"] is not None, (doc_type, kind)
        printed = next(f["value"] for f in truth["fields"] if f["name"] == alteration["field"])
        assert alteration["printed"] in printed, (doc_type, kind, printed)
        before = next(f["value"] for f in genuine["fields"] if f["name"] == alteration["field"])
        assert before != printed, (doc_type, kind)
