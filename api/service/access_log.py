"""The audit log's second table: who was allowed to act for whom, and what failed inside the service.

Decisions have their own table (``audit.py``). This one records the acts around them that an auditor
asks about: a merchant delegating consent or uploads to a bank service (scope, purpose, expiry), every
use of such a delegation, and every unexpected server error under the id its caller was given. It sits
in the same SQLite file, append-only by triggers and SHA-256 hash-chained the same way, so a removed or
edited entry breaks ``verify()``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from api.service.audit import chained_hash
from api.service.sqlite_db import SqliteFile

GENESIS = "0" * 64

_SCHEMA = """
CREATE TABLE IF NOT EXISTS access_events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    recorded_at  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    actor_key_id TEXT NOT NULL,
    merchant_id  TEXT,
    detail       TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    row_hash     TEXT NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS access_by_merchant ON access_events (merchant_id, seq);
CREATE TRIGGER IF NOT EXISTS access_no_update BEFORE UPDATE ON access_events
BEGIN SELECT RAISE(ABORT, 'access_events is append-only: UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS access_no_delete BEFORE DELETE ON access_events
BEGIN SELECT RAISE(ABORT, 'access_events is append-only: DELETE refused'); END;
"""

_HASHED = ("recorded_at", "kind", "actor_key_id", "merchant_id", "detail")


@dataclass(frozen=True, slots=True)
class AccessEvent:
    """One recorded act: ``kind`` is ``delegation_granted``, ``delegated_action`` or ``server_error``."""

    seq: int
    recorded_at: str
    kind: str
    actor_key_id: str          # the key whose request it was ("" when no key was verified)
    merchant_id: str | None    # the merchant it concerns, when one does
    detail: dict[str, object]


def _row_hash(prev_hash: str, row: dict[str, object]) -> str:
    return chained_hash(prev_hash, row, _HASHED)


class AccessLog:
    def __init__(self, path: Path) -> None:
        self._db = SqliteFile(path, _SCHEMA)

    def record(self, kind: str, *, actor_key_id: str, merchant_id: str | None,
               detail: dict[str, object]) -> AccessEvent:
        row: dict[str, object] = {"recorded_at": datetime.now(timezone.utc).isoformat(), "kind": kind,
                                  "actor_key_id": actor_key_id, "merchant_id": merchant_id,
                                  "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True)}
        conn = self._db.conn
        conn.execute("BEGIN IMMEDIATE")  # the tail is read under the write lock, as in audit.py
        try:
            last = conn.execute("SELECT row_hash FROM access_events ORDER BY seq DESC LIMIT 1").fetchone()
            prev = last["row_hash"] if last else GENESIS
            cur = conn.execute(
                f"INSERT INTO access_events ({', '.join(_HASHED)}, prev_hash, row_hash) "
                f"VALUES ({', '.join('?' * len(_HASHED))}, ?, ?)",
                [row[k] for k in _HASHED] + [prev, _row_hash(prev, row)])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return AccessEvent(cur.lastrowid, str(row["recorded_at"]), kind, actor_key_id, merchant_id, detail)

    def events(self, *, kind: str | None = None, merchant_id: str | None = None) -> list[AccessEvent]:
        """Oldest first, optionally only one kind or one merchant's."""
        rows = self._db.conn.execute(
            "SELECT * FROM access_events WHERE (? IS NULL OR kind = ?) AND (? IS NULL OR merchant_id = ?) ORDER BY seq",
            (kind, kind, merchant_id, merchant_id)).fetchall()
        return [AccessEvent(r["seq"], r["recorded_at"], r["kind"], r["actor_key_id"], r["merchant_id"],
                            json.loads(r["detail"])) for r in rows]

    def verify(self) -> tuple[bool, int | None]:
        """(ok, first bad seq): the first entry whose link or content does not match its hash."""
        prev = GENESIS
        for row in self._db.conn.execute("SELECT * FROM access_events ORDER BY seq"):
            if row["prev_hash"] != prev or _row_hash(prev, dict(row)) != row["row_hash"]:
                return False, row["seq"]
            prev = row["row_hash"]
        return True, None
