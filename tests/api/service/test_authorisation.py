"""Every route × every role × own/other merchant → the status a caller gets (README.md's role matrix).

A merchant key reaches only its own merchant; roles reach only what their job needs; no key, no entry.
Consent and evidence change only by the merchant's own act: its key, or a service key carrying its
delegation (``service+d`` below). Allowed calls are made with inputs whose outcome is known (an unknown
evidence id gives 404 after the access check passed), so the matrix proves the check and not just the
handler. A route the matrix does not list fails ``test_the_matrix_lists_every_route``.
"""
from __future__ import annotations

import itertools
import uuid

import pytest
from fastapi.testclient import TestClient

from api.cli.main import main
from api.service.settings import ServiceSettings
from seed_data.world.records import World
from tests.api.service.conftest import Keys

M, S, SD, A, E = "merchant", "service", "service+d", "analyst", "expert"
CALLERS = (M, S, SD, A, E)
CONSENT = {"scope": "business_documents", "purpose": "credit_limit_review"}


def _new_merchant(world: World, keys: Keys) -> dict:
    known = world.merchants[0]
    return {"merchant_id": f"NEW-{uuid.uuid4().hex[:8]}", "name": "新商户", "base_limit_cny": 50000,
            "industry_code": known.industry_code, "region_code": known.region_code}


def _delegation_body(world: World, keys: Keys) -> dict:
    return {"service_key_id": keys.key_id(S), **CONSENT}


# method, path ({m} = the merchant targeted), json body factory, callers allowed, status when allowed
ROUTES = [
    ("GET", "/merchants/{m}", None, (M, S, SD, A, E), 200),
    ("GET", "/merchants/{m}/decision", None, (M, S, SD, A, E), 200),
    ("GET", "/merchants/{m}/decision?recompute=true", None, (S, SD), 200),
    ("GET", "/merchants/{m}/decisions", None, (M, S, SD, A, E), 200),
    ("GET", "/merchants/{m}/consents", None, (M, S, SD, A), 200),
    ("POST", "/merchants/{m}/consents", lambda world, keys: CONSENT, (M, SD), 201),
    ("DELETE", "/merchants/{m}/consents/C-unknown", None, (M, SD), 404),
    ("POST", "/merchants/{m}/delegations", _delegation_body, (M,), 201),
    ("GET", "/merchants/{m}/evidence", None, (M, S, SD, A), 200),
    ("POST", "/merchants/{m}/evidence", None, (M, SD), 415),  # allowed, then refused: not multipart
    ("DELETE", "/merchants/{m}/evidence/EV-unknown", None, (M, SD), 404),
    ("GET", "/merchants/{m}/uploads/U-unknown", None, (M, S, SD, A), 404),
    ("POST", "/assistant/{m}/messages", lambda world, keys: {"text": "你好"}, (M, S, SD), 200),
    ("GET", "/assistant/{m}/messages", None, (M, S, SD), 200),
    ("POST", "/assistant/{m}/uploads/EV-unknown", None, (M, S, SD), 404),
]
# Routes not about one merchant: the delegation header changes nothing there.
GLOBAL_ROUTES = [
    ("GET", "/merchants", None, (S, A, E), 200),
    ("POST", "/merchants", _new_merchant, (S,), 201),
    ("POST", "/decisions/batch", lambda world, keys: {"merchant_ids": ["NO-SUCH-MERCHANT"]}, (S,), 200),
    ("GET", "/versions", None, (M, S, A, E), 200),
    ("GET", "/audit/verify", None, (S, A), 200),
]
# Delegated calls must name a delegation; these change nothing in the graph, so one serves them all.
DELEGATED_WRITES = {"POST", "DELETE"}


@pytest.fixture
def delegation(client: TestClient, keys: Keys) -> str:
    response = client.post(f"/merchants/{keys.own_merchant}/delegations", headers=keys.headers[M],
                           json=_delegation_body(None, keys))
    assert response.status_code == 201, response.text
    return response.json()["token"]


def _headers(keys: Keys, caller: str | None, delegation: str) -> dict[str, str]:
    if caller is None:
        return {}
    if caller == SD:
        return {**keys.headers[S], "X-Bailing-Delegation": delegation}
    return keys.headers[caller]


def _call(client: TestClient, world: World, keys: Keys, method: str, path: str, body, headers: dict[str, str]) -> int:
    return client.request(method, path, json=body(world, keys) if body else None, headers=headers).status_code


@pytest.mark.parametrize(("method", "path", "body", "allowed", "ok"), ROUTES, ids=[f"{r[0]} {r[1]}" for r in ROUTES])
def test_merchant_routes(client: TestClient, keys: Keys, loaded: World, delegation: str,
                         method, path, body, allowed, ok) -> None:
    got, want = {}, {}
    for caller, target in itertools.product((None, *CALLERS), ("own", "other")):
        merchant = keys.own_merchant if target == "own" else keys.other_merchant
        got[(caller, target)] = _call(client, loaded, keys, method, path.format(m=merchant), body,
                                      _headers(keys, caller, delegation))
        if caller is None:
            want[(caller, target)] = 401
        elif caller not in allowed or (caller == M and target == "other"):
            want[(caller, target)] = 403
        elif caller == SD and target == "other" and S not in allowed:  # the delegation is the own merchant's
            want[(caller, target)] = 403
        else:
            want[(caller, target)] = ok
    assert got == want


@pytest.mark.parametrize(("method", "path", "body", "allowed", "ok"), GLOBAL_ROUTES,
                         ids=[f"{r[0]} {r[1]}" for r in GLOBAL_ROUTES])
def test_global_routes(client: TestClient, keys: Keys, loaded: World, method, path, body, allowed, ok) -> None:
    callers = (None, M, S, A, E)
    got = {c: _call(client, loaded, keys, method, path, body, keys.headers[c] if c else {}) for c in callers}
    want = {c: 401 if c is None else ok if c in allowed else 403 for c in callers}
    assert got == want


def test_the_matrix_lists_every_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    secured = {(method.upper(), path) for path, ops in spec["paths"].items() for method, op in ops.items()
               if op.get("security", spec["security"])}

    def template(route: str) -> str:
        path = route.split("?")[0].replace("{m}", "{merchant_id}")
        return (path.replace("C-unknown", "{consent_id}").replace("/evidence/EV-unknown", "/evidence/{evidence_id}")
                .replace("/uploads/EV-unknown", "/uploads/{evidence_id}").replace("/uploads/U-unknown", "/uploads/{upload_id}"))

    listed = {(r[0], template(r[1])) for r in ROUTES + GLOBAL_ROUTES}
    assert secured == listed


def test_experts_see_no_names_or_usccs(client: TestClient, keys: Keys) -> None:
    url = f"/merchants/{keys.own_merchant}"
    analyst, expert = client.get(url, headers=keys.headers[A]).json(), client.get(url, headers=keys.headers[E]).json()
    assert analyst["name"] and analyst["uscc"]
    assert expert["name"] is None and expert["uscc"] is None
    assert expert["industry_code"] == analyst["industry_code"]  # what the rules need stays


def test_a_read_role_cannot_recompute_and_so_writes_nothing(client: TestClient, keys: Keys) -> None:
    url = f"/merchants/{keys.own_merchant}"
    client.get(f"{url}/decision", headers=keys.headers[A])
    history = client.get(f"{url}/decisions", headers=keys.headers[A]).json()["decisions"]
    for role in (A, E, M):
        assert client.get(f"{url}/decision?recompute=true", headers=keys.headers[role]).status_code == 403
    assert client.get(f"{url}/decisions", headers=keys.headers[A]).json()["decisions"] == history


def test_a_wrong_or_malformed_key_is_refused(client: TestClient, keys: Keys) -> None:
    real = keys.headers[S]["Authorization"].removeprefix("Bearer ")
    for presented in (real[:-1] + ("A" if real[-1] != "A" else "B"), "bk_nothing", "not-a-key"):
        response = client.get(f"/merchants/{keys.own_merchant}", headers={"X-API-Key": presented})
        assert response.status_code == 401, presented
        assert response.headers["www-authenticate"] == "Bearer"


def test_a_key_revoked_with_the_cli_is_refused_on_the_next_request(client: TestClient, keys: Keys,
                                                                    settings: ServiceSettings) -> None:
    url = f"/merchants/{keys.own_merchant}/decisions"
    assert client.get(url, headers=keys.headers[A]).status_code == 200  # verified, so remembered by the worker
    assert main(["api-key", "revoke", keys.key_id(A), "--home", str(settings.home)]) == 0
    assert client.get(url, headers=keys.headers[A]).status_code == 401


def test_the_key_also_works_in_the_x_api_key_header(client: TestClient, keys: Keys) -> None:
    key = keys.headers[M]["Authorization"].removeprefix("Bearer ")
    assert client.get(f"/merchants/{keys.own_merchant}", headers={"X-API-Key": key}).status_code == 200


def test_a_merchant_refused_another_merchants_data_is_told_why(client: TestClient, keys: Keys) -> None:
    response = client.get(f"/merchants/{keys.other_merchant}/evidence", headers=keys.headers[M])
    assert response.status_code == 403
    assert "own merchant" in response.json()["detail"]


def test_health_needs_no_key(client: TestClient) -> None:
    assert client.get("/health/live").json() == {"status": "ok"}
