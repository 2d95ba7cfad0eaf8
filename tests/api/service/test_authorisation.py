"""Every route × every role × own/other merchant → the status a caller gets.

A merchant key reaches only its own merchant; roles reach only what their job needs; no key, no entry.
Allowed calls are made with inputs whose outcome is known (an unknown evidence id gives 404 after the
access check passed), so the matrix proves the check and not just the handler.
"""
from __future__ import annotations

import itertools
import uuid

import pytest
from fastapi.testclient import TestClient

from seed_data.world.records import World
from tests.api.service.conftest import Keys

M, S, A, E = "merchant", "service", "analyst", "expert"
ALL = (M, S, A, E)


def _new_merchant(world: World) -> dict:
    known = world.merchants[0]
    return {"merchant_id": f"NEW-{uuid.uuid4().hex[:8]}", "name": "新商户", "base_limit_cny": 50000,
            "industry_code": known.industry_code, "region_code": known.region_code}


# method, path ({m} = the merchant targeted), json body factory, roles allowed, status when allowed
ROUTES = [
    ("GET", "/merchants/{m}", None, ALL, 200),
    ("GET", "/merchants/{m}/consents", None, (M, S, A), 200),
    ("POST", "/merchants/{m}/consents", lambda world: {"scope": "business_documents", "purpose": "credit_limit_review"},
     (M, S), 201),
    ("DELETE", "/merchants/{m}/consents/C-unknown", None, (M, S), 404),
    ("GET", "/merchants/{m}/evidence", None, (M, S, A), 200),
    ("POST", "/merchants/{m}/evidence", None, (M, S), 415),  # allowed, then refused: not multipart
    ("DELETE", "/merchants/{m}/evidence/EV-unknown", None, (M, S), 404),
    ("GET", "/merchants/{m}/decisions", None, ALL, 200),
]
GLOBAL_ROUTES = [
    ("GET", "/merchants", None, (S, A, E), 200),
    ("POST", "/merchants", _new_merchant, (S,), 201),
    ("POST", "/decisions/batch", lambda world: {"merchant_ids": ["NO-SUCH-MERCHANT"]}, (S,), 200),
    ("GET", "/audit/verify", None, (S, A), 200),
]


def _call(client: TestClient, world: World, method: str, path: str, body, headers: dict[str, str]) -> int:
    return client.request(method, path, json=body(world) if body else None, headers=headers).status_code


@pytest.mark.parametrize(("method", "path", "body", "allowed", "ok"), ROUTES, ids=[f"{r[0]} {r[1]}" for r in ROUTES])
def test_merchant_routes(client: TestClient, keys: Keys, loaded: World, method, path, body, allowed, ok) -> None:
    got, want = {}, {}
    for role, target in itertools.product((None, *ALL), ("own", "other")):
        merchant = keys.own_merchant if target == "own" else keys.other_merchant
        headers = keys.headers[role] if role else {}
        got[(role, target)] = _call(client, loaded, method, path.format(m=merchant), body, headers)
        if role is None:
            want[(role, target)] = 401
        elif role not in allowed or (role == M and target == "other"):
            want[(role, target)] = 403
        else:
            want[(role, target)] = ok
    assert got == want


@pytest.mark.parametrize(("method", "path", "body", "allowed", "ok"), GLOBAL_ROUTES,
                         ids=[f"{r[0]} {r[1]}" for r in GLOBAL_ROUTES])
def test_global_routes(client: TestClient, keys: Keys, loaded: World, method, path, body, allowed, ok) -> None:
    got = {role: _call(client, loaded, method, path, body, keys.headers[role] if role else {}) for role in (None, *ALL)}
    want = {role: 401 if role is None else ok if role in allowed else 403 for role in (None, *ALL)}
    assert got == want


def test_a_wrong_or_malformed_key_is_refused(client: TestClient, keys: Keys) -> None:
    real = keys.headers[S]["Authorization"].removeprefix("Bearer ")
    for presented in (real[:-1] + ("A" if real[-1] != "A" else "B"), "bk_nothing", "not-a-key"):
        response = client.get(f"/merchants/{keys.own_merchant}", headers={"X-API-Key": presented})
        assert response.status_code == 401, presented
        assert response.headers["www-authenticate"] == "Bearer"


def test_the_key_also_works_in_the_x_api_key_header(client: TestClient, keys: Keys) -> None:
    key = keys.headers[M]["Authorization"].removeprefix("Bearer ")
    assert client.get(f"/merchants/{keys.own_merchant}", headers={"X-API-Key": key}).status_code == 200


def test_a_merchant_refused_another_merchants_data_is_told_why(client: TestClient, keys: Keys) -> None:
    response = client.get(f"/merchants/{keys.other_merchant}/evidence", headers=keys.headers[M])
    assert response.status_code == 403
    assert "own merchant" in response.json()["detail"]


def test_health_needs_no_key(client: TestClient) -> None:
    assert client.get("/health/live").json() == {"status": "ok"}
