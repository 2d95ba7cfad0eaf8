from __future__ import annotations

import pytest

from api.cli.main import main


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "neo4j" in out and "seed" in out


def test_status_of_a_home_with_no_server_says_so(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("BAILING_NEO4J_HOME", str(tmp_path))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert main(["neo4j", "status"]) == 3
    assert "not running" in capsys.readouterr().out


def test_external_uri_without_password_is_a_clear_error(monkeypatch, capsys) -> None:
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://example.invalid")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    assert main(["neo4j", "start"]) == 1
    assert "NEO4J_PASSWORD" in capsys.readouterr().err
