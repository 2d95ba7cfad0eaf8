"""`bailing demo` end to end on the tiny world: the story merchant's uploads go through the real
pipeline and raise his limit; the portfolio is scored; the report says where to look."""
from __future__ import annotations

import re

from api.cli import demo_commands
from api.cli.main import main


def _cny(text: str) -> float:
    return float(text.replace(",", ""))


def test_demo_tells_the_freight_story_and_scores_the_portfolio(neo4j_server, driver, tmp_path, monkeypatch,
                                                                capsys) -> None:
    s = neo4j_server.settings  # the suite's server: connect_target finds it running in this home
    monkeypatch.setenv("BAILING_NEO4J_HOME", str(s.home))
    monkeypatch.setenv("BAILING_NEO4J_BOLT_PORT", str(s.bolt_port))
    monkeypatch.setenv("BAILING_NEO4J_HTTP_PORT", str(s.http_port))
    monkeypatch.setenv("BAILING_MODEL_DIR", str(tmp_path / "models"))
    monkeypatch.setattr(demo_commands, "DEMO_HOME", tmp_path / "demo")

    assert main(["demo", "--size", "tiny", "--no-serve"]) == 0
    out = capsys.readouterr().out

    before, after = re.search(r"limit CNY ([\d,]+) -> ([\d,]+)", out).groups()
    assert _cny(after) > _cny(before)
    assert re.search(r"road_transport_permit, verified", out)
    assert "24 merchants scored" in out
    assert f"http://127.0.0.1:{s.http_port}/browser/" in out
