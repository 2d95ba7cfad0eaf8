"""Delegations: a merchant lets one bank service record consent and upload for it, briefly.

Only the merchant's own key may issue one (``api/service/auth/delegations.py`` says why it is a stored
grant); the terms go into the audit log when issued and again with every use.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status

from api.service.auth import Principal
from api.service.dependencies import MERCHANT_ONLY, Access, Delegations, MerchantPath
from api.service.models import DelegationCreate, DelegationIssued
from api.service.routers.responses import AUTHED_MERCHANT

router = APIRouter(prefix="/merchants/{merchant_id}/delegations", tags=["consent"], responses=AUTHED_MERCHANT)


@router.post("", response_model=DelegationIssued, status_code=status.HTTP_201_CREATED)
def delegate(merchant_id: MerchantPath, body: DelegationCreate, delegations: Delegations, access: Access,
             principal: Annotated[Principal, Depends(MERCHANT_ONLY)]) -> DelegationIssued:
    """The token is shown once; the service sends it as `X-Bailing-Delegation` with its own key."""
    issued = delegations.issue(merchant_id, granted_by_key_id=principal.key_id, service_key_id=body.service_key_id,
                               scope=body.scope, purpose=body.purpose, lifetime_s=body.expires_in_s)
    granted = issued.delegation
    access.record("delegation_granted", actor_key_id=principal.key_id, merchant_id=merchant_id, detail=granted.terms())
    return DelegationIssued(delegation_id=granted.delegation_id, token=issued.token, merchant_id=merchant_id,
                            service_key_id=granted.service_key_id, scope=granted.scope, purpose=granted.purpose,
                            expires_at=granted.expires_at)
