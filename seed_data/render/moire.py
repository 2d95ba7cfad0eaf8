"""Screen recapture: the document shown on a monitor and photographed with a phone.

The monitor is simulated at the sub-pixel level (an RGB stripe triad per pixel with a dark gap); the
camera then resamples that grid at a slightly rotated, non-integer scale. Sampling a fine periodic grid
below its Nyquist rate aliases it into low-frequency beats: moiré, at several scales at once as the
perspective changes the scale across the frame. Screens also glow: raised black level, a blue cast,
and bright falloff from the centre.
"""
from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from seed_data.render.phone import Capture

SUBPIXELS = 3


def _subpixel_grid(screen: np.ndarray) -> np.ndarray:
    """Each screen pixel becomes a 3×3 block: R, G and B columns, the bottom row a dark gap."""
    h, w = screen.shape[:2]
    big = np.zeros((h * SUBPIXELS, w * SUBPIXELS, 3), np.float32)
    for c in range(3):
        big[:, c::SUBPIXELS, c] = np.repeat(screen[..., c], SUBPIXELS, axis=0)
    big[SUBPIXELS - 1::SUBPIXELS] *= 0.35
    return big * 1.6   # the stripes carry a whole pixel's light in a third of its width


def screen_recapture(image: Image.Image, rng: np.random.Generator) -> Capture:
    src = np.asarray(image, dtype=np.float32)
    h, w = src.shape[:2]
    # Show the page at a screen size whose pixels are close to the page's text stroke width.
    screen_scale = float(rng.uniform(0.58, 0.68))
    sw, sh = int(w * screen_scale), int(h * screen_scale)
    screen = cv2.resize(src, (sw, sh), interpolation=cv2.INTER_AREA)
    screen = 18 + screen * 0.92                       # raised black level of a lit panel
    big = _subpixel_grid(screen)
    bh, bw = big.shape[:2]
    out_w, out_h = int(w * rng.uniform(0.8, 0.92)), int(h * rng.uniform(0.8, 0.92))
    corners = np.float32([[0, 0], [bw, 0], [bw, bh], [0, bh]])
    target = np.float32([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]])
    target += rng.uniform(-0.02, 0.02, size=(4, 2)).astype(np.float32) * np.float32([out_w, out_h])
    angle = np.deg2rad(rng.uniform(-3.0, 3.0))
    centre = target.mean(axis=0)
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]], np.float32)
    target = (target - centre) @ rot.T + centre
    hom = cv2.getPerspectiveTransform(corners, target)
    # INTER_LINEAR, not INTER_AREA: a camera sensor point-samples, which is what makes the moiré.
    shot = cv2.warpPerspective(big, hom, (out_w, out_h), flags=cv2.INTER_LINEAR, borderValue=(10, 10, 12))
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    r = np.sqrt(((xx - out_w / 2) / out_w) ** 2 + ((yy - out_h / 2) / out_h) ** 2)
    glow = (1.08 - 0.35 * r)[..., None] * np.float32([0.94, 0.98, 1.06])
    shot = cv2.GaussianBlur(shot * glow, (0, 0), float(rng.uniform(0.5, 0.8)))
    shot += rng.normal(0, 3.0, size=shot.shape).astype(np.float32)
    out = Image.fromarray(np.clip(shot, 0, 255).round().astype(np.uint8))
    page_hom = hom @ np.diag([sw * SUBPIXELS / w, sh * SUBPIXELS / h, 1.0])
    quad = tuple((float(x), float(y)) for x, y in target.tolist())
    return Capture(out, page_hom, quad, ("screen sub-pixel grid", "resampled (moiré)",
                                         f"rotation {np.rad2deg(angle):.1f}°", "screen glow", "noise"))
