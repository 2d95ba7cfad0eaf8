"""Delegations: a merchant lets one bank service act for it, for one consent scope and purpose, briefly.

Under PIPL consent is the data subject's own act, so a ``service`` key alone cannot grant or withdraw a
merchant's consent, upload for it or withdraw its evidence. The merchant, authenticated by its own key,
issues a delegation naming the service key that may use it, the consent scope and purpose it covers and
its expiry (at most an hour). The token (``bd_<id>_<secret>``) is shown once and stored only as a salted
HMAC, like API keys; the service sends it in ``X-Bailing-Delegation`` beside its own key. A token is
useless without that service key, and a service key is useless without a live token.

Why a stored grant and not a token the merchant signs offline: API keys are kept only as salted HMACs,
so the server holds nothing a merchant's signature could be checked against; a stored grant is made by
the merchant's authenticated request instead, cannot be altered (its terms are read from the store, not
from the token) and can be checked for expiry and revocation on every use.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from api.service.sqlite_db import SqliteFile

_SCHEMA = """
CREATE TABLE IF NOT EXISTS delegations (
    delegation_id     TEXT PRIMARY KEY,
    salt              BLOB NOT NULL,
    digest            BLOB NOT NULL,
    merchant_id       TEXT NOT NULL,
    granted_by_key_id TEXT NOT NULL,
    service_key_id    TEXT NOT NULL,
    scope             TEXT NOT NULL,
    purpose           TEXT NOT NULL,
    granted_at        TEXT NOT NULL,
    expires_at        TEXT NOT NULL
);
"""
_PREFIX = "bd"
MAX_LIFETIME_S = 3600  # short-lived: a delegation covers one session in a bank app, not a standing mandate


class DelegationRefused(PermissionError):
    """The token is malformed, unknown, expired, another merchant's or another service's."""


@dataclass(frozen=True, slots=True)
class Delegation:
    """What a merchant allowed a service to do for it, and until when."""

    delegation_id: str
    merchant_id: str
    granted_by_key_id: str   # the merchant key that issued it
    service_key_id: str      # the only service key that may use it
    scope: str               # the consent scope it covers
    purpose: str             # the consent purpose it covers
    granted_at: datetime
    expires_at: datetime

    def covers(self, scope: str | None, purpose: str | None) -> bool:
        return (scope, purpose) == (self.scope, self.purpose)

    def terms(self) -> dict[str, object]:
        """What the audit log records of it."""
        return {"delegation_id": self.delegation_id, "service_key_id": self.service_key_id, "scope": self.scope,
                "purpose": self.purpose, "expires_at": self.expires_at.isoformat()}


@dataclass(frozen=True, slots=True)
class IssuedDelegation:
    delegation: Delegation
    token: str  # never stored; cannot be shown again


def _digest(salt: bytes, secret: str) -> bytes:
    return hmac.new(salt, secret.encode(), hashlib.sha256).digest()


class DelegationStore:
    def __init__(self, path: Path) -> None:
        self._db = SqliteFile(path, _SCHEMA)

    def issue(self, merchant_id: str, *, granted_by_key_id: str, service_key_id: str, scope: str, purpose: str,
              lifetime_s: int) -> IssuedDelegation:
        if not 1 <= lifetime_s <= MAX_LIFETIME_S:
            raise ValueError(f"a delegation lives 1..{MAX_LIFETIME_S} s, not {lifetime_s}")
        now = datetime.now(timezone.utc)
        delegation = Delegation(secrets.token_hex(8), merchant_id, granted_by_key_id, service_key_id, scope.strip(),
                                purpose.strip(), now, now + timedelta(seconds=lifetime_s))
        secret, salt = secrets.token_urlsafe(32), secrets.token_bytes(16)
        self._db.conn.execute(
            "INSERT INTO delegations (delegation_id, salt, digest, merchant_id, granted_by_key_id, service_key_id, "
            "scope, purpose, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (delegation.delegation_id, salt, _digest(salt, secret), merchant_id, granted_by_key_id, service_key_id,
             delegation.scope, delegation.purpose, now.isoformat(), delegation.expires_at.isoformat()))
        return IssuedDelegation(delegation, f"{_PREFIX}_{delegation.delegation_id}_{secret}")

    def verify(self, token: str, *, merchant_id: str, service_key_id: str) -> Delegation:
        """The delegation if ``token`` is live and lets this service key act for this merchant."""
        parts = token.split("_", 2)
        if len(parts) != 3 or parts[0] != _PREFIX:
            raise DelegationRefused("not a Bailing delegation token")
        row = self._db.conn.execute("SELECT * FROM delegations WHERE delegation_id = ?", (parts[1],)).fetchone()
        if row is None or not hmac.compare_digest(_digest(row["salt"], parts[2]), row["digest"]):
            raise DelegationRefused("unknown delegation token")
        delegation = Delegation(row["delegation_id"], row["merchant_id"], row["granted_by_key_id"],
                                row["service_key_id"], row["scope"], row["purpose"],
                                datetime.fromisoformat(row["granted_at"]), datetime.fromisoformat(row["expires_at"]))
        if delegation.merchant_id != merchant_id:
            raise DelegationRefused("the delegation is another merchant's")
        if delegation.service_key_id != service_key_id:
            raise DelegationRefused("the delegation names another service key")
        if datetime.now(timezone.utc) >= delegation.expires_at:
            raise DelegationRefused(f"the delegation expired at {delegation.expires_at:%Y-%m-%d %H:%M:%S} UTC")
        return delegation
