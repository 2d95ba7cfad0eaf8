"""Start, stop and inspect one local Neo4j server process.

The real server entry point (``org.neo4j.server.CommunityEntryPoint``) is run directly with ``java``:
no shell scripts or tarball are involved, so the same code works wherever Java and the Maven-built
runtime exist. Its TERM handler shuts the database down cleanly, so stopping is a plain SIGTERM.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from graph.server.browser_overlay import prepare_overlay
from graph.server.config import render_config
from graph.server.errors import NotRunning, PortInUse, StartFailed, StartTimeout
from graph.server.password import resolve_password
from graph.server.runtime import Runtime, ensure_runtime, require_java
from graph.server.settings import ServerSettings

_ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
_ADMIN_TOOL = "org.neo4j.cli.AdminTool"
# Flags the official launcher passes (see shared/research/neo4j-from-maven.md).
_JVM_FLAGS = (
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)
_USER = "neo4j"


@dataclass(frozen=True, slots=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    browser_url: str
    home: Path
    version: str | None = None


def _tail(path: Path, lines: int = 25) -> str:
    if not path.exists():
        return f"(no log at {path})"
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


class Neo4jServer:
    """One home's server. Constructing it does no I/O; ``start`` builds the runtime if needed."""

    def __init__(self, settings: ServerSettings):
        self.settings = settings

    # -- inspection ------------------------------------------------------------------------------
    def password(self) -> str:
        return resolve_password(self.settings.password_file)

    def pid(self) -> int | None:
        """The pid of this home's server if it is alive (a stale pid file is ignored)."""
        try:
            pid = int(self.settings.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except FileNotFoundError:
            return None
        # Guard against pid reuse: only our entry point with our home counts.
        if _ENTRY_POINT in cmdline and str(self.settings.home) in cmdline:
            return pid
        return None

    def status(self) -> ServerStatus:
        s = self.settings
        pid = self.pid()
        version = None
        if pid is not None:
            try:
                with GraphDatabase.driver(s.bolt_uri, auth=(_USER, self.password()),
                                          notifications_min_severity="OFF") as driver:
                    records, _, _ = driver.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
                    version = records[0]["v"]
            except (ServiceUnavailable, AuthError, OSError):
                version = None
        return ServerStatus(pid is not None, pid, s.bolt_uri, s.browser_url, s.home, version)

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self) -> ServerStatus:
        s = self.settings
        if self.pid() is not None:
            self._wait_for_bolt(None, time.monotonic() + s.start_timeout_s)
            return self.status()
        java = require_java()
        for port in (s.bolt_port, s.http_port):
            if not _port_free(s.connect_host, port):
                raise PortInUse(
                    f"Port {port} on {s.connect_host} is taken by another program (another Neo4j?). "
                    "Stop it, or choose other ports with BAILING_NEO4J_BOLT_PORT / BAILING_NEO4J_HTTP_PORT.")
        runtime = ensure_runtime(s.cache)
        for sub in ("conf", "data", "logs", "run", "import"):
            (s.home / sub).mkdir(parents=True, exist_ok=True)
        (s.conf_dir / "neo4j.conf").write_text(render_config(s, plugins=str(runtime.plugins)))
        web = prepare_overlay(runtime.browser, s.home)
        password = self.password()
        if not (s.home / "data" / "dbms" / "auth.ini").exists():
            self._admin(java, runtime, "dbms", "set-initial-password", "--", password)  # "--": a password may start with "-"

        s.log_file.parent.mkdir(parents=True, exist_ok=True)
        with open(s.log_file, "ab") as log:
            proc = subprocess.Popen(
                [java, f"-Xms{s.heap}", f"-Xmx{s.heap}", *_JVM_FLAGS, "-cp", runtime.classpath(web),
                 _ENTRY_POINT, f"--home-dir={s.home}", f"--config-dir={s.conf_dir}", "--console-mode"],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,  # Ctrl-C in the terminal that started it does not kill it
            )
        s.pid_file.write_text(f"{proc.pid}\n")
        try:
            self._wait_for_bolt(proc, time.monotonic() + s.start_timeout_s)
        except BaseException:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            s.pid_file.unlink(missing_ok=True)
            raise
        return self.status()

    def stop(self, timeout_s: float = 60.0) -> bool:
        """SIGTERM and wait; returns False when nothing was running."""
        pid = self.pid()
        if pid is None:
            self.settings.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and self.pid() is not None:
            time.sleep(0.2)
        if self.pid() is not None:
            os.kill(pid, signal.SIGKILL)  # clean shutdown hung: the store recovers on next start
        self.settings.pid_file.unlink(missing_ok=True)
        return True

    def require_running(self) -> ServerStatus:
        status = self.status()
        if not status.running:
            raise NotRunning(f"No Neo4j is running for home {self.settings.home}. Run `bailing neo4j start`.")
        return status

    # -- internals ------------------------------------------------------------------------------
    def _admin(self, java: str, runtime: Runtime, *args: str) -> None:
        env = {**os.environ, "NEO4J_HOME": str(self.settings.home), "NEO4J_CONF": str(self.settings.conf_dir)}
        proc = subprocess.run([java, "-Xmx512m", *_JVM_FLAGS, "-cp", runtime.classpath(), _ADMIN_TOOL, *args],
                              env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            # Java stack frames say nothing to the person at the terminal; the exception lines do.
            lines = [ln for ln in (proc.stdout + proc.stderr).splitlines() if not ln.lstrip().startswith(("at ", "..."))]
            raise StartFailed(f"neo4j-admin {' '.join(args[:2])} failed:\n" + "\n".join(lines[:12]))

    def _wait_for_bolt(self, proc: subprocess.Popen | None, deadline: float) -> None:
        s = self.settings
        last_error: Exception | None = None
        with GraphDatabase.driver(s.bolt_uri, auth=(_USER, self.password()), connection_timeout=2.0) as driver:
            while time.monotonic() < deadline:
                if proc is not None and proc.poll() is not None:
                    raise StartFailed(f"Neo4j exited with code {proc.returncode} while starting. "
                                      f"Last lines of {s.log_file}:\n{_tail(s.log_file)}")
                try:
                    driver.verify_connectivity()
                    return
                except AuthError as exc:
                    raise StartFailed(
                        f"Neo4j at {s.bolt_uri} refused the password ({exc.message}). The initial password is "
                        f"fixed at first start; use the one in {s.password_file} or set NEO4J_PASSWORD to it."
                    ) from exc
                except (ServiceUnavailable, OSError) as exc:
                    last_error = exc
                    time.sleep(0.25)
        raise StartTimeout(f"Bolt at {s.bolt_uri} did not answer within {s.start_timeout_s:.0f} s "
                           f"(last error: {last_error}). Last lines of {s.log_file}:\n{_tail(s.log_file)}")
