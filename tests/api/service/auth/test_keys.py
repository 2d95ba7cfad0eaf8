"""API keys are shown once, stored only hashed, and bound to a role (and a merchant for merchant keys)."""
from __future__ import annotations

import sqlite3
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
    store = ApiKeyStore(tmp_path / "keys.sqlite", cache_s=0)
    issued = store.create("analyst")
    assert store.revoke(issued.principal.key_id)
    with pytest.raises(UnknownKey):
        store.verify(issued.secret_key)


def test_a_guessed_secret_for_a_real_key_id_is_refused(tmp_path: Path) -> None:
    store = ApiKeyStore(tmp_path / "keys.sqlite")
    issued = store.create("service")
    with pytest.raises(UnknownKey):
        store.verify(f"bk_{issued.principal.key_id}_guess")
