"""Fit the screen and print recapture models (``recapture_model.json``) and print their metrics.

    python -m api.calibration.recapture_fit --photos ../shared/photos/train [--seed 0] [--workers 2]

Photos. Genuine: the *calibration* half of the real photos (``seed_data.render.recapture_sets``), each as it is
and through two calibration messaging chains. Recaptured: each calibration photo once, off a screen or
a print of a calibration family, through a calibration chain. Held-out families never enter. One
logistic regression per kind (screen, print) on the standardised cues of ``MODEL_CUES``; its bias and
scale are then set so the score reaches ``SUSPECT`` (could not verify) at the 98th percentile of the
genuine calibration scores, or at the 95th of the class that scores highest if that is higher
(``MIN_CLASS`` rows at least), and ``THRESHOLD`` (fraud evidence) beyond the highest genuine score and
``FRAUD_SIGMAS`` of the genuine spread above their median: the false-alarm rate is set on real
photos, not on our renderer. The evaluation half is for ``bench/verification_real.py`` only.

Documents. No real document set exists here, so the document models are fitted on the seed world's
hand-built sample worlds ``DOCUMENT_WORLDS`` (clean and phone captures, as is and sent on, against
the physical screen and print variants); ``bench/verification_real.py`` measures them on another.
"""
from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from extractors.verify import recapture
from seed_data.render import recapture_sets as sets

FAINT_PERCENTILE = 98.0     # genuine calibration score at which the check starts being inconclusive
CLASS_PERCENTILE = 95.0     # ... or the highest class's own (of at least MIN_CLASS rows), if higher
FRAUD_MARGIN = 0.1          # it fails this share of the inconclusive band's width above the highest genuine,
FRAUD_SIGMAS = 4.5          # ... and no nearer the genuine median than this many of the genuine spread
RECAPTURES_PER_PHOTO = 2    # each calibration photo recaptured twice (two draws of family and chain)
MIN_CLASS = 20
DOCUMENT_WORLDS = (0, 1, 3, 4, 5, 6)   # 17 documents each; 11 is the bench's


def features_of(sample: sets.Sample, document: bool = False) -> np.ndarray:
    return recapture.recapture_features(sample.image, document=document).vector()


def _document_rows(job: tuple[int, int]) -> list[tuple[str, np.ndarray]]:
    return [(s.kind, features_of(s, document=True)) for s in sets.document_samples(*job)]


def _genuine_row(job: tuple[sets.Photo, str, int]) -> np.ndarray:
    return features_of(sets.genuine(*job))


def _recapture_row(job: tuple[sets.Photo, str, str, int]) -> tuple[str, np.ndarray]:
    sample = sets.recaptured(*job)
    return sample.kind, features_of(sample)


def run_pool(fn: Callable, jobs: list, workers: int) -> list:
    """Map ``fn`` over ``jobs`` on ``workers`` single-threaded processes (the machine is shared)."""
    if workers <= 1:
        return [fn(j) for j in jobs]
    with Pool(workers, initializer=_single_thread) as pool:
        return pool.map(fn, jobs, chunksize=4)


def _single_thread() -> None:
    import cv2
    cv2.setNumThreads(1)
    os.environ["OMP_NUM_THREADS"] = "1"


def calibration_jobs(root: Path, seed: int) -> tuple[list, list]:
    chosen = sets.photos(root, "calibration")
    chains = [c for c in sets.GENUINE_CHAINS if c != "as_is" and c not in sets.HELD_OUT]
    genuine = []
    for i, photo in enumerate(chosen):
        genuine.append((photo, "as_is", seed))
        genuine += [(photo, chains[(i + k) % len(chains)], seed) for k in (0, 3)]
    recaptured = [(photo, family, chain, seed + k) for k in range(RECAPTURES_PER_PHOTO)
                  for photo, family, chain in sets.recapture_plan(chosen, held_out=False, seed=seed + k)]
    return genuine, recaptured


def fit(genuine: np.ndarray, recaptured: np.ndarray, cues: tuple[str, ...], labels: np.ndarray) -> dict:
    mean, scale = genuine.mean(axis=0), genuine.std(axis=0) + 1e-6
    x = np.vstack([genuine, recaptured])
    y = np.r_[np.zeros(len(genuine)), np.ones(len(recaptured))]
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000).fit((x - mean) / scale, y)
    coef = model.coef_[0]
    logits = ((genuine - mean) / scale) @ coef
    # Two points set on genuine photos: SUSPECT at the 98th percentile, where one class must not carry
    # the alarms (pallets and shelves are periodic, cardboard has no shadows): each class's own 95th;
    # THRESHOLD above them all, so that only what no genuine photo showed is fraud evidence.
    classes = [c for c in set(labels.tolist()) if (labels == c).sum() >= MIN_CLASS]
    faint = max([np.percentile(logits, FAINT_PERCENTILE),
                 *(np.percentile(logits[labels == c], CLASS_PERCENTILE) for c in classes)])
    # The highest of a thousand genuine scores bounds the next thousand, not the next million: the
    # tail beyond it is extrapolated as a normal one (spread from the median to the 90th percentile),
    # and fraud starts where one genuine upload in ~300,000 would reach.
    spread = float(np.percentile(logits, 90) - np.median(logits)) / 1.2816
    fail = max(float(logits.max()) + FRAUD_MARGIN * max(float(logits.max() - faint), 1e-3),
               float(np.median(logits)) + FRAUD_SIGMAS * spread)
    gain = float(np.log(1 / recapture.SUSPECT - 1)) / max(float(fail - faint), 1e-6)
    coef, intercept = coef * gain, -gain * float(fail)
    return {"cues": list(cues), "mean": mean.round(5).tolist(), "scale": scale.round(5).tolist(),
            "coef": coef.round(5).tolist(), "intercept": round(intercept, 5)}


def _rate(scores: np.ndarray, at: float) -> str:
    return f"{np.mean(scores >= at):.3f} (n={len(scores)})"


def _fit_and_report(subject: str, genuine: np.ndarray, rows: list[tuple[str, np.ndarray]],
                    labels: np.ndarray) -> dict:
    cues = recapture.MODEL_CUES[subject]
    models = {}
    for kind in ("screen", "print"):
        positives = np.array([x for k, x in rows if k == kind])
        m = models[kind] = fit(genuine, positives, cues, labels)

        def score(x: np.ndarray) -> np.ndarray:
            return 1 / (1 + np.exp(-(((x - m["mean"]) / np.asarray(m["scale"])) @ m["coef"] + m["intercept"])))
        print(f"{subject} {kind}: coef {dict(zip(cues, m['coef']))}")
        print(f"  calibration genuine fail {_rate(score(genuine), recapture.THRESHOLD)}, "
              f"not verified {_rate(score(genuine), recapture.SUSPECT)}")
        print(f"  calibration {kind} recaptures not verified {_rate(score(positives), recapture.SUSPECT)}, "
              f"fail {_rate(score(positives), recapture.THRESHOLD)}")
    return models


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=Path, default=Path("../shared/photos/train"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=recapture._MODEL)
    args = parser.parse_args(argv)
    genuine_jobs, recapture_jobs = calibration_jobs(args.photos, args.seed)
    genuine = np.array(run_pool(_genuine_row, genuine_jobs, args.workers))
    rows = run_pool(_recapture_row, recapture_jobs, args.workers)
    document_jobs = [(w, i) for w in DOCUMENT_WORLDS for i in range(len(sets.documents(w)))]
    documents = [row for rows_of in run_pool(_document_rows, document_jobs, args.workers) for row in rows_of]
    labels = np.array([photo.label for photo, _, _ in genuine_jobs])
    document_genuine = np.array([x for k, x in documents if k == "genuine"])
    out = {"photo": _fit_and_report("photo", genuine, rows, labels),
           "document": _fit_and_report("document", document_genuine, [(k, x) for k, x in documents if k != "genuine"],
                                       np.array(["document"] * len(document_genuine)))}
    out["fitted_on"] = {
        "photo": {"genuine": len(genuine), "screen": sum(k == "screen" for k, _ in rows),
                  "print": sum(k == "print" for k, _ in rows), "seed": args.seed, "held_out": sorted(sets.HELD_OUT)},
        "document": {kind: sum(k == kind for k, _ in documents) for kind in ("genuine", "screen", "print")}
        | {"sample_worlds": list(DOCUMENT_WORLDS)},
        "genuine_percentiles": {"inconclusive": FAINT_PERCENTILE, "inconclusive_per_class": CLASS_PERCENTILE,
                                "fail": "above the highest genuine", "fail_margin": FRAUD_MARGIN,
                                "fail_sigmas": FRAUD_SIGMAS},
        "recaptures_per_photo": RECAPTURES_PER_PHOTO}
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {out['fitted_on']}")


if __name__ == "__main__":
    main()
