"""A tiny seed world in the test Neo4j, its evidence as printed, and a model trained on it.

Loaded once per test module (the session server's graph is shared: other modules empty it), trained
once per session (a small boosting model: seconds).
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from neo4j import Driver

from api.demo.truth_facts import load_truth_evidence
from api.demo.world_loader import load_world
from reasoning.models.capacity import CapacityModel
from reasoning.train import TrainConfig, TrainResult, train
from seed_data.cli import run_seed
from seed_data.world.generator import generate_world
from seed_data.world.records import World

TINY_SEED = 0
TINY_AS_OF = date(2026, 6, 30)


@pytest.fixture(scope="session")
def tiny_world() -> World:
    return generate_world(TINY_SEED, "tiny")


@pytest.fixture(scope="session")
def tiny_world_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tiny-world")
    run_seed("tiny", TINY_SEED, out, render="none", show_progress=False)
    return out


@pytest.fixture(scope="module")
def loaded_driver(session_driver: Driver, tiny_world: World) -> Iterator[Driver]:
    session_driver.execute_query("MATCH (n) WHERE NOT n:SchemaVersion DETACH DELETE n")
    load_world(session_driver, tiny_world)
    load_truth_evidence(session_driver, tiny_world, per_transaction=400)
    yield session_driver


@pytest.fixture(scope="module")
def tiny_training(loaded_driver: Driver, tiny_world_dir: Path) -> TrainResult:
    return train(loaded_driver, tiny_world_dir, as_of=TINY_AS_OF,
                 config=TrainConfig(kinds=("structural", "boosting"), boosting={"max_iter": 50, "learning_rate": 0.1,
                                                                  "max_leaf_nodes": 7, "min_samples_leaf": 3,
                                                                  "l2_regularization": 1.0}))


@pytest.fixture(scope="module")
def tiny_model(tiny_training: TrainResult) -> CapacityModel:
    return tiny_training.model
