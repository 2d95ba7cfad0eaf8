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


def test_no_route_serves_an_uploaded_image_back(client: TestClient) -> None:
    """An upload (an ID card above all) is read, checked and deleted: no operation answers with image or
    PDF bytes, so nothing sent in can be fetched back, masked or not (issue 14, resident IDs)."""
    spec = client.get("/openapi.json").json()
    served = {(path, method, media) for path, ops in spec["paths"].items() for method, op in ops.items()
              for response in op.get("responses", {}).values() for media in response.get("content", {})}
    assert served, "the spec lists no response media types at all"
    assert not [s for s in served if s[2].startswith(("image/", "application/pdf", "application/octet-stream"))]
