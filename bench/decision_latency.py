"""One decision (subgraph fetch + rules + model + policy) against a local Neo4j: median and p99.

Acceptance (issue 6): ≤ 50 ms median, ≤ 150 ms p99 with Neo4j local. Needs a graph with a world and
its evidence loaded and a trained model, e.g.::

    bailing seed --size demo --seed 0 --out out/demo --render none
    bailing train --world out/demo --load
    python bench/decision_latency.py [--merchants 300] [--as-of 2026-06-30]

Each merchant is decided once after a warm-up pass over 20 others; the stages are timed separately
(fetch = the one Cypher round trip and its decoding; view = facts and features; rules; model =
estimate + attributions + counterfactuals in one batched call; policy).
"""
from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

import torch

from api.cli.neo4j_commands import connect_target
from graph.store import read_subgraph
from ontology import load_active_ruleset
from reasoning.dataset import HOPS, REL_TYPES, view_of
from reasoning.explain import model_view
from reasoning.fraud_signals import fraud_signals
from reasoning.policy import PolicyInput, decide_policy
from reasoning.registry import load_model
from reasoning.scoring import uploads_for


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--merchants", type=int, default=300)
    parser.add_argument("--as-of", default="2026-06-30")
    args = parser.parse_args()
    torch.set_num_threads(1)
    as_of = date.fromisoformat(args.as_of)
    model = load_model()
    rules = load_active_ruleset()
    target, _ = connect_target()
    with target.driver() as driver:
        ids = [r["id"] for r in driver.execute_query(
            "MATCH (m:Merchant) RETURN m.id AS id ORDER BY id LIMIT $n", n=args.merchants + 20).records]
        stages: dict[str, list[float]] = {k: [] for k in ("fetch", "view", "rules", "model", "policy", "total")}
        for k, merchant_id in enumerate(ids):
            t0 = time.perf_counter()
            sub = read_subgraph(driver, merchant_id, hops=HOPS, as_of=as_of, rel_types=REL_TYPES,
                                database=target.database)
            t1 = time.perf_counter()
            view = view_of(sub, as_of=as_of, industries=model.industries)
            t2 = time.perf_counter()
            outcome = rules.evaluate(view.facts)
            t3 = time.perf_counter()
            mv = model_view(model, view)
            t4 = time.perf_counter()
            decide_policy(PolicyInput(view.facts, outcome, mv, fraud_signals(view.facts),
                                      uploads_for(view.facts.industry_code)),
                          ontology_version=rules.version, as_of=as_of.isoformat())
            t5 = time.perf_counter()
            if k < 20:
                continue   # warm-up: query plans, model caches
            for name, dt in zip(("fetch", "view", "rules", "model", "policy", "total"),
                                (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0)):
                stages[name].append(dt * 1000)
    print(f"decisions: {len(stages['total'])}  model: {model.version} ({model.kind})")
    for name, xs in stages.items():
        print(f"{name:7s} median {statistics.median(xs):7.2f} ms   p99 {_pct(xs, 0.99):7.2f} ms")


if __name__ == "__main__":
    main()
