"""Relationships per second into Neo4j: through Bailing's store API vs Neo4j's own bulk importer.

    python bench/graph_ingest.py [--relationships 1000000] [--merchants 100000] [--enterprises 50000] [--workers 2]

Starts its own Neo4j in a temporary home (never a demo's or a developer's), loads the same synthetic
trade graph both ways, prints the figures, stops what it started and removes the temporary homes.
The store API path is the online path (MERGE, provenance lists, idempotent); the admin import is
offline and writes store files directly, so it is the ceiling, not a competitor. Both carry the same
properties, provenance lists included.

Two more figures bound every Cypher path: the same relationships, with the same properties, created
by Cypher that generates them on the server (``UNWIND range``), so no client builds, sends or checks
a row, in ``--workers`` concurrent transactions — no Cypher client can be faster on this machine; and
relationships with no properties at all between nodes found by element id (no index seek) — the most
Neo4j's transactional write path gives before Bailing adds anything (docs/decisions.md, "Store API
write rate").
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from extractors.facts import NodeFact, NodeRef, Provenance, RelationshipFact
from graph.connection import GraphTarget
from graph.schema.migrations import apply_migrations
from graph.server import Neo4jServer, ServerSettings
from graph.server.runtime import ensure_runtime
from graph.store import relationship_uid, upsert_nodes, upsert_relationships
from graph.store.writes import provenance_parameter

PROVENANCE = Provenance("bench:graph_ingest", 1.0, datetime(2026, 11, 1, tzinfo=timezone.utc), "bench.graph_ingest", "1")


def synthetic_trade_graph(n_rel: int, n_merchants: int, n_enterprises: int, seed: int = 7):
    rng = np.random.default_rng(seed)
    merchants = [NodeFact("Merchant", f"M{i:07d}", PROVENANCE, {"name": f"商户{i}"}) for i in range(n_merchants)]
    enterprises = [NodeFact("Enterprise", f"E{i:07d}", PROVENANCE, {"name": f"企业{i}"}) for i in range(n_enterprises)]
    # Zipf-like customer popularity: trade graphs have hubs.
    starts = rng.integers(0, n_merchants, n_rel)
    ends = np.minimum(rng.zipf(1.3, n_rel) - 1, n_enterprises - 1)
    days = rng.integers(0, 3650, n_rel)  # distinct versions of repeated pairs
    volumes = rng.integers(1_000, 5_000_000, n_rel)
    base = date(2016, 1, 1)
    rels = [RelationshipFact("SELLS_TO", NodeRef("Merchant", f"M{s:07d}"), NodeRef("Enterprise", f"E{e:07d}"),
                             base + timedelta(days=int(d)), PROVENANCE, properties={"annual_volume_cny": int(v)})
            for s, e, d, v in zip(starts, ends, days, volumes)]
    unique = {relationship_uid(r): r for r in rels}  # the same pair on the same day is one version
    return merchants, enterprises, list(unique.values())


def bench_store_api(settings: ServerSettings, merchants, enterprises, rels, workers: int) -> dict[str, float]:
    server = Neo4jServer(settings)
    server.start()
    try:
        with GraphTarget.local(settings, env={}).driver() as driver:
            apply_migrations(driver, database="neo4j")
            t0 = time.perf_counter()
            upsert_nodes(driver, merchants + enterprises, workers=workers)
            t1 = time.perf_counter()
            written = upsert_relationships(driver, rels, workers=workers)
            t2 = time.perf_counter()
            again = upsert_relationships(driver, rels[:100_000])  # idempotent re-run: MERGE finds them
            t3 = time.perf_counter()
            records, _, _ = driver.execute_query("MATCH ()-[r:SELLS_TO]->() RETURN count(r) AS n")
            ceiling = bench_server_generated(driver, len(rels), len(merchants), len(enterprises), workers)
            bare = bench_bare(driver, len(rels), workers)
        assert written == len(rels) and records[0]["n"] == len(rels), (written, records[0]["n"])
        return {"nodes_s": t1 - t0, "rels_s": t2 - t1, "rerun_100k_s": t3 - t2, "rerun_written": again,
                "ceiling_s": ceiling, "bare_s": bare}
    finally:
        server.stop()


PROVENANCE_HEADER = ("evidence_ids:string[]", "prov_confidence:double[]", "prov_observed_at:datetime[]",
                     "prov_extractor:string[]", "prov_extractor_version:string[]", "confidence:double")


def provenance_columns(p: Provenance) -> tuple[str, ...]:
    return (p.evidence_id, str(p.confidence), p.observed_at.isoformat(), p.extractor, p.extractor_version,
            str(p.confidence))


# The store's CREATE (graph/store/cypher.py) with its rows made on the server: worker $w of $workers
# takes every $workers-th merchant as start node, as the store's sharding does.
SERVER_GENERATED = """
UNWIND range($lo, $hi - 1) AS i
WITH i, ((i * 7919) % ($merchants / $workers)) * $workers + $w AS s, (i * 104729) % $enterprises AS e
MATCH (a:Merchant {id: 'M' + right('000000' + toString(s), 7)})
MATCH (b:Enterprise {id: 'E' + right('000000' + toString(e), 7)})
CREATE (a)-[:BUYS_FROM {uid: 'ceiling:' + toString(i), key: '', valid_from: date('2020-01-01') + duration({days: i % 3650}),
                        annual_volume_cny: i, evidence_ids: [$p.evidence_id], prov_confidence: [$p.confidence],
                        prov_observed_at: [$p.observed_at], prov_extractor: [$p.extractor],
                        prov_extractor_version: [$p.extractor_version], confidence: $p.confidence}]->(b)
"""


# The least a relationship can cost: no properties, no index, both ends found by element id.
BARE = """
UNWIND range($lo, $hi - 1) AS i
MATCH (a) WHERE elementId(a) = $starts[(i * 7919) % size($starts)]
MATCH (b) WHERE elementId(b) = $ends[(i * 104729) % size($ends)]
CREATE (a)-[:SELLS_TO]->(b)
"""


def _split_timed(n_rel: int, workers: int, batch_size: int, write: Callable[[int, int, int], None]) -> float:
    """Seconds for ``workers`` threads to run ``write(worker, lo, hi)`` over their share of range(n_rel)."""
    share = n_rel // workers

    def run(w: int) -> None:
        for lo in range(w * share, (w + 1) * share, batch_size):
            write(w, lo, min(lo + batch_size, (w + 1) * share))

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(run, range(workers)))
    return time.perf_counter() - t0


def bench_bare(driver, n_rel: int, workers: int, batch_size: int = 10_000) -> float:
    """Seconds to create ``n_rel`` relationships with nothing on them."""
    starts = [r["e"] for r in driver.execute_query("MATCH (n:Merchant) RETURN elementId(n) AS e").records]
    ends = [r["e"] for r in driver.execute_query("MATCH (n:Enterprise) RETURN elementId(n) AS e").records]
    shards = [starts[w::workers] for w in range(workers)]   # disjoint start nodes per worker, as the store shards
    return _split_timed(n_rel, workers, batch_size, lambda w, lo, hi: driver.execute_query(
        BARE, lo=lo, hi=hi, starts=shards[w], ends=ends))


def bench_server_generated(driver, n_rel: int, n_merchants: int, n_enterprises: int, workers: int,
                           batch_size: int = 10_000) -> float:
    """Seconds to create ``n_rel`` relationships with Cypher that makes its own rows."""
    p = provenance_parameter(PROVENANCE)
    elapsed = _split_timed(n_rel, workers, batch_size, lambda w, lo, hi: driver.execute_query(
        SERVER_GENERATED, lo=lo, hi=hi, w=w, workers=workers, merchants=n_merchants, enterprises=n_enterprises, p=p))
    records, _, _ = driver.execute_query("MATCH ()-[r:BUYS_FROM]->() RETURN count(r) AS n")
    assert records[0]["n"] == n_rel // workers * workers, records[0]["n"]
    return elapsed


def bench_admin_import(settings: ServerSettings, merchants, enterprises, rels) -> dict[str, float]:
    csv_dir = settings.home / "import"
    csv_dir.mkdir(parents=True, exist_ok=True)
    with open(csv_dir / "merchants.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id:ID(Merchant)", "name", ":LABEL"])
        w.writerows((n.id, n.properties["name"], "Merchant") for n in merchants)
    with open(csv_dir / "enterprises.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id:ID(Enterprise)", "name", ":LABEL"])
        w.writerows((n.id, n.properties["name"], "Enterprise") for n in enterprises)
    with open(csv_dir / "sells_to.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow([":START_ID(Merchant)", ":END_ID(Enterprise)", "uid", "key", "valid_from:date",
                    "annual_volume_cny:long", *PROVENANCE_HEADER, ":TYPE"])
        w.writerows((r.start.id, r.end.id, relationship_uid(r), r.key, r.valid_from.isoformat(),
                     r.properties["annual_volume_cny"], *provenance_columns(r.provenance), "SELLS_TO")
                    for r in rels)
    runtime = ensure_runtime(settings.cache)
    env = {**os.environ, "NEO4J_HOME": str(settings.home)}
    cmd = ["java", "-Xmx2g", "-cp", runtime.classpath(), "org.neo4j.cli.AdminTool", "database", "import", "full",
           f"--nodes={csv_dir / 'merchants.csv'}", f"--nodes={csv_dir / 'enterprises.csv'}",
           f"--relationships={csv_dir / 'sells_to.csv'}", "--threads=2", "--overwrite-destination",
           f"--report-file={settings.home / 'import.report'}", "neo4j"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(proc.stdout[-2000:] + proc.stderr[-2000:])
    return {"total_s": elapsed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relationships", type=int, default=1_000_000)
    parser.add_argument("--merchants", type=int, default=100_000)
    parser.add_argument("--enterprises", type=int, default=50_000)
    parser.add_argument("--workers", type=int, default=2, help="concurrent write transactions (default 2)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    merchants, enterprises, rels = synthetic_trade_graph(args.relationships, args.merchants, args.enterprises)
    print(f"generated {len(merchants) + len(enterprises):,} nodes, {len(rels):,} relationships "
          f"in {time.perf_counter() - t0:.1f} s")
    with tempfile.TemporaryDirectory(prefix="bailing-bench-") as tmp:
        base = ServerSettings.from_env({**os.environ, "BAILING_NEO4J_HOME": str(Path(tmp) / "api")})
        settings = base.with_(bolt_port=17787, http_port=17574, heap="4g", pagecache="2g")
        api = bench_store_api(settings, merchants, enterprises, rels, args.workers)
        admin = bench_admin_import(settings.with_(home=Path(tmp) / "admin"), merchants, enterprises, rels)
    n = len(rels)
    print(f"\nmachine: {platform.node()} ({os.cpu_count()} cores), Neo4j heap {settings.heap}, page cache {settings.pagecache}")
    print(f"{'path':<34}{'relationships':>14}{'seconds':>10}{'rel/s':>12}")
    print(f"{f'store API (UNWIND, {args.workers} workers)':<34}{n:>14,}{api['rels_s']:>10.1f}{n / api['rels_s']:>12,.0f}")
    ceiling_n = n // args.workers * args.workers
    print(f"{f'server-generated Cypher, {args.workers} workers':<34}{ceiling_n:>14,}{api['ceiling_s']:>10.1f}"
          f"{ceiling_n / api['ceiling_s']:>12,.0f}")
    print(f"{'bare Cypher (no props, no index)':<34}{ceiling_n:>14,}{api['bare_s']:>10.1f}"
          f"{ceiling_n / api['bare_s']:>12,.0f}")
    print(f"{'neo4j-admin import full (offline)':<34}{n:>14,}{admin['total_s']:>10.1f}{n / admin['total_s']:>12,.0f}")
    print(f"store API nodes: {len(merchants) + len(enterprises):,} in {api['nodes_s']:.1f} s; "
          f"idempotent re-run of 100k relationships: {api['rerun_100k_s']:.1f} s")
    print(f"store API / admin import: {(n / api['rels_s']) / (n / admin['total_s']):.2f}; "
          f"store API / server-generated Cypher: {(n / api['rels_s']) / (ceiling_n / api['ceiling_s']):.2f}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (the machine is shared; compare ratios)")


if __name__ == "__main__":
    main()
