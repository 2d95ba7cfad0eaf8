"""Uploads are refused before anything is written: no consent, too large, or not a supported file."""
from __future__ import annotations

import anyio
from fastapi.testclient import TestClient
from neo4j import Driver

from tests.api.service.conftest import UPLOAD_CAP, Keys

PNG_HEAD = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _consent(client: TestClient, keys: Keys, merchant: str | None = None) -> str:
    headers = keys.headers["merchant"] if merchant in (None, keys.own_merchant) else keys.other_merchant_headers
    response = client.post(f"/merchants/{merchant or keys.own_merchant}/consents", headers=headers,
                           json={"scope": "business_documents", "purpose": "credit_limit_review"})
    assert response.status_code == 201
    return response.json()["consent_id"]


def _upload(client: TestClient, keys: Keys, data: bytes, consent_id: str | None, name: str = "licence.png"):
    form = {"consent_id": consent_id} if consent_id else {}
    return client.post(f"/merchants/{keys.own_merchant}/evidence", headers=keys.headers["merchant"],
                       files={"file": (name, data)}, data=form)


def _evidence_nodes(driver: Driver) -> int:
    return driver.execute_query("MATCH (e:Evidence) RETURN count(e) AS n").records[0]["n"]


def test_an_upload_must_name_a_consent(client: TestClient, keys: Keys) -> None:
    response = _upload(client, keys, PNG_HEAD, None)
    assert response.status_code == 422
    assert "consent_id" in response.json()["detail"]


def test_another_merchants_consent_does_not_cover_an_upload(client: TestClient, keys: Keys) -> None:
    theirs = _consent(client, keys, keys.other_merchant)
    response = _upload(client, keys, PNG_HEAD, theirs)
    assert response.status_code == 409
    assert "is not a consent of merchant" in response.json()["detail"]


def test_a_withdrawn_consent_no_longer_covers_uploads(client: TestClient, keys: Keys, driver: Driver) -> None:
    consent_id = _consent(client, keys)
    withdrawal = client.delete(f"/merchants/{keys.own_merchant}/consents/{consent_id}", headers=keys.headers["merchant"])
    assert withdrawal.status_code == 200
    assert withdrawal.json()["consent"]["active"] is False
    response = _upload(client, keys, PNG_HEAD, consent_id)
    assert response.status_code == 409
    assert "was withdrawn" in response.json()["detail"]
    listed = client.get(f"/merchants/{keys.own_merchant}/consents", headers=keys.headers["merchant"]).json()
    assert [(c["consent_id"], c["active"]) for c in listed] == [(consent_id, False)]
    assert _evidence_nodes(driver) == 0


def test_a_file_of_the_wrong_type_is_refused_by_name_and_nothing_is_written(
        client: TestClient, keys: Keys, driver: Driver) -> None:
    before = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    response = _upload(client, keys, b"\x7fELF\x02\x01\x01" + b"\x00" * 100, _consent(client, keys), name="invoice.jpg")
    assert response.status_code == 415
    assert response.json()["detail"] == "invoice.jpg: is an ELF executable, not a JPEG, PNG, WebP, HEIC or PDF file"
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == before


def test_a_declared_body_over_the_cap_is_refused_before_it_is_read(client: TestClient, keys: Keys) -> None:
    response = _upload(client, keys, PNG_HEAD + b"\x00" * (UPLOAD_CAP + 100_000), _consent(client, keys))
    assert response.status_code == 413
    assert f"{UPLOAD_CAP:,}-byte upload limit" in response.json()["detail"]


def test_a_streamed_body_over_the_cap_is_cut_off_without_reading_it_all(client: TestClient, keys: Keys) -> None:
    """No Content-Length (chunked): the server must count as it reads and stop at the cap."""
    consent_id = _consent(client, keys)
    boundary, chunk, chunks_total = "bailingboundary", b"\x00" * 65_536, 200  # 13 MB offered, cap 0.3 MB
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"consent_id\"\r\n\r\n{consent_id}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
            f"Content-Type: image/png\r\n\r\n").encode() + PNG_HEAD
    pulled, sent = 0, []
    token = keys.headers["merchant"]["Authorization"]

    async def receive() -> dict:
        nonlocal pulled
        pulled += 1
        body = head if pulled == 1 else chunk
        return {"type": "http.request", "body": body, "more_body": pulled < chunks_total}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": f"/merchants/{keys.own_merchant}/evidence", "raw_path": b"", "root_path": "", "query_string": b"",
             "headers": [(b"content-type", f"multipart/form-data; boundary={boundary}".encode()),
                         (b"authorization", token.encode()), (b"transfer-encoding", b"chunked")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80), "state": {}}
    anyio.run(client.app, scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 413
    assert pulled * len(chunk) < UPLOAD_CAP + 2 * len(chunk)  # stopped at the cap, not at the end of the body
    assert not list((client.app.state.settings.upload_dir).glob("*/*"))  # scratch file removed
