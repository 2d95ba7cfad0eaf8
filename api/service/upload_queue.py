"""Accepted uploads, durable in SQLite until a worker has turned them into evidence (or said why not).

An upload is accepted once its body is on disk and its consent and file type have been checked; from
then on it is a row here and a file under the service's upload folder, so a crash or a restart loses
nothing. A worker *claims* the oldest queued upload for a lease and keeps renewing it while it works;
an upload whose worker died (its lease ran out, or its process on this host is gone) is claimed again.
Each claim counts as an attempt; an upload that has stopped its worker ``max_attempts`` times is
failed instead of being tried forever (a file that kills the process would otherwise kill it again).

Processing twice is harmless: evidence ids are the merchant and the file's hash, so a second run
re-writes the same evidence in one transaction. ``finish`` writes the outcome only while the worker
still holds the claim, so one upload has exactly one outcome.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path

from api.service.sqlite_db import SqliteFile

_SCHEMA = """
CREATE TABLE IF NOT EXISTS uploads (
    upload_id     TEXT PRIMARY KEY,
    merchant_id   TEXT NOT NULL,
    consent_id    TEXT NOT NULL,
    actor_key_id  TEXT NOT NULL,
    path          TEXT NOT NULL,
    filename      TEXT NOT NULL,
    size          INTEGER NOT NULL,
    state         TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    worker        TEXT,
    lease_until   REAL,
    not_before    REAL NOT NULL DEFAULT 0,
    enqueued_at   TEXT NOT NULL,
    started_at    TEXT,
    finished_at   TEXT,
    error_status  INTEGER,
    error_detail  TEXT,
    error_id      TEXT,
    result        TEXT
);
CREATE INDEX IF NOT EXISTS uploads_waiting ON uploads (state, enqueued_at);
CREATE INDEX IF NOT EXISTS uploads_merchant ON uploads (merchant_id, enqueued_at);
"""


class UploadState(str, Enum):
    QUEUED = "queued"
    PROCESSING = "processing"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class QueuedUpload:
    """One accepted upload and, once finished, its outcome (``result`` is the JSON the API answers with)."""

    upload_id: str
    merchant_id: str
    consent_id: str
    actor_key_id: str
    path: Path
    filename: str
    size: int
    state: UploadState
    attempts: int
    enqueued_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    error_status: int | None
    error_detail: str | None
    error_id: str | None
    result: dict | None

    @property
    def finished(self) -> bool:
        return self.state in (UploadState.DONE, UploadState.FAILED)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _record(row) -> QueuedUpload:
    return QueuedUpload(
        upload_id=row["upload_id"], merchant_id=row["merchant_id"], consent_id=row["consent_id"],
        actor_key_id=row["actor_key_id"], path=Path(row["path"]), filename=row["filename"], size=row["size"],
        state=UploadState(row["state"]), attempts=row["attempts"], enqueued_at=_when(row["enqueued_at"]),
        started_at=_when(row["started_at"]), finished_at=_when(row["finished_at"]),
        error_status=row["error_status"], error_detail=row["error_detail"], error_id=row["error_id"],
        result=json.loads(row["result"]) if row["result"] else None)


def worker_name() -> str:
    """``host:pid``: whose claim a row is, so a restarted service on this host can tell a dead claimant."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _claimant_gone(worker: str | None) -> bool:
    """True when ``worker`` was a process on this host that no longer runs (another host's: unknown)."""
    host, _, pid = (worker or "").rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, someone else's
        return False
    return False


class UploadQueue:
    """The queue at ``path`` (SQLite); upload files live in folders under ``files``.

    Args:
        lease_s: How long a claim holds without renewal; a worker renews it every third of that.
        max_attempts: Claims after which an upload whose worker keeps dying is failed.
    """

    def __init__(self, path: Path, files: Path, *, lease_s: float = 30.0, max_attempts: int = 3) -> None:
        if lease_s <= 0 or max_attempts < 1:
            raise ValueError("lease_s must be > 0 and max_attempts >= 1")
        self._db = SqliteFile(path, _SCHEMA)
        self.files = files
        self.lease_s = lease_s
        self.max_attempts = max_attempts

    def scratch(self) -> Path:
        """A new folder for one upload's file, under ``files``; the caller writes the body into it."""
        return self.files / uuid.uuid4().hex

    def enqueue(self, *, merchant_id: str, consent_id: str, actor_key_id: str, path: Path, filename: str,
                size: int) -> QueuedUpload:
        """Accept the file at ``path`` (already on disk, inside a ``scratch()`` folder) for processing."""
        upload_id = path.parent.name
        self._db.conn.execute(
            "INSERT INTO uploads (upload_id, merchant_id, consent_id, actor_key_id, path, filename, size, state, "
            "enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (upload_id, merchant_id, consent_id, actor_key_id, str(path), filename, size, UploadState.QUEUED.value,
             _now().isoformat()))
        return self.get(upload_id)

    def get(self, upload_id: str) -> QueuedUpload | None:
        row = self._db.conn.execute("SELECT * FROM uploads WHERE upload_id = ?", (upload_id,)).fetchone()
        return _record(row) if row else None

    def ahead_of(self, upload: QueuedUpload) -> int:
        """Uploads of any merchant that will be processed before this queued one."""
        if upload.state is not UploadState.QUEUED:
            return 0
        return self._db.conn.execute(
            "SELECT count(*) FROM uploads WHERE state = 'queued' AND enqueued_at < ?",
            (upload.enqueued_at.isoformat(),)).fetchone()[0]

    def unfinished(self) -> int:
        return self._db.conn.execute(
            "SELECT count(*) FROM uploads WHERE state IN ('queued', 'processing')").fetchone()[0]

    def claim(self, worker: str) -> QueuedUpload | None:
        """The oldest upload ready to work on, now held by ``worker`` for ``lease_s``; None if there is none.

        Ready: queued (and past any wait set by ``release``), or processing under a claim that lapsed or
        whose process on this host is gone. One that has used up its attempts is failed, and the next tried.
        """
        conn = self._db.conn
        while True:
            now = time.time()
            conn.execute("BEGIN IMMEDIATE")  # one claimant at a time, across threads and processes
            try:
                # Processing rows are at most the workers' number; of the queued, only the oldest ready one.
                lapsed = [r for r in conn.execute("SELECT * FROM uploads WHERE state = 'processing'")
                          if r["lease_until"] < now or _claimant_gone(r["worker"])]
                waiting = conn.execute("SELECT * FROM uploads WHERE state = 'queued' AND not_before <= ? "
                                       "ORDER BY enqueued_at LIMIT 1", (now,)).fetchall()
                row = min(lapsed + waiting, key=lambda r: r["enqueued_at"], default=None)
                if row is None:
                    conn.execute("COMMIT")
                    return None
                if row["attempts"] >= self.max_attempts:
                    self._fail(row["upload_id"], 500, f"processing stopped {row['attempts']} times without finishing "
                                                      "(the service restarted or ran out of memory); send the file again")
                    conn.execute("COMMIT")
                    shutil.rmtree(Path(row["path"]).parent, ignore_errors=True)
                    continue
                conn.execute(
                    "UPDATE uploads SET state = 'processing', attempts = attempts + 1, worker = ?, lease_until = ?, "
                    "started_at = ? WHERE upload_id = ?",
                    (worker, now + self.lease_s, _now().isoformat(), row["upload_id"]))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return self.get(row["upload_id"])

    def renew(self, upload_id: str, worker: str) -> bool:
        """Extend ``worker``'s claim; False when it no longer holds it."""
        cursor = self._db.conn.execute(
            "UPDATE uploads SET lease_until = ? WHERE upload_id = ? AND state = 'processing' AND worker = ?",
            (time.time() + self.lease_s, upload_id, worker))
        return cursor.rowcount == 1

    def release(self, upload_id: str, worker: str, *, delay_s: float) -> None:
        """Give the upload back untried (the graph is down): queued again after ``delay_s``, no attempt spent."""
        self._db.conn.execute(
            "UPDATE uploads SET state = 'queued', attempts = attempts - 1, worker = NULL, lease_until = NULL, "
            "not_before = ? WHERE upload_id = ? AND state = 'processing' AND worker = ?",
            (time.time() + delay_s, upload_id, worker))

    def finish(self, upload_id: str, worker: str, *, result: dict | None = None, error_status: int | None = None,
               error_detail: str | None = None, error_id: str | None = None) -> bool:
        """Record the outcome (a result, or an HTTP status and message) and delete the file.

        False, and nothing written, when ``worker`` lost its claim meanwhile: the other claimant finishes it.
        """
        state = UploadState.FAILED if error_status is not None else UploadState.DONE
        cursor = self._db.conn.execute(
            "UPDATE uploads SET state = ?, finished_at = ?, lease_until = NULL, result = ?, error_status = ?, "
            "error_detail = ?, error_id = ? WHERE upload_id = ? AND state = 'processing' AND worker = ?",
            (state.value, _now().isoformat(), json.dumps(result) if result is not None else None, error_status,
             error_detail, error_id, upload_id, worker))
        if cursor.rowcount != 1:
            return False
        shutil.rmtree(self.files / upload_id, ignore_errors=True)
        return True

    def _fail(self, upload_id: str, status: int, detail: str) -> None:
        self._db.conn.execute(
            "UPDATE uploads SET state = 'failed', finished_at = ?, lease_until = NULL, error_status = ?, "
            "error_detail = ?, error_id = ? WHERE upload_id = ?", (_now().isoformat(), status, detail, upload_id, upload_id))

    def sweep(self, *, older_than_s: float = 3600.0) -> int:
        """Delete upload folders no unfinished upload owns (a body cut off mid-stream, a crash before the
        row was written) once they are ``older_than_s`` old; returns how many went."""
        if not self.files.is_dir():
            return 0
        owned = {r[0] for r in self._db.conn.execute(
            "SELECT upload_id FROM uploads WHERE state IN ('queued', 'processing')")}
        removed = 0
        for folder in self.files.iterdir():
            if folder.name not in owned and time.time() - folder.stat().st_mtime > older_than_s:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed
