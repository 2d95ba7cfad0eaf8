"""Median time to evaluate the full active rule set for one merchant, over seed merchants.

    python bench/rules_eval.py [--size tiny|demo]
"""
from __future__ import annotations

import argparse
import statistics
import time

import ontology
from api.demo.seed_merchant_facts import seed_merchant_facts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="demo", choices=("tiny", "demo"))
    args = parser.parse_args()
    facts = seed_merchant_facts(args.size)
    ruleset = ontology.load_active_ruleset()
    for f in facts[:20]:
        ruleset.evaluate(f)  # warm up
    times = []
    for f in facts:
        t = time.perf_counter()
        ruleset.evaluate(f)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"rules {ruleset.version}: {len(ruleset.rules)} rules, {len(facts)} merchants, "
          f"{statistics.mean(len(f.items) for f in facts):.1f} facts/merchant")
    print(f"median {statistics.median(times):.3f} ms, p95 {times[int(0.95 * len(times))]:.3f} ms, max {times[-1]:.3f} ms")


if __name__ == "__main__":
    main()
