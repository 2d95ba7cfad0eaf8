"""`bailing demo`: the main job, as far as Bailing is built today.

Starts Neo4j (or uses NEO4J_URI), generates the seed world, loads what the bank already knows into
the graph, reads one merchant's neighbourhood back, and prints where to look. Evidence processing and
scoring join this command as their packages land (extractors/, reasoning/, api/).
"""
from __future__ import annotations

import argparse
import time
from collections import Counter

from api.cli.neo4j_commands import connect_target
from api.demo.world_loader import load_world
from graph.store import read_subgraph
from seed_data.world.generator import generate_world


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo", help="start Neo4j, load the seed world, show one merchant, print the URLs",
        description="Run Bailing's main job end to end on a synthetic merchant world.")
    parser.add_argument("--size", choices=("tiny", "demo"), default="demo", help="seed world size (default demo)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the world (default 2026)")
    parser.set_defaults(func=_demo)


def _demo(args: argparse.Namespace) -> int:
    began = time.monotonic()
    target, browser_url = connect_target()
    world = generate_world(args.seed, args.size)
    with target.driver() as driver:
        summary = load_world(driver, world, database=target.database)
        merchant = world.merchants[0]
        sub = read_subgraph(driver, merchant.merchant_id, hops=2, database=target.database)
    by_industry = Counter(m.industry_code for m in world.merchants)
    names = {i.code: i.name_zh for i in world.industries}
    print(f"\nSeed world {args.size} (seed {args.seed}): {summary.merchants:,} merchants, "
          f"{summary.enterprises:,} counterparties, {summary.industries} industries (GB/T 4754-2017).")
    print(f"Loaded {summary.nodes:,} nodes and {summary.relationships:,} relationships in "
          f"{time.monotonic() - began:.1f} s; every one carries its provenance.")
    print("Largest industries: " + ", ".join(f"{names[c]} {n}" for c, n in by_industry.most_common(5)))
    labels = Counter(n.label for n in sub.nodes)
    print(f"\nMerchant {merchant.merchant_id} {merchant.name}: base limit CNY {merchant.others.base_limit_cny:,}; "
          f"2-hop neighbourhood {dict(labels)}.")
    print("Evidence processing and scoring are not built yet (issues 4-7); this demo stops at the graph.")
    print(f"\nNeo4j Browser: {browser_url}  (run  :param merchant_id => '{merchant.merchant_id}'  then the guide's queries)")
    print(f"Bolt:          {target.uri}")
    return 0
