"""Serve Bailing's GraSS style and saved queries from the server's own /browser path.

Neo4j serves /browser from the first ``browser`` folder on its class path. Each home gets a copy of
the Browser (hard links where the file system allows, so it costs no space) with ``bailing/`` added,
and that copy goes first on the class path: one origin, no second web server, no CORS.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "browser"


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def prepare_overlay(runtime_browser: Path, home: Path) -> Path:
    """Return the class-path folder that holds ``browser/`` (Neo4j Browser plus Bailing's files)."""
    web = home / "web"
    target = web / "browser"
    if not (target / "index.html").exists():
        shutil.copytree(runtime_browser, target, copy_function=_link_or_copy, dirs_exist_ok=True)
    # Copied at every start so edits to graph/browser/ show after a restart.
    shutil.copytree(ASSETS, target / "bailing", dirs_exist_ok=True)
    return web
