"""Evidence: upload (streamed, capped, under a consent), listing, withdrawal.

An upload is refused before anything is written when its consent is not active, its body passes the
size cap, or its first bytes are not a supported file; otherwise it goes through the extraction
pipeline into the graph and the merchant is re-scored.
"""
from __future__ import annotations

import shutil
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request, status
from fastapi.concurrency import run_in_threadpool

from api.service import graph_reads
from api.service.auth import Principal
from api.service.consent_store import ConsentRefused
from api.service.dependencies import (READ_EVIDENCE, Consents, GraphDriver, Ingestion, MerchantAct, MerchantPath,
                                      Scoring, Settings)
from api.service.ingestion import IngestRefused
from api.service.models import Evidence, EvidenceWithdrawal, Problem, UploadResult
from api.service.routers.merchants import merchant_or_404
from api.service.routers.presenters import decision_model, evidence_model, withdrawal_model
from api.service.routers.responses import AUTHED_MERCHANT, DECIDES
from api.service.upload_stream import FILE_FIELD, UploadRefused, stream_upload
from extractors.intake.errors import FileTooLarge, HeicUnsupported, IntakeError, UnsupportedFormat
from extractors.intake.sniff import sniff

router = APIRouter(prefix="/merchants/{merchant_id}/evidence", tags=["evidence"], responses=AUTHED_MERCHANT)

EvidencePath = Annotated[str, Path(min_length=1, max_length=200, description="Evidence id.")]

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": [FILE_FIELD, "consent_id"],
            "properties": {
                FILE_FIELD: {"type": "string", "format": "binary",
                             "description": "One JPEG, PNG, WebP, HEIC or PDF file; the type is read from its bytes."},
                "consent_id": {"type": "string", "description": "An active consent of this merchant."}}}}}}}


@router.post("", response_model=UploadResult, status_code=status.HTTP_201_CREATED, openapi_extra=_UPLOAD_BODY,
             responses={
                 409: {"model": Problem, "description": "No active consent of this merchant with that id."},
                 413: {"model": Problem, "description": "The file is over the upload size limit."},
                 415: {"model": Problem, "description": "Not multipart, or the file is not a supported type."},
                 422: {"model": Problem, "description": "The file or form cannot be read (the message says why), "
                                                        "or the merchant cannot be decided on."},
                 503: DECIDES[503]})
async def upload_evidence(
    merchant_id: MerchantPath, request: Request, settings: Settings, consents: Consents, driver: GraphDriver,
    scorer: Scoring, ingestor: Ingestion, actor: MerchantAct,
) -> UploadResult:
    """Multipart: `file` and `consent_id`. Streamed to disk with a byte cap, never buffered whole.

    The consent and the file type (from its first bytes) are checked before extraction starts, and the
    file is deleted once extracted: what stays is the graph's facts and the file's hashes.
    """
    await run_in_threadpool(merchant_or_404, driver, settings, merchant_id)
    scratch = settings.upload_dir / uuid.uuid4().hex
    try:
        upload = await stream_upload(dict(request.headers), request.stream(), scratch=scratch,
                                     max_bytes=settings.max_upload_bytes)
        consent_id = upload.fields.get("consent_id", "").strip()
        if not consent_id:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                                "name the consent this upload is given under in the form field `consent_id`")
        consent = consents.require_active(merchant_id, consent_id)
        actor.require_covers(consent.scope, consent.purpose)
        sniff(upload.filename, upload.head)  # refuse the wrong type before the pipeline starts
        outcome = await run_in_threadpool(ingestor.ingest, upload.path, merchant_id=merchant_id, consent=consent)
    except UploadRefused as exc:
        raise HTTPException(exc.status, str(exc)) from None
    except ConsentRefused as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
    except IntakeError as exc:
        raise HTTPException(_intake_status(exc), str(exc)) from None
    except IngestRefused as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    consents.record_use(consent.consent_id, [outcome.evidence_id])
    entry = await run_in_threadpool(scorer.rescore, merchant_id, trigger="evidence_upload",
                                    actor_key_id=actor.principal.key_id)
    rows = await run_in_threadpool(graph_reads.evidence, driver, merchant_id, evidence_id=outcome.evidence_id,
                                   database=settings.database)
    return UploadResult(evidence=[evidence_model(r) for r in rows], decision=decision_model(entry))


def _intake_status(exc: IntakeError) -> int:
    if isinstance(exc, FileTooLarge):
        return status.HTTP_413_CONTENT_TOO_LARGE
    if isinstance(exc, (UnsupportedFormat, HeicUnsupported)):
        return status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    return status.HTTP_422_UNPROCESSABLE_CONTENT


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
