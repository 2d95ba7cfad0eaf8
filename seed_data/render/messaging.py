"""What a messaging app and a phone do to a photo on its way to us: the uploads' real transformations.

A merchant's photo rarely arrives as the camera wrote it. Chat apps downscale to a long side of
1280 px (the "standard quality" send) or 720 px (older clients, thumbnails forwarded), re-encode as
JPEG at quality 60–85 with 4:2:0 chroma (some keep 4:4:4), phones sharpen and tone-map ("HDR") before
saving, and people send a screenshot of the photo open in the gallery app instead of the file. Each of
these is a named *family*; ``send`` applies a chain of them with a seeded generator and records every
step, so the same image, chain and seed give the same bytes.

Resize families never upscale (an app sends a small photo as it is); the gallery screenshot does,
because the viewer fits the photo to the phone's screen.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from seed_data.render.jpeg import encode_jpeg


@dataclass(frozen=True, slots=True)
class Step:
    """One transformation applied: its family and the parameters drawn for it."""

    family: str
    detail: str


@dataclass(frozen=True, slots=True)
class Sent:
    """The image as received (RGB uint8) and the steps that made it, in order."""

    image: np.ndarray
    steps: tuple[Step, ...]


def _resize(long_side: int) -> Callable[[np.ndarray, np.random.Generator], tuple[np.ndarray, str]]:
    def apply(image: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, str]:
        h, w = image.shape[:2]
        if max(h, w) <= long_side:
            return image, "kept (no upscale)"
        scale = long_side / max(h, w)
        # Apps differ: most filter (area), some resample bilinearly, which aliases fine texture.
        area = bool(rng.random() < 0.7)
        size = (max(round(w * scale), 1), max(round(h * scale), 1))
        out = cv2.resize(image, size, interpolation=cv2.INTER_AREA if area else cv2.INTER_LINEAR)
        return out, f"{size[0]}x{size[1]} {'area' if area else 'bilinear'}"
    return apply


def _jpeg(subsampling: int) -> Callable[[np.ndarray, np.random.Generator], tuple[np.ndarray, str]]:
    def apply(image: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, str]:
        quality = int(rng.integers(60, 86))
        return encode_jpeg(image, quality, subsampling), f"q{quality} {('4:4:4', '4:2:2', '4:2:0')[subsampling]}"
    return apply


def _sharpen(image: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, str]:
    """A phone ISP's unsharp mask: overshoot at every edge, luma and chroma alike."""
    sigma, amount = float(rng.uniform(0.8, 1.6)), float(rng.uniform(0.3, 1.0))
    a = image.astype(np.float32)
    out = a + amount * (a - cv2.GaussianBlur(a, (0, 0), sigma))
    return np.clip(out + 0.5, 0, 255).astype(np.uint8), f"unsharp sigma {sigma:.1f} amount {amount:.2f}"


def _hdr_tone(image: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, str]:
    """Local tone mapping: the large-scale log luminance is compressed, local detail boosted and
    colour pushed, as phones' "HDR"/"auto-enhance" do; hue ratios are kept."""
    compress, detail = float(rng.uniform(0.55, 0.85)), float(rng.uniform(1.1, 1.5))
    vivid = float(rng.uniform(1.0, 1.25))
    a = image.astype(np.float32) + 1.0
    lum = a @ np.float32([0.299, 0.587, 0.114])
    log = np.log(lum)
    base = cv2.GaussianBlur(log, (0, 0), max(image.shape[:2]) / 40.0)
    mapped = compress * (base - base.mean()) + detail * (log - base) + np.log(150.0)
    gain = np.exp(mapped) / lum
    out = a * gain[..., None]
    grey = (out @ np.float32([0.299, 0.587, 0.114]))[..., None]
    out = grey + vivid * (out - grey)
    return np.clip(out - 0.5, 0, 255).astype(np.uint8), f"compress {compress:.2f} detail {detail:.2f} vivid {vivid:.2f}"


_SCREENS = ((1080, 2340), (1170, 2532), (1080, 2400), (1284, 2778), (720, 1600))


def _viewer_screenshot(image: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, str]:
    """The photo open in a phone's gallery: fitted (letterboxed) between a status bar and a toolbar on
    a dark or light page, then the whole screen saved as a screenshot (lossless)."""
    sw, sh = _SCREENS[int(rng.integers(len(_SCREENS)))]
    dark = bool(rng.random() < 0.6)
    bg, fg = (0, 0, 0) if dark else (250, 250, 250), (235, 235, 235) if dark else (30, 30, 30)
    screen = np.full((sh, sw, 3), bg, np.uint8)
    bar, tool = int(sh * 0.04), int(sh * 0.09)
    h, w = image.shape[:2]
    scale = min(sw / w, (sh - bar - tool) / h)
    fw, fh = max(round(w * scale), 1), max(round(h * scale), 1)
    # Gallery apps draw with the GPU's bilinear filter, up or down.
    fitted = cv2.resize(image, (fw, fh), interpolation=cv2.INTER_LINEAR)
    x0, y0 = (sw - fw) // 2, bar + (sh - bar - tool - fh) // 2
    screen[y0:y0 + fh, x0:x0 + fw] = fitted
    clock = f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}"
    cv2.putText(screen, clock, (int(sw * 0.06), int(bar * 0.75)), cv2.FONT_HERSHEY_SIMPLEX, bar / 60, fg, 2,
                cv2.LINE_AA)
    cv2.rectangle(screen, (int(sw * 0.82), int(bar * 0.3)), (int(sw * 0.9), int(bar * 0.7)), fg, -1)   # battery
    for i in range(4):   # share, edit, favourite, delete
        cx = int(sw * (i + 0.5) / 4)
        cv2.circle(screen, (cx, sh - tool // 2), int(tool * 0.18), fg, 3, cv2.LINE_AA)
    return screen, f"{sw}x{sh} {'dark' if dark else 'light'}, photo {fw}x{fh}"


FAMILIES: dict[str, Callable[[np.ndarray, np.random.Generator], tuple[np.ndarray, str]]] = {
    "resize_1280": _resize(1280),
    "resize_720": _resize(720),
    "jpeg_420": _jpeg(2),
    "jpeg_444": _jpeg(0),
    "sharpen": _sharpen,
    "hdr_tone": _hdr_tone,
    "viewer_screenshot": _viewer_screenshot,
}
# Families kept out of any calibration: detectors are reported on them separately.
HELD_OUT = frozenset({"hdr_tone"})


def send(image: np.ndarray | Image.Image, families: Sequence[str], rng: np.random.Generator) -> Sent:
    """Apply ``families`` in order to an RGB image; unknown names fail early."""
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        raise ValueError(f"unknown messaging families {unknown}; known: {sorted(FAMILIES)}")
    out = np.ascontiguousarray(np.asarray(image.convert("RGB") if isinstance(image, Image.Image) else image))
    steps = []
    for family in families:
        out, detail = FAMILIES[family](out, rng)
        steps.append(Step(family, detail))
    return Sent(out, tuple(steps))
