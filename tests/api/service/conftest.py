"""The service against the session's real Neo4j, with a tiny seed world's registry data loaded."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.cli.main import main
from api.demo.world_loader import load_world
from api.service.app import create_app
from api.service.auth import ApiKeyStore, Role
from api.service.settings import ServiceSettings
from graph.connection import GraphTarget
from graph.server import Neo4jServer
from reasoning.registry import save_model
from reasoning.train import TrainConfig, config_dict, train
from seed_data.world.generator import generate_world
from seed_data.world.records import World

UPLOAD_CAP = 300_000  # small, so the size tests move little data


@pytest.fixture(scope="session")
def world() -> World:
    return generate_world(0, "tiny")


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory, session_driver: Driver, world: World) -> Path:
    """A real capacity model, trained on the tiny world's labels (boosting only: seconds, not minutes)."""
    world_dir, registry = tmp_path_factory.mktemp("world"), tmp_path_factory.mktemp("models")
    assert main(["seed", "--size", "tiny", "--seed", "0", "--out", str(world_dir), "--render", "none"]) == 0
    session_driver.execute_query("MATCH (n) WHERE NOT n:SchemaVersion DETACH DELETE n")
    load_world(session_driver, world)
    result = train(session_driver, world_dir, as_of=world.as_of, config=TrainConfig(kinds=("boosting",)))
    save_model(result.model, data_sha256=result.data_sha256, config=config_dict(result.config),
               candidates=result.candidates, root=registry)
    return registry


@pytest.fixture
def loaded(driver: Driver, world: World) -> World:
    """An emptied graph holding the tiny world's registry data (merchants, industries, regions)."""
    load_world(driver, world)
    return world


@pytest.fixture
def settings(tmp_path: Path, neo4j_server: Neo4jServer, model_dir: Path) -> ServiceSettings:
    return ServiceSettings(home=tmp_path / "api-home", graph=GraphTarget.local(neo4j_server.settings, env={}),
                           max_upload_bytes=UPLOAD_CAP, model_dir=model_dir)


@pytest.fixture
def client(settings: ServiceSettings, loaded: World) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@dataclass(frozen=True)
class Keys:
    own_merchant: str
    other_merchant: str
    headers: dict[str, dict[str, str]]  # role name (or "merchant") -> auth header
    other_merchant_headers: dict[str, str]  # the other merchant's own key

    def key_id(self, role: str) -> str:
        """The id part of a role's key (`bk_<id>_<secret>`), as a merchant names a service to delegate to."""
        return self.headers[role]["Authorization"].split("_", 2)[1]


@pytest.fixture
def keys(settings: ServiceSettings, loaded: World) -> Keys:
    store = ApiKeyStore(settings.keys_db)
    own, other = loaded.merchants[0].merchant_id, loaded.merchants[1].merchant_id
    headers = {role.value: {"Authorization": f"Bearer {store.create(role, merchant_id=own if role is Role.MERCHANT else None).secret_key}"}
               for role in Role}
    other_key = store.create(Role.MERCHANT, merchant_id=other).secret_key
    return Keys(own, other, headers, {"Authorization": f"Bearer {other_key}"})
