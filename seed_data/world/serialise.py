"""The world on disk: JSON lines with sorted keys, so the same world is always the same bytes.

Files written by :func:`write_world`:

- ``industries.json``: industries with their figures, sources and IO links;
- ``parties.jsonl``: counterparties;
- ``merchants.jsonl``: every merchant *with its hidden truth* (true limit, fraud kinds), without
  evidence; the engine under test must never read it;
- ``evidence.jsonl``: every evidence item (what a merchant submits), with its fraud truth.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from seed_data.industries import industry_links
from seed_data.world.records import World


def to_plain(obj: object) -> object:
    """Dataclasses, tuples and dates to JSON-ready dicts, lists and ISO strings."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def dumps(obj: object) -> str:
    return json.dumps(to_plain(obj), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_jsonl(path: Path, records: Iterable[object]) -> Path:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for record in records:
            f.write(dumps(record) + "\n")
    return path


def write_world(world: World, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    links = industry_links()
    industries = [{**to_plain(ind), "links": to_plain(links[ind.code])} for ind in world.industries]
    industries_path = out_dir / "industries.json"
    industries_path.write_text(
        json.dumps(industries, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    merchants = ({k: v for k, v in to_plain(m).items() if k != "evidence"} for m in world.merchants)
    return [
        industries_path,
        write_jsonl(out_dir / "parties.jsonl", world.parties),
        write_jsonl(out_dir / "merchants.jsonl", merchants),
        write_jsonl(out_dir / "evidence.jsonl", (e for m in world.merchants for e in m.evidence)),
    ]
