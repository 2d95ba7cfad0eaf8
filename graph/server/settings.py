"""Where a local Neo4j lives and how it is sized, read from the environment once.

Environment variables (all optional):
  BAILING_CACHE            per-machine cache for the Maven-built runtime   (default ~/.cache/bailing)
  BAILING_NEO4J_HOME       data, logs, config and password of one server    (default ~/.local/share/bailing/neo4j)
  BAILING_NEO4J_BOLT_PORT  Bolt port                                         (default 7687)
  BAILING_NEO4J_HTTP_PORT  HTTP port (Neo4j Browser)                         (default 7474)
  BAILING_NEO4J_LISTEN     listen address                                    (default 127.0.0.1)
  BAILING_NEO4J_HEAP       JVM heap, e.g. 4g                                 (default 4g)
  BAILING_NEO4J_PAGECACHE  page cache, e.g. 4g                               (default 4g)
  NEO4J_PASSWORD           initial password; otherwise one is generated into HOME/neo4j-password (0600)
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

# Sized for the 2-core / 24 GB machines Bailing targets, leaving room for Python workers (OCR, GNN).
_DEFAULT_HEAP = "4g"
_DEFAULT_PAGECACHE = "4g"


@dataclass(frozen=True, slots=True)
class ServerSettings:
    home: Path
    cache: Path
    bolt_port: int = 7687
    http_port: int = 7474
    listen_address: str = "127.0.0.1"
    heap: str = _DEFAULT_HEAP
    pagecache: str = _DEFAULT_PAGECACHE
    start_timeout_s: float = 120.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "ServerSettings":
        env = dict(os.environ if env is None else env)
        return cls(
            home=Path(env.get("BAILING_NEO4J_HOME", "~/.local/share/bailing/neo4j")).expanduser().resolve(),
            cache=Path(env.get("BAILING_CACHE", "~/.cache/bailing")).expanduser().resolve(),
            bolt_port=int(env.get("BAILING_NEO4J_BOLT_PORT", "7687")),
            http_port=int(env.get("BAILING_NEO4J_HTTP_PORT", "7474")),
            listen_address=env.get("BAILING_NEO4J_LISTEN", "127.0.0.1"),
            heap=env.get("BAILING_NEO4J_HEAP", _DEFAULT_HEAP),
            pagecache=env.get("BAILING_NEO4J_PAGECACHE", _DEFAULT_PAGECACHE),
        )

    def with_(self, **changes: object) -> "ServerSettings":
        return replace(self, **changes)

    @property
    def connect_host(self) -> str:
        # A server listening on every interface is still reached over loopback from this machine.
        return "127.0.0.1" if self.listen_address in ("0.0.0.0", "::") else self.listen_address

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{self.connect_host}:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://{self.connect_host}:{self.http_port}/browser/"

    @property
    def password_file(self) -> Path:
        return self.home / "neo4j-password"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"
