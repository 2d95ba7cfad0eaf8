from collections import Counter

from seed_data.expert import DECISIONS, review_world
from seed_data.world.generator import generate_world


def test_labels_are_valid_and_fraudsters_are_mostly_sent_to_review() -> None:
    world = generate_world(2, "tiny", n=300)
    labels = review_world(world)
    assert review_world(world) == labels
    assert {label.decision for label in labels} <= set(DECISIONS)
    for label in labels:
        assert 0 <= label.uplift_lo_cny <= label.uplift_hi_cny
        assert (label.uplift_hi_cny > 0) == (label.decision == "approve_uplift")
    fraud = {m.merchant_id for m in world.merchants if m.fraud_kinds}
    declined = Counter(label.decision == "decline_review" for label in labels if label.merchant_id in fraud)
    honest = Counter(label.decision == "decline_review" for label in labels if label.merchant_id not in fraud)
    assert declined[True] / len(fraud) >= 0.7
    assert honest[True] / (len(labels) - len(fraud)) <= 0.1
