"""Per-key rate limits on writes: a token bucket per API key, so a fuzzer or a looping client cannot
register, withdraw or re-score faster than a person or a bank's batch job would.

A write is any request that changes something: every POST and DELETE, and a recompute (a GET that
records a new decision). Reads are not limited here: they change nothing and the hot one is cheap.
The buckets live in the worker process; with ``--workers N`` a key may write N times as fast.
"""
from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


class WriteLimited(Exception):
    """This key has used its writes for now; the next one is allowed after ``retry_after_s``."""

    def __init__(self, retry_after_s: int, *, burst: int, rate_per_s: float) -> None:
        super().__init__(f"too many writes with this key: at most {burst} at once and {rate_per_s:g} per second "
                         f"after that; try again in {retry_after_s} s")
        self.retry_after_s = retry_after_s


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float


class WriteLimiter:
    """Args:
        burst (int): Writes a key may make at once (the bucket's size).
        rate_per_s (float): Writes per second a key regains, up to ``burst``.
    """

    def __init__(self, *, burst: int, rate_per_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.burst, self.rate_per_s, self._clock = burst, rate_per_s, clock
        self._buckets: dict[str, _Bucket] = {}  # only keys that authenticated: bounded by the key store
        self._lock = threading.Lock()

    def take(self, key_id: str) -> None:
        """Spend one write of ``key_id``'s, or raise WriteLimited saying when the next one is due."""
        now = self._clock()
        with self._lock:
            bucket = self._buckets.setdefault(key_id, _Bucket(float(self.burst), now))
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * self.rate_per_s)
            bucket.at = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return
            wait = (1.0 - bucket.tokens) / self.rate_per_s
        raise WriteLimited(max(1, math.ceil(wait)), burst=self.burst, rate_per_s=self.rate_per_s)
