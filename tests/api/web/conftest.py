"""A trained capacity model for the tests that run the whole service."""
from pathlib import Path

import pytest
from neo4j import Driver

from seed_data.world.generator import generate_world


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory, session_driver: Driver) -> Path:
    from tests.api.web.live_service import trained_model  # imports the whole service
    return trained_model(session_driver, generate_world(0, "tiny"), tmp_path_factory.mktemp("capacity-model"))
