"""The contract's printed format (``layout``) is drawn without moving any other value of the world."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import asdict

import pytest

from seed_data.documents import build_content
from seed_data.world.generator import generate_world
from seed_data.world.records import World

# Digests of every contract's content in the demo and tiny worlds (seed 0), taken before the layout
# field existed: the model text must not consume draws from the content stream.
BEFORE = {
    "demo": {"construction_contract": (46, "af3f9f322a181079"), "freight_contract": (282, "7d9803de0db053b9"),
             "lease_contract": (854, "bed3f04b2109de06"), "sales_contract": (574, "c0e55c42c420de53")},
    "tiny": {"construction_contract": (1, "dab0af46e49ea4a3"), "freight_contract": (8, "3b229b753d5ca978"),
             "lease_contract": (20, "b62785690c5dd7c8"), "sales_contract": (14, "7aad23a89ba23bbd")},
}




@pytest.fixture(scope="module")
def demo_world() -> World:
    return generate_world(0, "demo")


def content_digest(world: World, doc_type: str) -> tuple[int, str]:
    """(items, sha256 prefix) of every content record of ``doc_type``, its layout left out."""
    records = []
    for merchant in world.merchants:
        for item in merchant.evidence:
            if item.doc_type == doc_type:
                content = {k: v for k, v in asdict(build_content(world, merchant, item)).items() if k != "layout"}
                records.append(json.dumps(content, sort_keys=True, default=str, ensure_ascii=False))
    return len(records), hashlib.sha256("\n".join(records).encode()).hexdigest()[:16]


@pytest.mark.parametrize("size", sorted(BEFORE))
def test_layout_leaves_every_other_value_unchanged(size: str, demo_world: World) -> None:
    world = demo_world if size == "demo" else generate_world(0, size)
    for doc_type, expected in BEFORE[size].items():
        assert content_digest(world, doc_type) == expected, doc_type


def test_model_text_share(demo_world: World) -> None:
    counts: Counter[tuple[str, str]] = Counter()
    for merchant in demo_world.merchants:
        for item in merchant.evidence:
            if item.doc_type.endswith("_contract"):
                c = build_content(demo_world, merchant, item)
                kind = "machinery" if c.doc_type == "lease_contract" and c.merchant_is_a else c.doc_type
                counts[(kind, c.layout)] += 1
    share = {k: counts[(k, "model")] / sum(n for (kind, _), n in counts.items() if kind == k)
             for k in ("sales_contract", "freight_contract", "lease_contract")}
    assert 0.22 < share["sales_contract"] < 0.38 and 0.22 < share["freight_contract"] < 0.38
    assert 0.33 < share["lease_contract"] < 0.47
    assert counts[("machinery", "model")] == 0 and counts[("construction_contract", "model")] == 0
