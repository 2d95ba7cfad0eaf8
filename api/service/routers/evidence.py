"""Evidence: upload (streamed, capped, under a consent), listing, withdrawal.

An upload is refused before anything is written when its consent is not active, its body passes the
size cap, or its first bytes are not a supported file; otherwise it is accepted into the durable
upload queue (``api/service/upload_queue.py``), and a worker takes it through the extraction pipeline
into the graph and re-scores the merchant. Its status is at ``/merchants/{id}/uploads/{upload_id}``.
"""
from __future__ import annotations

import asyncio
import re
import shutil
import time
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from api.service import graph_reads
from api.service.auth import Principal
from api.service.consent_store import ConsentRefused
from api.service.dependencies import (READ_EVIDENCE, Consents, GraphDriver, MerchantAct, MerchantPath, Queue,
                                      Scoring, Settings, Workers)
from api.service.models import Evidence, EvidenceWithdrawal, Problem, UploadResult, UploadStatus
from api.service.routers.merchants import merchant_or_404
from api.service.routers.presenters import decision_model, evidence_model, withdrawal_model
from api.service.routers.responses import AUTHED_MERCHANT, DECIDES
from api.service.routers.uploads import answer
from api.service.upload_processor import intake_status
from api.service.upload_stream import FILE_FIELD, UploadRefused, stream_upload
from extractors.intake.errors import IntakeError
from extractors.intake.sniff import sniff

router = APIRouter(prefix="/merchants/{merchant_id}/evidence", tags=["evidence"], responses=AUTHED_MERCHANT)

EvidencePath = Annotated[str, Path(min_length=1, max_length=200, description="Evidence id.")]
MAX_WAIT_S = 60
WAIT_POLL_S = 0.05

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": [FILE_FIELD, "consent_id"],
            "properties": {
                FILE_FIELD: {"type": "string", "format": "binary",
                             "description": "One JPEG, PNG, WebP, HEIC or PDF file; the type is read from its bytes."},
                "consent_id": {"type": "string", "description": "An active consent of this merchant."}}}}}}}


PreferHeader = Annotated[str | None, Header(
    alias="Prefer", max_length=200,
    description=f"`wait=N` (RFC 7240): hold the response up to N seconds (at most {MAX_WAIT_S}) for the upload to "
                "be processed, and answer 201 with its result (or its error) if it is done by then.")]


@router.post("", response_model=UploadStatus, status_code=status.HTTP_202_ACCEPTED, openapi_extra=_UPLOAD_BODY,
             responses={
                 201: {"model": UploadResult, "description": "Processed within the `Prefer: wait` asked for."},
                 409: {"model": Problem, "description": "No active consent of this merchant with that id; or, with "
                                                        "`Prefer: wait`, a bank or payment statement under a consent "
                                                        "other than `financial_accounts`."},
                 413: {"model": Problem, "description": "The file is over the upload size limit."},
                 415: {"model": Problem, "description": "Not multipart, or the file is not a supported type."},
                 422: {"model": Problem, "description": "The file or form cannot be read (the message says why), "
                                                        "or the merchant cannot be decided on."},
                 503: DECIDES[503]})
async def upload_evidence(
    merchant_id: MerchantPath, request: Request, settings: Settings, consents: Consents, driver: GraphDriver,
    queue: Queue, workers: Workers, actor: MerchantAct, prefer: PreferHeader = None,
) -> UploadStatus | JSONResponse:
    """Multipart: `file` and `consent_id`. Streamed to disk with a byte cap, never buffered whole.

    The consent and the file type (from its first bytes) are checked while the request is open; then
    the upload is accepted into a durable queue (202, `Location` = its status URL) and a worker reads,
    verifies and graphs it and re-scores the merchant. The file is deleted once processed: what stays
    is the graph's facts and the file's hashes. With `Prefer: wait=N` the answer waits for the result.
    """
    await run_in_threadpool(merchant_or_404, driver, settings, merchant_id)
    scratch = queue.scratch()
    accepted = False
    try:
        upload = await stream_upload(dict(request.headers), request.stream(), scratch=scratch,
                                     max_bytes=settings.max_upload_bytes)
        consent_id = upload.fields.get("consent_id", "").strip()
        if not consent_id:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                                "name the consent this upload is given under in the form field `consent_id`")
        consent = consents.require_active(merchant_id, consent_id)
        actor.require_covers(consent.scope, consent.purpose)
        sniff(upload.filename, upload.head)  # refuse the wrong type before it is accepted
        queued = queue.enqueue(merchant_id=merchant_id, consent_id=consent.consent_id,
                               actor_key_id=actor.principal.key_id, path=upload.path, filename=upload.filename,
                               size=upload.size)
        accepted = True
    except UploadRefused as exc:
        raise HTTPException(exc.status, str(exc)) from None
    except ConsentRefused as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
    except IntakeError as exc:
        raise HTTPException(intake_status(exc), str(exc)) from None
    finally:
        if not accepted:
            shutil.rmtree(scratch, ignore_errors=True)
    workers.wake()
    wait_s = _wait_asked(prefer)
    deadline = time.monotonic() + wait_s
    while not queued.finished and time.monotonic() < deadline:
        await asyncio.sleep(WAIT_POLL_S)
        queued = queue.get(queued.upload_id)
    return answer(queued, queue)


def _wait_asked(prefer: str | None) -> float:
    """Seconds from `Prefer: wait=N`, capped; 0 when not asked (or not understood, as RFC 7240 allows)."""
    match = re.search(r"(?:^|[,;\s])wait\s*=\s*(\d{1,5})\b", prefer or "")
    return float(min(int(match.group(1)), MAX_WAIT_S)) if match else 0.0


@router.get("", response_model=list[Evidence])
def list_evidence(merchant_id: MerchantPath, driver: GraphDriver, settings: Settings,
                  _: Annotated[Principal, Depends(READ_EVIDENCE)]) -> list[Evidence]:
    """Everything the merchant submitted and still has on file, oldest first."""
    merchant_or_404(driver, settings, merchant_id)
    return [evidence_model(r) for r in graph_reads.evidence(driver, merchant_id, database=settings.database)]


@router.delete("/{evidence_id}", response_model=EvidenceWithdrawal, responses=DECIDES)
def withdraw_evidence(merchant_id: MerchantPath, evidence_id: EvidencePath, driver: GraphDriver, settings: Settings,
                      scorer: Scoring, actor: MerchantAct) -> EvidenceWithdrawal:
    """Deletes the facts only this evidence supported, then re-scores the merchant."""
    rows = graph_reads.evidence(driver, merchant_id, evidence_id=evidence_id, database=settings.database)
    if not rows:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"merchant {merchant_id!r} has no evidence {evidence_id!r}")
    actor.require_covers(rows[0].consent_scope, rows[0].consent_purpose)
    reports, entry = scorer.withdraw(merchant_id, [evidence_id], trigger="withdrawal",
                                     actor_key_id=actor.principal.key_id)
    if entry is None:  # withdrawn by a concurrent request between the check and here
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"merchant {merchant_id!r} has no evidence {evidence_id!r}")
    return EvidenceWithdrawal(withdrawal=withdrawal_model(reports[0]), decision=decision_model(entry))
