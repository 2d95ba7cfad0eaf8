"""The real service on a free port, on the test session's Neo4j, with the seed world's registry loaded.

Used by the end-to-end page test and the assistant's API tests: a uvicorn server in a thread, so a
real browser (or httpx) talks HTTP to the same app ``bailing serve`` runs.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from neo4j import Driver

from api.cli.main import main
from api.demo.world_loader import load_world
from api.service.app import create_app
from api.service.auth import ApiKeyStore
from api.service.settings import ServiceSettings
from graph.connection import GraphTarget
from graph.server import Neo4jServer
from reasoning.registry import save_model
from reasoning.train import TrainConfig, config_dict, train
from seed_data.world.records import World
from tests.conftest import free_port


@dataclass(frozen=True, slots=True)
class LiveService:
    base_url: str
    settings: ServiceSettings

    def merchant_key(self, merchant_id: str) -> str:
        return ApiKeyStore(self.settings.keys_db).create("merchant", merchant_id=merchant_id).secret_key


def trained_model(driver: Driver, world: World, folder: Path) -> Path:
    """A real capacity model trained on the tiny world's expert labels (boosting only: seconds), in a
    registry under ``folder``; the decision layer cannot decide without one."""
    world_dir, registry = folder / "world", folder / "models"
    assert main(["seed", "--size", world.size, "--seed", str(world.seed), "--out", str(world_dir),
                 "--render", "none"]) == 0
    driver.execute_query("MATCH (n) WHERE NOT n:SchemaVersion DETACH DELETE n")
    load_world(driver, world)
    result = train(driver, world_dir, as_of=world.as_of, config=TrainConfig(kinds=("boosting",)))
    save_model(result.model, data_sha256=result.data_sha256, config=config_dict(result.config),
               candidates=result.candidates, root=registry)
    return registry


@contextmanager
def live_service(server: Neo4jServer, driver: Driver, world: World, home: Path,
                 model_dir: Path) -> Iterator[LiveService]:
    load_world(driver, world)
    port = free_port()
    settings = ServiceSettings(home=home, port=port, graph=GraphTarget.local(server.settings, env={}),
                               model_dir=model_dir, as_of=world.as_of)  # the seed world's day
    app = create_app(settings)
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the API did not start; see the log above")
        time.sleep(0.05)
    try:
        yield LiveService(f"http://127.0.0.1:{port}", settings)
    finally:
        uv.should_exit = True
        thread.join(timeout=30)
