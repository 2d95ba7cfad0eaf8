from datetime import date

import pytest

from seed_data.numbers.luhn import luhn_is_valid
from seed_data.numbers.plates import plate_is_valid
from seed_data.numbers.resident_id import resident_id_is_valid
from seed_data.numbers.uscc import uscc_is_valid
from seed_data.numbers.vin import vin_is_valid
from seed_data.world.evidence_plan import PLANNED_DOC_TYPES
from seed_data.world.generator import generate_world
from seed_data.world.records import FRAUD_KINDS, SPLITS, World


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world(11, "tiny", n=200)


def test_same_seed_same_world_other_seed_other_world(world: World) -> None:
    assert generate_world(11, "tiny", n=200) == world
    assert generate_world(12, "tiny", n=200).merchants != world.merchants


def test_every_generated_identifier_passes_its_check(world: World) -> None:
    for m in world.merchants:
        assert uscc_is_valid(m.uscc) and m.uscc[2:8] == m.region_code
        assert resident_id_is_valid(m.owner.resident_id)
        assert luhn_is_valid(m.bank_account)
        for a in m.assets:
            if a.plate is not None:
                assert plate_is_valid(a.plate, m.region_code), a.plate
                assert vin_is_valid(a.vin)
    assert all(uscc_is_valid(p.uscc) for p in world.parties)


def test_about_one_in_ten_merchants_tries_fraud_and_every_kind_is_marked(world: World) -> None:
    fraudsters = [m for m in world.merchants if m.fraud_kinds]
    assert 0.07 <= len(fraudsters) / len(world.merchants) <= 0.13
    for m in world.merchants:
        marked = {e.fraud_kind for e in m.evidence if e.fraud_kind}
        assert marked == set(m.fraud_kinds) and marked <= set(FRAUD_KINDS)


def test_reused_documents_point_at_another_merchants_original(world: World) -> None:
    owner = {e.evidence_id: m.merchant_id for m in world.merchants for e in m.evidence}
    reused = [e for m in world.merchants for e in m.evidence if e.fraud_kind == "reused_document"]
    assert reused
    for e in reused:
        assert owner[e.reused_from] != e.merchant_id


def test_fraud_items_differ_from_the_truth_in_the_way_they_claim(world: World) -> None:
    for m in world.merchants:
        for e in m.evidence:
            if e.fraud_kind == "tamper_amount":
                assert e.amount_cny > e.true_amount_cny
            elif e.fraud_kind == "invalid_check_digit":
                assert not uscc_is_valid(e.shown_uscc)
            elif e.fraud_kind == "expired_licence":
                assert e.valid_until < world.as_of
            elif e.fraud_kind == "name_mismatch":
                assert e.shown_name != m.name
            elif e.fraud_kind == "inflated_contract":
                assert e.counterparty_id not in {link.party_id for link in m.links}


def test_evidence_is_what_the_trade_could_submit(world: World) -> None:
    by_code = {i.code: i for i in world.industries}
    for m in world.merchants:
        types = {e.doc_type for e in m.evidence if e.fraud_kind != "reused_document"} - {"photo"}
        assert types <= set(by_code[m.industry_code].evidence_types) & PLANNED_DOC_TYPES
        assert "business_licence" in types
        assert len({e.evidence_id for e in m.evidence}) == len(m.evidence)


def test_counterparties_are_shared_so_the_trade_graph_has_hubs(world: World) -> None:
    degree: dict[str, int] = {}
    for m in world.merchants:
        for link in m.links:
            degree[link.party_id] = degree.get(link.party_id, 0) + 1
    assert max(degree.values()) >= 5
    assert set(degree) == {p.party_id for p in world.parties}


def test_truth_is_plausible(world: World) -> None:
    for m in world.merchants:
        assert len(m.monthly) == 24 and m.monthly[-1].month == "2026-05"
        assert 10_000 <= m.true_limit_cny <= 3_000_000
        assert m.founded < world.as_of and m.owner.birth_date < date(2003, 1, 1)
        assert m.split in SPLITS
