"""Consent is the merchant's own act: a service records it only with the merchant's short-lived
delegation, within the scope and purpose the merchant named, and the audit log keeps the terms."""
from __future__ import annotations

import time

from fastapi.testclient import TestClient

from api.service.auth import ApiKeyStore, Role
from api.service.settings import ServiceSettings
from tests.api.service.conftest import Keys

CONSENT = {"scope": "business_documents", "purpose": "credit_limit_review"}


def _delegate(client: TestClient, keys: Keys, **changes: object) -> dict:
    body = {"service_key_id": keys.key_id("service"), **CONSENT, **changes}
    response = client.post(f"/merchants/{keys.own_merchant}/delegations", headers=keys.headers["merchant"], json=body)
    assert response.status_code == 201, response.text
    return response.json()


def _as_service(keys: Keys, token: str | None) -> dict[str, str]:
    return {**keys.headers["service"], **({"X-Bailing-Delegation": token} if token else {})}


def test_a_service_key_alone_cannot_grant_consent(client: TestClient, keys: Keys) -> None:
    response = client.post(f"/merchants/{keys.own_merchant}/consents", headers=_as_service(keys, None), json=CONSENT)
    assert response.status_code == 403
    assert "delegation" in response.json()["detail"]
    assert client.get(f"/merchants/{keys.own_merchant}/consents", headers=keys.headers["merchant"]).json() == []


def test_a_delegated_service_grants_and_withdraws_and_the_audit_log_keeps_the_terms(
        client: TestClient, keys: Keys) -> None:
    issued = _delegate(client, keys, expires_in_s=600)
    url = f"/merchants/{keys.own_merchant}/consents"
    granted = client.post(url, headers=_as_service(keys, issued["token"]), json=CONSENT)
    assert granted.status_code == 201, granted.text
    withdrawn = client.delete(f"{url}/{granted.json()['consent_id']}", headers=_as_service(keys, issued["token"]))
    assert withdrawn.status_code == 200 and withdrawn.json()["consent"]["active"] is False

    events = client.app.state.access_log.events(merchant_id=keys.own_merchant)
    assert [e.kind for e in events] == ["delegation_granted", "delegated_action", "delegated_action"]
    terms = {"delegation_id": issued["delegation_id"], "service_key_id": keys.key_id("service"), **CONSENT}
    for event in events:
        assert terms.items() <= event.detail.items()
        assert event.detail["expires_at"].startswith(issued["expires_at"][:19])
    assert events[0].actor_key_id == keys.key_id("merchant")
    assert events[1].actor_key_id == keys.key_id("service")
    assert [e.detail.get("action", "").split(" ")[0] for e in events[1:]] == ["POST", "DELETE"]
    assert client.get("/audit/verify", headers=keys.headers["analyst"]).json()["ok"]


def test_a_delegation_covers_only_its_scope_and_purpose(client: TestClient, keys: Keys) -> None:
    issued = _delegate(client, keys)
    other_scope = {"scope": "financial_accounts", "purpose": CONSENT["purpose"]}
    response = client.post(f"/merchants/{keys.own_merchant}/consents", headers=_as_service(keys, issued["token"]),
                           json=other_scope)
    assert response.status_code == 403
    assert "financial_accounts" in response.json()["detail"]
    # A consent the merchant gave itself under another scope is beyond the delegation too.
    own = client.post(f"/merchants/{keys.own_merchant}/consents", headers=keys.headers["merchant"], json=other_scope)
    refused = client.delete(f"/merchants/{keys.own_merchant}/consents/{own.json()['consent_id']}",
                            headers=_as_service(keys, issued["token"]))
    assert refused.status_code == 403


def test_an_expired_delegation_is_refused(client: TestClient, keys: Keys) -> None:
    issued = _delegate(client, keys, expires_in_s=1)
    time.sleep(1.2)
    response = client.post(f"/merchants/{keys.own_merchant}/consents", headers=_as_service(keys, issued["token"]),
                           json=CONSENT)
    assert response.status_code == 403
    assert "expired" in response.json()["detail"]


def test_a_delegation_works_only_with_the_service_key_it_names(client: TestClient, keys: Keys,
                                                               settings: ServiceSettings) -> None:
    issued = _delegate(client, keys)
    another_service = ApiKeyStore(settings.keys_db).create(Role.SERVICE).secret_key
    response = client.post(f"/merchants/{keys.own_merchant}/consents", json=CONSENT,
                           headers={"Authorization": f"Bearer {another_service}", "X-Bailing-Delegation": issued["token"]})
    assert response.status_code == 403
    assert "another service key" in response.json()["detail"]


def test_a_tampered_token_is_refused(client: TestClient, keys: Keys) -> None:
    token = _delegate(client, keys)["token"]
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = client.post(f"/merchants/{keys.own_merchant}/consents", headers=_as_service(keys, forged), json=CONSENT)
    assert response.status_code == 403


def test_a_delegated_upload_under_a_consent_of_another_scope_is_refused_before_it_is_read(
        client: TestClient, keys: Keys) -> None:
    token = _delegate(client, keys)["token"]
    accounts = client.post(f"/merchants/{keys.own_merchant}/consents", headers=keys.headers["merchant"],
                           json={"scope": "financial_accounts", "purpose": CONSENT["purpose"]}).json()
    response = client.post(f"/merchants/{keys.own_merchant}/evidence", headers=_as_service(keys, token),
                           data={"consent_id": accounts["consent_id"]},
                           files={"file": ("statement.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)})
    assert response.status_code == 403
    assert "financial_accounts" in response.json()["detail"]
