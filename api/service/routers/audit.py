"""The audit log's integrity, for analysts: does the hash chain still verify end to end?"""
from __future__ import annotations

from fastapi import APIRouter, Depends
from api.service.auth import Role
from api.service.dependencies import Access, Audit, require_role
from api.service.models import ChainStatus
from api.service.routers.responses import AUTHED

router = APIRouter(prefix="/audit", tags=["audit"], responses=AUTHED)


@router.get("/verify", response_model=ChainStatus, dependencies=[Depends(require_role(Role.ANALYST, Role.SERVICE))])
def verify_chain(audit: Audit, access: Access) -> ChainStatus:
    """Reads the whole log (decisions, then delegations and server errors): for audits and monitoring,
    not for every request."""
    check = audit.verify()
    if check.ok:
        access_ok, bad_seq = access.verify()
        if not access_ok:
            return ChainStatus(ok=False, rows=check.rows, first_bad_seq=bad_seq,
                               problem="access_events: an entry's link or content does not match its hash")
    return ChainStatus(ok=check.ok, rows=check.rows, first_bad_seq=check.first_bad_seq, problem=check.problem)
