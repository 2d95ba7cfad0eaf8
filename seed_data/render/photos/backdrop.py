"""Backdrops shared by the synthetic scenes: sky over ground outdoors, wall over floor indoors.

These are drawings, not photographs: flat shapes with gradients and no grain (a phone capture adds
sensor noise; a clean render stays small as PNG), enough for an extractor to find text
(plates, signs, labels) and a coarse scene type, not for training a photo classifier.
"""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from seed_data.render.page import Page

WIDTH, HEIGHT = 1600, 1200


def _gradient(h: int, w: int, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> np.ndarray:
    t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
    return (np.float32(top) * (1 - t) + np.float32(bottom) * t) * np.ones((1, w, 1), np.float32)


def outdoor(rng: np.random.Generator, horizon: float = 0.55) -> Page:
    p = Page(WIDTH, HEIGHT)
    hy = int(HEIGHT * horizon)
    sky = _gradient(hy, WIDTH, (150, 190, 230), (215, 228, 240))
    ground = _gradient(HEIGHT - hy, WIDTH, (120, 118, 112), (90, 88, 84))
    img = np.clip(np.concatenate([sky, ground]), 0, 255).astype(np.uint8)
    p.image.paste(Image.fromarray(img), (0, 0))
    for _ in range(int(rng.integers(2, 5))):                          # distant buildings
        x = int(rng.integers(0, WIDTH - 200))
        w, h = int(rng.integers(150, 350)), int(rng.integers(80, 260))
        tone = int(rng.integers(150, 200))
        p.rect((x, hy - h, x + w, hy), width=0, outline=(tone,) * 3, fill=(tone, tone, tone + 8))
    return p


def indoor(rng: np.random.Generator, wall: tuple[int, int, int] = (225, 222, 212), floor_at: float = 0.7) -> Page:
    p = Page(WIDTH, HEIGHT)
    fy = int(HEIGHT * floor_at)
    upper = _gradient(fy, WIDTH, wall, tuple(int(v * 0.9) for v in wall))
    lower = _gradient(HEIGHT - fy, WIDTH, (150, 150, 145), (110, 110, 105))
    p.image.paste(Image.fromarray(np.concatenate([upper, lower]).astype(np.uint8)), (0, 0))
    return p


def shadow(p: Page, box: tuple[int, int, int, int], depth: float, soft: float) -> None:
    """Darken ``box`` to ``1 - depth`` of its light, edges blurred over ``soft`` px: where a thing
    stands on a floor, or sits in a recess, it blocks the room's light (contact shadow, occlusion).
    Drawn before the things that stand in it."""
    mask = Image.new("L", p.image.size, 0)
    ImageDraw.Draw(mask).rectangle(box, fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(soft))
    dark = np.asarray(p.image, np.float32) * (1.0 - depth * np.asarray(mask, np.float32)[..., None] / 255.0)
    p.image.paste(Image.fromarray(np.clip(dark + 0.5, 0, 255).astype(np.uint8)), (0, 0))
