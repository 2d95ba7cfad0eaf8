from collections import Counter

from seed_data.world.splits import split_of


def test_splits_are_stable_and_near_70_15_15() -> None:
    counts = Counter(split_of(5, f"M{i:07d}") for i in range(20_000))
    assert split_of(5, "M0000001") == split_of(5, "M0000001")
    assert abs(counts["train"] / 20_000 - 0.70) < 0.02
    assert abs(counts["validation"] / 20_000 - 0.15) < 0.02
    assert abs(counts["test"] / 20_000 - 0.15) < 0.02
