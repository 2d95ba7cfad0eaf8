"""Consent records (PIPL): what a merchant allowed to be read, for what purpose, from when until when.

An upload names the consent it is given under; one that is unknown, another merchant's, or withdrawn
is refused before a byte is read. Which evidence was given under which consent is kept too, so
withdrawing a consent can withdraw the evidence that relied on it.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from api.service.sqlite_db import SqliteFile

_SCHEMA = """
CREATE TABLE IF NOT EXISTS consents (
    consent_id   TEXT PRIMARY KEY,
    merchant_id  TEXT NOT NULL,
    scope        TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    granted_at   TEXT NOT NULL,
    withdrawn_at TEXT
);
CREATE INDEX IF NOT EXISTS consents_by_merchant ON consents (merchant_id, granted_at);
CREATE TABLE IF NOT EXISTS consent_uses (
    evidence_id TEXT NOT NULL,
    consent_id  TEXT NOT NULL REFERENCES consents (consent_id),
    used_at     TEXT NOT NULL,
    PRIMARY KEY (evidence_id, consent_id)
);
"""


class ConsentRefused(PermissionError):
    """No active consent of this merchant covers the request; the message says which and why."""


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    consent_id: str
    merchant_id: str
    scope: str
    purpose: str
    granted_at: datetime
    withdrawn_at: datetime | None

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


def _record(row: object) -> ConsentRecord:
    return ConsentRecord(row["consent_id"], row["merchant_id"], row["scope"], row["purpose"],
                         datetime.fromisoformat(row["granted_at"]),
                         datetime.fromisoformat(row["withdrawn_at"]) if row["withdrawn_at"] else None)


class ConsentStore:
    def __init__(self, path: Path) -> None:
        self._db = SqliteFile(path, _SCHEMA)

    def grant(self, merchant_id: str, *, scope: str, purpose: str) -> ConsentRecord:
        if not scope.strip() or not purpose.strip():
            raise ValueError("consent needs a non-empty scope and purpose")
        record = ConsentRecord(f"C-{uuid.uuid4().hex[:16]}", merchant_id, scope.strip(), purpose.strip(),
                               datetime.now(timezone.utc), None)
        self._db.conn.execute(
            "INSERT INTO consents (consent_id, merchant_id, scope, purpose, granted_at) VALUES (?, ?, ?, ?, ?)",
            (record.consent_id, merchant_id, record.scope, record.purpose, record.granted_at.isoformat()))
        return record

    def get(self, consent_id: str) -> ConsentRecord | None:
        row = self._db.conn.execute("SELECT * FROM consents WHERE consent_id = ?", (consent_id,)).fetchone()
        return None if row is None else _record(row)

    def list(self, merchant_id: str) -> list[ConsentRecord]:
        rows = self._db.conn.execute("SELECT * FROM consents WHERE merchant_id = ? ORDER BY granted_at, consent_id",
                                     (merchant_id,)).fetchall()
        return [_record(r) for r in rows]

    def withdraw(self, consent_id: str) -> ConsentRecord | None:
        """Mark withdrawn (kept, not deleted: when consent held is itself a record). None if unknown."""
        self._db.conn.execute("UPDATE consents SET withdrawn_at = ? WHERE consent_id = ? AND withdrawn_at IS NULL",
                              (datetime.now(timezone.utc).isoformat(), consent_id))
        return self.get(consent_id)

    def require_active(self, merchant_id: str, consent_id: str) -> ConsentRecord:
        record = self.get(consent_id)
        if record is None or record.merchant_id != merchant_id:
            raise ConsentRefused(f"consent {consent_id!r} is not a consent of merchant {merchant_id!r}; "
                                 "record one with POST /merchants/{merchant_id}/consents first")
        if not record.active:
            raise ConsentRefused(f"consent {consent_id!r} was withdrawn at {record.withdrawn_at:%Y-%m-%d %H:%M} UTC; "
                                 "record a new consent to upload again")
        return record

    def record_use(self, consent_id: str, evidence_ids: list[str]) -> None:
        now = datetime.now(timezone.utc).isoformat()
        self._db.conn.executemany("INSERT OR IGNORE INTO consent_uses (evidence_id, consent_id, used_at) VALUES (?, ?, ?)",
                                  [(e, consent_id, now) for e in evidence_ids])

    def evidence_under(self, consent_id: str) -> list[str]:
        rows = self._db.conn.execute("SELECT evidence_id FROM consent_uses WHERE consent_id = ? ORDER BY evidence_id",
                                     (consent_id,)).fetchall()
        return [r["evidence_id"] for r in rows]
