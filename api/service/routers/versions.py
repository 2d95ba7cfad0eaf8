"""Which rule set (ontology) and model decisions are being taken under right now."""
from __future__ import annotations

from fastapi import APIRouter, Depends

from api.service.dependencies import ANY_ROLE, Scoring
from api.service.models import Versions
from api.service.routers.responses import AUTHED

API_VERSION = "1"

router = APIRouter(tags=["versions"], responses=AUTHED)


@router.get("/versions", response_model=Versions, dependencies=[Depends(ANY_ROLE)])
def versions(scorer: Scoring) -> Versions:
    """Every decision records these too, so an old decision can be matched to the rules that made it."""
    active = scorer.versions.get()
    return Versions(api_version=API_VERSION, ontology_version=active.ontology_version,
                    model_version=active.model_version)
