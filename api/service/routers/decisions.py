"""A merchant's current decision and its history (the audit log's entries for that merchant)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool

from api.service.auth import Principal, Role
from api.service.dependencies import READ_MERCHANT, Audit, MerchantPath, charge_write, require_graph
from api.service.models import Decision, DecisionHistory, Problem
from api.service.routers.presenters import decision_model
from api.service.routers.responses import AUTHED_MERCHANT
from api.service.scoring import Scorer, UnknownMerchant

router = APIRouter(prefix="/merchants/{merchant_id}", tags=["decisions"], responses=AUTHED_MERCHANT)


@router.get("/decision", response_model=Decision, responses={
    422: {"model": Problem, "description": "The merchant's graph lacks what a decision needs (e.g. an industry)."},
    503: {"model": Problem, "description": "No active rule set or no trained model yet."}})
async def get_decision(
    merchant_id: MerchantPath, request: Request, principal: Annotated[Principal, Depends(READ_MERCHANT)],
    recompute: Annotated[bool, Query(description="Decide again now instead of serving the stored decision "
                                                 "(service keys only: it writes a new decision).")] = False,
) -> Decision:
    """The stored decision, recomputed when evidence or the active rule-set/model version changed.

    Serving the stored decision is an indexed SQLite read on the event loop and a cached rendering;
    deciding afresh (Neo4j, rules, model) runs in the thread pool so it never stalls other requests.
    """
    # The stores come from app.state directly, not as dependencies: on this hot path every solved
    # dependency costs more than the SQLite read itself.
    if recompute and principal.role is not Role.SERVICE:  # a read must not write the audit log or a decision
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"the {principal.role.value} role reads decisions; "
                                                       "only a service key may recompute one")
    if recompute:
        charge_write(request, principal)
    scorer: Scorer = request.app.state.scorer
    body = None if recompute else request.app.state.rendered.current(merchant_id)
    if body is not None:  # a stored decision needs no graph: it is served through an outage too
        return Response(body, media_type="application/json")  # already validated when it was rendered
    require_graph(request)
    try:
        if recompute:
            entry = await run_in_threadpool(scorer.rescore, merchant_id, trigger="recompute",
                                            actor_key_id=principal.key_id)
        else:
            entry = await run_in_threadpool(scorer.current, merchant_id, actor_key_id=principal.key_id)
    except UnknownMerchant as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from None
    return decision_model(entry)


@router.get("/decisions", response_model=DecisionHistory, dependencies=[Depends(READ_MERCHANT)])
def decision_history(
    merchant_id: MerchantPath, audit: Audit,
    limit: Annotated[int, Query(ge=1, le=500, description="Entries per page.")] = 50,
    before: Annotated[int | None, Query(ge=1, le=2**62, description="Return entries older than this audit seq.")] = None,
) -> DecisionHistory:
    """Every decision ever recorded for the merchant, newest first; empty for a merchant never scored."""
    entries = audit.history(merchant_id, limit=limit, before_seq=before)
    return DecisionHistory(merchant_id=merchant_id, decisions=[decision_model(e) for e in entries],
                           next_before=entries[-1].seq if len(entries) == limit else None)
