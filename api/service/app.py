"""The app factory: settings in, a FastAPI app out; one Neo4j driver for the app's lifetime.

``create_app(settings)`` for tests and embedding; ``app_from_env()`` is what ``bailing serve`` gives
uvicorn (``factory=True``), so each worker process builds its own app from ``BAILING_API_*``.
"""
from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse

from api.assistant import router as assistant_router
from api.service import graph_reads
from api.service.access_log import AccessLog
from api.service.audit import AuditLog
from api.service.auth import ApiKeyStore
from api.service.auth.delegations import DelegationStore
from api.service.consent_store import ConsentStore
from api.service.decision_cache import RenderedDecisions
from api.service.dependencies import API_KEY_SCHEME, BEARER_SCHEME
from api.service.engine import DecisionEngine, EngineUnavailable
from api.service.graph_breaker import OUTAGE_ERRORS, GraphBreaker, GraphUnavailable
from api.service.models import NOT_BLANK, ServerError
from api.service.routers import (audit, batch, consent, decisions, delegations, evidence, health, merchants, uploads,
                                 versions)
from api.service.routers.presenters import decision_model
from api.service.scoring import Scorer, Undecidable
from api.service.settings import ServiceSettings
from api.service.upload_queue import UploadQueue
from api.service.upload_worker_process import upload_workers
from api.service.write_limits import WriteLimited, WriteLimiter
from api.web import router as web_router
from graph.connection import GraphTarget

DESCRIPTION = """
Bailing's scoring service. Merchants prove their business with their own evidence; Bailing reads,
verifies and graphs it, and decides a credit-limit uplift with reasons and the next best evidence.

Authenticate with an API key (`bailing api-key create --role ROLE [--merchant ID]`) sent as
`Authorization: Bearer bk_…` or `X-API-Key: bk_…`. Roles: **merchant** (its own data only),
**service** (bank systems: registration, recompute and batch scoring; consent and uploads only with the
merchant's delegation token in `X-Bailing-Delegation`), **analyst** and **expert** (read; experts see no
names or USCCs). Every error body is `{"detail": "…"}`; a 500 adds an `error_id` that the audit log records.

An upload is accepted into a durable queue: 202 with `Location`, its status URL (poll it until `done` or
`failed`); send `Prefer: wait=N` to get the result (201) in the same call when it is ready within N s.

While Neo4j is unreachable, routes that need the graph answer 503 at once with `Retry-After`; stored
decisions, decision history, versions and the audit check still answer. Writes (POST, DELETE,
`?recompute=true`) are rate-limited per key: 429 with `Retry-After` past the limit.
"""
_log = logging.getLogger("api.service")

# The decision read is the hot route and routes are matched in order, so it comes first. The assistant
# and the web page use api.service.dependencies for keys, roles and stores. After changing routes,
# regenerate the OpenAPI snapshot: BAILING_UPDATE_SNAPSHOTS=1 pytest tests/api/service/test_openapi.py
ROUTERS = (decisions.router, health.router, versions.router, merchants.router, consent.router, delegations.router,
           evidence.router, uploads.router, batch.router, audit.router, assistant_router.router, web_router.router)


def _validation_message(exc: RequestValidationError) -> str:
    """FastAPI's list of errors as one sentence, so a 422 body has the same shape as every other error."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "request"
        pattern = (error.get("ctx") or {}).get("pattern")
        parts.append(f"{where}: {'must not be blank' if pattern == NOT_BLANK else error.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is not valid"


_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before trying again.",
                                 "schema": {"type": "integer", "minimum": 1}}}
_OUTAGE = "The graph database cannot be reached; the service recovers by itself (see Retry-After)."
_LIMITED = "This key made too many writes; try again after Retry-After seconds."


def _problem(description: str, *, retry_after: bool = False) -> dict:
    return {"description": description, **({"headers": _RETRY_AFTER} if retry_after else {}),
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def _writes(method: str, operation: dict) -> bool:
    """What the write limiter counts: every POST and DELETE, and a GET that can recompute."""
    return method != "get" or any(p.get("name") == "recompute" for p in operation.get("parameters", []))


def _agree_with_handlers(schema: dict) -> None:
    """Declare the bodies the handlers really send: a Problem for every 422 (not FastAPI's list of
    errors), a ServerError for a 500 on every operation, a Problem with Retry-After for a 503 in an
    outage and for a 429 on writes (health probes have neither: no key, and their own 503 body)."""
    for path in schema.get("paths", {}).values():
        for method, operation in path.items():
            responses = operation.setdefault("responses", {})
            if operation.get("security") != []:
                described = responses.get("503", {}).get("description")
                outage = f"{described.rstrip('.')}; or the g{_OUTAGE[5:]}" if described else _OUTAGE
                responses["503"] = _problem(outage, retry_after=True)
                if _writes(method, operation):
                    responses["429"] = _problem(_LIMITED, retry_after=True)
            if "422" in responses:
                described = responses["422"].get("description", "Validation Error")
                responses["422"] = {
                    "description": ("A field is missing, blank or out of range (the detail says which)."
                                    if described == "Validation Error" else described),
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            responses["500"] = {"description": "The service failed; quote the error id.",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServerError"}}}}
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    components["ServerError"] = ServerError.model_json_schema(ref_template="#/components/schemas/{model}")


def create_app(settings: ServiceSettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        target = settings.graph or GraphTarget.from_env()
        app.state.settings = settings.with_(graph=target)
        settings.home.mkdir(parents=True, exist_ok=True)
        # Short driver timeouts: a dead server must be known in about a second (the breaker then answers
        # for it), not after the driver's defaults of 30 s of retries and 60 s to get a connection.
        with target.driver(connection_timeout=settings.graph_timeout_s,
                           connection_acquisition_timeout=settings.graph_timeout_s,
                           max_transaction_retry_time=settings.graph_retry_s) as driver:
            app.state.driver = driver
            app.state.breaker = GraphBreaker(lambda: graph_reads.warm(driver, database=target.database),
                                             probe_s=settings.graph_probe_s)
            app.state.write_limits = WriteLimiter(burst=settings.write_burst, rate_per_s=settings.write_rate_per_s)
            app.state.keys = ApiKeyStore(settings.keys_db)
            app.state.consents = ConsentStore(settings.consent_db)
            app.state.audit = AuditLog(settings.audit_db)
            app.state.access_log = AccessLog(settings.audit_db)
            app.state.delegations = DelegationStore(settings.delegations_db)
            app.state.scorer = Scorer(driver, app.state.audit, DecisionEngine(settings.model_dir, as_of=settings.as_of),
                                      version_check_s=settings.version_check_s, database=target.database)
            app.state.upload_queue = UploadQueue(settings.queue_db, settings.upload_dir, lease_s=settings.upload_lease_s)
            app.state.upload_workers = upload_workers(
                app.state.settings, driver, breaker=app.state.breaker, consents=app.state.consents,
                access_log=app.state.access_log, scorer=app.state.scorer, queue=app.state.upload_queue, size=settings.upload_pool_size)
            app.state.rendered = RenderedDecisions(
                app.state.audit, app.state.scorer.versions,
                lambda entry: decision_model(entry).model_dump_json().encode())
            app.state.upload_workers.start()
            try:
                yield
            finally:
                app.state.upload_workers.stop()
                app.state.breaker.stop()

    app = FastAPI(title="Bailing scoring API", version=versions.API_VERSION, description=DESCRIPTION,
                  lifespan=lifespan)

    @app.exception_handler(EngineUnavailable)
    async def engine_unavailable(request: Request, exc: EngineUnavailable) -> JSONResponse:
        return JSONResponse({"detail": f"cannot decide yet: {exc}"}, status_code=503)

    @app.exception_handler(GraphUnavailable)
    async def graph_unavailable(request: Request, exc: GraphUnavailable) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": str(exc.retry_after_s)})

    async def graph_lost(request: Request, exc: Exception) -> JSONResponse:
        """A request met the outage first: open the breaker so the next ones are refused before any work."""
        breaker: GraphBreaker = request.app.state.breaker
        breaker.trip(exc)
        return await graph_unavailable(request, GraphUnavailable(breaker.retry_after_s))

    for outage in OUTAGE_ERRORS:
        app.add_exception_handler(outage, graph_lost)

    @app.exception_handler(WriteLimited)
    async def write_limited(request: Request, exc: WriteLimited) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=429, headers={"Retry-After": str(exc.retry_after_s)})

    @app.exception_handler(Undecidable)
    async def undecidable(request: Request, exc: Undecidable) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        """The caller learns that it failed and under which id; the traceback goes to the server log only."""
        error_id = uuid.uuid4().hex
        _log.error("error %s on %s %s", error_id, request.method, request.url.path, exc_info=exc)
        try:
            request.app.state.access_log.record(
                "server_error", actor_key_id="", merchant_id=request.path_params.get("merchant_id"),
                detail={"error_id": error_id, "route": f"{request.method} {request.url.path}",
                        "exception": type(exc).__name__})
        except Exception:  # the log itself may be what failed; the client still gets its id
            _log.exception("error %s could not be written to the audit log", error_id)
        body = ServerError(detail=f"internal error; quote error id {error_id}", error_id=error_id)
        return JSONResponse(body.model_dump(), status_code=500)

    for router in ROUTERS:
        app.include_router(router)

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schema.setdefault("components", {})["securitySchemes"] = {"bearer": BEARER_SCHEME, "apiKey": API_KEY_SCHEME}
            schema["security"] = [{"bearer": []}, {"apiKey": []}]  # every operation but /health/* (which clears it)
            _agree_with_handlers(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi
    return app


def app_from_env() -> FastAPI:
    return create_app(ServiceSettings.from_env())
