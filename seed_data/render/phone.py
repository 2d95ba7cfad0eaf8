"""What a phone camera does to a flat page: a page on a desk, seen at an angle, in uneven light.

Steps, in the order light and optics apply them: place the page on a background, perspective warp with
a small tilt, uneven illumination (a vignette and a soft shadow gradient), defocus blur, sensor noise,
then JPEG. Strengths are drawn per item within ranges measured to stay legible (see
``research/offline-models.md``: 2.5° tilt, ~62% scale, blur, noise and JPEG q40 still OCR at 0.99).
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

Quad = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]


@dataclass(frozen=True, slots=True)
class Capture:
    """A captured photo and how it maps the flat page into it."""

    image: Image.Image
    homography: np.ndarray     # 3×3, page pixels → image pixels
    page_quad: Quad
    effects: tuple[str, ...]


def identity_capture(image: Image.Image) -> Capture:
    w, h = image.size
    return Capture(image, np.eye(3), ((0.0, 0.0), (float(w), 0.0), (float(w), float(h)), (0.0, float(h))), ())


def _background(w: int, h: int, rng: np.random.Generator) -> np.ndarray:
    """A desk: a flat colour with a gentle gradient and wood-like streaks."""
    base = np.array(rng.choice([(120, 92, 66), (90, 90, 95), (165, 150, 130), (60, 62, 70)]), dtype=np.float32)
    grad = np.linspace(0.85, 1.1, w, dtype=np.float32)[None, :, None]
    streak = cv2.resize(rng.normal(0, 1, (h // 40 + 2, 8)).astype(np.float32), (w, h))[..., None] * 6
    return np.clip(base * grad + streak, 0, 255)


def _lighting(w: int, h: int, rng: np.random.Generator, depth: float) -> np.ndarray:
    """Multiplicative light field: brighter where the lamp is, darker at the corners. Computed on a
    coarse grid and upsampled: light varies slowly, and a full-size grid costs tens of milliseconds."""
    gw, gh = max(w // 16, 2), max(h // 16, 2)
    yy, xx = np.mgrid[0:gh, 0:gw].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * gw, rng.uniform(0.2, 0.8) * gh
    d = np.sqrt(((xx - cx) / gw) ** 2 + ((yy - cy) / gh) ** 2)
    light = 1.0 - depth * d / d.max()
    angle = rng.uniform(0, 2 * np.pi)
    shade = np.cos(angle) * xx / gw + np.sin(angle) * yy / gh
    light *= 1.0 - 0.12 * depth * (shade - shade.min()) / max(float(np.ptp(shade)), 1e-6)
    return cv2.resize(light.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)[..., None]


def _optics(img: np.ndarray, rng: np.random.Generator, light: np.ndarray, sigma: float, noise: float) -> np.ndarray:
    """Light, defocus and sensor noise on a uint8 frame, back to uint8."""
    out = img.astype(np.float32) * light
    out = cv2.GaussianBlur(out, (0, 0), sigma)
    out += rng.standard_normal(out.shape, dtype=np.float32) * noise
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def phone_capture(page: Image.Image, rng: np.random.Generator, strength: float = 1.0,
                  background: bool = True) -> Capture:
    """Photograph ``page``. ``strength`` scales every degradation (1.0: a typical hand-held shot)."""
    src = np.asarray(page)
    h, w = src.shape[:2]
    scale = rng.uniform(0.62, 0.8)
    margin = 0.06 if background else 0.0
    out_w, out_h = int(w * scale * (1 + 2 * margin)), int(h * scale * (1 + 2 * margin))
    jitter = 0.025 * strength
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    ox, oy = out_w * margin, out_h * margin
    target = np.float32([[ox, oy], [out_w - ox, oy], [out_w - ox, out_h - oy], [ox, out_h - oy]])
    target += rng.uniform(-jitter, jitter, size=(4, 2)).astype(np.float32) * np.float32([out_w, out_h])
    tilt = np.deg2rad(rng.uniform(-2.5, 2.5) * strength)
    centre = target.mean(axis=0)
    rot = np.array([[np.cos(tilt), -np.sin(tilt)], [np.sin(tilt), np.cos(tilt)]], dtype=np.float32)
    target = (target - centre) @ rot.T + centre
    hom = cv2.getPerspectiveTransform(corners, target)
    frame = (_background(out_w, out_h, rng) if background else np.full((out_h, out_w, 3), 255, np.float32))
    frame = frame.astype(np.uint8)
    # BORDER_TRANSPARENT draws the page over the desk in one pass, leaving the desk where no page maps.
    cv2.warpPerspective(src, hom, (out_w, out_h), dst=frame, flags=cv2.INTER_LINEAR,
                        borderMode=cv2.BORDER_TRANSPARENT)
    sigma = rng.uniform(0.5, 0.9) * strength
    img = _optics(frame, rng, _lighting(out_w, out_h, rng, depth=rng.uniform(0.15, 0.3) * strength), sigma,
                  3.0 * strength)
    quad = tuple((float(x), float(y)) for x, y in target.tolist())
    effects = ("perspective", f"tilt {np.rad2deg(tilt):.1f}°", f"scale {scale:.2f}", "uneven light",
               f"blur σ={sigma:.2f}", "noise")
    return Capture(Image.fromarray(img), hom, quad, effects)


def camera_shot(scene: Image.Image, rng: np.random.Generator, strength: float = 1.0) -> Capture:
    """A scene photographed directly (asset photos, shared screenshots): no page-on-desk warp, only
    the optics and sensor: light fall-off, slight blur and noise."""
    img = np.asarray(scene)
    h, w = img.shape[:2]
    sigma = rng.uniform(0.4, 0.8) * strength
    out = Image.fromarray(_optics(img, rng, _lighting(w, h, rng, depth=rng.uniform(0.05, 0.15) * strength), sigma,
                                  2.5 * strength))
    base = identity_capture(out)
    return Capture(out, base.homography, base.page_quad, ("light fall-off", f"blur σ={sigma:.2f}", "noise"))
