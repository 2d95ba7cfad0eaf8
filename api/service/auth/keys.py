"""API keys: shown once when created, stored only as a salted HMAC-SHA256.

A key reads ``bk_<key id>_<secret>``. The key id finds the row; the secret is checked against
HMAC-SHA256(salt, secret) in constant time. Stealing the key file gives no usable key.
Verified keys are remembered per process so the hot scoring path does not hash and look up the key on
every request. The memory is dropped as soon as the key table changes anywhere: SQLite's
``PRAGMA data_version`` moves whenever another connection (another worker, ``bailing api-key revoke``)
commits, and reading it costs microseconds, so a revoked key stops working on the next request in every
worker, not after a time-to-live.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from api.service.auth.roles import Role
from api.service.sqlite_db import SqliteFile

_SCHEMA = """
CREATE TABLE IF NOT EXISTS api_keys (
    key_id      TEXT PRIMARY KEY,
    salt        BLOB NOT NULL,
    digest      BLOB NOT NULL,
    role        TEXT NOT NULL,
    merchant_id TEXT,
    label       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    revoked_at  TEXT,
    CHECK ((role = 'merchant') = (merchant_id IS NOT NULL))
);
"""
_PREFIX = "bk"


class UnknownKey(LookupError):
    """The presented key is malformed, unknown, revoked or wrong."""


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a request comes from."""

    key_id: str
    role: Role
    merchant_id: str | None  # set exactly when role is merchant


@dataclass(frozen=True, slots=True)
class IssuedKey:
    """A freshly created key; ``secret_key`` is never stored and cannot be shown again."""

    principal: Principal
    secret_key: str


def _digest(salt: bytes, secret: str) -> bytes:
    return hmac.new(salt, secret.encode(), hashlib.sha256).digest()


class ApiKeyStore:
    def __init__(self, path: Path) -> None:
        self._db = SqliteFile(path, _SCHEMA)
        self._cache: dict[str, Principal] = {}
        self._seen = threading.local()  # data_version is per connection, and connections are per thread

    def create(self, role: Role | str, *, merchant_id: str | None = None, label: str = "") -> IssuedKey:
        role = Role(role)
        if (role is Role.MERCHANT) != (merchant_id is not None):
            raise ValueError("a merchant key needs --merchant ID; other roles take no merchant")
        if merchant_id is not None and not merchant_id.strip():
            raise ValueError("merchant id must not be empty")
        key_id, secret, salt = secrets.token_hex(8), secrets.token_urlsafe(32), secrets.token_bytes(16)
        self._db.conn.execute(
            "INSERT INTO api_keys (key_id, salt, digest, role, merchant_id, label, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key_id, salt, _digest(salt, secret), role.value, merchant_id, label,
             datetime.now(timezone.utc).isoformat()))
        return IssuedKey(Principal(key_id, role, merchant_id), f"{_PREFIX}_{key_id}_{secret}")

    def revoke(self, key_id: str) -> bool:
        cur = self._db.conn.execute("UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                                    (datetime.now(timezone.utc).isoformat(), key_id))
        self._cache.clear()
        return cur.rowcount == 1

    def verify(self, presented: str) -> Principal:
        """The principal a key belongs to, or UnknownKey (the message never says which part was wrong)."""
        if self._changed_elsewhere():
            self._cache.clear()
        hit = self._cache.get(presented)
        if hit is not None:
            return hit
        parts = presented.split("_", 2)
        if len(parts) != 3 or parts[0] != _PREFIX:
            raise UnknownKey("not a Bailing API key")
        _, key_id, secret = parts
        row = self._db.conn.execute(
            "SELECT salt, digest, role, merchant_id FROM api_keys WHERE key_id = ? AND revoked_at IS NULL",
            (key_id,)).fetchone()
        if row is None or not hmac.compare_digest(_digest(row["salt"], secret), row["digest"]):
            raise UnknownKey("unknown or revoked API key")
        principal = Principal(key_id, Role(row["role"]), row["merchant_id"])
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[presented] = principal
        return principal

    def _changed_elsewhere(self) -> bool:
        """True when another connection committed to the key file since this thread last looked.

        A thread's first look counts as a change: the cache may have been filled before a commit this
        thread's connection never saw.
        """
        version = self._db.conn.execute("PRAGMA data_version").fetchone()[0]
        seen = getattr(self._seen, "version", None)
        self._seen.version = version
        return seen != version
