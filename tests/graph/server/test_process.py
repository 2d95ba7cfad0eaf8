"""The real server: version, APOC, Browser, loopback, password file, actionable errors, restarts."""
from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from neo4j import Driver

from graph.connection import GraphTarget
from graph.server import Neo4jServer
from graph.server.errors import JavaMissing, MavenMissing, PortInUse, RuntimeBuildFailed, StartFailed
from graph.server.runtime import ensure_runtime
from tests.conftest import test_server_settings


def test_kernel_is_neo4j_5_26_community(driver: Driver) -> None:
    records, _, _ = driver.execute_query("CALL dbms.components() YIELD name, versions, edition "
                                         "RETURN name, versions[0] AS version, edition")
    assert records[0]["name"] == "Neo4j Kernel"
    assert records[0]["version"].startswith("5.26.")
    assert records[0]["edition"] == "community"


def test_apoc_answers(driver: Driver) -> None:
    records, _, _ = driver.execute_query("RETURN apoc.version() AS v")
    assert records[0]["v"].startswith("5.26")


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode(errors="replace")


def test_browser_page_and_bailing_assets_are_served(neo4j_server: Neo4jServer) -> None:
    status, body = _get(neo4j_server.settings.browser_url)
    assert status == 200 and "<title>Neo4j Browser</title>" in body
    _, grass = _get(neo4j_server.settings.browser_url + "bailing/bailing.grass")
    assert "node.Merchant" in grass
    _, guide = _get(neo4j_server.settings.browser_url + "bailing/guide.html")
    assert 'class="guide"' in guide


def test_browser_loads_bailing_style_and_guide_on_connect(neo4j_server: Neo4jServer) -> None:
    _, discovery = _get(f"http://127.0.0.1:{neo4j_server.settings.http_port}/")
    conf = (neo4j_server.settings.conf_dir / "neo4j.conf").read_text()
    assert f"bolt://127.0.0.1:{neo4j_server.settings.bolt_port}" in discovery  # Browser connects to *this* Bolt
    assert "browser.post_connect_cmd=style http://127.0.0.1" in conf and "bailing/guide.html" in conf


def _non_loopback_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))  # TEST-NET: no packet is sent by a UDP connect
            address = sock.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_listens_on_loopback_only(neo4j_server: Neo4jServer) -> None:
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address to try")
    for port in (neo4j_server.settings.bolt_port, neo4j_server.settings.http_port):
        with pytest.raises(OSError):
            socket.create_connection((address, port), timeout=2).close()


def test_generated_password_file_is_private(neo4j_server: Neo4jServer) -> None:
    mode = stat.S_IMODE(neo4j_server.settings.password_file.stat().st_mode)
    assert mode == 0o600


def test_second_server_on_taken_ports_is_refused_with_the_port_named(neo4j_server: Neo4jServer, tmp_path: Path) -> None:
    clash = Neo4jServer(neo4j_server.settings.with_(home=tmp_path / "other"))
    with pytest.raises(PortInUse, match=str(neo4j_server.settings.bolt_port)):
        clash.start()


def test_bad_setting_is_named_before_the_server_starts(tmp_path: Path) -> None:
    server = Neo4jServer(test_server_settings(tmp_path / "home").with_(pagecache="not-a-size"))
    with pytest.raises(StartFailed, match="server.memory.pagecache.size") as error:
        server.start()
    assert "\tat org.neo4j" not in str(error.value)


def test_jvm_that_cannot_start_reports_the_log_tail(tmp_path: Path) -> None:
    server = Neo4jServer(test_server_settings(tmp_path / "home").with_(heap="1x"))
    with pytest.raises(StartFailed, match="(?s)exited with code.*Last lines of"):
        server.start()
    assert server.pid() is None


def test_missing_java_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty PATH: no java, no mvn
    with pytest.raises(JavaMissing, match="Java 17"):
        Neo4jServer(test_server_settings(tmp_path / "home")).start()


def test_missing_maven_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    java = subprocess.run(["which", "java"], capture_output=True, text=True).stdout.strip()
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "java").symlink_to(java)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(MavenMissing, match="Maven"):
        ensure_runtime(tmp_path / "empty-cache")


def test_unreachable_maven_central_is_named(tmp_path: Path) -> None:
    settings = tmp_path / "settings.xml"
    settings.write_text("""<settings><mirrors><mirror><id>nowhere</id><mirrorOf>*</mirrorOf>
        <url>http://127.0.0.1:9/</url></mirror></mirrors></settings>""")
    with pytest.raises(RuntimeBuildFailed, match="unreachable"):
        ensure_runtime(tmp_path / "empty-cache",
                       maven_args=("-s", str(settings), f"-Dmaven.repo.local={tmp_path / 'repo'}"))


def test_external_uri_is_used_as_is_and_nothing_starts(neo4j_server: Neo4jServer, tmp_path: Path) -> None:
    env = {**os.environ, "NEO4J_URI": neo4j_server.settings.bolt_uri, "NEO4J_PASSWORD": neo4j_server.password(),
           "BAILING_NEO4J_HOME": str(tmp_path / "untouched")}
    target = GraphTarget.from_env(env)
    assert target.external and target.uri == neo4j_server.settings.bolt_uri
    bailing = str(Path(sys.executable).with_name("bailing"))  # the console script of this environment
    result = subprocess.run([bailing, "neo4j", "start"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "nothing started" in result.stdout
    assert not (tmp_path / "untouched").exists()


def test_data_survives_a_clean_stop_and_restart(tmp_path: Path) -> None:
    server = Neo4jServer(test_server_settings(tmp_path / "home"))
    server.start()
    try:
        with GraphTarget.local(server.settings, env={}).driver() as driver:
            driver.execute_query("CREATE (:Merchant {id: 'persisted'})")
        assert server.stop()
        assert "Stopped." in server.settings.log_file.read_text()  # SIGTERM led to a clean shutdown
        server.start()
        with GraphTarget.local(server.settings, env={}).driver() as driver:
            records, _, _ = driver.execute_query("MATCH (m:Merchant {id: 'persisted'}) RETURN count(m) AS n")
        assert records[0]["n"] == 1
    finally:
        server.stop()


def test_a_password_that_starts_with_a_dash_is_set_and_used(tmp_path: Path, monkeypatch) -> None:
    # neo4j-admin would read "-…" as an option; generated passwords could start with "-" too.
    monkeypatch.setenv("NEO4J_PASSWORD", "-looks-like-an-option")
    server = Neo4jServer(test_server_settings(tmp_path / "home"))
    server.start()
    try:
        with GraphTarget.local(server.settings).driver() as driver:
            records, _, _ = driver.execute_query("RETURN 1 AS one")
        assert records[0]["one"] == 1
    finally:
        server.stop()
