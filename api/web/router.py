"""Serves the merchants' page at ``/app/``: three static files and the Chinese labels it shows.

Files are served from a fixed allow-list, never from a path the request names. The page calls the API
on the same origin, so the Content-Security-Policy allows only ``'self'``: no CDN, no inline script,
and nothing a document's text could smuggle in would run.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse

from api.assistant.lexicon import ASSET_NAMES_ZH, DOC_NAMES_ZH
from api.assistant.replies import REASON_ZH, STATUS_ZH

STATIC = Path(__file__).parent / "static"
FILES: dict[str, str] = {"index.html": "text/html; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
                         "app.css": "text/css; charset=utf-8"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
LABELS = {
    "docs": DOC_NAMES_ZH, "assets": ASSET_NAMES_ZH, "status": STATUS_ZH, "reasons": REASON_ZH,
    "scopes": {"business_documents": "经营资料（证照、合同、发票、照片）",
               "financial_accounts": "金融账户资料（银行流水、收款记录）"},
    "purposes": {"credit_limit_review": "额度评估"},
}

router = APIRouter(tags=["web"], include_in_schema=False)


@router.get("/app")
def app_root() -> RedirectResponse:
    return RedirectResponse("/app/", status_code=status.HTTP_308_PERMANENT_REDIRECT)


@router.get("/app/")
def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type=FILES["index.html"], headers=SECURITY_HEADERS)


@router.get("/app/labels.json")
def labels() -> JSONResponse:
    return JSONResponse(LABELS, headers=SECURITY_HEADERS)


@router.get("/app/{name}")
def static_file(name: str) -> FileResponse:
    if name not in FILES:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no file {name!r} on the page")
    return FileResponse(STATIC / name, media_type=FILES[name], headers=SECURITY_HEADERS)
