"""Conversations on disk: every turn and each merchant's profile, in SQLite under the API's data folder.

A file, not process memory, so a restarted (or second) worker continues the same conversation. Each
call opens its own connection: the cost is tens of microseconds and no connection crosses threads.
Writing a turn and the profile it produced is one transaction, so a crash never leaves a reply
without the state it was decided from.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from api.assistant.records import Profile, Turn

_SCHEMA = """
CREATE TABLE IF NOT EXISTS turns (
    merchant_id TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('merchant', 'assistant')),
    text        TEXT NOT NULL,
    at          TEXT NOT NULL,
    intent      TEXT,
    step        TEXT,
    meta        TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (merchant_id, seq)
);
CREATE TABLE IF NOT EXISTS profiles (
    merchant_id TEXT PRIMARY KEY,
    profile     TEXT NOT NULL
);
"""
_TUPLE_FIELDS = ("peak_months", "lacks_assets", "suppliers", "customers", "has_doc_types", "lacks_doc_types",
                 "asked", "uploaded")


def _profile_from_json(text: str) -> Profile:
    raw = json.loads(text)
    known = {k: v for k, v in raw.items() if k in Profile.__dataclass_fields__}
    for name in _TUPLE_FIELDS:
        if name in known:
            known[name] = tuple(known[name])
    if "assets" in known:
        known["assets"] = tuple((c, int(n)) for c, n in known["assets"])
    return Profile(**known)


class ConversationStore:
    """Turns and profiles of every merchant's conversation with the assistant.

    Args:
        path (Path): The SQLite file (created with its folder on first use).
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)
            yield conn
        finally:
            conn.close()

    def profile(self, merchant_id: str) -> Profile:
        with self._connect() as conn:
            row = conn.execute("SELECT profile FROM profiles WHERE merchant_id = ?", (merchant_id,)).fetchone()
        return Profile() if row is None else _profile_from_json(row[0])

    def history(self, merchant_id: str, *, limit: int = 200) -> list[Turn]:
        """The last ``limit`` turns, oldest first."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT merchant_id, seq, role, text, at, intent, step, meta FROM turns WHERE merchant_id = ? "
                "ORDER BY seq DESC LIMIT ?", (merchant_id, limit)).fetchall()
        return [Turn(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7])) for r in reversed(rows)]

    def record(self, merchant_id: str, turns: list[tuple[str, str, str | None, str | None, dict[str, object]]],
               profile: Profile) -> list[Turn]:
        """Append ``(role, text, intent, step, meta)`` turns and save ``profile``, in one transaction."""
        at = datetime.now(timezone.utc).isoformat()
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")  # takes the write lock before reading seq: no two writers share one
            try:
                (last,) = conn.execute("SELECT coalesce(max(seq), 0) FROM turns WHERE merchant_id = ?",
                                       (merchant_id,)).fetchone()
                written = []
                for i, (role, text, intent, step, meta) in enumerate(turns, start=1):
                    turn = Turn(merchant_id, last + i, role, text, at, intent, step, meta)
                    conn.execute("INSERT INTO turns VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 (merchant_id, turn.seq, role, text, at, intent, step,
                                  json.dumps(meta, ensure_ascii=False, sort_keys=True)))
                    written.append(turn)
                conn.execute("INSERT INTO profiles VALUES (?, ?) ON CONFLICT(merchant_id) DO UPDATE SET "
                             "profile = excluded.profile",
                             (merchant_id, json.dumps(asdict(profile), ensure_ascii=False, sort_keys=True)))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return written
