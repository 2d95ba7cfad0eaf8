"""API keys are shown once, stored only hashed, and bound to a role (and a merchant for merchant keys)."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from api.service.auth import ApiKeyStore, Role, UnknownKey


def test_a_key_verifies_to_its_role_and_merchant(tmp_path: Path) -> None:
    store = ApiKeyStore(tmp_path / "keys.sqlite")
    issued = store.create("merchant", merchant_id="M1")
    principal = store.verify(issued.secret_key)
    assert (principal.role, principal.merchant_id) == (Role.MERCHANT, "M1")


def test_the_secret_is_not_stored(tmp_path: Path) -> None:
    store = ApiKeyStore(tmp_path / "keys.sqlite")
    issued = store.create("service")
    secret = issued.secret_key.split("_", 2)[2]
    assert secret.encode() not in (tmp_path / "keys.sqlite").read_bytes()
    salt, digest = sqlite3.connect(tmp_path / "keys.sqlite").execute("SELECT salt, digest FROM api_keys").fetchone()
    assert len(salt) == 16 and len(digest) == 32


def test_a_merchant_key_needs_a_merchant_and_others_refuse_one(tmp_path: Path) -> None:
    store = ApiKeyStore(tmp_path / "keys.sqlite")
    with pytest.raises(ValueError, match="--merchant"):
        store.create("merchant")
    with pytest.raises(ValueError, match="--merchant"):
        store.create("analyst", merchant_id="M1")
    with pytest.raises(ValueError):
        store.create("admin")


def test_a_revoked_key_stops_working(tmp_path: Path) -> None:
    store = ApiKeyStore(tmp_path / "keys.sqlite")
    issued = store.create("analyst")
    store.verify(issued.secret_key)  # remembered
    assert store.revoke(issued.principal.key_id)
    with pytest.raises(UnknownKey):
        store.verify(issued.secret_key)


def test_a_guessed_secret_for_a_real_key_id_is_refused(tmp_path: Path) -> None:
    store = ApiKeyStore(tmp_path / "keys.sqlite")
    issued = store.create("service")
    with pytest.raises(UnknownKey):
        store.verify(f"bk_{issued.principal.key_id}_guess")


def test_a_key_revoked_by_another_process_is_refused_on_the_next_request(tmp_path: Path) -> None:
    """A worker that verified the key a moment ago refuses it once `bailing api-key revoke` (another
    connection to the same file) has committed: no time-to-live to wait out, on any thread."""
    worker, cli = ApiKeyStore(tmp_path / "keys.sqlite"), ApiKeyStore(tmp_path / "keys.sqlite")
    issued = cli.create("service")
    seen: list[object] = []

    def verify_in_a_thread() -> None:
        try:
            seen.append(worker.verify(issued.secret_key))
        except UnknownKey as exc:
            seen.append(exc)

    worker.verify(issued.secret_key)
    thread = threading.Thread(target=verify_in_a_thread)
    thread.start(), thread.join()
    assert cli.revoke(issued.principal.key_id)
    with pytest.raises(UnknownKey):
        worker.verify(issued.secret_key)
    thread = threading.Thread(target=verify_in_a_thread)
    thread.start(), thread.join()
    assert isinstance(seen[-1], UnknownKey)
