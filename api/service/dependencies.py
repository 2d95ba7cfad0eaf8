"""The injectables every router uses: who is calling, what they may touch, and the shared stores.

Routers in other packages (``api/assistant``, ``api/web``) use these too, so the rules on who sees what
live in one place.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request, status
from neo4j import Driver

from api.service.audit import AuditLog
from api.service.auth import ApiKeyStore, Principal, Role, UnknownKey
from api.service.consent_store import ConsentStore
from api.service.ingestion import Ingestor
from api.service.scoring import Scorer
from api.service.settings import ServiceSettings

# The getters are async although they only read app.state: FastAPI runs a sync dependency in the
# thread pool, and a thread hop per getter would be most of the cost of serving a stored decision.
# For the same reason each route has one auth dependency that reads the headers itself, instead of a
# chain of security sub-dependencies; the schemes are declared in the OpenAPI document by the app.
BEARER_SCHEME = {"type": "http", "scheme": "bearer", "description": "An API key as `Authorization: Bearer bk_…`."}
API_KEY_SCHEME = {"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "The same key in `X-API-Key`."}


async def get_settings(request: Request) -> ServiceSettings:
    return request.app.state.settings


async def get_driver(request: Request) -> Driver:
    return request.app.state.driver


async def get_audit(request: Request) -> AuditLog:
    return request.app.state.audit


async def get_consents(request: Request) -> ConsentStore:
    return request.app.state.consents


async def get_scorer(request: Request) -> Scorer:
    return request.app.state.scorer


async def get_ingestor(request: Request) -> Ingestor:
    return request.app.state.ingestor


def authenticate(request: Request) -> Principal:
    """The caller's principal from `Authorization: Bearer` or `X-API-Key`; 401 without a valid key."""
    presented = request.headers.get("x-api-key")
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        presented = credentials.strip()
    if not presented:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "send an API key: `Authorization: Bearer bk_…` or `X-API-Key`",
                            headers={"WWW-Authenticate": "Bearer"})
    keys: ApiKeyStore = request.app.state.keys
    try:
        return keys.verify(presented)
    except UnknownKey as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None


async def get_principal(request: Request) -> Principal:
    """Any valid key, whatever its role (for routers that check roles themselves)."""
    return authenticate(request)


Settings = Annotated[ServiceSettings, Depends(get_settings)]
GraphDriver = Annotated[Driver, Depends(get_driver)]
Audit = Annotated[AuditLog, Depends(get_audit)]
Consents = Annotated[ConsentStore, Depends(get_consents)]
Scoring = Annotated[Scorer, Depends(get_scorer)]
Ingestion = Annotated[Ingestor, Depends(get_ingestor)]
CurrentPrincipal = Annotated[Principal, Depends(get_principal)]  # any role; for routers checking roles themselves
MerchantPath = Annotated[str, Path(min_length=1, max_length=128, description="Merchant id in the graph.")]


def require_role(*roles: Role) -> Callable[..., Principal]:
    """A dependency admitting only ``roles``; for routes not about one merchant (batch, versions)."""
    names = ", ".join(r.value for r in roles)

    async def dependency(request: Request) -> Principal:
        principal = authenticate(request)
        if principal.role not in roles:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"the {principal.role.value} role may not do this; "
                                                           f"allowed: {names}")
        return principal

    return dependency


def merchant_access(*roles: Role) -> Callable[..., Principal]:
    """A dependency admitting ``roles`` to the merchant in the path; a merchant key only to its own."""
    names = ", ".join(r.value for r in roles)

    async def dependency(request: Request, merchant_id: MerchantPath) -> Principal:
        principal = authenticate(request)
        if principal.role not in roles:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"the {principal.role.value} role may not do this; "
                                                           f"allowed: {names}")
        if principal.role is Role.MERCHANT and principal.merchant_id != merchant_id:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "a merchant key reaches only its own merchant's data")
        return principal

    return dependency


# Who may do what. Reading is open to the roles that need it; changing a merchant's evidence or
# consent only to the merchant itself or a service acting for it (a bank app relaying the merchant).
READ_MERCHANT = merchant_access(Role.MERCHANT, Role.SERVICE, Role.ANALYST, Role.EXPERT)
READ_EVIDENCE = merchant_access(Role.MERCHANT, Role.SERVICE, Role.ANALYST)
CHANGE_MERCHANT_DATA = merchant_access(Role.MERCHANT, Role.SERVICE)
SERVICE_ONLY = require_role(Role.SERVICE)
STAFF = require_role(Role.SERVICE, Role.ANALYST, Role.EXPERT)
ANY_ROLE = require_role(*Role)
