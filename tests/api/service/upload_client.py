"""Upload as a client of the queued upload route does: ask to wait, and poll the status URL if the
answer is 202, until the upload is done or failed. Returns (status, body) as the synchronous route
answered: 201 and the UploadResult, or the failure's status and ``{"detail": ...}``."""
from __future__ import annotations

import time
from typing import Any

WAIT = {"Prefer": "wait=60"}


def upload(http: Any, url: str, *, headers: dict[str, str], data: dict[str, str], files: dict, base: str = "",
           timeout_s: float = 600.0) -> tuple[int, dict]:
    """``http`` is a TestClient, an httpx.Client or the httpx module; ``base`` prefixes the status URL."""
    kwargs = {"timeout": timeout_s} if not hasattr(http, "app") else {}
    response = http.post(url, headers={**headers, **WAIT}, data=data, files=files, **kwargs)
    deadline = time.monotonic() + timeout_s
    while response.status_code == 202 and time.monotonic() < deadline:
        time.sleep(0.5)
        status = http.get(base + response.headers["Location"], headers=headers, **kwargs)
        assert status.status_code == 200, status.text
        state = status.json()
        if state["state"] == "done":
            return 201, state["result"]
        if state["state"] == "failed":
            return state["error"]["status"], {"detail": state["error"]["detail"]}
    return response.status_code, response.json()
