"""`bailing neo4j build|start|stop|status`: the local Neo4j server (or the external one, by URI)."""
from __future__ import annotations

import argparse
import sys
import time

from graph.connection import GraphTarget
from graph.schema.migrations import SCHEMA_VERSION, apply_migrations
from graph.server import Neo4jServer, Neo4jServerError, ServerSettings
from graph.server.runtime import ensure_runtime


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "neo4j", help="build, start, stop or inspect the local Neo4j server",
        description="Manage the local Neo4j 5.26 Community server assembled from Maven Central. "
                    "With NEO4J_URI set, Bailing uses that server instead and starts nothing.")
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    for name, func, text in (
        ("build", _build, "assemble the Neo4j runtime with Maven (once per machine; start does it too)"),
        ("start", _start, "start the server, wait for Bolt, apply schema migrations"),
        ("stop", _stop, "stop the server cleanly (SIGTERM)"),
        ("status", _status, "say whether the server runs, where, and which version"),
    ):
        actions.add_parser(name, help=text, description=text).set_defaults(func=_guarded(func))


def _guarded(func):
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (Neo4jServerError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return run


def connect_target() -> tuple[GraphTarget, str | None]:
    """The graph to use, started and migrated: the external one by URI, or the local server."""
    external = _external()
    if external is not None:
        with external.driver() as driver:
            driver.verify_connectivity()
            apply_migrations(driver, database=external.database)
        return external, None
    server = Neo4jServer(ServerSettings.from_env())
    status = server.start()
    target = GraphTarget.local(server.settings)
    with target.driver() as driver:
        apply_migrations(driver, database=target.database)
    return target, status.browser_url


def _external() -> GraphTarget | None:
    target = GraphTarget.from_env()
    return target if target.external else None


def _build(args: argparse.Namespace) -> int:
    runtime = ensure_runtime(ServerSettings.from_env().cache, quiet=False)
    print(f"Neo4j runtime ready at {runtime.root}")
    return 0


def _start(args: argparse.Namespace) -> int:
    began = time.monotonic()
    target, browser_url = connect_target()
    if target.external:
        print(f"NEO4J_URI is set: using {target.uri} (nothing started); schema version {SCHEMA_VERSION}.")
        return 0
    server = Neo4jServer(ServerSettings.from_env())
    status = server.status()
    print(f"Neo4j {status.version} running (pid {status.pid}), Bolt answered and schema at version "
          f"{SCHEMA_VERSION} in {time.monotonic() - began:.1f} s.")
    print(f"  Bolt:    {status.bolt_uri}  (user neo4j, password in {server.settings.password_file}"
          " unless NEO4J_PASSWORD is set)")
    print(f"  Browser: {status.browser_url}")
    print(f"  Home:    {status.home}")
    return 0


def _stop(args: argparse.Namespace) -> int:
    if _external() is not None:
        print("NEO4J_URI is set: the external server is not Bailing's to stop.")
        return 0
    stopped = Neo4jServer(ServerSettings.from_env()).stop()
    print("Neo4j stopped." if stopped else "Neo4j was not running.")
    return 0


def _status(args: argparse.Namespace) -> int:
    external = _external()
    if external is not None:
        with external.driver() as driver:
            info = driver.get_server_info()
        print(f"external Neo4j at {external.uri}: {info.agent}")
        return 0
    status = Neo4jServer(ServerSettings.from_env()).status()
    if not status.running:
        print(f"Neo4j is not running (home {status.home}).")
        return 3
    print(f"Neo4j {status.version} running, pid {status.pid}\n  Bolt:    {status.bolt_uri}\n"
          f"  Browser: {status.browser_url}\n  Home:    {status.home}")
    return 0
