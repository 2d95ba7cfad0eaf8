"""Errors a client can rely on: every 4xx/5xx body is the one the OpenAPI document declares for that
route and status, blank text is a 422 (never a 500), and an unexpected failure is a 500 with an id the
audit log records, never a traceback."""
from __future__ import annotations

import sqlite3
import uuid

import pytest
from fastapi.testclient import TestClient

from api.service.app import create_app
from api.service.settings import ServiceSettings
from seed_data.world.records import World
from tests.api.service.conftest import Keys

_TYPES = {"string": str, "integer": int, "boolean": bool, "object": dict, "array": list}


def _declared(spec: dict, method: str, template: str, status: int) -> dict:
    responses = spec["paths"][template][method.lower()]["responses"]
    assert str(status) in responses, f"{method} {template} answers {status}, which the spec does not declare"
    ref = responses[str(status)]["content"]["application/json"]["schema"]["$ref"]
    return spec["components"]["schemas"][ref.rsplit("/", 1)[1]]


def _assert_matches(body: object, schema: dict) -> None:
    assert isinstance(body, dict)
    assert set(schema.get("required", ())) <= body.keys()
    for key, value in body.items():
        assert key in schema["properties"], f"{key!r} is not in the declared body"
        assert isinstance(value, _TYPES[schema["properties"][key]["type"]]), (key, value)


def test_whitespace_only_scope_or_purpose_is_a_422_that_says_so(client: TestClient, keys: Keys) -> None:
    url = f"/merchants/{keys.own_merchant}/consents"
    for body in ({"scope": "   ", "purpose": "credit_limit_review"}, {"scope": "business_documents", "purpose": "\t\n"}):
        response = client.post(url, headers=keys.headers["merchant"], json=body)
        assert response.status_code == 422, response.text
        assert "must not be blank" in response.json()["detail"]
    assert client.get(url, headers=keys.headers["merchant"]).json() == []  # nothing was recorded


def test_blank_registration_fields_are_refused(client: TestClient, keys: Keys, loaded: World) -> None:
    known = loaded.merchants[0]
    body = {"merchant_id": f"NEW-{uuid.uuid4().hex[:8]}", "name": "  ", "base_limit_cny": 1000,
            "industry_code": known.industry_code, "region_code": " "}
    response = client.post("/merchants", headers=keys.headers["service"], json=body)
    assert response.status_code == 422
    assert response.json()["detail"] == "name: must not be blank; region_code: must not be blank"


def test_every_error_body_matches_the_schema_the_spec_declares(client: TestClient, keys: Keys) -> None:
    spec = client.get("/openapi.json").json()
    own, merchant, service = keys.own_merchant, keys.headers["merchant"], keys.headers["service"]
    calls = [  # method, URL, template in the spec, headers, JSON body, expected status
        ("GET", f"/merchants/{own}/decisions?limit=0", "/merchants/{merchant_id}/decisions", merchant, None, 422),
        ("GET", f"/merchants/{own}/decisions?before=x", "/merchants/{merchant_id}/decisions", merchant, None, 422),
        ("POST", f"/merchants/{own}/consents", "/merchants/{merchant_id}/consents", merchant, {"scope": "x"}, 422),
        ("POST", "/merchants", "/merchants", service, {"merchant_id": "bad id!"}, 422),
        ("POST", "/decisions/batch", "/decisions/batch", service, {"merchant_ids": []}, 422),
        ("POST", f"/merchants/{own}/evidence", "/merchants/{merchant_id}/evidence", merchant, None, 415),
        ("GET", f"/merchants/{own}", "/merchants/{merchant_id}", {}, None, 401),
        ("GET", f"/merchants/{keys.other_merchant}", "/merchants/{merchant_id}", merchant, None, 403),
        ("GET", "/merchants/NO-SUCH", "/merchants/{merchant_id}", service, None, 404),
        ("DELETE", f"/merchants/{own}/consents/C-x", "/merchants/{merchant_id}/consents/{consent_id}", merchant, None, 404),
    ]
    for method, url, template, headers, body, status in calls:
        response = client.request(method, url, headers=headers, json=body)
        assert response.status_code == status, (method, url, response.text)
        _assert_matches(response.json(), _declared(spec, method, template, status))
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_an_unexpected_failure_is_a_500_with_an_audited_id_and_no_traceback(
        settings: ServiceSettings, loaded: World, keys: Keys) -> None:
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        # A damaged data file, as a disk or an operator could leave it: the consents table is gone.
        with sqlite3.connect(settings.consent_db) as db:
            db.execute("DROP TABLE consent_uses")
            db.execute("DROP TABLE consents")
        response = client.post(f"/merchants/{keys.own_merchant}/consents", headers=keys.headers["merchant"],
                               json={"scope": "business_documents", "purpose": "credit_limit_review"})
        assert response.status_code == 500
        body = response.json()
        _assert_matches(body, _declared(client.get("/openapi.json").json(), "POST",
                                        "/merchants/{merchant_id}/consents", 500))
        assert "Traceback" not in response.text and "sqlite" not in response.text.lower()
        logged = client.app.state.access_log.events(kind="server_error")
        assert [(e.detail["error_id"], e.merchant_id, e.detail["exception"]) for e in logged] == [
            (body["error_id"], keys.own_merchant, "OperationalError")]


@pytest.mark.parametrize("as_of_world_day", [True, False], ids=["as_of the world's day", "as_of today"])
def test_a_merchant_registered_through_the_api_is_scoreable_at_once(
        settings: ServiceSettings, loaded: World, keys: Keys, as_of_world_day: bool) -> None:
    known = loaded.merchants[0]
    day = settings.with_(as_of=loaded.as_of if as_of_world_day else None)
    with TestClient(create_app(day)) as client:
        new_id = f"NEW-{uuid.uuid4().hex[:8]}"
        created = client.post("/merchants", headers=keys.headers["service"], json={
            "merchant_id": new_id, "name": "新商户", "base_limit_cny": 50000,
            "industry_code": known.industry_code, "region_code": known.region_code})
        assert created.status_code == 201, created.text
        decision = client.get(f"/merchants/{new_id}/decision", headers=keys.headers["service"])
        assert decision.status_code == 200, decision.text
        assert decision.json()["base_limit_cny"] == 50000
