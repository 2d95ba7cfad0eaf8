"""One real Neo4j for the whole test session, in its own home and on its own free ports.

It never touches a developer's or a demo's data (those live in ~/.local/share/bailing), and it is
stopped when the session ends, pass or fail. ``BAILING_TEST_NEO4J_HOME`` pins the home (CI sets it to
a temporary folder; by default pytest's own temporary folder is used).
"""
from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from graph.connection import GraphTarget
from graph.schema.migrations import apply_migrations
from graph.server import Neo4jServer, ServerSettings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_server_settings(home: Path) -> ServerSettings:
    # Small heap and page cache: the suite's graphs are tiny and CI has 2 cores / 24 GB for everything.
    return ServerSettings.from_env({**os.environ, "BAILING_NEO4J_HOME": str(home)}).with_(
        bolt_port=free_port(), http_port=free_port(), heap="1g", pagecache="256m")


test_server_settings.__test__ = False  # a helper, not a test


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    home = Path(os.environ.get("BAILING_TEST_NEO4J_HOME") or tmp_path_factory.mktemp("neo4j-home"))
    server = Neo4jServer(test_server_settings(home))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def session_driver(neo4j_server: Neo4jServer) -> Iterator[Driver]:
    with GraphTarget.local(neo4j_server.settings, env={}).driver() as driver:
        apply_migrations(driver, database="neo4j")
        yield driver


@pytest.fixture
def driver(session_driver: Driver) -> Driver:
    """The session's driver over an empty graph (schema kept)."""
    session_driver.execute_query("MATCH (n) WHERE NOT n:SchemaVersion DETACH DELETE n")
    return session_driver
