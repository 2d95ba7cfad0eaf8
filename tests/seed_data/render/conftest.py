"""Fixtures: a small hand-built world, so renderer tests do not depend on the world generator."""
from __future__ import annotations

import pytest

from seed_data.render.sample_world import sample_world
from seed_data.world.records import World


@pytest.fixture(scope="session")
def world() -> World:
    return sample_world(seed=11)
