"""`bailing seed`: generate a synthetic merchant world (owned by seed_data/; see seed_data/README.md)."""
from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("seed", help="generate a synthetic merchant world with hidden truth")
    parser.set_defaults(func=lambda args: parser.error("not implemented yet"))
