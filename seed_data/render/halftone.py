"""Print and photocopy recapture: the document was printed (or copied) and the print photographed.

Printers lay ink as halftone dots on a rotated screen; copiers add toner specks, streaks and a grey
cast. Those periodic dots are the frequency cue a recapture detector looks for; text, being solid ink,
stays legible.
"""
from __future__ import annotations

import cv2
import numpy as np
from PIL import Image


def _screen(h: int, w: int, period: float, angle_deg: float) -> np.ndarray:
    """Clustered-dot threshold map in [0.05, 0.95] on a screen rotated by ``angle_deg``."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = np.deg2rad(angle_deg)
    u = (xx * np.cos(a) + yy * np.sin(a)) * (2 * np.pi / period)
    v = (-xx * np.sin(a) + yy * np.cos(a)) * (2 * np.pi / period)
    return 0.5 + 0.45 * np.cos(u) * np.cos(v)


def photocopy(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Mono photocopy (grey cast, toner specks, streaks) or colour print (CMY rosettes), at random."""
    a = np.asarray(image, dtype=np.float32) / 255.0
    h, w = a.shape[:2]
    period = float(rng.uniform(3.5, 5.0))
    if rng.random() < 0.5:
        gray = a @ np.float32([0.299, 0.587, 0.114])
        gray = np.clip((gray - 0.12) / 0.8, 0, 1)          # copiers push contrast
        dots = (gray > _screen(h, w, period, 45.0)).astype(np.float32)
        out = 0.75 * dots + 0.25 * gray
        out = out * rng.uniform(0.86, 0.93) + 0.02         # grey cast of copier paper
        specks = rng.random((h, w)) < 0.0015
        out[specks] *= 0.2
        streak_x = rng.integers(0, w, size=int(rng.integers(1, 4)))
        for x in streak_x:
            out[:, max(x - 1, 0):x + 2] *= 0.9
        rgb = np.repeat(out[..., None], 3, axis=2)
    else:
        rgb = np.empty_like(a)
        for c, angle in enumerate((15.0, 75.0, 0.0)):      # C, M, Y screen angles
            dots = (a[..., c] > _screen(h, w, period, angle)).astype(np.float32)
            rgb[..., c] = 0.7 * dots + 0.3 * a[..., c]
        rgb = rgb * 0.95 + 0.02
    rgb = cv2.GaussianBlur(rgb.astype(np.float32), (0, 0), 0.6)
    return Image.fromarray(np.clip(rgb * 255, 0, 255).round().astype(np.uint8))
