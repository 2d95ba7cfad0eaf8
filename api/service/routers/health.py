"""Liveness and readiness, for a process supervisor or a load balancer; no key needed."""
from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from api.service.models import Liveness, Readiness

router = APIRouter(prefix="/health", tags=["health"])
NO_KEY = {"security": []}  # probes need no API key


@router.get("/live", response_model=Liveness, openapi_extra=NO_KEY)
async def live() -> Liveness:
    """The process answers; says nothing about Neo4j or the rule set."""
    return Liveness(status="ok")


@router.get("/ready", response_model=Readiness, openapi_extra=NO_KEY, responses={503: {"model": Readiness, "description": "Not ready."}})
def ready(request: Request, response: Response) -> Readiness:
    """Ready when Neo4j answers, the active rule set and model load, and the audit log is writable."""
    state = request.app.state
    checks: dict[str, str] = {}
    try:
        state.driver.verify_connectivity()
        checks["neo4j"] = "ok"
    except Exception as exc:  # any failure means not ready; the text says which
        checks["neo4j"] = f"unreachable: {exc}"
    try:
        versions = state.scorer.versions.get()
        checks["decision_engine"] = f"ok (rule set {versions.ontology_version}, model {versions.model_version})"
    except Exception as exc:
        checks["decision_engine"] = f"cannot decide: {exc}"
    try:
        chain = state.audit.verify(last=100)  # the whole chain is for audits, not probes
        checks["audit_log"] = "ok" if chain.ok else f"hash chain broken at seq {chain.first_bad_seq}: {chain.problem}"
    except Exception as exc:
        checks["audit_log"] = f"unavailable: {exc}"
    ok = all(v.startswith("ok") for v in checks.values())
    if not ok:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return Readiness(ready=ok, checks=checks)
