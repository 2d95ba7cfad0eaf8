"""Training: read labelled merchants from the graph, fit the candidate models, keep the best.

Candidates: the structural model (``models/structural.py``: cash-flow capacity plus collateral, a
Huber regression), the gradient-boosting baseline and the GNN. Each is fitted on train; its log
error spread is measured on validation (``log_error_sd``) and stored with it, because the policy
chooses the uplift most likely to put the new limit inside an officer's range under that error
(``reasoning.uplift_point``); the range's width is learned from the training labels.

Only ``labels_train`` (fit) and ``labels_validation`` (compare, report) are read. Seeds are fixed
(numpy, torch, sklearn ``random_state``), torch runs single-threaded with deterministic algorithms, and
merchants are processed in id order, so training twice on the same graph gives the same metrics.
A candidate is *eligible* only if it never lowers the limit when a verified item is added, checked on
every validation merchant and item (``reasoning.monotonicity``); the boosting baseline is monotone
and structural models are monotone by construction, the GNN is not. Among eligible candidates the
higher validation agreement wins, ties to the boosting baseline. The GNN is therefore used only if it
wins and keeps the evidence guarantee; the comparison is reported either way.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np
from neo4j import Driver

from ontology import load_active_ruleset
from reasoning.agreement import agreement_report
from reasoning.dataset import MerchantView, read_views
from reasoning.features import EVIDENCE_GROUPS, FEATURES
from reasoning.labels import ReviewLabel, read_labels
from reasoning.models.baseline import CapacityBoosting
from reasoning.models.capacity import CapacityModel
from reasoning.models.structural import CapacityStructural
from reasoning.monotonicity import model_monotonicity
from reasoning.scoring import score_view


@dataclass(frozen=True, slots=True)
class TrainConfig:
    seed: int = 0
    kinds: tuple[str, ...] = ("structural", "boosting", "gnn")
    boosting: dict = field(default_factory=lambda: {"max_iter": 300, "learning_rate": 0.05, "max_leaf_nodes": 15,
                                                    "min_samples_leaf": 10, "l2_regularization": 1.0})
    gnn: dict = field(default_factory=lambda: {"hidden": 32, "epochs": 200, "lr": 0.01, "weight_decay": 1e-4})


@dataclass(frozen=True, slots=True)
class TrainResult:
    model: CapacityModel
    candidates: dict[str, dict[str, float]]     # kind -> validation metrics
    data_sha256: str
    config: TrainConfig
    industries: tuple[str, ...]


def regression_table(views: Sequence[MerchantView], labels: dict[str, ReviewLabel]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """(X, log target, row indices used); labels without a capacity target are skipped."""
    rows, ys = [], []
    for k, v in enumerate(views):
        target = labels[v.facts.merchant_id].target_limit(v.facts.base_limit_cny)
        if target is not None and target > 0:
            rows.append(k)
            ys.append(np.log(target))
    X = np.asarray([views[k].features.values for k in rows], dtype=np.float64).reshape(len(rows), len(FEATURES))
    return X, np.asarray(ys, dtype=np.float64), rows


def typical_uploads(X: np.ndarray) -> dict[str, dict[str, float]]:
    """Per evidence group, the median of each feature over merchants that submitted the group."""
    index = {n: i for i, n in enumerate(FEATURES)}
    out: dict[str, dict[str, float]] = {}
    for group, names in EVIDENCE_GROUPS.items():
        cols = [index[n] for n in names]
        have = X[(X[:, cols] > 0).any(axis=1)]
        if len(have):
            out[group] = {n: float(np.median(have[:, index[n]])) for n in names}
    return out


def band_half_width(labels: Sequence[ReviewLabel], base_limits: dict[str, float]) -> float:
    """How wide officers' ranges for the new limit are, relative to their middle (median over approvals).

    Labels carry the range as an uplift band over the base limit; the new limit is base + uplift."""
    widths = [(l.uplift_hi_cny - l.uplift_lo_cny) / (2 * base_limits[l.merchant_id] + l.uplift_hi_cny + l.uplift_lo_cny)
              for l in labels if l.decision == "approve_uplift" and l.uplift_hi_cny + l.uplift_lo_cny > 0]
    return round(float(np.median(widths)), 4) if widths else 0.0


def log_error_sd(model: CapacityModel, views: Sequence[MerchantView], labels: dict[str, ReviewLabel]) -> float:
    """Robust SD (1.4826 × MAD) of log(review target) − estimate over approvals: the spread the uplift
    point is chosen against (``reasoning.uplift_point``). Approvals only: a no-change target is the
    base limit, a bound rather than the reviewer's view."""
    rows = [k for k, v in enumerate(views) if labels[v.facts.merchant_id].decision == "approve_uplift"]
    if len(rows) < 10:
        return 0.0
    X, y, kept = regression_table([views[k] for k in rows], labels)
    residual = y - model.predict_log([views[rows[k]] for k in kept], X)
    return round(float(1.4826 * np.median(np.abs(residual - np.median(residual)))), 4)


def data_hash(views: Sequence[MerchantView], labels: Sequence[ReviewLabel]) -> str:
    h = hashlib.sha256()
    for v in views:
        h.update(v.facts.merchant_id.encode())
        h.update(np.asarray(v.features.values, dtype=np.float64).tobytes())
        h.update(str(sorted((n.label, n.id) for n in v.subgraph.nodes)).encode())
    for label in labels:
        h.update(repr(label).encode())
    return h.hexdigest()


def validation_metrics(model: CapacityModel, views: Sequence[MerchantView], labels: dict[str, ReviewLabel]
                       ) -> dict[str, float]:
    rules = load_active_ruleset()
    decisions = [score_view(v, model, rules) for v in views]
    report = agreement_report((d, labels[v.facts.merchant_id], v.facts.industry_code) for d, v in zip(decisions, views))
    X, y, rows = regression_table(views, labels)
    pred = model.predict_log([views[k] for k in rows], X) if rows else np.zeros(0)
    mae = float(np.mean(np.abs(pred - y))) if rows else 0.0
    return {"agreement": round(report.agreement, 6), "log_mae": round(mae, 6), "n": float(report.n)}


def train(driver: Driver, world_dir: Path, *, as_of: date, config: TrainConfig = TrainConfig(),
          database: str = "neo4j", progress: Callable[[str, int, int], None] | None = None) -> TrainResult:
    """``progress(stage, done, total)`` is called as merchants are read and models fitted."""
    train_labels = sorted(read_labels(world_dir, "train"), key=lambda l: l.merchant_id)
    val_labels = sorted(read_labels(world_dir, "validation"), key=lambda l: l.merchant_id)
    labels = {l.merchant_id: l for l in (*train_labels, *val_labels)}
    industries = tuple(sorted(_industries(driver, database)))
    ids = [l.merchant_id for l in (*train_labels, *val_labels)]
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress("read", done[0], len(ids))

    views = read_views(driver, ids, as_of=as_of, industries=industries, database=database, progress=tick)
    train_views, val_views = views[:len(train_labels)], views[len(train_labels):]
    X, y, rows = regression_table(train_views, labels)
    typical = typical_uploads(X)
    band = band_half_width(train_labels, {v.facts.merchant_id: v.facts.base_limit_cny for v in train_views})
    digest = data_hash(views, (*train_labels, *val_labels))
    candidates: dict[str, dict[str, float]] = {}
    models: dict[str, CapacityModel] = {}
    for n, kind in enumerate(config.kinds):
        if kind == "structural":
            est = CapacityStructural().fit(X, y)
        elif kind == "boosting":
            est = CapacityBoosting(random_state=config.seed, **config.boosting).fit(X, y)
        elif kind == "gnn":
            from reasoning.models.gnn import CapacityGNN   # torch is imported only when a GNN is trained
            est = CapacityGNN(seed=config.seed, **config.gnn).fit([train_views[k] for k in rows], X, y)
        else:
            raise ValueError(f"unknown model kind {kind!r}")
        model = CapacityModel(kind, est, industries, typical, version=f"{kind}-{_version_hash(digest, config)}")
        model = replace(model, log_sd=log_error_sd(model, val_views, labels), band_half_width=band)
        candidates[kind] = validation_metrics(model, val_views, labels)
        mono = model_monotonicity(model, val_views)
        candidates[kind].update({"log_sd": model.log_sd, "monotone_checked": float(mono.checked), "monotone_violations": float(mono.violations),
                                 "monotone_worst_drop_cny": round(mono.worst_cny, 2)})
        models[kind] = model
        if progress is not None:
            progress("fit", n + 1, len(config.kinds))
    eligible = [k for k in config.kinds if candidates[k]["monotone_violations"] == 0]
    if not eligible:
        raise RuntimeError(f"no candidate keeps the evidence guarantee: {candidates}")
    best = max(eligible, key=lambda k: (candidates[k]["agreement"], k == "boosting", -candidates[k]["log_mae"]))
    chosen = models[best]
    chosen = replace(chosen, metrics={"validation_" + k: v for k, v in candidates[best].items()})
    return TrainResult(chosen, candidates, digest, config, industries)


def _industries(driver: Driver, database: str) -> list[str]:
    records, _, _ = driver.execute_query("MATCH (i:Industry) RETURN i.id AS code", database_=database, routing_="r")
    return [r["code"] for r in records]


def config_dict(config: TrainConfig) -> dict:
    return asdict(config)


def _version_hash(data_sha256: str, config: TrainConfig) -> str:
    """Same training data and config → same version; either changing → a new one."""
    return hashlib.sha256(f"{data_sha256}:{json.dumps(config_dict(config), sort_keys=True)}".encode()).hexdigest()[:12]
