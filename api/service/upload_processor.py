"""One accepted upload, from its file to an outcome: evidence in the graph and a new decision, or why not.

What the synchronous upload route used to do after reading the body, now done by a queue worker: the
consent is checked again (it may have been withdrawn while the upload waited: nothing is processed
without a live consent), the file goes through the extraction pipeline, the consent records its use,
and the merchant is re-scored. The outcome is what the API answers with: an ``UploadResult`` body, or
the HTTP status and message the synchronous route would have sent.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from fastapi import status
from neo4j import Driver

from api.service import graph_reads
from api.service.access_log import AccessLog
from api.service.consent_store import ConsentRefused, ConsentStore
from api.service.graph_breaker import OUTAGE_ERRORS, GraphUnavailable
from api.service.ingestion import Ingestor, IngestRefused
from api.service.models import UploadResult
from api.service.routers.presenters import decision_model, evidence_model
from api.service.scoring import Scorer, Undecidable, UnknownMerchant
from api.service.upload_queue import QueuedUpload
from extractors.intake.errors import (ConsentScopeRefused, FileTooLarge, HeicUnsupported, IntakeError,
                                     UnsupportedFormat)

_log = logging.getLogger("api.service.upload_processor")


def intake_status(exc: IntakeError) -> int:
    """The HTTP status for a file intake refused: too large 413, a type we do not read 415, a statement
    under a consent that does not cover financial accounts 409 (as any consent refused), else 422."""
    if isinstance(exc, ConsentScopeRefused):
        return status.HTTP_409_CONFLICT
    if isinstance(exc, FileTooLarge):
        return status.HTTP_413_CONTENT_TOO_LARGE
    if isinstance(exc, (UnsupportedFormat, HeicUnsupported)):
        return status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    return status.HTTP_422_UNPROCESSABLE_CONTENT


@dataclass(frozen=True, slots=True)
class Outcome:
    """A finished upload: ``result`` (the UploadResult as JSON) or ``error_status`` and ``error_detail``
    (and ``error_id`` for a failure of ours, recorded in the audit log's access events)."""

    result: dict | None = None
    error_status: int | None = None
    error_detail: str | None = None
    error_id: str | None = None


class GraphOutage(Exception):
    """Neo4j went away while the upload was processed: give it back to the queue, it is not the file's fault."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


class UploadProcessor:
    def __init__(self, *, ingestor: Ingestor, scorer: Scorer, consents: ConsentStore, access_log: AccessLog,
                 driver: Driver, database: str) -> None:
        self._ingestor, self._scorer, self._consents, self._access = ingestor, scorer, consents, access_log
        self._driver, self._database = driver, database

    def __call__(self, upload: QueuedUpload) -> Outcome:
        """Raises GraphOutage when Neo4j cannot be reached; every other failure is an Outcome."""
        try:
            return self._process(upload)
        except GraphUnavailable as exc:
            raise GraphOutage(exc) from None
        except OUTAGE_ERRORS as exc:
            raise GraphOutage(exc) from None
        except Exception as exc:  # the worker must go on with the next upload; the client gets an id to quote
            error_id = uuid.uuid4().hex
            _log.error("error %s processing upload %s", error_id, upload.upload_id, exc_info=exc)
            self._access.record("server_error", actor_key_id=upload.actor_key_id, merchant_id=upload.merchant_id,
                                detail={"error_id": error_id, "upload_id": upload.upload_id,
                                        "exception": type(exc).__name__})
            return Outcome(error_status=500, error_detail=f"internal error; quote error id {error_id}",
                           error_id=error_id)

    def _process(self, upload: QueuedUpload) -> Outcome:
        try:
            consent = self._consents.require_active(upload.merchant_id, upload.consent_id)
            outcome = self._ingestor.ingest(upload.path, merchant_id=upload.merchant_id, consent=consent)
        except ConsentRefused as exc:
            return Outcome(error_status=status.HTTP_409_CONFLICT, error_detail=f"{exc}; the upload was not processed")
        except IntakeError as exc:
            return Outcome(error_status=intake_status(exc), error_detail=str(exc))
        except IngestRefused as exc:  # (the ingestor raises an outage met mid-way as the driver's error)
            return Outcome(error_status=status.HTTP_422_UNPROCESSABLE_CONTENT, error_detail=str(exc))
        except LookupError as exc:  # the merchant left the graph while its upload waited
            return Outcome(error_status=status.HTTP_404_NOT_FOUND, error_detail=str(exc))
        self._consents.record_use(consent.consent_id, [outcome.evidence_id])
        try:
            entry = self._scorer.rescore(upload.merchant_id, trigger="evidence_upload",
                                         actor_key_id=upload.actor_key_id)
        except (Undecidable, UnknownMerchant) as exc:
            return Outcome(error_status=status.HTTP_422_UNPROCESSABLE_CONTENT,
                           error_detail=f"evidence {outcome.evidence_id} was stored, but {exc}")
        rows = graph_reads.evidence(self._driver, upload.merchant_id, evidence_id=outcome.evidence_id,
                                    database=self._database)
        body = UploadResult(upload_id=upload.upload_id, evidence=[evidence_model(r) for r in rows], decision=decision_model(entry))
        return Outcome(result=body.model_dump(mode="json"))
