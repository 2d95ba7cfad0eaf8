"""The app factory: settings in, a FastAPI app out; one Neo4j driver for the app's lifetime.

``create_app(settings)`` for tests and embedding; ``app_from_env()`` is what ``bailing serve`` gives
uvicorn (``factory=True``), so each worker process builds its own app from ``BAILING_API_*``.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse

from api.assistant import router as assistant_router
from api.service.audit import AuditLog
from api.service.auth import ApiKeyStore
from api.service.consent_store import ConsentStore
from api.service.decision_cache import RenderedDecisions
from api.service.dependencies import API_KEY_SCHEME, BEARER_SCHEME
from api.service.engine import DecisionEngine, EngineUnavailable
from api.service.ingestion import Ingestor
from api.service.routers import audit, batch, consent, decisions, evidence, health, merchants, versions
from api.service.routers.presenters import decision_model
from api.service.scoring import Scorer, Undecidable
from api.service.settings import ServiceSettings
from api.web import router as web_router
from graph.connection import GraphTarget

DESCRIPTION = """
Bailing's scoring service. Merchants prove their business with their own evidence; Bailing reads,
verifies and graphs it, and decides a credit-limit uplift with reasons and the next best evidence.

Authenticate with an API key (`bailing api-key create --role ROLE [--merchant ID]`) sent as
`Authorization: Bearer bk_…` or `X-API-Key: bk_…`. Roles: **merchant** (its own data only),
**service** (bank systems: registration, uploads on a merchant's behalf, batch scoring),
**analyst** and **expert** (read).
"""

# The decision read is the hot route and routes are matched in order, so it comes first. The assistant
# and the web page use api.service.dependencies for keys, roles and stores. After changing routes,
# regenerate the OpenAPI snapshot: BAILING_UPDATE_SNAPSHOTS=1 pytest tests/api/service/test_openapi.py
ROUTERS = (decisions.router, health.router, versions.router, merchants.router, consent.router, evidence.router,
           batch.router, audit.router, assistant_router.router, web_router.router)


def create_app(settings: ServiceSettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        target = settings.graph or GraphTarget.from_env()
        app.state.settings = settings.with_(graph=target)
        settings.home.mkdir(parents=True, exist_ok=True)
        with target.driver() as driver:
            app.state.driver = driver
            app.state.keys = ApiKeyStore(settings.keys_db)
            app.state.consents = ConsentStore(settings.consent_db)
            app.state.audit = AuditLog(settings.audit_db)
            app.state.ingestor = Ingestor(driver, max_bytes=settings.max_upload_bytes, database=target.database,
                                          as_of=settings.as_of)
            app.state.scorer = Scorer(driver, app.state.audit, DecisionEngine(settings.model_dir, as_of=settings.as_of),
                                      version_check_s=settings.version_check_s, database=target.database)
            app.state.rendered = RenderedDecisions(
                app.state.audit, app.state.scorer.versions,
                lambda entry: decision_model(entry).model_dump_json().encode())
            yield

    app = FastAPI(title="Bailing scoring API", version=versions.API_VERSION, description=DESCRIPTION,
                  lifespan=lifespan)

    @app.exception_handler(EngineUnavailable)
    async def engine_unavailable(request: Request, exc: EngineUnavailable) -> JSONResponse:
        return JSONResponse({"detail": f"cannot decide yet: {exc}"}, status_code=503)

    @app.exception_handler(Undecidable)
    async def undecidable(request: Request, exc: Undecidable) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    for router in ROUTERS:
        app.include_router(router)

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schema.setdefault("components", {})["securitySchemes"] = {"bearer": BEARER_SCHEME, "apiKey": API_KEY_SCHEME}
            schema["security"] = [{"bearer": []}, {"apiKey": []}]  # every operation but /health/* (which clears it)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi
    return app


def app_from_env() -> FastAPI:
    return create_app(ServiceSettings.from_env())
