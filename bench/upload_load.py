"""Uploads and a Neo4j crash during `bench/api_load.py`'s read load: what the upload clients and a
route prober see. Used by ``python bench/api_load.py --uploads 20 [--kill-neo4j-at 20]``.

``UploadClients`` sends one real rendered document per merchant at once (merchant keys, own consents,
no ``Prefer: wait``), times each acceptance, then polls every status URL until done or failed.
``Prober`` calls a set of routes in a loop and records each answer's status and time, so an outage
shows as statuses other than 2xx/503/404 or waits over 2 s. ``graph_consistency`` checks afterwards
that every processed upload's evidence is in the graph exactly once, and nothing is left over.
"""
from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

from neo4j import Driver

from seed_data.render import render_evidence
from seed_data.world.records import World

CONSENT = {"scope": "business_documents", "purpose": "credit_limit_review"}
DOCUMENTS = ("business_licence", "vat_special_invoice", "vat_general_invoice", "sales_contract", "lease_contract")


def request(method: str, url: str, key: str, *, body: bytes | None = None, content_type: str | None = None,
            timeout_s: float = 30.0) -> tuple[int, dict, Message, float]:
    """(status, JSON body or {}, headers (case-insensitive), seconds); an HTTP error is a status, not an exception."""
    headers = {"Authorization": f"Bearer {key}", **({"Content-Type": content_type} if content_type else {})}
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body, method=method, headers=headers),
                                    timeout=timeout_s) as response:
            status, raw, got = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        status, raw, got = error.code, error.read(), error.headers
    took = time.perf_counter() - started
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return status, data, got, took


def multipart(fields: dict[str, str], path: Path) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode()
             for k, v in fields.items()]
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{path.name}\"\r\n"
                 f"Content-Type: application/octet-stream\r\n\r\n".encode() + path.read_bytes() + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@dataclass(slots=True)
class Upload:
    merchant_id: str
    key: str
    path: Path
    consent_id: str = ""
    accept_status: int = 0
    accept_s: float = 0.0
    status_url: str = ""
    state: str = ""
    attempts: int = 0
    evidence_ids: list[str] = field(default_factory=list)
    error: str = ""


def prepare(world: World, keys: dict[str, str], out: Path, n: int) -> list[Upload]:
    """One clean document of each of ``n`` merchants, rendered as the seed captures it."""
    uploads = []
    for merchant in world.merchants:
        item = next((i for i in merchant.evidence if i.doc_type in DOCUMENTS and i.fraud_kind is None), None)
        if item is None or merchant.merchant_id not in keys:
            continue
        uploads.append(Upload(merchant.merchant_id, keys[merchant.merchant_id],
                              render_evidence(world, merchant, item, out / merchant.merchant_id)))
        if len(uploads) == n:
            return uploads
    raise ValueError(f"only {len(uploads)} merchants have a clean document to upload; asked for {n}")


def send_all(base: str, uploads: list[Upload]) -> None:
    """Each merchant grants its consent, then all upload at once; each acceptance is timed."""
    for upload in uploads:
        status, data, _, _ = request("POST", f"{base}/merchants/{upload.merchant_id}/consents", upload.key,
                                     body=json.dumps(CONSENT).encode(), content_type="application/json")
        if status != 201:
            raise RuntimeError(f"consent for {upload.merchant_id}: {status} {data}")
        upload.consent_id = data["consent_id"]

    def send(upload: Upload) -> None:
        body, content_type = multipart({"consent_id": upload.consent_id}, upload.path)
        status, data, headers, took = request("POST", f"{base}/merchants/{upload.merchant_id}/evidence", upload.key,
                                              body=body, content_type=content_type)
        upload.accept_status, upload.accept_s = status, took
        upload.status_url = headers.get("Location", "")
        upload.error = "" if status == 202 else f"{status} {data.get('detail', '')}"

    with ThreadPoolExecutor(len(uploads)) as pool:
        list(pool.map(send, uploads))


def wait_all(base: str, uploads: list[Upload], deadline_s: float) -> float:
    """Poll every accepted upload until done or failed (or the deadline); returns seconds taken."""
    started = time.monotonic()
    pending = [u for u in uploads if u.status_url]
    while pending and time.monotonic() - started < deadline_s:
        for upload in list(pending):
            status, data, _, _ = request("GET", base + upload.status_url, upload.key)
            if status != 200:
                continue
            upload.state, upload.attempts = data["state"], data["attempts"]
            if data["state"] == "done":
                upload.evidence_ids = [e["evidence_id"] for e in data["result"]["evidence"]]
                pending.remove(upload)
            elif data["state"] == "failed":
                upload.error = f"{data['error']['status']} {data['error']['detail']}"
                pending.remove(upload)
        time.sleep(1.0)
    return time.monotonic() - started


def graph_consistency(driver: Driver, uploads: list[Upload], api_home: Path) -> list[str]:
    """What is wrong after the run: evidence missing or doubled, uploads unfinished, files left over."""
    problems = []
    for upload in uploads:
        if upload.state != "done":
            problems.append(f"{upload.merchant_id}: upload {upload.state or 'not accepted'} {upload.error}")
            continue
        for evidence_id in upload.evidence_ids:
            n = driver.execute_query("MATCH (e:Evidence {id: $id}) RETURN count(e) AS n", id=evidence_id).records[0]["n"]
            if n != 1:
                problems.append(f"{evidence_id}: {n} Evidence nodes")
    expected = {e for u in uploads for e in u.evidence_ids}
    stored = {r["id"] for r in driver.execute_query("MATCH (e:Evidence) RETURN e.id AS id").records}
    if stored != expected:
        problems.append(f"graph holds {len(stored)} evidence, uploads produced {len(expected)}")
    leftovers = [p.name for p in (api_home / "uploads").iterdir()] if (api_home / "uploads").is_dir() else []
    if leftovers:
        problems.append(f"{len(leftovers)} upload folders left: {leftovers[:3]}")
    return problems


@dataclass(frozen=True, slots=True)
class Answer:
    route: str
    status: int
    seconds: float
    at: float  # monotonic time it was sent


class Prober:
    """Calls ``routes`` (name, method, url, key) in turn, in its own thread, until stopped."""

    def __init__(self, routes: list[tuple[str, str, str, str]]) -> None:
        self.routes, self.answers = routes, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, method, url, key in self.routes:
                sent = time.monotonic()
                try:
                    status, _, _, took = request(method, url, key, timeout_s=10)
                except OSError:
                    status, took = 0, time.monotonic() - sent
                self.answers.append(Answer(name, status, took, sent))
            self._stop.wait(0.2)

    def __enter__(self) -> "Prober":
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=15)
