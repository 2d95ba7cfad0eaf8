"""Analysts' saved queries: the guide Browser plays holds each one, and each one runs."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from neo4j import Driver

from graph.schema.model import NODE_LABELS

BROWSER = Path(__file__).parents[2] / "graph" / "browser"
QUERIES = sorted((BROWSER / "queries").glob("*.cypher"))


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_guide_holds_each_saved_query(path: Path) -> None:
    assert path.read_text() in html.unescape((BROWSER / "guide.html").read_text())


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_saved_query_runs(driver: Driver, path: Path) -> None:
    driver.execute_query(path.read_text(), merchant_id="M1", industry_code="5430")


def test_style_sheet_gives_every_label_a_colour_and_caption() -> None:
    grass = (BROWSER / "bailing.grass").read_text()
    for label in NODE_LABELS:
        rule = re.search(rf"node\.{label} \{{([^}}]*)\}}", grass)
        assert rule and "color:" in rule.group(1) and "caption:" in rule.group(1), label
