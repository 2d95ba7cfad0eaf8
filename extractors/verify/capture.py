"""Is an asset photo a first-hand capture that can be judged at all?

Two ways a genuine upload can still prove nothing, each with a physical cause, each *inconclusive*
(``passed=None``: the evidence stays ``unknown``, asks for a better capture, and is never fraud):

- **too blurred** (``capture_quality``): defocus or motion spreads every edge, so the steepest
  gradient at the picture's strongest edges falls against the contrast across them. Measured on a
  512 px thumbnail (the scale at which a person judges a photo, whatever the camera's resolution):
  the median, over the top 1% gradients, of |∇I| / (local max − local min in a 9 px window). A sharp
  step gives about 2–3.5 (Sobel's gain over a two-pixel ramp); a Gaussian blur of σ = 2.5 px on the
  thumbnail brings it to ≈ 1.25. On the 708 real photos of ``../shared/photos/train`` the lowest is
  1.96 (median ≈ 2.9); blurred by σ = 2.5 the highest is 1.38: ``BLUR_AT`` = 1.6 sits between.
- **a screenshot** (``first_hand_capture``): a picture shown in a viewer or chat app and captured off
  the phone's own screen is letterboxed: full-width bands of one exact colour above *and* below it.
  A camera never records a full-width run of identical pixels on both sides of its subject (sensor
  noise, lens shading), so such bands mean the picture is a copy of a picture, which could be
  anybody's. Bands are rows whose every pixel lies within ``_FLAT`` grey levels of the row's colour,
  all of one colour, the same above and below; a clipped sky gives them above only, and a drawn scene
  (a flat sky over a flat road) changes colour from row to row and from top to bottom.
"""
from __future__ import annotations

import cv2
import numpy as np

from extractors.verify.result import CheckResult

_THUMB = 512
BLUR_AT = 1.6           # edge steepness below which a photo is too blurred to judge
_FLAT = 3               # grey levels: a row this uniform is a band of one colour, not a photographed scene
BAND_SHARE = 0.06       # each side's flat rows, as a share of the height, that make a letterbox


def _thumb(image: np.ndarray) -> np.ndarray:
    h, w = image.shape[:2]
    scale = _THUMB / max(h, w)
    if scale >= 1:
        return image
    return cv2.resize(image, (max(int(w * scale), 1), max(int(h * scale), 1)), interpolation=cv2.INTER_AREA)


def edge_steepness(image: np.ndarray) -> float:
    grey = cv2.cvtColor(_thumb(image), cv2.COLOR_RGB2GRAY).astype(np.float32)
    magnitude = np.hypot(cv2.Sobel(grey, cv2.CV_32F, 1, 0), cv2.Sobel(grey, cv2.CV_32F, 0, 1))
    window = np.ones((9, 9), np.uint8)
    contrast = cv2.dilate(grey, window) - cv2.erode(grey, window)
    strong = magnitude >= np.percentile(magnitude, 99)
    if not strong.any() or float(magnitude.max()) < 1.0:
        return 0.0              # a blank frame: nothing in it can be judged
    return float(np.median(magnitude[strong] / (contrast[strong] + 1e-3)))


def letterbox_share(image: np.ndarray) -> float:
    """The smaller of the shares of top-third and bottom-third rows that are flat *and* of the band's one
    colour, the same above and below (0 when there is no such band). A viewer's background is one
    colour; a drawn or clipped sky changes from row to row, and a road below it is another colour."""
    spread = image.max(axis=1).astype(np.int16) - image.min(axis=1).astype(np.int16)
    flat = (spread <= _FLAT).all(axis=1)
    colour = image.mean(axis=1)
    third = max(len(flat) // 3, 1)
    top, bottom = np.flatnonzero(flat[:third]), len(flat) - third + np.flatnonzero(flat[-third:])
    if not top.size or not bottom.size:
        return 0.0
    band = np.median(colour[top], axis=0)
    if np.abs(np.median(colour[bottom], axis=0) - band).max() > 2 * _FLAT:
        return 0.0
    in_band = np.abs(colour - band).max(axis=1) <= _FLAT
    return float(min((flat & in_band)[:third].mean(), (flat & in_band)[-third:].mean()))


def check_capture(image: np.ndarray) -> list[CheckResult]:
    """``capture_quality`` and ``first_hand_capture`` for an asset photo."""
    steepness = edge_steepness(image)
    if steepness < BLUR_AT:
        quality = CheckResult("capture_quality", None, "hard", "照片太模糊，看不清细节，无法核验",
                              "too blurred to judge: cannot verify", score=steepness)
    else:
        quality = CheckResult("capture_quality", True, "hard", "照片清晰", "sharp enough to judge", score=steepness)
    share = letterbox_share(image)
    if share >= BAND_SHARE:
        first_hand = CheckResult("first_hand_capture", None, "hard",
                                 "这是屏幕截图（上下有纯色边），不是现场拍摄的照片，无法核验",
                                 "a screenshot of a picture (flat bands above and below), not a first-hand photo: "
                                 "cannot verify", score=share)
    else:
        first_hand = CheckResult("first_hand_capture", True, "hard", "现场拍摄的照片", "a first-hand photo", score=share)
    return [quality, first_hand]
