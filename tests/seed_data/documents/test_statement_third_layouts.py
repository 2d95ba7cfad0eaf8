"""The statements' third, held-out layouts move no other value of the world.

``statements_before_third_layouts.json`` holds, for every bank and payment statement of the demo and tiny
worlds (seed 0), its layout and a digest of its content taken before these layouts existed: the digest
leaves out ``layout`` (and, for a payment statement, ``platform``, which the provider's 对账单 names).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest

from seed_data.documents import build_content
from seed_data.documents.bank_statement import DEBIT_CREDIT_BANKS, SIGNED_AMOUNT_BANKS
from seed_data.documents.lookup import evidence_item
from seed_data.documents.payment_statement import ACQUIRER_BRAND, PLATFORMS
from seed_data.render.truth import _plain
from seed_data.world.generator import generate_world
from seed_data.world.records import World

BEFORE = json.loads(Path(__file__).with_name("statements_before_third_layouts.json").read_text(encoding="utf-8"))
MOVABLE = {"bank_statement": {"layout"}, "payment_statement": {"layout", "platform"}}
THIRD = {"bank_statement": "debit_credit", "payment_statement": "acquirer"}


def digest(content) -> str:
    d = {k: v for k, v in _plain(dataclasses.asdict(content)).items() if k not in MOVABLE[content.doc_type]}
    return hashlib.sha256(json.dumps(d, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


@pytest.fixture(scope="module")
def worlds() -> dict[str, World]:
    return {size: generate_world(0, size) for size in BEFORE}


@pytest.mark.parametrize("size", sorted(BEFORE))
@pytest.mark.parametrize("doc_type", sorted(THIRD))
def test_only_the_layout_moves(worlds: dict[str, World], size: str, doc_type: str) -> None:
    world, moved = worlds[size], 0
    for evidence_id, (layout, expected) in BEFORE[size][doc_type].items():
        content = build_content(world, *evidence_item(world, evidence_id))
        assert digest(content) == expected, evidence_id
        assert content.layout in (layout, THIRD[doc_type]), evidence_id
        moved += content.layout != layout
    assert size == "tiny" or moved > 0


def test_industrial_and_commercial_bank_prints_debit_credit(worlds: dict[str, World]) -> None:
    assert DEBIT_CREDIT_BANKS.isdisjoint(SIGNED_AMOUNT_BANKS)
    demo = worlds["demo"]
    for merchant in demo.merchants:
        for item in merchant.evidence:
            if item.doc_type == "bank_statement":
                s = build_content(demo, merchant, item)
                assert (s.layout == "debit_credit") == (s.bank in DEBIT_CREDIT_BANKS)


def test_acquirer_share_and_brand(worlds: dict[str, World]) -> None:
    demo = worlds["demo"]
    statements = [build_content(demo, m, e) for m in demo.merchants for e in m.evidence
                  if e.doc_type == "payment_statement"]
    for s in statements:
        assert (s.layout == "acquirer") == (s.platform == ACQUIRER_BRAND)
        assert s.layout == "acquirer" or s.platform in PLATFORMS
    share = sum(s.layout == "acquirer" for s in statements) / len(statements)
    assert 0.15 < share < 0.25
