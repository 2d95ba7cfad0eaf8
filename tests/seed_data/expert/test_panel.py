"""The review panel judges from the file a bank holds, and agrees with itself as real panels do."""
import dataclasses
import itertools

import pytest

from seed_data.expert import PANEL, labelling_officer, panel_review
from seed_data.expert.panel import review_by
from seed_data.world.generator import generate_world
from seed_data.world.records import DECISIONS


@pytest.fixture(scope="module")
def world():
    return generate_world(0, "demo")


def _agrees(a, b) -> bool:
    # Officer A grants the middle of its band; B's label accepts it (the rule of reasoning.agreement).
    if a.decision != b.decision:
        return False
    middle = (a.uplift_lo_cny + a.uplift_hi_cny) / 2
    return a.decision != "approve_uplift" or b.uplift_lo_cny <= middle <= b.uplift_hi_cny


def test_every_officer_labels_every_merchant_validly_and_the_same_way_twice(world) -> None:
    labels = panel_review(world)
    assert panel_review(world) == labels
    assert len(labels) == len(world.merchants)
    for merchant, reviews in zip(world.merchants, labels):
        assert [r.officer for r in reviews] == [o.name for o in PANEL]
        for r in reviews:
            assert r.merchant_id == merchant.merchant_id and r.decision in DECISIONS
            assert (r.uplift_hi_cny > 0) == (r.decision == "approve_uplift")
            assert r.decision != "approve_uplift" or 5_000 <= r.uplift_lo_cny <= r.uplift_hi_cny


def test_officers_agree_with_each_other_as_real_panels_do(world) -> None:
    labels = panel_review(world)
    pairs = [_agrees(r[a], r[b]) for r in labels for a, b in itertools.permutations(range(len(PANEL)), 2)]
    assert 0.80 <= sum(pairs) / len(pairs) <= 0.90


def test_an_officer_never_sees_the_hidden_truth(world) -> None:
    industries = {ind.code: ind for ind in world.industries}
    index, merchant = next((i, m) for i, m in enumerate(world.merchants) if not m.fraud_kinds)
    hidden = dataclasses.replace(
        merchant, true_limit_cny=merchant.true_limit_cny * 3, gross_margin=0.9,
        monthly=tuple(dataclasses.replace(f, revenue_cny=f.revenue_cny * 5) for f in merchant.monthly))
    for k in range(len(PANEL)):
        industry = industries[merchant.industry_code]
        assert review_by(k, world.seed, index, hidden, industry) == review_by(k, world.seed, index, merchant, industry)


def test_what_the_statement_prints_and_the_assets_shown_move_the_view(world) -> None:
    industries = {ind.code: ind for ind in world.industries}
    index, merchant = next((i, m) for i, m in enumerate(world.merchants)
                           if not m.fraud_kinds and any(e.doc_type == "photo" and e.asset_id for e in m.evidence))
    industry = industries[merchant.industry_code]
    view = review_by(1, world.seed, index, merchant, industry).view_cny
    inflated = dataclasses.replace(merchant, evidence=tuple(
        dataclasses.replace(e, amount_cny=e.amount_cny * 2) if e.doc_type == "bank_statement" else e
        for e in merchant.evidence))
    assert review_by(1, world.seed, index, inflated, industry).view_cny > view
    unshown = dataclasses.replace(merchant, evidence=tuple(
        e for e in merchant.evidence if e.doc_type not in ("photo", "vehicle_licence", "vehicle_registration",
                                                           "property_certificate")))
    assert review_by(1, world.seed, index, unshown, industry).view_cny < view


def test_officers_catch_most_fraud_and_each_merchant_has_one_labelling_officer(world) -> None:
    labels = panel_review(world)
    fraud = [r for m, r in zip(world.merchants, labels) if m.fraud_kinds]
    for k in range(len(PANEL)):
        assert sum(r[k].decision == "decline_review" for r in fraud) / len(fraud) >= 0.8
    officers = [labelling_officer(world.seed, i) for i in range(len(world.merchants))]
    assert set(officers) == set(range(len(PANEL)))
    assert officers == [labelling_officer(world.seed, i) for i in range(len(world.merchants))]
