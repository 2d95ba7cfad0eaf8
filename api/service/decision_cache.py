"""Stored decisions as ready-to-send JSON, for the hot read path.

The audit log is the truth and every worker process writes to it, so each read still asks SQLite for
the merchant's latest entry (an index lookup). What is cached per process is only the rendering of
that entry, keyed by its audit seq: a newer entry, from any worker, is simply a cache miss.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock

from api.service.audit import AuditEntry, AuditLog
from api.service.scoring import VersionWatch


class RenderedDecisions:
    """Args:
        audit (AuditLog): Where decisions are stored.
        versions (VersionWatch): The active versions; an entry under other versions is not current.
        render (Callable[[AuditEntry], bytes]): The response body for an entry.
        capacity (int): Most merchants kept rendered (default 100,000; least recently read dropped first).
    """

    def __init__(self, audit: AuditLog, versions: VersionWatch, render: Callable[[AuditEntry], bytes], *,
                 capacity: int = 100_000) -> None:
        self._audit, self._versions, self._render, self._capacity = audit, versions, render, capacity
        self._bodies: OrderedDict[str, tuple[int, bytes]] = OrderedDict()
        self._lock = Lock()

    def current(self, merchant_id: str) -> bytes | None:
        """The stored decision's body if it is current under the active versions; None otherwise."""
        head = self._audit.latest_head(merchant_id)
        if head is None:
            return None
        seq, ontology_version, model_version = head
        active = self._versions.get()
        if (ontology_version, model_version) != (active.ontology_version, active.model_version):
            return None
        with self._lock:
            hit = self._bodies.get(merchant_id)
            if hit is not None and hit[0] == seq:
                self._bodies.move_to_end(merchant_id)
                return hit[1]
        entry = self._audit.latest(merchant_id)
        if entry is None or entry.seq != seq:  # a newer one landed meanwhile: let the caller take the slow path
            return None
        body = self._render(entry)
        with self._lock:
            self._bodies[merchant_id] = (seq, body)
            if len(self._bodies) > self._capacity:
                self._bodies.popitem(last=False)
        return body
