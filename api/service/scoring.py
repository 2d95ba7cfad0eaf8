"""Decisions as the service serves them: stored, and recomputed only when something changed.

Recomputing a decision reads the merchant's subgraph and runs rules and the model: tens of
milliseconds. Reads far outnumber changes, so a read serves the latest audit-log entry, and a decision
is recomputed (and recorded) when evidence arrives or is withdrawn, when the active rule-set or model
version differs from the one the stored decision was taken under, or when a caller asks.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from neo4j import Driver

from api.service import graph_reads
from api.service.audit import AuditEntry, AuditLog
from graph.records import WithdrawalReport
from graph.store import withdraw_evidence
from reasoning.decision import Decision


@dataclass(frozen=True, slots=True)
class ActiveVersions:
    ontology_version: str
    model_version: str


class Engine(Protocol):
    """What the scorer needs of the decision engine (``api.service.engine.DecisionEngine``)."""

    def versions(self) -> ActiveVersions: ...

    def decide(self, driver: Driver, merchant_id: str, *, database: str = "neo4j") -> Decision: ...


class UnknownMerchant(LookupError):
    """No Merchant node with this id."""


class Undecidable(ValueError):
    """The merchant exists but the engine cannot decide on it (e.g. no industry); the message says why."""


class VersionWatch:
    """The active versions, re-read at most every ``every_s`` seconds (reading them costs file I/O)."""

    def __init__(self, read: Callable[[], ActiveVersions], every_s: float) -> None:
        self._read, self._every_s = read, every_s
        self._lock = threading.Lock()
        self._at, self._value = -float("inf"), None

    def get(self) -> ActiveVersions:
        now = time.monotonic()
        if self._value is None or now - self._at >= self._every_s:
            with self._lock:
                if self._value is None or now - self._at >= self._every_s:
                    self._value, self._at = self._read(), now
        return self._value


class Scorer:
    def __init__(self, driver: Driver, audit: AuditLog, engine: Engine, *, version_check_s: float = 5.0,
                 database: str = "neo4j") -> None:
        self._driver, self._audit, self._engine, self._database = driver, audit, engine, database
        self.versions = VersionWatch(engine.versions, version_check_s)

    def stored(self, merchant_id: str) -> AuditEntry | None:
        """The latest decision if it is current under the active versions; else None. No graph access."""
        entry = self._audit.latest(merchant_id)
        if entry is None:
            return None
        active = self.versions.get()
        if (entry.decision.ontology_version, entry.decision.model_version) != (active.ontology_version,
                                                                               active.model_version):
            return None
        return entry

    def current(self, merchant_id: str, *, actor_key_id: str) -> AuditEntry:
        """The stored decision, or a fresh one when none is current (raises UnknownMerchant)."""
        entry = self.stored(merchant_id)
        if entry is not None:
            return entry
        trigger = "version_change" if self._audit.latest(merchant_id) is not None else "first_read"
        return self.rescore(merchant_id, trigger=trigger, actor_key_id=actor_key_id)

    def rescore(self, merchant_id: str, *, trigger: str, actor_key_id: str) -> AuditEntry:
        """Decide now and record it; every computed decision goes into the audit log."""
        if graph_reads.merchant(self._driver, merchant_id, database=self._database) is None:
            raise UnknownMerchant(f"no merchant {merchant_id!r} in the graph")
        self.versions.get()  # a newly activated rule set or model is picked up before deciding
        try:
            decision = self._engine.decide(self._driver, merchant_id, database=self._database)
        except LookupError as exc:  # reasoning's way of saying the merchant's graph lacks what it needs
            raise Undecidable(f"cannot decide for merchant {merchant_id!r}: {exc}") from exc
        return self._audit.append(decision, trigger=trigger, actor_key_id=actor_key_id)

    def withdraw(self, merchant_id: str, evidence_ids: list[str], *, trigger: str,
                 actor_key_id: str) -> tuple[list[WithdrawalReport], AuditEntry | None]:
        """Withdraw each evidence (its facts go with it), then re-score once; no re-score if nothing was there."""
        reports = [withdraw_evidence(self._driver, e, database=self._database) for e in evidence_ids]
        reports = [r for r in reports if r.found]
        if not reports:
            return [], None
        return reports, self.rescore(merchant_id, trigger=trigger, actor_key_id=actor_key_id)
