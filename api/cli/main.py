"""The `bailing` command: one argparse parser, one module per subcommand group.

Each group module exposes ``register(subparsers)`` and sets ``func`` on its parsers, so adding a group
means adding one line to ``_GROUPS`` and nothing else here.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from api.cli import (demo_commands, ingest_commands, neo4j_commands, ontology_commands, reasoning_commands,
                     seed_commands, serve_commands)

_GROUPS = (demo_commands, ingest_commands, neo4j_commands, ontology_commands, reasoning_commands, seed_commands,
           serve_commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bailing",
        description=(
            "Bailing: a knowledge-graph-centred credit engine. Merchants prove their business with "
            "their own evidence; Bailing reads, verifies, graphs and scores it."
        ),
        epilog="Run `bailing COMMAND --help` for the options of one command.",
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for group in _GROUPS:
        group.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
