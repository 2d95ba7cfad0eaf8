"""Consent records (PIPL): given per scope and purpose, listed, withdrawn.

Withdrawing a consent withdraws the evidence given under it (its facts deleted) and re-scores the
merchant: consent is what the graph holds the evidence on. Both are the merchant's own acts (PIPL): its
key, or a service carrying its delegation for that scope and purpose.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, status

from api.service.auth import Principal
from api.service.consent_store import ConsentRecord
from api.service.dependencies import (READ_EVIDENCE, Consents, GraphDriver, MerchantAct, MerchantPath, Scoring,
                                      Settings)
from api.service.models import Consent, ConsentCreate, ConsentWithdrawal
from api.service.routers.merchants import merchant_or_404
from api.service.routers.presenters import decision_model, withdrawal_model
from api.service.routers.responses import AUTHED_MERCHANT, DECIDES

router = APIRouter(prefix="/merchants/{merchant_id}/consents", tags=["consent"], responses=AUTHED_MERCHANT)

ConsentPath = Annotated[str, Path(min_length=1, max_length=64, description="Consent id.")]


def consent_model(record: ConsentRecord) -> Consent:
    return Consent(consent_id=record.consent_id, merchant_id=record.merchant_id, scope=record.scope,
                   purpose=record.purpose, granted_at=record.granted_at, withdrawn_at=record.withdrawn_at,
                   active=record.active)


@router.post("", response_model=Consent, status_code=status.HTTP_201_CREATED)
def grant_consent(merchant_id: MerchantPath, body: ConsentCreate, consents: Consents, driver: GraphDriver,
                  settings: Settings, actor: MerchantAct) -> Consent:
    """Record the merchant's consent; uploads then name its id."""
    actor.require_covers(body.scope.strip(), body.purpose.strip())
    merchant_or_404(driver, settings, merchant_id)
    return consent_model(consents.grant(merchant_id, scope=body.scope, purpose=body.purpose))


@router.get("", response_model=list[Consent])
def list_consents(merchant_id: MerchantPath, consents: Consents, driver: GraphDriver, settings: Settings,
                  _: Annotated[Principal, Depends(READ_EVIDENCE)]) -> list[Consent]:
    """Active and withdrawn, oldest first: when consent was held is itself a record."""
    merchant_or_404(driver, settings, merchant_id)
    return [consent_model(r) for r in consents.list(merchant_id)]


@router.delete("/{consent_id}", response_model=ConsentWithdrawal, responses=DECIDES)
def withdraw_consent(merchant_id: MerchantPath, consent_id: ConsentPath, consents: Consents, scorer: Scoring,
                     actor: MerchantAct) -> ConsentWithdrawal:
    record = consents.get(consent_id)
    if record is None or record.merchant_id != merchant_id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"merchant {merchant_id!r} has no consent {consent_id!r}")
    actor.require_covers(record.scope, record.purpose)
    record = consents.withdraw(consent_id)
    reports, entry = scorer.withdraw(merchant_id, consents.evidence_under(consent_id), trigger="consent_withdrawal",
                                     actor_key_id=actor.principal.key_id)
    return ConsentWithdrawal(consent=consent_model(record), withdrawn_evidence=[withdrawal_model(r) for r in reports],
                             decision=None if entry is None else decision_model(entry))
