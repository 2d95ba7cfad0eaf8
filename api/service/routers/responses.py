"""Error responses the routers declare, so /docs shows each one's body."""
from __future__ import annotations

from typing import Any

from api.service.models import Problem

UNAUTHENTICATED: dict[int | str, dict[str, Any]] = {401: {"model": Problem, "description": "No API key, or an unknown one."}}
FORBIDDEN: dict[int | str, dict[str, Any]] = {403: {"model": Problem, "description": "This role or key may not do this."}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No such merchant, evidence or consent."}}
AUTHED = {**UNAUTHENTICATED, **FORBIDDEN}
AUTHED_MERCHANT = {**AUTHED, **NOT_FOUND}
# Routes that re-score the merchant can meet what the decision route meets.
DECIDES: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "A field is invalid, or the merchant's graph lacks what a decision needs."},
    503: {"model": Problem, "description": "No active rule set or no trained model yet."}}
