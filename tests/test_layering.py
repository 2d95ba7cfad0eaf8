"""Imports flow one way: extractors → facts → graph ← ontology → reasoning → api."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
ALLOWED = {  # edit in the same change as any change to the architecture
    "extractors": set(),
    "ontology": set(),
    "seed_data": set(),  # the synthetic world must not share code with what it is used to judge
    "graph": {"extractors", "ontology"},  # ingests fact records and ontology terms
    "reasoning": {"graph", "ontology", "extractors"},
    "api": {"extractors", "graph", "ontology", "reasoning", "seed_data"},
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_flow_one_way(package: str) -> None:
    files = list((ROOT / package).rglob("*.py"))
    assert files, f"{package}/ has no Python files"
    for path in files:
        for top in _imports(path) & ALLOWED.keys() - {package}:
            assert top in ALLOWED[package], f"{path.relative_to(ROOT)}: {package} must not import {top}"


def test_py2neo_is_not_used() -> None:
    for path in ROOT.rglob("*.py"):
        if ".venv" not in path.parts:
            assert "py2neo" not in _imports(path), path
