"""Verification on real photos: recapture false alarms on genuine uploads, detection of physical
recaptures, and what the check costs.

Reads the *evaluation* half of ``../shared/photos/train`` (``seed_data.render.recapture_sets``; the
other half calibrated ``extractors/verify/recapture_model.json`` and is never read here):

- genuine: every photo through every messaging chain (``GENUINE_CHAINS``: as is, downscaled to 1280 or
  720 px, JPEG 4:2:0 or 4:4:4 at q60–85, phone sharpening, HDR tone, a gallery-app screenshot), and
  upscaled ×2.5 (a size check: recaptures arrive larger than these ≤ 512 px photos). False alarm =
  the check fails; "unknown" = inconclusive. Per chain, per class (thin classes pooled), per cue.
- seed world: clean and phone captures of a hand-built sample world's documents (one the document
  models were not fitted on), as is and sent on (false alarms), and its own screen and print
  recapture variants (detection).
- recaptures: each photo once, off a screen panel or a print process, through a messaging chain;
  detection per kind, in-distribution and held-out families (``HELD_OUT``) apart.
- cost: milliseconds per check on the images as received.
- tamper: real-edit simulations of invoices (``bench/real_edits.py``): the pixel cues' AUC and the
  whole verification's (QR, arithmetic, registered names, pixel cues), and the fraud suite.
- honest merchants: the share sent to review by verification alone (``bench/honest_review.py``).

    python bench/verification_real.py [--photos ../shared/photos/train] [--seed 0] [--workers 2]

One function per printed section; ``main()`` calls them in turn.
"""
from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

import cv2
import numpy as np

from extractors.verify.recapture import check_recapture
from seed_data.render import recapture_sets as sets
from seed_data.render.jpeg import encode_jpeg

THIN = {"excavator", "wheel_loader", "farm_machinery"}   # 3, 2 and 4 photos: pooled


@dataclass(frozen=True, slots=True)
class Outcome:
    """One image's recapture verdict, with where it came from."""

    label: str           # photo class or seed document type
    kind: str            # genuine / screen / print
    family: str
    chain: str
    held_out: bool
    passed: bool | None
    cue: str             # what the verdict names (the English detail)
    seconds: float


def _single_thread() -> None:
    cv2.setNumThreads(1)
    os.environ["OMP_NUM_THREADS"] = "1"


def _judge(sample: sets.Sample, document: bool = False) -> Outcome:
    start = time.process_time()
    result = check_recapture(sample.image, document=document)
    seconds = time.process_time() - start
    return Outcome(sample.photo.label, sample.kind, sample.family, sample.chain, sample.held_out,
                   result.passed, result.detail_en, seconds)


def _genuine(job: tuple[sets.Photo, str, int]) -> Outcome:
    photo, chain, seed = job
    if chain == "upscaled_x2.5":
        image = sets.load(photo)
        big = cv2.resize(image, None, fx=2.5, fy=2.5, interpolation=cv2.INTER_CUBIC)
        return _judge(sets.Sample(photo, "genuine", "", chain, (), encode_jpeg(big, 80)))
    return _judge(sets.genuine(photo, chain, seed))


def _recaptured(job: tuple[sets.Photo, str, str, int]) -> Outcome:
    return _judge(sets.recaptured(*job))


def _map(fn, jobs: list, workers: int) -> list:
    if workers <= 1:
        return [fn(j) for j in jobs]
    with Pool(workers, initializer=_single_thread) as pool:
        return pool.map(fn, jobs, chunksize=4)


def _rate(outcomes: list[Outcome], failed: bool | None = True) -> str:
    """Share failed (fraud evidence), inconclusive (``failed=False``) or either (``None``: not verified)."""
    n = len(outcomes)
    if not n:
        return "   n/a  (n=0)"
    k = sum(o.passed is not True if failed is None else (o.passed is False) if failed else (o.passed is None)
            for o in outcomes)
    return f"{k / n:6.1%} (n={n})"


def _rates(outcomes: list[Outcome]) -> str:
    return f"{_rate(outcomes):>16} {_rate(outcomes, False):>16} {_rate(outcomes, None):>16}"


_HEADER = f"{'failed (fraud)':>16} {'inconclusive':>16} {'not verified':>16}"


def _group(outcomes: list[Outcome], key) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[key(o)].append(o)
    return dict(sorted(groups.items()))


def genuine_section(root: Path, seed: int, workers: int) -> list[Outcome]:
    chosen = sets.photos(root, "evaluation")
    chains = [*sets.GENUINE_CHAINS, "upscaled_x2.5"]
    outcomes = _map(_genuine, [(p, c, seed) for p in chosen for c in chains], workers)
    print(f"\n## Genuine real photos (evaluation half, {len(chosen)} photos): false recapture alarms")
    print(f"{'chain':<22} {_HEADER}")
    for chain, group in _group(outcomes, lambda o: o.chain).items():
        tag = " (held out)" if chain in sets.HELD_OUT else ""
        print(f"{chain + tag:<22} {_rates(group)}")
    messaging_only = [o for o in outcomes if o.chain in sets.GENUINE_CHAINS]
    print(f"{'overall (chains)':<22} {_rates(messaging_only)}")
    print("\nper class, all messaging chains (thin classes pooled: excavator 3, wheel_loader 2, farm_machinery 4)")
    for label, group in _group(messaging_only, lambda o: "thin classes" if o.label in THIN else o.label).items():
        print(f"  {label:<22} {_rates(group)}")
    print("\nper cue that did not verify a genuine photo (all chains)")
    for cue, group in _group([o for o in outcomes if o.passed is not True], lambda o: o.cue).items():
        print(f"  {cue:<60} {len(group)} of {len(outcomes)}")
    return outcomes


def _judge_document(job: tuple[int, int]) -> list[Outcome]:
    return [_judge(sample, document=True) for sample in sets.document_samples(*job)]


def seed_section(world_seed: int, workers: int) -> list[Outcome]:
    """The seed world's documents: genuine captures (as is and sent on) and its recapture variants,
    on a sample world the document models were not fitted on."""
    jobs = [(world_seed, i) for i in range(len(sets.documents(world_seed)))]
    outcomes = [o for batch in _map(_judge_document, jobs, workers) for o in batch]
    print(f"\n## Seed world documents (sample_world seed {world_seed}, not fitted on): {len(jobs)} items")
    for (kind, variant, chain), group in _group(outcomes, lambda o: (o.kind, o.family, o.chain)).items():
        what = "false alarm" if kind == "genuine" else "detected"
        print(f"  {variant:<7} {chain:<18} {what:<12} {_rates(group)}")
    return outcomes


def recapture_section(root: Path, seed: int, workers: int) -> list[Outcome]:
    chosen = sets.photos(root, "evaluation")
    jobs = [(p, f, c, seed) for p, f, c in sets.recapture_plan(chosen, held_out=True, seed=seed)]
    outcomes = _map(_recaptured, jobs, workers)
    print(f"\n## Physical recaptures of the evaluation photos (one each, {len(outcomes)}): detection")
    print("detected = not verified (a recapture gets nothing from it); failed = fraud evidence besides")
    print(f"{'':<34} {_HEADER}")
    for kind in ("screen", "print"):
        mine = [o for o in outcomes if o.kind == kind]
        for part, group in (("in distribution", [o for o in mine if not o.held_out]),
                            ("held-out family or chain", [o for o in mine if o.held_out])):
            print(f"{kind + ', ' + part:<34} {_rates(group)}")
    print("per family (all chains) and per chain (in-distribution families)")
    for family, group in _group(outcomes, lambda o: o.family).items():
        tag = " (held out)" if family in sets.HELD_OUT else ""
        print(f"  {family + tag:<32} {_rates(group)}")
    for chain, group in _group([o for o in outcomes if o.family not in sets.HELD_OUT], lambda o: o.chain).items():
        tag = " (held out)" if chain in sets.HELD_OUT else ""
        print(f"  chain {chain + tag:<26} {_rates(group)}")
    return outcomes


def cost_section(outcomes: list[Outcome]) -> None:
    seconds = np.array([o.seconds for o in outcomes]) * 1000
    big = np.array([o.seconds for o in outcomes if o.kind != "genuine" or o.chain == "viewer_screenshot"]) * 1000
    print("\n## Cost of check_recapture (CPU ms, one thread)")
    print(f"  all images: median {np.median(seconds):.0f}, p95 {np.percentile(seconds, 95):.0f}, "
          f"max {seconds.max():.0f} (n={len(seconds)})")
    if big.size:
        print(f"  720–2778 px images (recaptures, screenshots): median {np.median(big):.0f}, "
              f"p95 {np.percentile(big, 95):.0f} (n={len(big)})")


def tamper_section(seed: int, per_kind: int) -> None:
    """Real-edit tampering (``bench/real_edits.py``): pixel cues and the whole verification."""
    from real_edits import tamper_rows   # a sibling bench: run as python bench/verification_real.py
    print(f"\n## Tamper on real-edit simulations (seed world {seed}, held out; {per_kind} genuine invoices per type)")
    rows = tamper_rows(seed, per_kind)
    width = max(len(r[0]) for r in rows)
    for metric, value, target in rows:
        print(f"  {metric:<{width}}  {value:>16}  {target}")


def honest_section(seed: int, merchants: int, workers: int) -> None:
    """Honest seed merchants sent to review by verification alone (``bench/honest_review.py``)."""
    from honest_review import review_rate, review_rows
    print(f"\n## Honest merchants sent to review by verification alone (seed world {seed}, held out)")
    for label, value in review_rows(review_rate(seed, "demo", merchants, workers)):
        print(f"  {label:<58} {value}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=Path, default=Path("../shared/photos/train"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-seed-world", action="store_true", help="skip the seed world sections")
    parser.add_argument("--world-seed", type=int, default=4,
                        help="held-out seed world for tamper and honest merchants (2 and 3 were studied)")
    parser.add_argument("--per-kind", type=int, default=3, help="genuine invoices per type in the tamper section")
    parser.add_argument("--merchants", type=int, default=40, help="honest merchants read end to end (0: skip)")
    args = parser.parse_args(argv)
    _single_thread()
    outcomes = genuine_section(args.photos, args.seed, args.workers)
    if not args.no_seed_world:
        outcomes += seed_section(11, args.workers)
    outcomes += recapture_section(args.photos, args.seed, args.workers)
    cost_section(outcomes)
    if not args.no_seed_world:
        tamper_section(args.world_seed, args.per_kind)
        if args.merchants:
            honest_section(args.world_seed, args.merchants, args.workers)


if __name__ == "__main__":
    main()
