"""`bailing seed`: generate a synthetic merchant world (owned by seed_data/; see seed_data/README.md)."""
from __future__ import annotations

import argparse
from pathlib import Path


def _seed(args: argparse.Namespace) -> int:
    from seed_data.cli import run_seed   # imported on use: `bailing --help` stays fast

    manifest = run_seed(args.size, args.seed, Path(args.out), render=args.render, jobs=args.jobs)
    print(f"wrote {manifest}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "seed", help="generate a synthetic merchant world with hidden truth",
        description="Generate a deterministic synthetic merchant world: records, evidence images, "
                    "expert labels and a manifest (same seed, same bytes).")
    parser.add_argument("--size", choices=("tiny", "demo", "scale"), default="tiny",
                        help="tiny: ~24 merchants for CI; demo: ~1,000 with evidence images; "
                             "scale: 1M merchants as Neo4j import CSV, no images (default: tiny)")
    parser.add_argument("--seed", type=int, default=0, help="world seed (default: 0)")
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--render", choices=("all", "sample", "none"), default=None,
                        help="evidence images: every item, a sample covering every type and fraud kind, "
                             "or none (default: sample for tiny, all for demo; scale never renders)")
    parser.add_argument("--jobs", type=int, default=1, help="render processes (default: 1)")
    parser.set_defaults(func=_seed)
