"""`bailing ingest`: a per-file summary, typed errors for bad files, exit 1 if any failed."""
from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from api.cli.main import main
from graph.server import Neo4jServer
from graph.server.password import resolve_password
from tests.extractors.intake.bad_inputs import executable_named_jpg, zip_named_pdf
from tests.extractors.intake.seed_uploads import graph_counts, load_tiny_world, render


@pytest.fixture
def graph_env(driver: Driver, neo4j_server: Neo4jServer, monkeypatch: pytest.MonkeyPatch) -> Driver:
    """Point the command at the test server, as a deployment points it at its own (NEO4J_URI)."""
    monkeypatch.setenv("NEO4J_URI", neo4j_server.settings.bolt_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", resolve_password(neo4j_server.settings.password_file, {}))
    load_tiny_world(driver)
    return driver


def _ingest(*args: str) -> int:
    return main(["ingest", *args, "--consent-scope", "business_documents", "--consent-purpose",
                 "credit_limit_review", "--as-of", "2026-06-30"])


def test_bad_files_are_reported_by_name_and_type_and_the_good_one_is_stored(graph_env: Driver, tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    bad = [executable_named_jpg(tmp_path), zip_named_pdf(tmp_path)]
    good = render("M0000000-E008", tmp_path)
    assert _ingest(str(bad[0]), str(good), str(bad[1]), "--merchant", "M0000000") == 1
    out = capsys.readouterr().out
    assert "FAILED   photo.jpg: UnsupportedFormat: is an ELF executable" in out
    assert "FAILED   contract.pdf: UnsupportedFormat: is a ZIP archive" in out
    assert f" {good.name}: digital_einvoice (" in out
    assert "1 of 3 files stored for merchant M0000000; 2 failed." in out


def test_an_unregistered_merchant_is_an_error_and_nothing_is_written(graph_env: Driver, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    before = graph_counts(graph_env)
    assert _ingest(str(executable_named_jpg(tmp_path)), "--merchant", "M404") == 1
    assert "Merchant 'M404' is not registered" in capsys.readouterr().err
    assert graph_counts(graph_env) == before


def test_consent_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", "x.jpg", "--merchant", "M1"])
    assert exit_.value.code == 2 and "--consent-scope" in capsys.readouterr().err
