"""An accepted upload's progress: queued, processing, done (with its evidence and decision) or failed.

A SQLite read only, so it answers while Neo4j is down: an upload accepted before an outage waits in
the queue and says so.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, status
from fastapi.responses import JSONResponse

from api.service.auth import Principal
from api.service.dependencies import READ_EVIDENCE, MerchantPath, Queue
from api.service.models import ServerError, UploadFailure, UploadResult, UploadStatus
from api.service.routers.responses import AUTHED_MERCHANT
from api.service.upload_queue import QueuedUpload, UploadQueue, UploadState

router = APIRouter(prefix="/merchants/{merchant_id}/uploads", tags=["evidence"], responses=AUTHED_MERCHANT)

UploadPath = Annotated[str, Path(min_length=1, max_length=64, description="Upload id, from the upload's 202.")]
POLL_AFTER_S = 1


def status_url(upload: QueuedUpload) -> str:
    return f"/merchants/{upload.merchant_id}/uploads/{upload.upload_id}"


def upload_status(upload: QueuedUpload, queue: UploadQueue) -> UploadStatus:
    return UploadStatus(
        upload_id=upload.upload_id, merchant_id=upload.merchant_id, filename=upload.filename, size=upload.size,
        state=upload.state.value, ahead=queue.ahead_of(upload), attempts=upload.attempts,
        enqueued_at=upload.enqueued_at, started_at=upload.started_at, finished_at=upload.finished_at,
        status_url=status_url(upload),
        result=UploadResult.model_validate(upload.result) if upload.result is not None else None,
        error=(UploadFailure(status=upload.error_status, detail=upload.error_detail or "", error_id=upload.error_id)
               if upload.state is UploadState.FAILED else None))


def answer(upload: QueuedUpload, queue: UploadQueue) -> UploadStatus | JSONResponse:
    """What the upload route sends: 201 and the result when done, the upload's own error when it failed
    (as the synchronous route did), else 202 with the status and where to poll it."""
    headers = {"Location": status_url(upload)}
    if upload.state is UploadState.DONE:
        return JSONResponse(upload.result, status_code=status.HTTP_201_CREATED, headers=headers)
    if upload.state is UploadState.FAILED and (upload.error_status or 500) >= 500:  # ours: the 500 body, with its id
        body = ServerError(detail=upload.error_detail or "the upload failed", error_id=upload.error_id or upload.upload_id)
        return JSONResponse(body.model_dump(), status_code=upload.error_status or 500, headers=headers)
    if upload.state is UploadState.FAILED:
        raise HTTPException(upload.error_status, upload.error_detail or "the upload failed")
    return JSONResponse(upload_status(upload, queue).model_dump(mode="json"), status_code=status.HTTP_202_ACCEPTED,
                        headers={**headers, "Retry-After": str(POLL_AFTER_S)})


@router.get("/{upload_id}", response_model=UploadStatus)
def get_upload(merchant_id: MerchantPath, upload_id: UploadPath, queue: Queue,
               _: Annotated[Principal, Depends(READ_EVIDENCE)]) -> UploadStatus:
    """Where an accepted upload is: poll until `done` (its evidence and the new decision) or `failed` (why)."""
    upload = queue.get(upload_id)
    if upload is None or upload.merchant_id != merchant_id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"merchant {merchant_id!r} has no upload {upload_id!r}")
    return upload_status(upload, queue)
