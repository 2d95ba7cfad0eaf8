"""Batch scoring for bank services: many merchants in one call."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status

from api.service.auth import Principal
from api.service.dependencies import SERVICE_ONLY, Scoring, Settings
from api.service.models import BatchItem, BatchRequest, BatchResult
from api.service.routers.presenters import decision_model
from api.service.routers.responses import AUTHED, DECIDES
from api.service.scoring import Undecidable, UnknownMerchant

router = APIRouter(prefix="/decisions", tags=["batch"], responses=AUTHED)


@router.post("/batch", response_model=BatchResult, responses={503: DECIDES[503]})
def score_batch(body: BatchRequest, scorer: Scoring, settings: Settings,
                principal: Annotated[Principal, Depends(SERVICE_ONLY)]) -> BatchResult:
    """One merchant's failure (unknown id, not decidable) is reported in its item and does not fail the batch.

    Stored decisions are served where current; ``recompute`` forces a fresh decision for each. For
    whole-book re-scoring after a rule change, call in pages of up to 500 with ``confirm_bulk``.
    """
    # Re-scoring many merchants is a bulk write (new decisions, possibly new limits, for each): a client
    # must say it means it, so a fuzzer or a buggy loop cannot re-decide the book by accident.
    if body.recompute and len(body.merchant_ids) > settings.bulk_recompute_max and not body.confirm_bulk:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                            f"recomputing {len(body.merchant_ids)} merchants writes a new decision for each: "
                            "send `confirm_bulk: true` to do it")
    items = []
    for merchant_id in body.merchant_ids:
        try:
            entry = (scorer.rescore(merchant_id, trigger="batch", actor_key_id=principal.key_id) if body.recompute
                     else scorer.current(merchant_id, actor_key_id=principal.key_id))
            items.append(BatchItem(merchant_id=merchant_id, decision=decision_model(entry), error=None))
        except (UnknownMerchant, Undecidable) as exc:
            items.append(BatchItem(merchant_id=merchant_id, decision=None, error=str(exc)))
    return BatchResult(items=items)
