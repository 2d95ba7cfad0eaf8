"""The injectables every router uses: who is calling, what they may touch, and the shared stores.

Routers in other packages (``api/assistant``, ``api/web``) use these too, so the rules on who sees what
live in one place.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Path, Request, status
from neo4j import Driver

from api.service.access_log import AccessLog
from api.service.audit import AuditLog
from api.service.auth import ApiKeyStore, Principal, Role, UnknownKey
from api.service.auth.delegations import Delegation, DelegationRefused, DelegationStore
from api.service.consent_store import ConsentStore
from api.service.graph_breaker import GraphBreaker
from api.service.scoring import Scorer
from api.service.settings import ServiceSettings
from api.service.upload_queue import UploadQueue
from api.service.upload_workers import UploadWorkers
from api.service.write_limits import WriteLimiter

# The getters are async although they only read app.state: FastAPI runs a sync dependency in the
# thread pool, and a thread hop per getter would be most of the cost of serving a stored decision.
# For the same reason each route has one auth dependency that reads the headers itself, instead of a
# chain of security sub-dependencies; the schemes are declared in the OpenAPI document by the app.
BEARER_SCHEME = {"type": "http", "scheme": "bearer", "description": "An API key as `Authorization: Bearer bk_…`."}
API_KEY_SCHEME = {"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "The same key in `X-API-Key`."}


async def get_settings(request: Request) -> ServiceSettings:
    return request.app.state.settings


def require_graph(request: Request) -> None:
    """503 with Retry-After, before any work, while the breaker says Neo4j is down."""
    breaker: GraphBreaker = request.app.state.breaker
    breaker.check()


# The driver and the scorer are how a route reaches the graph, so asking for one is where an outage
# is answered: an upload is refused before its body is read.
async def get_driver(request: Request) -> Driver:
    require_graph(request)
    return request.app.state.driver


async def get_audit(request: Request) -> AuditLog:
    return request.app.state.audit


async def get_consents(request: Request) -> ConsentStore:
    return request.app.state.consents


async def get_access_log(request: Request) -> AccessLog:
    return request.app.state.access_log


async def get_delegations(request: Request) -> DelegationStore:
    return request.app.state.delegations


async def get_scorer(request: Request) -> Scorer:
    require_graph(request)
    return request.app.state.scorer


async def get_upload_queue(request: Request) -> UploadQueue:
    return request.app.state.upload_queue


async def get_upload_workers(request: Request) -> UploadWorkers:
    return request.app.state.upload_workers


def charge_write(request: Request, principal: Principal) -> None:
    """Spend one of the key's writes (429 with Retry-After when none is left)."""
    limits: WriteLimiter = request.app.state.write_limits
    limits.take(principal.key_id)


_READS = frozenset({"GET", "HEAD", "OPTIONS"})


def authenticate(request: Request) -> Principal:
    """The caller's principal from `Authorization: Bearer` or `X-API-Key`; 401 without a valid key.
    A write (any method but GET, HEAD, OPTIONS) also spends one of the key's writes."""
    presented = request.headers.get("x-api-key")
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        presented = credentials.strip()
    if not presented:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "send an API key: `Authorization: Bearer bk_…` or `X-API-Key`",
                            headers={"WWW-Authenticate": "Bearer"})
    keys: ApiKeyStore = request.app.state.keys
    try:
        principal = keys.verify(presented)
    except UnknownKey as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None
    if request.method not in _READS:  # every route authenticates once, so each write is charged once
        charge_write(request, principal)
    return principal


async def get_principal(request: Request) -> Principal:
    """Any valid key, whatever its role (for routers that check roles themselves)."""
    return authenticate(request)


Settings = Annotated[ServiceSettings, Depends(get_settings)]
GraphDriver = Annotated[Driver, Depends(get_driver)]
Audit = Annotated[AuditLog, Depends(get_audit)]
Consents = Annotated[ConsentStore, Depends(get_consents)]
Access = Annotated[AccessLog, Depends(get_access_log)]
Delegations = Annotated[DelegationStore, Depends(get_delegations)]
Scoring = Annotated[Scorer, Depends(get_scorer)]
Queue = Annotated[UploadQueue, Depends(get_upload_queue)]
Workers = Annotated[UploadWorkers, Depends(get_upload_workers)]
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


@dataclass(frozen=True, slots=True)
class Actor:
    """Who changes a merchant's consent or evidence: the merchant's own key, or a service key carrying
    the merchant's delegation (``delegation`` set exactly then)."""

    principal: Principal
    delegation: Delegation | None

    def require_covers(self, scope: str | None, purpose: str | None) -> None:
        """403 when a delegated service touches a consent (or evidence under one) its delegation does not name."""
        if self.delegation is not None and not self.delegation.covers(scope, purpose):
            raise HTTPException(status.HTTP_403_FORBIDDEN,
                                f"the delegation covers scope {self.delegation.scope!r} and purpose "
                                f"{self.delegation.purpose!r}, not {scope!r} and {purpose!r}")


DelegationHeader = Annotated[str | None, Header(
    alias="X-Bailing-Delegation", max_length=200,
    description="A service acting for a merchant sends the merchant's delegation token (`bd_…`) here, beside "
                "its own key; merchant keys need none.")]


async def act_for_merchant(request: Request, merchant_id: MerchantPath,
                           delegation: DelegationHeader = None) -> Actor:
    """The merchant itself, or a service with that merchant's live delegation; each delegated use is audited."""
    principal = authenticate(request)
    if principal.role is Role.MERCHANT:
        if principal.merchant_id != merchant_id:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "a merchant key reaches only its own merchant's data")
        return Actor(principal, None)
    if principal.role is not Role.SERVICE:
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"the {principal.role.value} role may not do this; "
                                                       "allowed: merchant, or service with the merchant's delegation")
    if not delegation:
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            "consent and evidence are the merchant's to give: a service acts for a merchant only "
                            "with the merchant's delegation token in `X-Bailing-Delegation`")
    store: DelegationStore = request.app.state.delegations
    try:
        granted = store.verify(delegation, merchant_id=merchant_id, service_key_id=principal.key_id)
    except DelegationRefused as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, str(exc)) from None
    access: AccessLog = request.app.state.access_log
    access.record("delegated_action", actor_key_id=principal.key_id, merchant_id=merchant_id,
                  detail={**granted.terms(), "action": f"{request.method} {request.url.path}"})
    return Actor(principal, granted)


# Who may do what (the matrix is in README.md and tests/api/service/test_authorisation.py). Reading is
# open to the roles that need it; consent and evidence change only by the merchant's own act.
READ_MERCHANT = merchant_access(Role.MERCHANT, Role.SERVICE, Role.ANALYST, Role.EXPERT)
READ_EVIDENCE = merchant_access(Role.MERCHANT, Role.SERVICE, Role.ANALYST)
MERCHANT_ONLY = merchant_access(Role.MERCHANT)
MerchantAct = Annotated[Actor, Depends(act_for_merchant)]  # consent and evidence changes
SERVICE_ONLY = require_role(Role.SERVICE)
STAFF = require_role(Role.SERVICE, Role.ANALYST, Role.EXPERT)
ANY_ROLE = require_role(*Role)
