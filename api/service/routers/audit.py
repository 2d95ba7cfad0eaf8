"""The audit log's integrity, for analysts: does the hash chain still verify end to end?"""
from __future__ import annotations

from fastapi import APIRouter, Depends
from api.service.auth import Role
from api.service.dependencies import Audit, require_role
from api.service.models import ChainStatus
from api.service.routers.responses import AUTHED

router = APIRouter(prefix="/audit", tags=["audit"], responses=AUTHED)


@router.get("/verify", response_model=ChainStatus, dependencies=[Depends(require_role(Role.ANALYST, Role.SERVICE))])
def verify_chain(audit: Audit) -> ChainStatus:
    """Reads the whole log: for audits and monitoring, not for every request."""
    check = audit.verify()
    return ChainStatus(ok=check.ok, rows=check.rows, first_bad_seq=check.first_bad_seq, problem=check.problem)
