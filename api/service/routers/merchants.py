"""Merchants: registration by a bank service, lookup by whoever may see the merchant.

Experts get a merchant without its name and USCC: their rules judge industries, regions, forms and
limits, and identifying a merchant is not part of judging a rule.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status

from api.service import graph_reads
from api.service.auth import Principal, Role
from api.service.dependencies import READ_MERCHANT, SERVICE_ONLY, STAFF, GraphDriver, MerchantPath, Settings
from api.service.models import Merchant, MerchantCreate, MerchantPage, Problem
from api.service.routers.responses import AUTHED, AUTHED_MERCHANT
from graph.store import MissingEndpoint, PropertyRejected

router = APIRouter(prefix="/merchants", tags=["merchants"])


def _merchant(row: graph_reads.MerchantRow, *, identified: bool = True) -> Merchant:
    return Merchant(merchant_id=row.merchant_id, name=row.name if identified else None,
                    uscc=row.uscc if identified else None, legal_form=row.legal_form,
                    base_limit_cny=row.base_limit_cny, industry_code=row.industry_code, region_code=row.region_code)


def merchant_or_404(driver: GraphDriver, settings: Settings, merchant_id: str) -> graph_reads.MerchantRow:
    row = graph_reads.merchant(driver, merchant_id, database=settings.database)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no merchant {merchant_id!r}")
    return row


@router.get("", response_model=MerchantPage, dependencies=[Depends(STAFF)], responses=AUTHED)
def list_merchants(
    driver: GraphDriver, settings: Settings,
    after: Annotated[str, Query(max_length=128, description="Return ids after this one (paging).")] = "",
    limit: Annotated[int, Query(ge=1, le=1000, description="Page size.")] = 100,
) -> MerchantPage:
    """Ids only: a merchant's details are one call away and may be large."""
    ids = graph_reads.merchant_ids(driver, after=after, limit=limit, database=settings.database)
    return MerchantPage(merchant_ids=ids, next_after=ids[-1] if len(ids) == limit else None)


@router.post("", response_model=Merchant, status_code=status.HTTP_201_CREATED, dependencies=[Depends(SERVICE_ONLY)],
             responses={**AUTHED, 409: {"model": Problem, "description": "The merchant exists already."},
                        422: {"model": Problem, "description": "Unknown industry or region, or a bad field."}})
def register_merchant(body: MerchantCreate, driver: GraphDriver, settings: Settings) -> Merchant:
    """What the bank already knows (他证); everything else comes from the merchant's own evidence."""
    if graph_reads.merchant(driver, body.merchant_id, database=settings.database) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, f"merchant {body.merchant_id!r} exists already")
    try:
        graph_reads.register_merchant(driver, merchant_id=body.merchant_id, name=body.name, uscc=body.uscc,
                                      legal_form=body.legal_form, base_limit_cny=body.base_limit_cny,
                                      industry_code=body.industry_code, region_code=body.region_code,
                                      valid_from=settings.as_of or date.today(), database=settings.database)
    except (MissingEndpoint, PropertyRejected) as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    return _merchant(merchant_or_404(driver, settings, body.merchant_id))


@router.get("/{merchant_id}", response_model=Merchant, responses=AUTHED_MERCHANT)
def get_merchant(merchant_id: MerchantPath, driver: GraphDriver, settings: Settings,
                 principal: Annotated[Principal, Depends(READ_MERCHANT)]) -> Merchant:
    return _merchant(merchant_or_404(driver, settings, merchant_id), identified=principal.role is not Role.EXPERT)
