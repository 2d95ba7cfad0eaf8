"""Random streams for document content and rendering, derived from stable names rather than from global state.

Every stream is keyed on the world seed, the evidence id and a purpose ("page", "capture", …) through
sha256, so rendering one item never shifts the randomness of another and re-running gives byte-identical
files whatever order items are rendered in.
"""
from __future__ import annotations

import hashlib

import numpy as np


def stream(world_seed: int, evidence_id: str, purpose: str) -> np.random.Generator:
    """A numpy Generator unique to (world_seed, evidence_id, purpose)."""
    digest = hashlib.sha256(f"{world_seed}:{evidence_id}:{purpose}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:16], "big"))
