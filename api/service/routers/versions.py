"""Which rule set (ontology) and model decisions are being taken under right now."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from api.service.dependencies import ANY_ROLE
from api.service.models import Versions
from api.service.routers.responses import AUTHED

API_VERSION = "1"

router = APIRouter(tags=["versions"], responses=AUTHED)


@router.get("/versions", response_model=Versions, dependencies=[Depends(ANY_ROLE)])
def versions(request: Request) -> Versions:
    """Every decision records these too, so an old decision can be matched to the rules that made it."""
    # The versions come from the rule-set and model files, not the graph, so this answers in an outage.
    active = request.app.state.scorer.versions.get()
    return Versions(api_version=API_VERSION, ontology_version=active.ontology_version,
                    model_version=active.model_version)
