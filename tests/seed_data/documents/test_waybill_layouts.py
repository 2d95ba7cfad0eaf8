"""The waybill's printed formats (``layout``) are drawn without moving any other value of the world."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from seed_data.documents import build_content
from seed_data.documents.lookup import evidence_item
from seed_data.documents.waybill import LTL_NETWORKS, PLATFORMS, layout_for
from seed_data.render.truth import _plain
from seed_data.world.generator import generate_world
from seed_data.world.records import World

# Digests of every waybill's content in the demo and tiny worlds (seed 0), taken before the layout
# existed: the platform's e-waybill must not consume draws from the content stream.
BEFORE = {"demo": (581, "0c0bd83f2c1acc20"), "tiny": (11, "04ec8540384cd4dd")}
ADDED = frozenset({"layout", "platform", "network"})
# Per-item digests of the demo world's waybills at the commit before the 零担 托运单 ("ltl") existed.
BEFORE_LTL = Path(__file__).with_name("freight_trade_before_layouts.json")


@pytest.fixture(scope="module")
def demo_world() -> World:
    return generate_world(0, "demo")


def content_digest(world: World) -> tuple[int, str]:
    records = []
    for merchant in world.merchants:
        for item in merchant.evidence:
            if item.doc_type == "waybill":
                content = {k: v for k, v in asdict(build_content(world, merchant, item)).items() if k not in ADDED}
                records.append(json.dumps(content, sort_keys=True, default=str, ensure_ascii=False))
    return len(records), hashlib.sha256("\n".join(records).encode()).hexdigest()[:16]


@pytest.mark.parametrize("size", sorted(BEFORE))
def test_layout_leaves_every_other_value_unchanged(size: str, demo_world: World) -> None:
    assert content_digest(demo_world if size == "demo" else generate_world(0, size)) == BEFORE[size]


def test_ltl_draw_leaves_every_other_value_unchanged(demo_world: World) -> None:
    for evidence_id, expected in json.loads(BEFORE_LTL.read_text(encoding="utf-8"))["waybill"].items():
        content = _plain(asdict(build_content(demo_world, *evidence_item(demo_world, evidence_id))))
        d = {k: v for k, v in content.items() if k not in ADDED}
        assert hashlib.sha256(json.dumps(d, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16] == expected


def test_layout_shares(demo_world: World) -> None:
    layouts = Counter()
    for merchant in demo_world.merchants:
        for item in merchant.evidence:
            if item.doc_type == "waybill":
                c = build_content(demo_world, merchant, item)
                layouts[c.layout] += 1
                assert (c.platform in PLATFORMS) == (c.layout == "platform")
                assert (c.network in LTL_NETWORKS) == (c.layout == "ltl")
    assert 0.28 < layouts["platform"] / (layouts["platform"] + layouts["carbon"]) < 0.42
    assert 0.19 < layouts["ltl"] / sum(layouts.values()) < 0.31


def test_no_platform_waybill_before_the_rules_took_effect(demo_world: World) -> None:
    items = [e for m in demo_world.merchants for e in m.evidence if e.doc_type == "waybill"][:200]
    for item in items:
        layout, platform = layout_for(demo_world, dataclasses.replace(item, issued=date(2019, 12, 31)))
        assert layout in ("carbon", "ltl") and platform is None
