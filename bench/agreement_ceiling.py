"""How much agreement with the expert reviewer any engine can reach on a seed world.

    python bench/agreement_ceiling.py [--seed 0] [--size demo] [--draws 20000] [--pairs 200]

Three figures per split (agreement = same decision and, for an uplift, one inside the expert's band —
the rule of ``reasoning.agreement``):

(a) **oracle** — decides with the hidden true limit and the reviewer's own threshold, declines exactly
    the merchants that submitted fraud, grants uplift = true limit − base; scored against the recorded
    labels.
(b) **Bayes-optimal** — for each merchant, the action (decline, no change, or an uplift on the CNY 1,000
    grid) that maximises the probability of agreeing with the reviewer given the hidden truth (true
    limit, base limit, number of fraudulent items), under the reviewer's stated noise: lognormal(0, 0.15)
    view, 0.9 detection per fraudulent item, 5% of decisions swapped. The action is chosen on one set of
    Monte Carlo draws and its probability measured on an independent set (choosing and scoring on the
    same draws would flatter it). Both sets come from fresh random streams, not the labels' own. No
    engine that sees only evidence can exceed this on expectation. Also shown: the same actions scored
    against the recorded labels.
(c) **inter-reviewer** — ``seed_data.expert.reviewer.review`` itself run twice with independent
    streams: how often officer A's decision, granting the midpoint of A's band, agrees with officer B's
    label under the same rule (expectation over ``--pairs`` pairs per merchant).
(d) **the review panel** (``seed_data.expert.panel``, issue 15) — the same rule between its three
    officers, over ordered pairs, and per pair: the level real review panels reach with themselves
    (80–90%). With ``--decisions FILE`` (JSON lines of ``merchant_id``, ``decision``, ``uplift_cny``, as
    ``bailing evaluate --decisions FILE`` writes them), the engine's agreement with each officer and
    with a majority of them is printed beside it, on the merchants the file decides.
"""
from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

import numpy as np

from seed_data.expert.panel import PANEL, PanelLabel, panel_review
from seed_data.expert.reviewer import (DETECTION_RATE, ESTIMATE_SIGMA, LABEL_NOISE, MAX_LIMIT_CNY, MIN_UPLIFT_CNY,
                                       ExpertLabel, review, review_world)
from seed_data.world.generator import generate_world
from seed_data.world.records import DECISIONS, Merchant

SPLITS = ("train", "validation", "test")
APPROVE, NO_CHANGE, DECLINE = (DECISIONS.index(d) for d in ("approve_uplift", "no_change", "decline_review"))
# Stream keys of this bench; the reviewer's labels use (seed, 5, index).
_CHOOSE, _SCORE, _OFFICERS = 9101, 9102, 9103


def _round_1000(x: np.ndarray) -> np.ndarray:
    # Python's round() in the reviewer rounds half to even, as np.round does.
    return np.round(x / 1000.0) * 1000


def reviewer_draws(merchant: Merchant, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``n`` independent reviews of one merchant by the reviewer's rules: (decision index, lo, hi)."""
    frauds = sum(1 for e in merchant.evidence if e.fraud_kind is not None)
    caught = (rng.random((n, frauds)) < DETECTION_RATE).any(axis=1) if frauds else np.zeros(n, dtype=bool)
    view = merchant.true_limit_cny * rng.lognormal(0.0, ESTIMATE_SIGMA, n)
    base = merchant.others.base_limit_cny
    uplift = np.minimum(view, MAX_LIMIT_CNY) - base
    lo = np.maximum(MIN_UPLIFT_CNY, _round_1000(0.8 * uplift))
    hi = np.maximum(lo, np.minimum(_round_1000(1.2 * uplift), MAX_LIMIT_CNY - base))
    decision = np.where(caught, DECLINE, np.where(uplift < max(MIN_UPLIFT_CNY, 0.1 * base), NO_CHANGE, APPROVE))
    swap = rng.random(n) < LABEL_NOISE
    shift = rng.integers(1, len(DECISIONS), n)          # one of the other decisions, uniformly
    decision = np.where(swap, (decision + shift) % len(DECISIONS), decision)
    return decision, lo, hi


def _agreement_by_action(decision: np.ndarray, lo: np.ndarray, hi: np.ndarray, top: int) -> tuple[float, float, np.ndarray]:
    """P(agree) of declining, of no change, and of each uplift 0, 1000, …, ``top`` (a difference array)."""
    approve = decision == APPROVE
    size = top // 1000 + 2
    grid = (np.bincount((lo[approve] // 1000).astype(int), minlength=size)
            - np.bincount((hi[approve] // 1000).astype(int) + 1, minlength=size)).astype(np.float64)
    n = len(decision)
    return float((decision == DECLINE).mean()), float((decision == NO_CHANGE).mean()), np.cumsum(grid)[:-1] / n


def bayes_action(merchant: Merchant, seed: int, index: int, draws: int) -> tuple[int, float, float]:
    """(decision index, uplift, P(agree) measured on independent draws)."""
    top = MAX_LIMIT_CNY
    p_decline, p_keep, p_up = _agreement_by_action(*reviewer_draws(
        merchant, np.random.default_rng([seed, _CHOOSE, index]), draws), top)
    best_up = int(np.argmax(p_up))
    options = [(p_decline, DECLINE, 0.0), (p_keep, NO_CHANGE, 0.0), (p_up[best_up], APPROVE, best_up * 1000.0)]
    _, decision, uplift = max(options, key=lambda o: o[0])
    s_decline, s_keep, s_up = _agreement_by_action(*reviewer_draws(
        merchant, np.random.default_rng([seed, _SCORE, index]), draws), top)
    score = s_decline if decision == DECLINE else s_keep if decision == NO_CHANGE else s_up[best_up]
    return decision, uplift, score


def agrees(decision: str, uplift: float, label: ExpertLabel) -> bool:
    if decision != label.decision:
        return False
    return decision != "approve_uplift" or label.uplift_lo_cny <= uplift <= label.uplift_hi_cny


def oracle(merchant: Merchant) -> tuple[str, float]:
    if any(e.fraud_kind is not None for e in merchant.evidence):
        return "decline_review", 0.0
    base = merchant.others.base_limit_cny
    uplift = min(merchant.true_limit_cny, MAX_LIMIT_CNY) - base
    if uplift < max(MIN_UPLIFT_CNY, 0.1 * base):
        return "no_change", 0.0
    return "approve_uplift", float(uplift)


def inter_reviewer(merchant: Merchant, index: int, pairs: int) -> float:
    hits = 0
    for k in range(pairs):
        a = review(_OFFICERS * 1000 + 2 * k, index, merchant)
        b = review(_OFFICERS * 1000 + 2 * k + 1, index, merchant)
        hits += agrees(a.decision, (a.uplift_lo_cny + a.uplift_hi_cny) / 2, b)
    return hits / pairs


def _panel_rows(world, panel: tuple[tuple[PanelLabel, ...], ...], decisions: dict[str, tuple[str, float]]) -> None:
    """(d): officer-vs-officer agreement per split and per pair, and the engine's beside it."""
    names = [o.name for o in PANEL]
    pairs = list(itertools.permutations(range(len(PANEL)), 2))
    print(f"\n(d) review panel of {len(PANEL)} officers: officer A grants the middle of A's band; agrees with B's label")
    print(f"{'split':<11}{'n':>5}{'officers':>10}  " + "  ".join(f"{names[a][-1]}→{names[b][-1]}" for a, b in pairs))
    for split in (*SPLITS, "all"):
        rows = [labels for m, labels in zip(world.merchants, panel) if split in ("all", m.split)]
        per_pair = [np.mean([agrees(r[a].decision, (r[a].uplift_lo_cny + r[a].uplift_hi_cny) / 2, r[b]) for r in rows])
                    for a, b in pairs]
        print(f"{split:<11}{len(rows):>5}{np.mean(per_pair) * 100:>9.1f}%  "
              + "  ".join(f"{x * 100:>4.1f}%" for x in per_pair))
    if decisions:
        rows = [labels for m, labels in zip(world.merchants, panel) if m.merchant_id in decisions]
        votes = np.asarray([[agrees(*decisions[r[0].merchant_id], label) for label in r] for r in rows], dtype=float)
        between = np.mean([agrees(r[a].decision, (r[a].uplift_lo_cny + r[a].uplift_hi_cny) / 2, r[b])
                           for r in rows for a, b in pairs])
        print(f"engine on the {len(rows)} merchants it decided: "
              + ", ".join(f"{n} {v * 100:.1f}%" for n, v in zip(names, votes.mean(axis=0)))
              + f"; a majority of officers {(votes.sum(axis=1) * 2 > len(PANEL)).mean() * 100:.1f}%"
              + f"  (officers with each other on them: {between * 100:.1f}%)")


def _read_decisions(path: Path | None) -> dict[str, tuple[str, float]]:
    if path is None:
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {r["merchant_id"]: (r["decision"], float(r["uplift_cny"])) for r in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--size", default="demo", choices=("tiny", "demo"))
    parser.add_argument("--draws", type=int, default=20_000, help="Monte Carlo reviews per merchant, per set")
    parser.add_argument("--pairs", type=int, default=200, help="officer pairs per merchant for (c)")
    parser.add_argument("--decisions", type=Path, default=None,
                        help="the engine's decisions (JSON lines, `bailing evaluate --decisions FILE`) to print beside (d)")
    args = parser.parse_args()
    t0 = time.perf_counter()
    world = generate_world(args.seed, args.size)
    labels = review_world(world)
    rows: dict[str, list[tuple[float, float, float, float]]] = {s: [] for s in SPLITS}
    for index, (m, label) in enumerate(zip(world.merchants, labels)):
        d, up = oracle(m)
        b_dec, b_up, b_p = bayes_action(m, args.seed, index, args.draws)
        rows[m.split].append((float(agrees(d, up, label)), b_p, float(agrees(DECISIONS[b_dec], b_up, label)),
                              inter_reviewer(m, index, args.pairs)))
    print(f"agreement ceiling — {args.size} world, seed {args.seed}; {args.draws} draws per merchant per set, "
          f"{args.pairs} officer pairs; {time.perf_counter() - t0:.0f} s")
    print(f"{'split':<11}{'n':>5}{'(a) oracle':>12}{'(b) Bayes E':>13}{'(b) vs labels':>15}{'(c) officers':>14}")
    for split in (*SPLITS, "all"):
        r = np.asarray([x for s in SPLITS for x in rows[s]] if split == "all" else rows[split])
        a, b, b_real, c = r.mean(axis=0) * 100
        print(f"{split:<11}{len(r):>5}{a:>11.1f}%{b:>12.1f}%{b_real:>14.1f}%{c:>13.1f}%")
    _panel_rows(world, panel_review(world), _read_decisions(args.decisions))


if __name__ == "__main__":
    main()
