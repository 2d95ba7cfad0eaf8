"""Red seal (印章) detection: red ink whose mass lies on a ring or oval rim.

Company seals, invoice seals (发票专用章) and authority seals are round or oval with a thick rim; red
text or a red stamp-shaped logo is not. On a thumbnail (seals are large, colour survives scaling):
mask red hues, close small gaps, and for each sizeable red component fit an ellipse and measure how
much of the red lies in a band around the fitted rim. A rim share of ``RIM_SHARE`` or more is a seal.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from extractors.verify.result import CheckResult

_THUMB = 800
RIM_SHARE = 0.25
MIN_DIAMETER = 0.04      # of the thumbnail's long side


@dataclass(frozen=True, slots=True)
class Seal:
    centre: tuple[float, float]          # image-relative
    axes: tuple[float, float]            # image-relative (of the long side)
    rim_share: float


def _red_mask(hsv: np.ndarray) -> np.ndarray:
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    return (((hue <= 10) | (hue >= 165)) & (sat >= 60) & (val >= 70)).astype(np.uint8)


def find_seals(image: np.ndarray) -> tuple[Seal, ...]:
    h, w = image.shape[:2]
    scale = _THUMB / max(h, w)
    thumb = cv2.resize(image, (max(int(w * scale), 1), max(int(h * scale), 1)), interpolation=cv2.INTER_AREA)
    red = _red_mask(cv2.cvtColor(thumb, cv2.COLOR_RGB2HSV))
    closed = cv2.morphologyEx(red, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    seals = []
    for contour in contours:
        if len(contour) < 20:
            continue
        (cx, cy), (a, b), angle = cv2.fitEllipse(contour)
        if min(a, b) < MIN_DIAMETER * _THUMB or min(a, b) < 0.45 * max(a, b):
            continue
        band = np.zeros_like(red)
        thickness = max(int(0.12 * min(a, b)), 3)
        cv2.ellipse(band, ((cx, cy), (a, b), angle), 1, thickness)
        inside = np.zeros_like(red)
        cv2.ellipse(inside, ((cx, cy), (a, b), angle), 1, -1)
        total = int((red & (inside | band)).sum())
        if total == 0:
            continue
        share = float((red & band).sum()) / total
        if share >= RIM_SHARE:
            seals.append(Seal((cx / thumb.shape[1], cy / thumb.shape[0]), (a / _THUMB, b / _THUMB), round(share, 3)))
    return tuple(seals)


def check_seal(image: np.ndarray) -> CheckResult:
    seals = find_seals(image)
    if seals:
        return CheckResult("seal_present", True, "soft", f"检出红色印章 {len(seals)} 枚",
                           f"{len(seals)} red seal(s) found", score=float(len(seals)))
    return CheckResult("seal_present", False, "soft", "未检出红色印章", "no red seal found", score=0.0)
