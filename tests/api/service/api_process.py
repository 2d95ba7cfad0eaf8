"""The API as ``bailing serve`` runs it: uvicorn in its own process, for tests that measure the process
(its RSS) or kill it. Restartable on the same home, as an operator restarts a crashed service."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from graph.connection import GraphTarget
from tests.conftest import free_port

ROOT = Path(__file__).parents[3]


class ApiProcess:
    def __init__(self, home: Path, target: GraphTarget, *, model_dir: Path, as_of: str,
                 extra_env: dict[str, str] | None = None) -> None:
        self.home, self.port = home, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT), "BAILING_API_HOME": str(home),
                     "BAILING_MODEL_DIR": str(model_dir), "BAILING_AS_OF": as_of, "NEO4J_URI": target.uri,
                     "NEO4J_USER": target.user, "NEO4J_PASSWORD": target.password, "NEO4J_DATABASE": target.database,
                     **(extra_env or {})}
        self.process: subprocess.Popen | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def command(self) -> list[str]:
        """uvicorn on the app factory: one process, its upload workers in threads of it."""
        return [sys.executable, "-m", "uvicorn", "api.service.app:app_from_env", "--factory", "--host", "127.0.0.1",
                "--port", str(self.port), "--log-level", "warning"]

    def start(self, deadline_s: float = 120.0) -> None:
        self.process = subprocess.Popen(self.command(), cwd=ROOT, env=self._env)
        deadline = time.monotonic() + deadline_s
        while True:
            try:
                if httpx.get(f"{self.base}/health/live", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert self.process.poll() is None and time.monotonic() < deadline, "the API did not start"
            time.sleep(0.2)

    def kill(self) -> None:
        """SIGKILL: no shutdown hook runs, as in a crash or an OOM kill."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


class ServedApi(ApiProcess):
    """``bailing serve`` itself: uvicorn, and the upload worker process it starts and supervises."""

    def command(self) -> list[str]:
        return [sys.executable, "-m", "api.cli.main", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                "--home", str(self.home)]

    def upload_worker_pid(self) -> int | None:
        """The live upload worker process started by this server, if any."""
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                status = (proc / "status").read_text()
                cmdline = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            ppid = next(int(l.split()[1]) for l in status.splitlines() if l.startswith("PPid:"))
            if ppid == self.pid and b"upload_worker_process" in cmdline:
                return int(proc.name)
        return None
