"""Which Neo4j Bailing talks to: an external one named by NEO4J_URI, or this machine's local server.

With ``NEO4J_URI`` set (a cluster, Aura: ``neo4j+s://…``), ``NEO4J_USER`` / ``NEO4J_PASSWORD`` /
``NEO4J_DATABASE`` go with it and Bailing starts nothing. Otherwise the local server's settings apply.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from neo4j import Driver, GraphDatabase

from graph.server.password import resolve_password
from graph.server.settings import ServerSettings


@dataclass(frozen=True, slots=True)
class GraphTarget:
    uri: str
    user: str
    password: str
    database: str
    external: bool

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "GraphTarget":
        env = dict(os.environ if env is None else env)
        if env.get("NEO4J_URI"):
            if not env.get("NEO4J_PASSWORD"):
                raise ValueError("NEO4J_URI is set but NEO4J_PASSWORD is not: an external server needs both.")
            return cls(env["NEO4J_URI"], env.get("NEO4J_USER", "neo4j"), env["NEO4J_PASSWORD"],
                       env.get("NEO4J_DATABASE", "neo4j"), external=True)
        return cls.local(ServerSettings.from_env(env), env)

    @classmethod
    def local(cls, settings: ServerSettings, env: dict[str, str] | None = None) -> "GraphTarget":
        return cls(settings.bolt_uri, "neo4j", resolve_password(settings.password_file, env), "neo4j",
                   external=False)

    def driver(self, **config: Any) -> Driver:
        """``config`` goes to the driver as is: the API passes short timeouts so an outage fails fast."""
        # Server notifications (e.g. "label does not exist yet" on an empty graph) are noise here.
        return GraphDatabase.driver(self.uri, auth=(self.user, self.password), notifications_min_severity="OFF",
                                    **config)
