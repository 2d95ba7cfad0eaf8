"""The contracts' third format (``terms_table``, a large counterparty's template) moved no content value."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from seed_data.documents import build_content, contract
from seed_data.documents.lookup import evidence_item
from seed_data.render.truth import _plain
from seed_data.world.generator import generate_world
from seed_data.world.records import World

# per-item digests of every contract of the demo world (seed 0), taken at the commit before the format
BEFORE = Path(__file__).with_name("contract_content_before_terms_table.json")


def digest(content: contract.Contract) -> str:
    d = {k: v for k, v in _plain(dataclasses.asdict(content)).items() if k != "layout"}
    return hashlib.sha256(json.dumps(d, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


@pytest.fixture(scope="module")
def demo() -> World:
    return generate_world(0, "demo")


def _kind(c: contract.Contract) -> str:
    return "machinery_lease" if c.doc_type == "lease_contract" and c.merchant_is_a else c.doc_type


def test_every_contract_keeps_its_content(demo: World) -> None:
    before = json.loads(BEFORE.read_text(encoding="utf-8"))
    assert sum(map(len, before.values())) > 1_000
    for doc_type, items in before.items():
        for evidence_id, expected in items.items():
            assert digest(build_content(demo, *evidence_item(demo, evidence_id))) == expected, (doc_type, evidence_id)


def test_only_clause_contracts_move_to_the_template(demo: World) -> None:
    """The model draw is made first and unchanged: a model text stays one, the template takes clause items."""
    items = [(m, e) for m in demo.merchants for e in m.evidence if e.doc_type.endswith("_contract")]
    now = [build_content(demo, m, e).layout for m, e in items]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(contract, "TERMS_TABLE_SHARE", {})
        before = [build_content(demo, m, e).layout for m, e in items]
    assert set(before) == {"clause", "model"}
    assert all(n == b or (b, n) == ("clause", "terms_table") for n, b in zip(now, before))


def test_template_share(demo: World) -> None:
    counts: Counter[tuple[str, str]] = Counter()
    for merchant in demo.merchants:
        for item in merchant.evidence:
            if item.doc_type.endswith("_contract"):
                c = build_content(demo, merchant, item)
                counts[(_kind(c), c.layout)] += 1
    for kind, share in contract.TERMS_TABLE_SHARE.items():
        templates, clauses = counts[(kind, "terms_table")], counts[(kind, "clause")]
        assert templates, kind
        if templates + clauses >= 200:   # the kinds with enough items for a share to mean anything
            assert abs(templates / (templates + clauses) - share) < 0.07, kind
