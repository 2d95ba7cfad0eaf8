"""Where the extraction pipeline sends what it found, and where it learns what is already known.

``extractors`` imports nothing of Bailing's, so the pipeline never sees the graph: it talks to a
``FactSink``. The graph implements it (``graph.store.GraphFactSink``); a batch job could implement it
over files. Writing is all or nothing per evidence, so a failure leaves the store as it was.
"""
from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable

from extractors.facts import EvidenceFacts
from extractors.verify.context import MerchantContext
from extractors.verify.reuse import HashIndex


@runtime_checkable
class FactSink(Protocol):
    def write(self, facts: EvidenceFacts) -> None:
        """Store one evidence and all its facts in one transaction, or raise and store nothing."""

    def context(self, merchant_id: str, *, as_of: date) -> MerchantContext:
        """The merchant's registration data and the facts of its *verified* evidence, judged on ``as_of``.

        Raises ``LookupError`` naming the merchant when it is not registered.
        """

    def hash_index(self) -> HashIndex:
        """Every stored evidence by sha256, perceptual hash and content key (for the reuse checks)."""
