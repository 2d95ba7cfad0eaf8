"""Handwritten-looking signatures: random cursive strokes, not a real name in a real hand.

One cluster of smooth strokes per character of the signer's name, joined the way a quick signature
runs characters together. Smoothness comes from Catmull–Rom interpolation of random control points.
"""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

PEN = (28, 36, 92, 255)


def _catmull_rom(points: np.ndarray, samples: int = 8) -> np.ndarray:
    p = np.vstack([points[:1], points, points[-1:]])
    t = np.linspace(0.0, 1.0, samples, endpoint=False)[:, None]
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                          + (-p0 + 3 * p1 - 3 * p2 + p3) * t ** 3))
    out.append(p[-2:-1])
    return np.vstack(out)


def signature(n_chars: int, rng: np.random.Generator, height: int = 70) -> Image.Image:
    """An RGBA ink layer about ``n_chars`` × ``height`` wide."""
    cell = height * 0.9
    width = int(cell * n_chars + height)
    layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    pen = int(rng.integers(2, 4))
    for c in range(n_chars):
        x0 = height * 0.3 + c * cell
        for _ in range(int(rng.integers(2, 4))):
            n = int(rng.integers(4, 8))
            pts = np.column_stack([x0 + rng.uniform(0, cell, n), rng.uniform(height * 0.15, height * 0.85, n)])
            pts = pts[np.argsort(pts[:, 0] + rng.normal(0, cell * 0.2, n))]
            curve = _catmull_rom(pts)
            d.line([tuple(p) for p in curve], fill=PEN, width=pen, joint="curve")
    # A trailing flourish under the name, as many people finish a signature.
    y = height * rng.uniform(0.6, 0.85)
    tail = np.array([[height * 0.2, y], [width * 0.5, y + rng.uniform(-8, 8)], [width - 8, y - rng.uniform(5, 20)]])
    d.line([tuple(p) for p in _catmull_rom(tail)], fill=PEN, width=max(pen - 1, 1), joint="curve")
    return layer
