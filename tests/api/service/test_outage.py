"""Neo4j stopped, then killed, under the running service: every route answers within 2 s (503 with
Retry-After where it needs the graph), uploads are refused before the file is read, and the service
recovers by itself within 10 s of Bolt being back.

The test stops a Neo4j of its own (its own home, free ports), never the session's shared server.
"""
from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.demo.world_loader import load_world
from api.service.app import create_app
from api.service.auth import ApiKeyStore, Role
from api.service.settings import ServiceSettings
from graph.connection import GraphTarget
from graph.schema.migrations import apply_migrations
from graph.server import Neo4jServer
from seed_data.world.records import World
from tests.conftest import test_server_settings

CONSENT = {"scope": "business_documents", "purpose": "credit_limit_review"}
FAST_S = 2.0
RECOVERY_S = 10.0


@pytest.fixture
def own_neo4j(tmp_path: Path, world: World) -> Iterator[Neo4jServer]:
    server = Neo4jServer(test_server_settings(tmp_path / "neo4j"))
    server.start()
    try:
        with GraphTarget.local(server.settings, env={}).driver() as driver:
            apply_migrations(driver, database="neo4j")
            load_world(driver, world)
        yield server
    finally:
        server.stop()


def _bearer(store: ApiKeyStore, role: Role, merchant_id: str | None = None) -> dict[str, str]:
    return {"Authorization": f"Bearer {store.create(role, merchant_id=merchant_id).secret_key}"}


def _calls(own: str, fresh: str, consent_id: str, evidence_id: str, known: World) -> list[tuple]:
    """(method, spec path, url, caller, request kwargs, status while Neo4j is down)."""
    industry, region = known.merchants[0].industry_code, known.merchants[0].region_code
    m = "/merchants/{merchant_id}"
    return [
        ("GET", m, f"/merchants/{own}", "service", {}, 503),
        # A stored current decision is an audit-log read: it is served through the outage.
        ("GET", f"{m}/decision", f"/merchants/{own}/decision", "merchant", {}, 200),
        ("GET", f"{m}/decision", f"/merchants/{fresh}/decision", "service", {}, 503),  # never decided: needs the graph
        ("GET", f"{m}/decision", f"/merchants/{own}/decision?recompute=true", "service", {}, 503),
        ("GET", f"{m}/decisions", f"/merchants/{own}/decisions", "merchant", {}, 200),
        ("GET", f"{m}/consents", f"/merchants/{own}/consents", "merchant", {}, 503),
        ("POST", f"{m}/consents", f"/merchants/{own}/consents", "merchant", {"json": CONSENT}, 503),
        ("DELETE", f"{m}/consents/{{consent_id}}", f"/merchants/{own}/consents/{consent_id}", "merchant", {}, 503),
        ("POST", f"{m}/delegations", f"/merchants/{own}/delegations", "merchant",
         {"json": {"service_key_id": "ab12", **CONSENT}}, 201),  # a SQLite grant: no graph involved
        ("GET", f"{m}/evidence", f"/merchants/{own}/evidence", "merchant", {}, 503),
        ("POST", f"{m}/evidence", f"/merchants/{own}/evidence", "merchant",
         {"files": {"file": ("invoice.png", b"\x89PNG\r\n\x1a\n" + bytes(200_000), "image/png")},
          "data": {"consent_id": consent_id}}, 503),
        ("DELETE", f"{m}/evidence/{{evidence_id}}", f"/merchants/{own}/evidence/{evidence_id}", "merchant", {}, 503),
        # An upload's status is a queue read: an unknown id is a plain 404 through the outage.
        ("GET", f"{m}/uploads/{{upload_id}}", f"/merchants/{own}/uploads/U-unknown", "merchant", {}, 404),
        ("GET", "/merchants", "/merchants", "service", {}, 503),
        ("POST", "/merchants", "/merchants", "service",
         {"json": {"merchant_id": "NEW-OUTAGE", "name": "新商户", "base_limit_cny": 50000,
                   "industry_code": industry, "region_code": region}}, 503),
        ("POST", "/decisions/batch", "/decisions/batch", "service", {"json": {"merchant_ids": [own]}}, 503),
        ("GET", "/versions", "/versions", "service", {}, 200),
        ("GET", "/audit/verify", "/audit/verify", "analyst", {}, 200),
        ("POST", "/assistant/{merchant_id}/messages", f"/assistant/{own}/messages", "merchant", {"json": {"text": "额度"}}, 503),
        ("GET", "/assistant/{merchant_id}/messages", f"/assistant/{own}/messages", "merchant", {}, 200),
        ("POST", "/assistant/{merchant_id}/uploads/{evidence_id}", f"/assistant/{own}/uploads/{evidence_id}",
         "merchant", {}, 503),
        ("GET", "/health/live", "/health/live", None, {}, 200),
        ("GET", "/health/ready", "/health/ready", None, {}, 503),
    ]


def _answers_fast(client: TestClient, calls: list[tuple], headers: dict[str, dict[str, str]]) -> list[str]:
    problems = []
    for method, _, url, caller, kwargs, expected in calls:
        started = time.monotonic()
        response = client.request(method, url, headers=headers.get(caller, {}), **kwargs)
        took = time.monotonic() - started
        where = f"{method} {url} as {caller}: {response.status_code} after {took:.2f} s"
        if took > FAST_S or response.status_code != expected:
            problems.append(f"{where}, wanted {expected} within {FAST_S} s: {response.text[:160]}")
        elif expected == 503 and url != "/health/ready":
            body = response.json()
            if set(body) != {"detail"} or not body["detail"] or int(response.headers.get("Retry-After", "0")) < 1:
                problems.append(f"{where}: not a Problem with Retry-After: {response.headers} {body}")
    return problems


def _recovers(client: TestClient, url: str, headers: dict[str, str]) -> float:
    """Seconds from now until ``url`` answers 200 (Bolt is already back when this is called)."""
    back = time.monotonic()
    while time.monotonic() - back < RECOVERY_S + 5:
        if client.get(url, headers=headers).status_code == 200:
            return time.monotonic() - back
        time.sleep(0.2)
    return float("inf")


@pytest.mark.slow
def test_with_neo4j_down_every_route_answers_within_2_s_and_the_service_comes_back(
        tmp_path: Path, own_neo4j: Neo4jServer, model_dir: Path, world: World) -> None:
    settings = ServiceSettings(home=tmp_path / "api", graph=GraphTarget.local(own_neo4j.settings, env={}),
                               model_dir=model_dir)
    store = ApiKeyStore(settings.keys_db)
    own, fresh = world.merchants[0].merchant_id, world.merchants[1].merchant_id
    headers = {"merchant": _bearer(store, Role.MERCHANT, own), "service": _bearer(store, Role.SERVICE),
               "analyst": _bearer(store, Role.ANALYST)}
    with TestClient(create_app(settings)) as client:
        assert client.get(f"/merchants/{own}/decision", headers=headers["merchant"]).status_code == 200
        consent = client.post(f"/merchants/{own}/consents", headers=headers["merchant"], json=CONSENT)
        assert consent.status_code == 201, consent.text
        calls = _calls(own, fresh, consent.json()["consent_id"], "EV-unknown", world)
        spec = client.get("/openapi.json").json()["paths"]
        operations = {(method.upper(), path) for path, item in spec.items() for method in item}
        assert operations == {(method, path) for method, path, *_ in calls}, "a route is missing from the outage table"

        own_neo4j.stop()  # clean stop (SIGTERM)
        assert _answers_fast(client, calls, headers) == []
        assert not settings.upload_dir.exists() or not any(settings.upload_dir.iterdir()), \
            "an upload was read while the graph was down"
        own_neo4j.start()
        assert _recovers(client, f"/merchants/{own}", headers["service"]) <= RECOVERY_S

        os.kill(own_neo4j.pid(), signal.SIGKILL)  # no goodbye on the sockets this time
        time.sleep(0.5)  # the kernel has closed them; what matters is how the service learns it
        assert _answers_fast(client, calls, headers) == []
        own_neo4j.start()
        assert _recovers(client, f"/merchants/{own}/consents", headers["merchant"]) <= RECOVERY_S
        assert client.get(f"/merchants/{fresh}/decision", headers=headers["service"]).status_code == 200
