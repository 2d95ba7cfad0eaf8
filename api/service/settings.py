"""Where the service keeps its own data and how it listens.

The service's own data (API keys, consents, the audit log, upload scratch space) lives outside the
repository, in ``~/.local/share/bailing/api`` unless ``BAILING_API_HOME`` names another folder, so a
key or an audit record can never end up in git.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from graph.connection import GraphTarget

DEFAULT_HOME = Path("~/.local/share/bailing/api")


def default_upload_threads(processes: int = 1) -> int:
    """Half the machine's cores shared among ``processes``, at least one: OCR is CPU-bound, and the
    other half answers requests."""
    return max(1, (os.cpu_count() or 1) // (2 * processes))


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """Everything ``create_app`` needs.

    Args:
        home (Path): Folder for keys, consents, the audit log, and the upload queue and its files
            (default ``~/.local/share/bailing/api``, env ``BAILING_API_HOME``).
        host (str): Listen address (default ``127.0.0.1``: loopback only unless asked, env ``BAILING_API_HOST``).
        port (int): Listen port (default 8000, env ``BAILING_API_PORT``).
        workers (int): uvicorn worker processes (default 1, env ``BAILING_API_WORKERS``).
        max_upload_bytes (int): Largest evidence file accepted; a larger body is cut off while it
            streams, never buffered whole (default 20 MB, env ``BAILING_API_MAX_UPLOAD_BYTES``).
        graph (GraphTarget | None): The Neo4j to use; None means ``GraphTarget.from_env()`` at start-up.
        version_check_s (float): How often the active rule-set and model versions are re-read; a stored
            decision older than the active versions is recomputed on its next read (default 5 s).
        model_dir (Path | None): Model registry; None means ``BAILING_MODEL_DIR`` or its default.
        as_of (date | None): The business day decisions and uploads are dated; None means today (UTC).
            A demo over a seed world sets it to the world's day (env ``BAILING_AS_OF``, ISO date), or
            every document in it would look months old.
        graph_timeout_s (float): Longest wait to open a Bolt connection or to get one from the pool; a
            dead server is known within it instead of after the driver's 30-60 s defaults (default 1 s).
        graph_retry_s (float): How long the driver retries a failed transaction (one retry, about a
            second later, at the default 0.5 s; the driver's own 30 s made an outage a 30 s hang).
        graph_probe_s (float): While Neo4j is down, how often it is probed, and the ``Retry-After`` sent
            with each 503 (default 1 s).
        write_burst (int): Writes (POST, DELETE, recompute) one API key may make at once (default 30,
            env ``BAILING_API_WRITE_BURST``).
        write_rate_per_s (float): Writes per second a key regains after a burst (default 1, env
            ``BAILING_API_WRITE_RATE``).
        bulk_recompute_max (int): Most merchants a batch may recompute without ``confirm_bulk`` (default 1).
        upload_workers (int | None): Upload worker threads in each API process; 0 when a separate upload
            worker process does the work, as ``bailing serve`` runs it; None sizes the pool to the machine:
            half its cores shared among the ``workers`` processes, at least one (OCR is CPU-bound, and the
            other half answers requests) (env ``BAILING_API_UPLOAD_WORKERS``).
        upload_lease_s (float): How long a worker's claim on an upload holds without renewal; an upload
            whose worker died is taken again after it (default 30 s; renewed every third of it).
    """

    home: Path = DEFAULT_HOME
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    max_upload_bytes: int = 20_000_000
    graph: GraphTarget | None = None
    version_check_s: float = 5.0
    model_dir: Path | None = None
    as_of: date | None = None
    graph_timeout_s: float = 1.0
    graph_retry_s: float = 0.5
    graph_probe_s: float = 1.0
    write_burst: int = 30
    write_rate_per_s: float = 1.0
    bulk_recompute_max: int = 1
    upload_workers: int | None = None
    upload_lease_s: float = 30.0

    def __post_init__(self) -> None:
        if min(self.graph_timeout_s, self.graph_probe_s, self.write_rate_per_s) <= 0:
            raise ValueError("graph timeouts, the probe interval and the write rate must be > 0")
        if self.graph_retry_s < 0:
            raise ValueError(f"graph_retry_s must be >= 0, got {self.graph_retry_s}")
        if self.write_burst < 1 or self.bulk_recompute_max < 1:
            raise ValueError("write_burst and bulk_recompute_max must be >= 1")
        if self.max_upload_bytes < 1:
            raise ValueError(f"max_upload_bytes must be >= 1, got {self.max_upload_bytes}")
        if self.upload_workers is not None and self.upload_workers < 0:
            raise ValueError(f"upload_workers must be >= 0, got {self.upload_workers}")
        if self.upload_lease_s <= 0:
            raise ValueError(f"upload_lease_s must be > 0, got {self.upload_lease_s}")
        if self.workers < 1:
            raise ValueError(f"workers must be >= 1, got {self.workers}")
        if not 0 < self.port < 65536:
            raise ValueError(f"port must be in 1..65535, got {self.port}")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "ServiceSettings":
        env = dict(os.environ if env is None else env)
        defaults = cls()
        return cls(
            home=Path(env.get("BAILING_API_HOME") or defaults.home).expanduser(),
            host=env.get("BAILING_API_HOST") or defaults.host,
            port=int(env.get("BAILING_API_PORT") or defaults.port),
            workers=int(env.get("BAILING_API_WORKERS") or defaults.workers),
            max_upload_bytes=int(env.get("BAILING_API_MAX_UPLOAD_BYTES") or defaults.max_upload_bytes),
            write_burst=int(env.get("BAILING_API_WRITE_BURST") or defaults.write_burst),
            write_rate_per_s=float(env.get("BAILING_API_WRITE_RATE") or defaults.write_rate_per_s),
            upload_workers=int(env["BAILING_API_UPLOAD_WORKERS"]) if env.get("BAILING_API_UPLOAD_WORKERS") else None,
            as_of=date.fromisoformat(env["BAILING_AS_OF"]) if env.get("BAILING_AS_OF") else None)

    def with_(self, **changes: object) -> "ServiceSettings":
        return replace(self, **changes)

    def to_env(self) -> dict[str, str]:
        """The variables that make ``from_env`` rebuild these settings in a uvicorn worker process."""
        return {"BAILING_API_HOME": str(self.home), "BAILING_API_HOST": self.host,
                "BAILING_API_PORT": str(self.port), "BAILING_API_WORKERS": str(self.workers),
                "BAILING_API_MAX_UPLOAD_BYTES": str(self.max_upload_bytes),
                "BAILING_API_WRITE_BURST": str(self.write_burst), "BAILING_API_WRITE_RATE": str(self.write_rate_per_s),
                **({"BAILING_API_UPLOAD_WORKERS": str(self.upload_workers)} if self.upload_workers is not None else {}),
                **({"BAILING_AS_OF": self.as_of.isoformat()} if self.as_of else {})}

    @property
    def database(self) -> str:
        return self.graph.database if self.graph is not None else "neo4j"

    @property
    def keys_db(self) -> Path:
        return self.home / "keys.sqlite"

    @property
    def delegations_db(self) -> Path:
        return self.home / "delegations.sqlite"

    @property
    def consent_db(self) -> Path:
        return self.home / "consent.sqlite"

    @property
    def audit_db(self) -> Path:
        return self.home / "audit.sqlite"

    @property
    def upload_pool_size(self) -> int:
        if self.upload_workers is not None:
            return self.upload_workers
        return default_upload_threads(self.workers)

    @property
    def queue_db(self) -> Path:
        return self.home / "uploads.sqlite"

    @property
    def upload_dir(self) -> Path:
        return self.home / "uploads"
