"""Expert review labels as reasoning reads them, and the capacity target learned from them.

Labels are JSON lines (``labels_{train,validation,test}.jsonl`` of a seed world, or a bank's own review
export in the same shape). Training and tuning read train and validation only; ``reasoning.evaluate``
is the one reader of test.

Target: the expert's view of the sustainable limit. For ``approve_uplift`` it is base limit + the
band's midpoint; for ``no_change`` the expert judged the limit about right, so the base limit itself.
``decline_review`` says nothing about capacity (suspected fraud) and is left out of the regression.
The hidden true limit of the seed world is never a target: a bank would only have reviews.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from reasoning.decision import DECISIONS

SPLITS: tuple[str, ...] = ("train", "validation", "test")


@dataclass(frozen=True, slots=True)
class ReviewLabel:
    merchant_id: str
    split: str
    decision: str
    uplift_lo_cny: float
    uplift_hi_cny: float

    def target_limit(self, base_limit_cny: float) -> float | None:
        """The limit the reviewer had in mind, or None when the label says nothing about capacity."""
        if self.decision == "approve_uplift":
            return base_limit_cny + (self.uplift_lo_cny + self.uplift_hi_cny) / 2
        if self.decision == "no_change":
            return base_limit_cny
        return None


def read_labels(world_dir: Path, split: str) -> tuple[ReviewLabel, ...]:
    """Raises FileNotFoundError naming the file, ValueError naming the line that is malformed."""
    return _read(Path(world_dir) / f"labels_{_split(split)}.jsonl")


def read_panel(world_dir: Path, split: str) -> dict[str, dict[str, ReviewLabel]]:
    """A review panel's labels (``panel_{split}.jsonl``: one line per officer and merchant, with an
    ``officer`` field): officer → merchant id → label. Same errors as ``read_labels``."""
    path = Path(world_dir) / f"panel_{_split(split)}.jsonl"
    officers = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines() if path.is_file() else (), 1):
        if line.strip():
            try:
                officers.append(str(json.loads(line)["officer"]))
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path}:{n}: not a panel label ({exc})") from None
    panel: dict[str, dict[str, ReviewLabel]] = {}
    for officer, label in zip(officers, _read(path)):
        panel.setdefault(officer, {})[label.merchant_id] = label
    return panel


def _split(split: str) -> str:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; known: {', '.join(SPLITS)}")
    return split


def _read(path: Path) -> tuple[ReviewLabel, ...]:
    if not path.is_file():
        raise FileNotFoundError(f"no labels file {path}")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            label = ReviewLabel(str(raw["merchant_id"]), str(raw["split"]), str(raw["decision"]),
                                float(raw["uplift_lo_cny"]), float(raw["uplift_hi_cny"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{n}: not a review label ({exc})") from None
        if label.decision not in DECISIONS:
            raise ValueError(f"{path}:{n}: unknown decision {label.decision!r}")
        out.append(label)
    return tuple(out)
