"""Ground truth written beside every rendered image, as JSON.

Boxes are page-relative ``(x0, y0, x1, y1)`` in [0, 1] of the flat document page, as docTR geometry is.
After a phone capture the page is warped inside the photo, so each field also gets ``quad``: its four
corners in image pixels, and the truth holds ``page_quad``, the page's own corners in the image.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class FieldTruth:
    name: str                               # stable key, e.g. "total_incl_tax"
    label: str                              # printed label, e.g. "价税合计(小写)"; "" when none
    value: str                              # exactly as printed
    box: tuple[float, float, float, float]  # page-relative
    key: bool                               # a key field: counted by the legibility benchmark
    quad: tuple[Point, Point, Point, Point] | None = None  # image pixels, after capture


@dataclass(frozen=True, slots=True)
class AlterationTruth:
    """What a fraud changed, and where: absent from genuine items."""

    kind: str                               # a FRAUD_KINDS value
    field: str | None                       # the altered field's name; None when the whole page is affected
    genuine: str | None                     # what a genuine document would show
    printed: str | None                     # what this one shows
    note: str
    box: tuple[float, float, float, float] | None  # page-relative region that was edited


@dataclass(frozen=True, slots=True)
class EvidenceTruth:
    evidence_id: str
    merchant_id: str
    doc_type: str
    photo_class: str | None
    capture: str                            # "clean" | "phone"
    fraud_kind: str | None
    reused_from: str | None                 # the original's evidence_id when the content is reused
    image: str                              # file name beside this JSON
    image_size: tuple[int, int]             # (width, height) of the image file
    page_size: tuple[int, int]              # (width, height) of the flat page before capture
    page_quad: tuple[Point, Point, Point, Point]  # page corners in image pixels (TL, TR, BR, BL)
    effects: tuple[str, ...]                # degradations applied, in order
    alteration: AlterationTruth | None
    fields: tuple[FieldTruth, ...]
    content: dict[str, Any]                 # the typed content record the page was drawn from


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_json(truth: EvidenceTruth) -> str:
    """Stable text: key order follows the dataclass, non-ASCII kept readable."""
    return json.dumps(_plain(dataclasses.asdict(truth)), ensure_ascii=False, indent=1) + "\n"


def write_truth(path: Path, truth: EvidenceTruth) -> None:
    path.write_text(to_json(truth), encoding="utf-8")
