"""A local edit of one printed value: the tampering SPEC §7 asks us to catch.

Done the way image editors are used for it: cover the old figure with a patch of "paper", type the new
figure in whatever font is at hand, and save. The patch is therefore locally inconsistent with the rest
of the page in three ways a detector can use: a different typeface and ink, flatter paper with noise of
another strength, and its own JPEG 8×8 block grid, offset from the page's.
"""
from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image, ImageDraw

from seed_data.render.fonts import font
from seed_data.render.page import RenderedPage

_OTHER_FACE = {"serif": "sans", "serif_bold": "sans", "sans": "serif", "sans_bold": "serif_bold",
               "mono": "serif", "mono_bold": "serif_bold"}


def tamper_field(image: Image.Image, page: RenderedPage, field: str | None, rng: np.random.Generator
                 ) -> tuple[Image.Image, tuple[float, float, float, float]]:
    """Re-typeset ``field`` on a pasted patch; returns the edited image and the patch's page-relative box."""
    target = next((f for f in page.fields if f.name == field), None)
    if target is None:
        raise ValueError(f"cannot tamper with {field!r}: not drawn on this page")
    w, h = image.size
    x0, y0, x1, y1 = (int(target.box[0] * w), int(target.box[1] * h), int(target.box[2] * w), int(target.box[3] * h))
    size = max(y1 - y0 + 2, 12)
    face = _OTHER_FACE["serif" if rng.random() < 0.5 else "mono"]
    f = font(face, int(size * rng.uniform(0.95, 1.1)))
    # Size the patch to the new text's own ink box, so the retyped figure is never clipped.
    tx0, ty0, tx1, ty1 = f.getbbox(target.value)
    pad = 6
    px0, py0 = max(x0 - pad, 0), max(y0 - pad, 0)
    px1, py1 = min(max(x1, x0 + tx1) + pad, w), min(max(y1, y0 + ty1 - ty0) + pad + 2, h)
    region = np.asarray(image.crop((px0, py0, px1, py1)), dtype=np.float32)
    paper = np.percentile(region.reshape(-1, 3), 90, axis=0)
    patch = np.ones_like(region) * (paper + rng.uniform(2, 7))        # a shade off the real paper
    patch += rng.normal(0, rng.uniform(4, 7), size=patch.shape)        # and noisier than it
    patch_img = Image.fromarray(np.clip(patch, 0, 255).astype(np.uint8))
    ink = tuple(int(v) for v in rng.integers(30, 60, size=3))
    ImageDraw.Draw(patch_img).text((x0 - px0 + int(rng.integers(-2, 3)), y0 - py0 - ty0 + int(rng.integers(0, 3))),
                                   target.value, font=f, fill=ink)
    patch_img = Image.fromarray(cv2.GaussianBlur(np.asarray(patch_img), (0, 0), 0.5))
    # The forger's save: JPEG at a quality of its own, on a grid that starts at the patch corner.
    buf = io.BytesIO()
    patch_img.save(buf, "JPEG", quality=int(rng.integers(45, 70)), optimize=False)
    out = image.copy()
    out.paste(Image.open(buf).convert("RGB"), (px0, py0))
    return out, (round(px0 / w, 5), round(py0 / h, 5), round(px1 / w, 5), round(py1 / h, 5))
