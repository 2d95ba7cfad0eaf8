"""The durable upload queue (issue 13, item 8): an accepted upload is answered at once with 202 and a
status URL, processed by a worker, and survives the worker's death: killed mid-OCR and the upload
worker process restarted by `bailing serve`, it is finished exactly once."""
from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.service.auth import ApiKeyStore
from api.service.ingestion import Ingestor
from api.service.upload_processor import UploadProcessor
from api.service.upload_queue import UploadQueue, UploadState
from graph.connection import GraphTarget
from graph.server import Neo4jServer
from seed_data.render import render_evidence
from seed_data.world.records import World
from tests.api.service.api_process import ApiProcess, ServedApi
from tests.api.service.conftest import Keys

CONSENT = {"scope": "business_documents", "purpose": "credit_limit_review"}
HOST = socket.gethostname()


def _queued(queue: UploadQueue, tmp_path: Path, n: int = 1) -> list[str]:
    ids = []
    for i in range(n):
        folder = queue.scratch()
        folder.mkdir(parents=True)
        (folder / "a.png").write_bytes(b"x")
        ids.append(queue.enqueue(merchant_id="M1", consent_id="C1", actor_key_id="k", path=folder / "a.png",
                                 filename="a.png", size=1).upload_id)
        time.sleep(0.002)  # distinct acceptance times: the order is the queue's
    return ids


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_uploads_are_claimed_oldest_first_and_a_held_claim_is_not_taken(tmp_path: Path) -> None:
    queue = UploadQueue(tmp_path / "q.sqlite", tmp_path / "files")
    first, second = _queued(queue, tmp_path, 2)
    assert queue.ahead_of(queue.get(second)) == 1
    assert queue.claim("other-host:1").upload_id == first
    assert queue.claim("other-host:2").upload_id == second
    assert queue.claim("other-host:3") is None  # both held under live leases


def test_an_upload_whose_worker_process_is_gone_is_taken_again_at_once_and_finished_once(tmp_path: Path) -> None:
    queue = UploadQueue(tmp_path / "q.sqlite", tmp_path / "files", lease_s=3600)
    (upload_id,) = _queued(queue, tmp_path)
    dead = f"{HOST}:{_dead_pid()}"
    assert queue.claim(dead).upload_id == upload_id
    taken = queue.claim("other-host:9")
    assert taken is not None and taken.upload_id == upload_id and taken.attempts == 2
    assert not queue.finish(upload_id, dead, result={"by": "dead"})  # it lost the claim
    assert queue.finish(upload_id, "other-host:9", result={"by": "live"})
    done = queue.get(upload_id)
    assert (done.state, done.result) == (UploadState.DONE, {"by": "live"})
    assert not (tmp_path / "files" / upload_id).exists()  # the file goes once the upload is finished


def test_a_lapsed_lease_is_taken_again_and_renewal_keeps_one(tmp_path: Path) -> None:
    queue = UploadQueue(tmp_path / "q.sqlite", tmp_path / "files", lease_s=0.3)
    kept, lapsed = _queued(queue, tmp_path, 2)
    queue.claim("host-a:1")
    queue.claim("host-b:1")
    for _ in range(3):
        time.sleep(0.15)
        assert queue.renew(kept, "host-a:1")
    assert queue.claim("host-c:1").upload_id == lapsed


def test_an_upload_that_keeps_stopping_its_worker_is_failed_not_retried_for_ever(tmp_path: Path) -> None:
    queue = UploadQueue(tmp_path / "q.sqlite", tmp_path / "files", max_attempts=2)
    (upload_id,) = _queued(queue, tmp_path)
    for _ in range(2):
        assert queue.claim(f"{HOST}:{_dead_pid()}").upload_id == upload_id
    assert queue.claim("other-host:1") is None
    failed = queue.get(upload_id)
    assert failed.state is UploadState.FAILED and failed.error_status == 500
    assert "stopped 2 times" in failed.error_detail


def test_an_upload_given_back_in_an_outage_spends_no_attempt_and_waits_its_turn(tmp_path: Path) -> None:
    queue = UploadQueue(tmp_path / "q.sqlite", tmp_path / "files", max_attempts=1)
    (upload_id,) = _queued(queue, tmp_path)
    queue.claim("w:1")
    queue.release(upload_id, "w:1", delay_s=0.3)
    assert queue.claim("w:1") is None  # not before its Retry-After
    time.sleep(0.35)
    again = queue.claim("w:1")
    assert again is not None and again.attempts == 1


def _clean_document(world: World, merchant_id: str, tmp_path: Path) -> Path:
    merchant = next(m for m in world.merchants if m.merchant_id == merchant_id)
    item = next(i for i in merchant.evidence if i.doc_type in ("business_licence", "vat_special_invoice")
                and i.fraud_kind is None)
    return render_evidence(world, merchant, item, tmp_path)


def _processor(state) -> UploadProcessor:
    """The app's own parts, run by hand: a test holds the queue still and works one upload itself."""
    return UploadProcessor(ingestor=Ingestor(state.driver, max_bytes=10**7, graph_ready=state.breaker.check),
                           scorer=state.scorer, consents=state.consents, access_log=state.access_log,
                           driver=state.driver, database="neo4j")


@pytest.mark.slow
def test_an_upload_is_answered_at_once_with_202_and_its_status_url_reports_the_result(
        client: TestClient, keys: Keys, loaded: World, tmp_path: Path) -> None:
    own, auth = keys.own_merchant, keys.headers["merchant"]
    consent = client.post(f"/merchants/{own}/consents", headers=auth, json=CONSENT).json()["consent_id"]
    page = _clean_document(loaded, own, tmp_path)
    started = time.monotonic()
    accepted = client.post(f"/merchants/{own}/evidence", headers=auth, data={"consent_id": consent},
                           files={"file": (page.name, page.read_bytes())})
    assert accepted.status_code == 202 and time.monotonic() - started < 1.0, accepted.text
    status_url = accepted.headers["Location"]
    assert accepted.json()["status_url"] == status_url and accepted.json()["state"] in ("queued", "processing")
    deadline = time.monotonic() + 300
    while (state := client.get(status_url, headers=auth).json())["state"] not in ("done", "failed"):
        assert time.monotonic() < deadline
        time.sleep(0.5)
    assert state["state"] == "done", state
    (evidence,) = state["result"]["evidence"]
    assert state["result"]["decision"]["trigger"] == "evidence_upload"
    listed = client.get(f"/merchants/{own}/evidence", headers=auth).json()
    assert [e["evidence_id"] for e in listed] == [evidence["evidence_id"]]
    # another merchant reaches neither the status nor, through its own path, the upload
    assert client.get(status_url, headers=keys.other_merchant_headers).status_code == 403
    theirs = status_url.replace(own, keys.other_merchant)
    assert client.get(theirs, headers=keys.other_merchant_headers).status_code == 404


@pytest.mark.slow
def test_consent_withdrawn_while_the_upload_waits_means_it_is_not_processed(
        client: TestClient, keys: Keys, loaded: World, driver: Driver, tmp_path: Path) -> None:
    own, auth = keys.own_merchant, keys.headers["merchant"]
    consent = client.post(f"/merchants/{own}/consents", headers=auth, json=CONSENT).json()["consent_id"]
    queue: UploadQueue = client.app.state.upload_queue
    folder = queue.scratch()
    folder.mkdir(parents=True)
    page = _clean_document(loaded, own, folder)
    client.app.state.upload_workers.stop()  # hold the queue still while the consent is withdrawn
    queue.enqueue(merchant_id=own, consent_id=consent, actor_key_id="k", path=page, filename=page.name,
                           size=page.stat().st_size)
    assert client.delete(f"/merchants/{own}/consents/{consent}", headers=auth).status_code == 200
    claimed = queue.claim("test:1")
    state = client.app.state
    process = _processor(state)
    outcome = process(claimed)
    assert outcome.error_status == 409 and "withdrawn" in outcome.error_detail
    assert driver.execute_query("MATCH (e:Evidence) RETURN count(e) AS n").records[0]["n"] == 0


@pytest.mark.slow
def test_an_upload_that_fails_on_our_side_answers_a_500_with_an_audited_error_id(
        client: TestClient, keys: Keys, loaded: World) -> None:
    """The failure's id is in the status and in the audit log's access events; the traceback is not."""
    own, auth = keys.own_merchant, keys.headers["merchant"]
    consent = client.post(f"/merchants/{own}/consents", headers=auth, json=CONSENT).json()["consent_id"]
    queue: UploadQueue = client.app.state.upload_queue
    client.app.state.upload_workers.stop()
    folder = queue.scratch()
    page = _clean_document(loaded, own, folder)
    queued = queue.enqueue(merchant_id=own, consent_id=consent, actor_key_id="k", path=page, filename=page.name,
                           size=page.stat().st_size)
    state = client.app.state
    with sqlite3.connect(state.settings.consent_db) as db:  # a damaged data file, as a disk could leave it
        db.execute("DROP TABLE consent_uses")
    process = _processor(state)
    outcome = process(queue.claim("test:1"))
    assert outcome.error_status == 500 and outcome.error_id and outcome.error_id in outcome.error_detail
    assert queue.finish(queued.upload_id, "test:1", error_status=outcome.error_status,
                        error_detail=outcome.error_detail, error_id=outcome.error_id)
    status = client.get(f"/merchants/{own}/uploads/{queued.upload_id}", headers=auth).json()
    assert status["state"] == "failed" and status["error"]["error_id"] == outcome.error_id
    audited = [e for e in state.access_log.events() if e.kind == "server_error"]
    assert [e.detail["error_id"] for e in audited] == [outcome.error_id]


def _wait_state(api: ApiProcess, url: str, auth: dict, wanted: set[str], deadline_s: float) -> dict:
    deadline = time.monotonic() + deadline_s
    while True:
        state = httpx.get(api.base + url, headers=auth, timeout=10).json()
        if state["state"] in wanted:
            return state
        assert time.monotonic() < deadline, f"still {state['state']} after {deadline_s} s"
        time.sleep(0.05)


@pytest.mark.slow
def test_an_upload_worker_killed_mid_ocr_is_restarted_and_finishes_the_upload_exactly_once(
        tmp_path: Path, neo4j_server: Neo4jServer, model_dir: Path, loaded: World, driver: Driver) -> None:
    own = loaded.merchants[0].merchant_id
    api = ServedApi(tmp_path / "api", GraphTarget.local(neo4j_server.settings, env={}), model_dir=model_dir,
                    as_of=loaded.as_of.isoformat())
    auth = {"Authorization": f"Bearer {ApiKeyStore(api.home / 'keys.sqlite').create('merchant', merchant_id=own).secret_key}"}
    api.start()
    try:
        consent = httpx.post(f"{api.base}/merchants/{own}/consents", headers=auth, json=CONSENT,
                             timeout=30).json()["consent_id"]
        page = _clean_document(loaded, own, tmp_path)
        accepted = httpx.post(f"{api.base}/merchants/{own}/evidence", headers=auth, data={"consent_id": consent},
                              files={"file": (page.name, page.read_bytes())}, timeout=30)
        assert accepted.status_code == 202, accepted.text
        url = accepted.headers["Location"]
        _wait_state(api, url, auth, {"processing"}, 60)
        worker = api.upload_worker_pid()
        assert worker is not None
        os.kill(worker, signal.SIGKILL)  # mid-way: the OCR engine loads and reads the page for seconds after the claim
        queue = UploadQueue(api.home / "uploads.sqlite", api.home / "uploads")
        assert queue.get(url.rsplit("/", 1)[1]).state is UploadState.PROCESSING  # killed before it finished
        done = _wait_state(api, url, auth, {"done", "failed"}, 300)  # `bailing serve` starts a new worker
        assert done["state"] == "done" and done["attempts"] == 2, done
        assert api.upload_worker_pid() not in (None, worker)
        (evidence,) = done["result"]["evidence"]
        records = driver.execute_query("MATCH (e:Evidence) RETURN e.id AS id").records
        assert [r["id"] for r in records] == [evidence["evidence_id"]]  # exactly one evidence
        assert not any((api.home / "uploads").iterdir())  # and its file is gone
        restarted = api.upload_worker_pid()
    finally:
        api.stop()
    deadline = time.monotonic() + 15
    while Path(f"/proc/{restarted}").exists() and time.monotonic() < deadline:  # no orphan outlives the server
        time.sleep(0.2)
    assert not Path(f"/proc/{restarted}").exists() or b"upload_worker" not in Path(f"/proc/{restarted}/cmdline").read_bytes()


def test_a_statement_under_a_consent_without_financial_accounts_answers_409_like_any_consent_refused():
    from api.service.upload_processor import intake_status
    from extractors.intake import ConsentScopeRefused
    assert intake_status(ConsentScopeRefused("statement.jpg", "needs the financial_accounts consent")) == 409
