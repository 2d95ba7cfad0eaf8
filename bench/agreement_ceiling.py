"""How much agreement with credit review a seed world can measure, and where the engine stands.

    python bench/agreement_ceiling.py [--seed 0] [--size demo] [--decisions FILE]

Agreement is the rule of ``reasoning.agreement``: the same decision and, for an uplift, the new limit
granted inside the officer's range. The labels are a review panel's (``seed_data.expert.panel``):
three officers who judge each merchant from the file a bank holds; ``labels_{split}.jsonl`` holds the
review of the one officer a bank would have for each merchant (``labelling_officer``).

Printed per split:

- **officers**: how often one officer's own decision (the middle of its range for an uplift) agrees
  with another officer's label, over ordered pairs, and per pair. This is the level a review panel
  reaches with itself; real panels land at 80–90%, and no engine can be expected to agree with one
  officer much more often than another officer does.
- **vs label**: how often an officer other than the labelling one agrees with the recorded label
  (the ceiling for agreement with the labelling officer, as a second human would score).

With ``--decisions FILE`` (JSON lines of ``merchant_id``, ``decision``, ``uplift_cny``, as
``bailing evaluate --decisions FILE`` writes them) the engine's agreement with the labelling officer,
with each officer and with a majority of them is printed beside, on the merchants the file decides.
The single reviewer this bench used to measure (who looked through the hidden true limit: 45%
between two of its copies) was replaced by the panel (``docs/decisions.md``, 2026-12-08).
"""
from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

import numpy as np

from seed_data.expert.panel import PANEL, PanelLabel, labelling_officer, panel_review
from seed_data.world.generator import generate_world
from seed_data.world.records import SPLITS

PAIRS = tuple(itertools.permutations(range(len(PANEL)), 2))


def agrees(decision: str, uplift: float, label: PanelLabel) -> bool:
    if decision != label.decision:
        return False
    return decision != "approve_uplift" or label.uplift_lo_cny <= uplift <= label.uplift_hi_cny


def own(label: PanelLabel) -> tuple[str, float]:
    """What an officer grants: its decision, and for an uplift the middle of its range."""
    return label.decision, (label.uplift_lo_cny + label.uplift_hi_cny) / 2


def read_decisions(path: Path | None) -> dict[str, tuple[str, float]]:
    if path is None:
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {r["merchant_id"]: (r["decision"], float(r["uplift_cny"])) for r in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--size", default="demo", choices=("tiny", "demo"))
    parser.add_argument("--decisions", type=Path, default=None,
                        help="the engine's decisions (JSON lines, `bailing evaluate --decisions FILE`) to print beside")
    args = parser.parse_args()
    t0 = time.perf_counter()
    world = generate_world(args.seed, args.size)
    panel = panel_review(world)
    labeller = [labelling_officer(world.seed, i) for i in range(len(world.merchants))]
    names = [o.name for o in PANEL]
    print(f"review panel of {len(PANEL)} officers — {args.size} world, seed {args.seed}; {time.perf_counter() - t0:.1f} s")
    print(f"{'split':<11}{'n':>5}{'officers':>10}{'vs label':>10}  "
          + "  ".join(f"{names[a][-1]}→{names[b][-1]}" for a, b in PAIRS))
    for split in (*SPLITS, "all"):
        rows = [(reviews, k) for m, reviews, k in zip(world.merchants, panel, labeller) if split in ("all", m.split)]
        per_pair = [np.mean([agrees(*own(r[a]), r[b]) for r, _ in rows]) for a, b in PAIRS]
        vs_label = np.mean([agrees(*own(r[o]), r[k]) for r, k in rows for o in range(len(PANEL)) if o != k])
        print(f"{split:<11}{len(rows):>5}{np.mean(per_pair) * 100:>9.1f}%{vs_label * 100:>9.1f}%  "
              + "  ".join(f"{x * 100:>4.1f}%" for x in per_pair))
    decisions = read_decisions(args.decisions)
    if decisions:
        rows = [(reviews, k) for m, reviews, k in zip(world.merchants, panel, labeller) if m.merchant_id in decisions]
        votes = np.asarray([[agrees(*decisions[r[0].merchant_id], label) for label in r] for r, _ in rows], dtype=float)
        labelled = np.mean([agrees(*decisions[r[0].merchant_id], r[k]) for r, k in rows])
        between = np.mean([agrees(*own(r[a]), r[b]) for r, _ in rows for a, b in PAIRS])
        print(f"\nengine on the {len(rows)} merchants it decided: labelling officer {labelled * 100:.1f}%; "
              + ", ".join(f"{n} {v * 100:.1f}%" for n, v in zip(names, votes.mean(axis=0)))
              + f"; a majority of officers {(votes.sum(axis=1) * 2 > len(PANEL)).mean() * 100:.1f}%"
              + f"  (officers with each other on them: {between * 100:.1f}%)")


if __name__ == "__main__":
    main()
