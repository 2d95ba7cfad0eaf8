"""The published contract: /openapi.json is compared with a reviewed snapshot.

A change to a route, a model or a field description shows up here as a diff to review. To accept an
intended change: ``BAILING_UPDATE_SNAPSHOTS=1 pytest tests/api/service/test_openapi.py``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from fastapi.testclient import TestClient

SNAPSHOT = Path(__file__).with_name("openapi.snapshot.json")


def test_openapi_matches_the_snapshot(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    if os.environ.get("BAILING_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(json.dumps(spec, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert spec == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_every_operation_documents_its_fields(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for name, schema in spec["components"]["schemas"].items():
        if name.startswith(("HTTPValidationError", "ValidationError")):
            continue
        for field, prop in schema.get("properties", {}).items():
            assert prop.get("description"), f"{name}.{field} has no description"
