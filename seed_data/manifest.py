"""``manifest.json``: what a seed run wrote, with the sha256 of every file.

No timestamps, no absolute paths, sorted keys: the same seed and size give a byte-identical manifest,
which is how a test (and a user) checks that a world was reproduced exactly.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST = "manifest.json"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(out_dir: Path, meta: dict[str, object]) -> Path:
    """Hash every file under ``out_dir`` (except the manifest), by POSIX relative path."""
    files = {}
    for path in sorted(p for p in out_dir.rglob("*") if p.is_file() and p.name != MANIFEST):
        files[path.relative_to(out_dir).as_posix()] = {"bytes": path.stat().st_size, "sha256": sha256_of(path)}
    path = out_dir / MANIFEST
    path.write_text(json.dumps({**meta, "files": files}, ensure_ascii=False, sort_keys=True, indent=1) + "\n",
                    encoding="utf-8")
    return path
