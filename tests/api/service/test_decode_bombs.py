"""Sixteen decode bombs uploaded at once to a real API process keep it under 1.5 GB (issue 13).

The service runs as ``bailing serve`` does (uvicorn, its own process), so its peak RSS (VmHWM) is the
API's alone, OCR and verification models included. Every upload is answered: the ones intake can read
at the working resolution are processed (201), the others refused with intake's typed reason (422).
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from api.service.auth import ApiKeyStore
from graph.connection import GraphTarget
from graph.server import Neo4jServer
from seed_data.world.records import World
from tests.api.service.api_process import ApiProcess
from tests.api.service.upload_client import upload as upload_file
from tests.extractors.intake.bad_inputs import DECODE_BOMBS

RSS_CEILING_BYTES = 1.5e9
UPLOADS = 16


def _peak_rss_bytes(pid: int) -> int:
    line = next(l for l in Path(f"/proc/{pid}/status").read_text().splitlines() if l.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024


@pytest.fixture
def api_process(tmp_path: Path, neo4j_server: Neo4jServer, model_dir: Path, loaded: World):
    api = ApiProcess(tmp_path / "api", GraphTarget.local(neo4j_server.settings, env={}), model_dir=model_dir,
                     as_of=loaded.as_of.isoformat())
    api.start()
    try:
        yield api.process, api.base, api.home
    finally:
        api.stop()


@pytest.mark.slow
def test_sixteen_parallel_decode_bombs_keep_the_api_under_1_5_gb(api_process, loaded: World) -> None:
    process, base, home = api_process
    merchant = loaded.merchants[0].merchant_id
    auth = {"Authorization": f"Bearer {ApiKeyStore(home / 'keys.sqlite').create('merchant', merchant_id=merchant).secret_key}"}
    consent = httpx.post(f"{base}/merchants/{merchant}/consents", headers=auth, timeout=30,
                         json={"scope": "business_documents", "purpose": "credit_limit_review"}).json()["consent_id"]
    bombs = [DECODE_BOMBS[i % len(DECODE_BOMBS)] for i in range(UPLOADS)]
    files = [(name, build(), expected) for name, build, expected in bombs]

    def upload(item: tuple[str, bytes, str]) -> tuple[str, str, int, dict]:
        name, data, expected = item
        status, body = upload_file(httpx, f"{base}/merchants/{merchant}/evidence", headers=auth, base=base,
                                   data={"consent_id": consent}, files={"file": (name, data)}, timeout_s=900)
        return name, expected, status, body

    with ThreadPoolExecutor(UPLOADS) as pool:
        answers = list(pool.map(upload, files))

    peak = _peak_rss_bytes(process.pid)
    assert peak <= RSS_CEILING_BYTES, f"API peak RSS {peak / 1e6:,.0f} MB"
    for name, expected, status, body in answers:
        if expected == "working":
            assert status == 201, (name, body)
        else:
            assert status == 422 and "MB per upload" in body["detail"], (name, status, body)
    print(f"API peak RSS over {UPLOADS} parallel decode bombs: {peak / 1e6:,.0f} MB")
