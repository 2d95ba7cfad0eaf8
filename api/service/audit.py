"""The audit log: every decision, append-only, hash-chained.

SQLite triggers refuse UPDATE and DELETE, so the service itself cannot rewrite history. Someone with
the file can still drop the triggers; the hash chain catches that: each row stores
sha256(previous row's hash + this row's canonical JSON), so editing, deleting or reordering any row
breaks ``verify()`` at that row. The log is also the decision history: the latest row per merchant is
its current decision (served without recomputing), earlier rows are its history.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from api.service.sqlite_db import SqliteFile
from reasoning.decision import Decision, NextEvidence, Reason

GENESIS = "0" * 64

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_log (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    recorded_at      TEXT NOT NULL,
    merchant_id      TEXT NOT NULL,
    trigger          TEXT NOT NULL,
    actor_key_id     TEXT NOT NULL,
    decision         TEXT NOT NULL,
    new_limit_cny    REAL NOT NULL,
    reason_codes     TEXT NOT NULL,
    evidence_ids     TEXT NOT NULL,
    ontology_version TEXT NOT NULL,
    model_version    TEXT NOT NULL,
    payload          TEXT NOT NULL,
    prev_hash        TEXT NOT NULL,
    row_hash         TEXT NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS audit_by_merchant ON audit_log (merchant_id, seq);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END;
"""

_HASHED = ("recorded_at", "merchant_id", "trigger", "actor_key_id", "decision", "new_limit_cny", "reason_codes",
           "evidence_ids", "ontology_version", "model_version", "payload")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One recorded decision."""

    seq: int
    recorded_at: str
    trigger: str        # why it was computed: "first_read", "evidence_upload", "withdrawal", "recompute", ...
    actor_key_id: str   # the API key whose request caused it
    decision: Decision
    row_hash: str


@dataclass(frozen=True, slots=True)
class ChainCheck:
    ok: bool
    rows: int
    first_bad_seq: int | None = None
    problem: str = ""


def chained_hash(prev_hash: str, row: dict[str, object], fields: tuple[str, ...]) -> str:
    """sha256(previous row's hash + this row's ``fields`` as canonical JSON): the link of a hash chain."""
    canonical = json.dumps([row[k] for k in fields], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


def _row_hash(prev_hash: str, row: dict[str, object]) -> str:
    return chained_hash(prev_hash, row, _HASHED)


def decision_to_json(decision: Decision) -> str:
    return json.dumps(asdict(decision), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decision_from_json(text: str) -> Decision:
    d = json.loads(text)
    return Decision(**{**d, "reasons": tuple(Reason(**{**r, "evidence_ids": tuple(r["evidence_ids"])})
                                             for r in d["reasons"]),
                       "evidence_used": tuple(d["evidence_used"]),
                       "next_best_evidence": tuple(NextEvidence(**n) for n in d["next_best_evidence"]),
                       "review_reasons": tuple(d["review_reasons"])})


class AuditLog:
    def __init__(self, path: Path) -> None:
        self._db = SqliteFile(path, _SCHEMA)

    @property
    def path(self) -> Path:
        return self._db.path

    def append(self, decision: Decision, *, trigger: str, actor_key_id: str) -> AuditEntry:
        row: dict[str, object] = {
            "recorded_at": datetime.now(timezone.utc).isoformat(), "merchant_id": decision.merchant_id,
            "trigger": trigger, "actor_key_id": actor_key_id, "decision": decision.decision,
            "new_limit_cny": float(decision.new_limit_cny),
            "reason_codes": json.dumps([r.code for r in decision.reasons if r.fired]),
            "evidence_ids": json.dumps(list(decision.evidence_used)),
            "ontology_version": decision.ontology_version, "model_version": decision.model_version,
            "payload": decision_to_json(decision)}
        conn = self._db.conn
        # BEGIN IMMEDIATE takes the write lock before reading the chain's tail, so two workers never
        # chain onto the same previous row.
        conn.execute("BEGIN IMMEDIATE")
        try:
            last = conn.execute("SELECT row_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
            prev = last["row_hash"] if last else GENESIS
            row_hash = _row_hash(prev, row)
            cur = conn.execute(
                f"INSERT INTO audit_log ({', '.join(_HASHED)}, prev_hash, row_hash) "
                f"VALUES ({', '.join('?' * len(_HASHED))}, ?, ?)", [row[k] for k in _HASHED] + [prev, row_hash])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return AuditEntry(cur.lastrowid, str(row["recorded_at"]), trigger, actor_key_id, decision, row_hash)

    def latest_head(self, merchant_id: str) -> tuple[int, str, str] | None:
        """(seq, ontology_version, model_version) of the merchant's latest entry, without decoding it."""
        row = self._db.conn.execute(
            "SELECT seq, ontology_version, model_version FROM audit_log WHERE merchant_id = ? "
            "ORDER BY seq DESC LIMIT 1", (merchant_id,)).fetchone()
        return None if row is None else (row["seq"], row["ontology_version"], row["model_version"])

    def latest(self, merchant_id: str) -> AuditEntry | None:
        row = self._db.conn.execute(
            "SELECT seq, recorded_at, trigger, actor_key_id, payload, row_hash FROM audit_log "
            "WHERE merchant_id = ? ORDER BY seq DESC LIMIT 1", (merchant_id,)).fetchone()
        return None if row is None else self._entry(row)

    def history(self, merchant_id: str, *, limit: int = 100, before_seq: int | None = None) -> list[AuditEntry]:
        """Newest first; ``before_seq`` pages back through older entries."""
        rows = self._db.conn.execute(
            "SELECT seq, recorded_at, trigger, actor_key_id, payload, row_hash FROM audit_log "
            "WHERE merchant_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
            (merchant_id, before_seq if before_seq is not None else 2**62, limit)).fetchall()
        return [self._entry(r) for r in rows]

    def verify(self, *, last: int | None = None) -> ChainCheck:
        """Walk the chain (or only its ``last`` rows); the first row whose hash or link is wrong is reported."""
        query = f"SELECT seq, {', '.join(_HASHED)}, prev_hash, row_hash FROM audit_log"
        if last is None:
            rows = self._db.conn.execute(query + " ORDER BY seq").fetchall()
        else:
            rows = self._db.conn.execute(query + " ORDER BY seq DESC LIMIT ?", (last,)).fetchall()[::-1]
        prev, n = (rows[0]["prev_hash"] if rows and last is not None else GENESIS), 0
        for row in rows:
            n += 1
            if row["prev_hash"] != prev:
                return ChainCheck(False, n, row["seq"], "links to a row that is not its predecessor")
            if _row_hash(prev, dict(row)) != row["row_hash"]:
                return ChainCheck(False, n, row["seq"], "content does not match its hash")
            prev = row["row_hash"]
        return ChainCheck(True, n)

    @staticmethod
    def _entry(row: object) -> AuditEntry:
        return AuditEntry(row["seq"], row["recorded_at"], row["trigger"], row["actor_key_id"],
                          decision_from_json(row["payload"]), row["row_hash"])
