"""Train / validation / test assignment by a hash of (seed, merchant id).

A hash, not a draw, so a merchant keeps its split when the world grows, and sha256, not ``hash()``,
whose value changes with PYTHONHASHSEED.
"""
from __future__ import annotations

import hashlib

SPLIT_SHARES = (("train", 0.70), ("validation", 0.15), ("test", 0.15))


def split_of(seed: int, merchant_id: str) -> str:
    digest = hashlib.sha256(f"{seed}:{merchant_id}".encode()).digest()
    u = int.from_bytes(digest[:8], "big") / 2**64
    edge = 0.0
    for name, share in SPLIT_SHARES:
        edge += share
        if u < edge:
            return name
    return SPLIT_SHARES[-1][0]
