"""Batch re-scoring throughput on the `scale` world (acceptance: ≥ 5,000 merchants/s).

The scale world is Neo4j admin-import CSV (seed_data/README.md): merchants with registry data and
trade links with annual volumes, no evidence documents. This bench stands in for a portfolio
re-score after a model release: features are assembled in bulk with pandas from the CSVs (as they
would be from a graph export), the trade links standing for verified invoices and the trailing
revenue for verified bank inflows, the world's fraud flag for the verification verdicts; then
``reasoning.batch_scoring.rescore`` runs the model and the policy's numeric core over every row. It
prints merchants/s for feature assembly, scoring and end to end::

    python bench/batch_rescoring.py [--merchants 1000000] [--out DIR] [--model VERSION]

Generating a 1M-merchant world takes minutes (bench/seed_scale.py); ``--out`` reuses one.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from ontology import knowledge
from reasoning.batch_scoring import rescore
from reasoning.flow_capacity import revenue_factor
from reasoning.features import FEATURES
from reasoning.registry import load_model
from seed_data.manifest import write_manifest
from seed_data.world.scale import write_scale_world


def _flow_factor(industry: np.ndarray) -> np.ndarray:
    """Per merchant, revenue → flow capacity as ``reasoning.flow_capacity`` sizes it (ontology margin, cycle)."""
    kn = knowledge()
    factors = {code: revenue_factor(code, kn) for code in set(industry)}
    return np.array([factors[c] for c in industry], dtype=np.float64)


def _features(out: Path, industries: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    m = pd.read_csv(out / "nodes_merchants.csv", usecols=["merchantId:ID(Merchant)", "legalForm",
                    "annualRevenueCny:long", "baseLimitCny:long", "bureauScore:int", "overdueCount24m:int",
                    "fraud:boolean"])
    ind = pd.read_csv(out / "rels_merchant_industry.csv")
    trades = pd.read_csv(out / "rels_trades.csv")
    mid = m["merchantId:ID(Merchant)"]
    idx = pd.Index(mid)
    industry = ind.set_index(":START_ID(Merchant)")[":END_ID(Industry)"].astype(str).reindex(mid).to_numpy()
    pos = trades[":START_ID(Merchant)"].map(pd.Series(np.arange(len(idx)), index=idx)).to_numpy()
    vol = trades["annualVolumeCny:long"].to_numpy(dtype=np.float64)
    sells = (trades[":TYPE"] == "SELLS_TO").to_numpy()
    buys = (trades[":TYPE"] == "BUYS_FROM").to_numpy()
    n = len(m)
    sales = np.bincount(pos[sells], vol[sells], minlength=n)
    purchases = np.bincount(pos[buys], vol[buys], minlength=n)
    customers = np.bincount(pos[sells], minlength=n).astype(np.float64)
    X = np.zeros((n, len(FEATURES)))
    col = {f: i for i, f in enumerate(FEATURES)}
    base = m["baseLimitCny:long"].to_numpy(dtype=np.float64)
    revenue = m["annualRevenueCny:long"].to_numpy(dtype=np.float64)
    X[:, col["log_base_limit"]] = np.log1p(base)
    X[:, col["bureau_score"]] = m["bureauScore:int"].to_numpy()
    X[:, col["overdue_count_24m"]] = m["overdueCount24m:int"].to_numpy()
    X[:, col["company"]] = (m["legalForm"] == "company").to_numpy()
    lookup = {c: k for k, c in enumerate(industries)}
    X[:, col["industry_index"]] = np.array([lookup.get(c, -1) for c in industry], dtype=np.float64)
    X[:, col["log_bank_inflow_top6"]] = np.log1p(0.5 * revenue)
    X[:, col["log_sales_invoiced"]] = np.log1p(sales)
    X[:, col["log_purchases_invoiced"]] = np.log1p(purchases)
    X[:, col["sale_counterparties"]] = customers
    X[:, col["verified_evidence"]] = 1 + customers
    X[:, col["log_flow_capacity"]] = np.log1p(revenue * _flow_factor(industry))
    fraud = (m["fraud:boolean"].astype(str).str.lower() == "true").to_numpy()
    return X, base, fraud


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--merchants", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("out/scale-bench"))
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    model = load_model(args.model)
    if not (args.out / "nodes_merchants.csv").is_file():
        args.out.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        counts = write_scale_world(0, args.out, n=args.merchants)
        write_manifest(args.out, {"seed": 0, "size": "scale", "counts": counts})
        print(f"generated scale world ({args.merchants:,} merchants) in {time.perf_counter() - t:.0f} s")
    t0 = time.perf_counter()
    X, base, fraud = _features(args.out, model.industries)
    t1 = time.perf_counter()
    uplift = rescore(model, X, base, fraud=fraud)
    t2 = time.perf_counter()
    n = len(base)
    print(f"merchants {n:,}; model {model.version}")
    print(f"features from CSV   {t1 - t0:6.2f} s  ({n / (t1 - t0):,.0f} merchants/s)")
    print(f"re-score (model+policy core) {t2 - t1:6.2f} s  ({n / (t2 - t1):,.0f} merchants/s)")
    print(f"end to end          {t2 - t0:6.2f} s  ({n / (t2 - t0):,.0f} merchants/s)")
    print(f"uplifts granted {int((uplift > 0).sum()):,} ({(uplift > 0).mean():.1%}); declined as fraud {int(fraud.sum()):,}")


if __name__ == "__main__":
    main()
