"""PNG plots of an evaluation (matplotlib, Agg backend: no display needed).

calibration.png            model's limit vs the labelling officer's (range midpoint), log-log, binned means
calibration_by_officer.png the engine's new limit vs each panel officer's range, approvals (with a panel)
confusion.png              labelling officer's decision × engine's decision, counts
agreement_by_industry.png  agreement per industry, with n
agreement_by_base.png      agreement per base-limit band, with n
uplift_distribution.png    engine uplift vs officer range midpoint, approve cases
waterfall_<merchant>.png   one merchant: base limit → model evidence attributions → rule bounds → new limit
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402

from reasoning.agreement import agrees  # noqa: E402
from reasoning.decision import DECISIONS, Decision  # noqa: E402
from reasoning.evaluate import Evaluation  # noqa: E402
from reasoning.labels import ReviewLabel  # noqa: E402
from reasoning.models.capacity import CapacityModel  # noqa: E402

BASE_BANDS = (0, 20_000, 50_000, 100_000, 200_000, float("inf"))   # CNY: base-limit bands for agreement


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def calibration(ev: Evaluation, model: CapacityModel, path: Path) -> Path:
    pairs = [(v, l) for v, l in zip(ev.views, ev.labels) if l.target_limit(v.facts.base_limit_cny)]
    fig, ax = plt.subplots(figsize=(5, 5))
    if pairs:
        pred = model.predict_limit([v for v, _ in pairs])
        target = np.array([l.target_limit(v.facts.base_limit_cny) for v, l in pairs])
        ax.scatter(target, pred, s=8, alpha=0.4, label="merchants")
        edges = np.quantile(np.log(target), np.linspace(0, 1, 9))
        idx = np.clip(np.digitize(np.log(target), edges[1:-1]), 0, 7)
        bins = [(np.exp(np.log(target[idx == k]).mean()), np.exp(np.log(pred[idx == k]).mean()))
                for k in range(8) if (idx == k).any()]
        ax.plot(*zip(*bins), "o-", color="C1", label="binned mean (log)")
        lo, hi = float(min(target.min(), pred.min())), float(max(target.max(), pred.max()))
        ax.plot([lo, hi], [lo, hi], "k--", lw=1, label="perfect")
        ax.set_xscale("log")
        ax.set_yscale("log")
    ax.set_xlabel("labelling officer's limit (CNY, range midpoint)")
    ax.set_ylabel("model limit (CNY)")
    ax.set_title("Calibration on the test split")
    ax.legend(fontsize=8)
    return _save(fig, path)


def _agreement_bars(ev: Evaluation, groups: list[tuple[str, int, float]], path: Path, *, title: str,
                    width: float, fontsize: int, xlabel: str = "") -> Path:
    """One bar per group (name, n, agreement), with the overall agreement as a dashed line."""
    fig, ax = plt.subplots(figsize=(width, 4))
    ax.bar(range(len(groups)), [a for _, _, a in groups], color="C0")
    ax.set_xticks(range(len(groups)), [f"{name}\n(n={n})" for name, n, _ in groups], fontsize=fontsize)
    ax.axhline(ev.report.agreement, color="C1", ls="--", label=f"overall {ev.report.agreement:.1%}")
    ax.set_ylim(0, 1)
    if xlabel:
        ax.set_xlabel(xlabel)
    ax.set_ylabel("agreement with the labelling officer")
    ax.set_title(title)
    ax.legend(fontsize=8)
    return _save(fig, path)


def agreement_by_industry(ev: Evaluation, path: Path) -> Path:
    items = sorted(ev.report.by_industry.items(), key=lambda kv: -kv[1][0])
    return _agreement_bars(ev, [(k, n, a) for k, (n, a) in items], path,
                           title="Agreement by industry (GB/T 4754 class), test split", width=8, fontsize=6)


def agreement_by_base(ev: Evaluation, path: Path) -> Path:
    bands = [[] for _ in BASE_BANDS[:-1]]
    for d, label in zip(ev.decisions, ev.labels):
        k = int(np.searchsorted(BASE_BANDS, d.base_limit_cny, side="right")) - 1
        bands[min(max(k, 0), len(bands) - 1)].append(agrees(d, label))
    names = [f"{lo / 1000:.0f}k–" + ("" if hi == float("inf") else f"{hi / 1000:.0f}k")
             for lo, hi in zip(BASE_BANDS, BASE_BANDS[1:])]
    return _agreement_bars(ev, [(name, len(b), float(np.mean(b)) if b else 0.0) for name, b in zip(names, bands)],
                           path, title="Agreement by base-limit band, test split", width=6, fontsize=8,
                           xlabel="base limit (CNY)")


def confusion(ev: Evaluation, path: Path) -> Path:
    counts = np.array([[ev.report.confusion.get((officer, engine), 0) for engine in DECISIONS] for officer in DECISIONS])
    fig, ax = plt.subplots(figsize=(5, 4))
    ax.imshow(counts, cmap="Blues")
    for (i, j), n in np.ndenumerate(counts):
        ax.text(j, i, str(n), ha="center", va="center", color="white" if n > counts.max() / 2 else "black")
    ax.set_xticks(range(len(DECISIONS)), DECISIONS, fontsize=7)
    ax.set_yticks(range(len(DECISIONS)), DECISIONS, fontsize=7)
    ax.set_xlabel("engine")
    ax.set_ylabel("labelling officer")
    ax.set_title("Decisions, test split")
    return _save(fig, path)


def calibration_by_officer(ev: Evaluation, panel: dict[str, dict[str, ReviewLabel]], path: Path) -> Path:
    """Each officer's approvals: the range it would accept for the new limit (a vertical bar at the
    engine's new limit) — inside the bar's span is agreement on the amount."""
    fig, axes = plt.subplots(1, max(len(panel), 1), figsize=(4 * max(len(panel), 1), 4), sharey=True, squeeze=False)
    for ax, (officer, labels) in zip(axes[0], sorted(panel.items())):
        rows = [(d, labels[d.merchant_id]) for d in ev.decisions
                if d.merchant_id in labels and labels[d.merchant_id].decision == d.decision == "approve_uplift"]
        if rows:
            new = np.array([d.new_limit_cny for d, _ in rows])
            lo = np.array([d.base_limit_cny + l.uplift_lo_cny for d, l in rows])
            hi = np.array([d.base_limit_cny + l.uplift_hi_cny for d, l in rows])
            inside = (lo <= new) & (new <= hi)
            ax.vlines(new, lo, hi, colors=np.where(inside, "C2", "C3"), lw=1, alpha=0.6)
            edge = float(min(lo.min(), new.min())), float(max(hi.max(), new.max()))
            ax.plot(edge, edge, "k--", lw=1)
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_title(f"{officer}: {inside.mean():.0%} of {len(rows)} inside", fontsize=9)
        ax.set_xlabel("engine's new limit (CNY)")
    axes[0][0].set_ylabel("officer's range for the new limit (CNY)")
    return _save(fig, path)


def uplift_distribution(ev: Evaluation, path: Path) -> Path:
    engine = [d.uplift_cny for d in ev.decisions if d.uplift_cny > 0]
    expert = [(l.uplift_lo_cny + l.uplift_hi_cny) / 2 for l in ev.labels if l.decision == "approve_uplift"]
    fig, ax = plt.subplots(figsize=(6, 4))
    bins = np.logspace(3, 6.6, 30)
    ax.hist(expert, bins=bins, alpha=0.5, label=f"labelling officer (n={len(expert)})")
    ax.hist(engine, bins=bins, alpha=0.5, label=f"engine (n={len(engine)})")
    ax.set_xscale("log")
    ax.set_xlabel("uplift (CNY)")
    ax.set_ylabel("merchants")
    ax.set_title("Uplift distribution, test split")
    ax.legend(fontsize=8)
    return _save(fig, path)


def waterfall(decision: Decision, path: Path) -> Path:
    """Base, each model attribution (what the evidence is worth to the model), then the rules' and
    threshold's adjustment to the decided new limit."""
    steps = [("base limit", decision.base_limit_cny)]
    steps += [(r.code.removeprefix("model:"), r.amount_cny or 0.0) for r in decision.reasons if r.effect == "model"]
    running = sum(v for _, v in steps)
    steps.append(("rules, threshold\nand rest of model", decision.new_limit_cny - running))
    fig, ax = plt.subplots(figsize=(7, 4))
    level = 0.0
    for k, (name, value) in enumerate(steps):
        bottom = 0.0 if k == 0 else (level if value >= 0 else level + value)
        ax.bar(k, abs(value), bottom=bottom, color="C0" if k == 0 else ("C2" if value >= 0 else "C3"))
        level = value if k == 0 else level + value
    ax.bar(len(steps), decision.new_limit_cny, color="C1")
    ax.set_xticks(range(len(steps) + 1), [s for s, _ in steps] + ["new limit"], fontsize=7, rotation=20)
    ax.set_ylabel("CNY")
    ax.set_title(f"{decision.merchant_id}: {decision.decision}, uplift CNY {decision.uplift_cny:,.0f}")
    return _save(fig, path)


def write_plots(ev: Evaluation, model: CapacityModel, out_dir: Path,
                panel: dict[str, dict[str, ReviewLabel]] | None = None) -> list[Path]:
    """``panel``: every officer's labels (``reasoning.labels.read_panel``), for the per-officer plot."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [calibration(ev, model, out_dir / "calibration.png"),
             confusion(ev, out_dir / "confusion.png"),
             agreement_by_industry(ev, out_dir / "agreement_by_industry.png"),
             agreement_by_base(ev, out_dir / "agreement_by_base.png"),
             uplift_distribution(ev, out_dir / "uplift_distribution.png")]
    if panel:
        paths.append(calibration_by_officer(ev, panel, out_dir / "calibration_by_officer.png"))
    example = max((d for d in ev.decisions if d.decision == "approve_uplift"), key=lambda d: d.uplift_cny,
                  default=ev.decisions[0] if ev.decisions else None)
    if example is not None:
        paths.append(waterfall(example, out_dir / f"waterfall_{example.merchant_id}.png"))
    return paths
