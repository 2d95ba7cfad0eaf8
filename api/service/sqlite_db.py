"""One SQLite file per store, one connection per thread, WAL so readers never wait for the writer.

sqlite3 connections must not be shared across threads without care, and uvicorn runs sync work in a
thread pool, so each thread opens its own. Several worker processes may open the same file.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class SqliteFile:
    """A SQLite database at ``path``, created with ``schema`` on first use."""

    def __init__(self, path: Path, schema: str) -> None:
        self.path = path
        self._schema = schema
        self._local = threading.local()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._open() as conn:
            conn.executescript(schema)

    def _open(self) -> sqlite3.Connection:
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE where order matters).
        conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open()
        return conn
