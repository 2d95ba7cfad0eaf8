"""Readiness says what is missing; liveness only that the process answers."""
from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.service.app import create_app
from api.service.settings import ServiceSettings


def test_ready_when_neo4j_rule_set_model_and_audit_log_are(client: TestClient) -> None:
    response = client.get("/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["ready"] is True
    assert set(body["checks"]) == {"neo4j", "decision_engine", "audit_log"}


def test_not_ready_without_a_trained_model_and_says_so(settings: ServiceSettings, tmp_path: Path) -> None:
    with TestClient(create_app(settings.with_(model_dir=tmp_path / "no-models"))) as client:
        response = client.get("/health/ready")
        assert client.get("/health/live").status_code == 200
    assert response.status_code == 503
    assert "bailing train" in response.json()["checks"]["decision_engine"]
