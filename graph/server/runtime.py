"""Assemble the Neo4j runtime (jars) from Maven Central once per machine.

The runtime folder is named after a hash of ``pom.xml``, so changing a pinned version builds a new
runtime beside the old one instead of mixing jars. A ``.complete`` marker is written last: a build
that was interrupted is redone, never half-used.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from graph.server.errors import JavaMissing, MavenMissing, RuntimeBuildFailed

POM = Path(__file__).with_name("pom.xml")
_MARKER = ".complete"


@dataclass(frozen=True, slots=True)
class Runtime:
    """A built runtime: ``lib/`` (server, Bolt, web server, import tool), ``plugins/`` (APOC),
    ``web/browser/`` (Neo4j Browser's static files, unpacked so a home can overlay its own files)."""

    root: Path

    @property
    def lib(self) -> Path:
        return self.root / "lib"

    @property
    def plugins(self) -> Path:
        return self.root / "plugins"

    @property
    def browser(self) -> Path:
        return self.root / "web" / "browser"

    def classpath(self, *first: Path) -> str:
        entries = [*map(str, first), f"{self.lib}/*", f"{self.plugins}/*"]
        return ":".join(entries)


def runtime_dir(cache: Path) -> Path:
    digest = hashlib.sha256(POM.read_bytes()).hexdigest()[:12]
    return cache / f"neo4j-runtime-{digest}"


def require_java() -> str:
    java = shutil.which("java")
    if java is None:
        raise JavaMissing("Java 17 or 21 is needed to run Neo4j 5.26 and was not found on PATH. "
                          "Install it (Debian: apt-get install openjdk-17-jre-headless).")
    return java


def ensure_runtime(cache: Path, *, quiet: bool = True, maven_args: tuple[str, ...] = ()) -> Runtime:
    """Return the built runtime, building it with Maven first if this machine has none.

    ``maven_args`` (default none) go to ``mvn`` as they are, e.g. ``("-s", "settings.xml")`` for a mirror.
    """
    runtime = Runtime(runtime_dir(cache))
    if (runtime.root / _MARKER).exists():
        return runtime
    require_java()
    mvn = shutil.which("mvn")
    if mvn is None:
        raise MavenMissing("Maven is needed once per machine to assemble Neo4j from Maven Central and was "
                           "not found on PATH. Install it (Debian: apt-get install maven).")
    if runtime.root.exists():
        shutil.rmtree(runtime.root)  # an interrupted build: start clean
    runtime.root.mkdir(parents=True)
    cmd = [mvn, "-B", *maven_args, "-f", str(POM), "package", f"-Druntime.dir={runtime.root}"]
    if quiet:
        cmd.insert(2, "-q")
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        hint = ("Maven Central looks unreachable: check the network or a mirror in ~/.m2/settings.xml."
                if "resolve" in tail.lower() or "transfer" in tail.lower() or "connect" in tail.lower()
                else "See Maven's output above.")
        raise RuntimeBuildFailed(f"Building the Neo4j runtime failed (exit {proc.returncode}). {hint}\n{tail}")
    _unpack_browser(runtime)
    (runtime.root / _MARKER).write_text(POM.read_text())
    return runtime


def _unpack_browser(runtime: Runtime) -> None:
    jars = sorted(runtime.lib.glob("neo4j-browser-*.jar"))
    if not jars:
        raise RuntimeBuildFailed(f"no neo4j-browser jar in {runtime.lib}; check graph/server/pom.xml")
    with zipfile.ZipFile(jars[0]) as jar:
        members = [m for m in jar.namelist() if m.startswith("browser/")]
        jar.extractall(runtime.root / "web", members)
