"""Print and photocopy recapture: any RGB image printed (or copied) on paper, and the paper photographed.

Printers cannot lay grey: they lay dots. Families, each a real process:

- ``mono_laser``: a black-and-white copier or laser print, one clustered-dot (AM) screen at 45°, its
  contrast pushed, toner specks and the grey cast of copier paper: no colour is left.
- ``colour_laser``: CMYK clustered-dot screens at the classic rosette angles (C 15°, M 75°, Y 0°,
  K 45°), each colour slightly out of register.
- ``inkjet_fm``: frequency-modulated (stochastic) dots, one independent random screen per ink.

The raster is drawn at a few printer samples per halftone period (``lpi`` lines per inch on a print
``inches`` long), inks combine subtractively on the paper's white (each absorbs its own part of the
spectrum), the paper has fibre texture and is lit unevenly; then the camera sees it through a lens
(blur on the fine raster) and point-samples it at a distance, as in ``moire.py``, adds noise, sharpens
and writes its JPEG. Whether dots are resolved, aliased into a rosette moiré or blurred away depends on
the camera pixels per halftone period, drawn per shot.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from seed_data.render.jpeg import encode_jpeg
from seed_data.render.phone import Capture

PRINTS = ("mono_laser", "colour_laser", "inkjet_fm")
HELD_OUT = frozenset({"inkjet_fm"})   # never in calibration: reported separately
_MAX_RASTER = 1800                     # raster long side cap, to bound the cost
# Share of each RGB channel's light that an ink absorbs (cyan takes red, magenta green, yellow blue;
# real inks leak into their neighbours).
_INKS = {"c": (0.85, 0.22, 0.06), "m": (0.12, 0.82, 0.22), "y": (0.02, 0.08, 0.88), "k": (0.9, 0.9, 0.88)}
_ANGLES = {"c": 15.0, "m": 75.0, "y": 0.0, "k": 45.0}


@dataclass(frozen=True, slots=True)
class PrintShot:
    """A camera frame of a print and what was drawn for it."""

    image: np.ndarray           # RGB uint8
    family: str
    homography: np.ndarray      # 3×3, source image pixels → frame pixels
    quad: tuple[tuple[float, float], ...]
    lpi: float
    camera_px_per_period: float
    defocus: float

    @property
    def effects(self) -> tuple[str, ...]:
        return (f"{self.family} print, {self.lpi:.0f} lpi", f"{self.camera_px_per_period:.2f} camera px per dot period",
                f"defocus {self.defocus:.2f}", "paper and light", "noise, sharpening, camera JPEG")


def _am_screen(h: int, w: int, period: float, angle_deg: float, shift: tuple[float, float]) -> np.ndarray:
    """Clustered-dot threshold map in (0, 1) on a screen rotated by ``angle_deg``, shifted (register)."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    xx += shift[0]
    yy += shift[1]
    a = np.deg2rad(angle_deg)
    u = (xx * np.cos(a) + yy * np.sin(a)) * (2 * np.pi / period)
    v = (-xx * np.sin(a) + yy * np.cos(a)) * (2 * np.pi / period)
    return 0.5 - 0.45 * np.cos(u) * np.cos(v)


def _cmyk(rgb: np.ndarray) -> dict[str, np.ndarray]:
    """Ink coverage per colorant, with grey-component replacement (black carries the shared grey)."""
    cmy = 1.0 - rgb
    k = np.min(cmy, axis=2) * 0.8
    rest = (cmy - k[..., None]) / np.maximum(1 - k[..., None], 1e-3)
    return {"c": rest[..., 0], "m": rest[..., 1], "y": rest[..., 2], "k": k}


def _printed(raster: np.ndarray, family: str, period: float, rng: np.random.Generator) -> np.ndarray:
    """Reflectance of the printed paper, RGB in 0–1, at raster resolution."""
    h, w = raster.shape[:2]
    paper = np.float32([rng.uniform(0.9, 0.97), rng.uniform(0.9, 0.96), rng.uniform(0.85, 0.94)])
    if family == "mono_laser":
        grey = raster @ np.float32([0.299, 0.587, 0.114])
        grey = np.clip((grey - 0.1) / 0.8, 0, 1)                      # copiers push contrast
        cover = ((1 - grey) > _am_screen(h, w, period, 45.0, (0, 0))).astype(np.float32)
        cover[rng.random((h, w)) < 0.001] = 1.0                       # toner specks
        cover = cv2.GaussianBlur(cover, (0, 0), period * 0.15)       # toner spread
        paper = np.full(3, float(paper.mean()), np.float32)           # copier paper: no tint to speak of
        return paper * (1 - 0.92 * cover[..., None])
    inks = _cmyk(raster)
    out = np.ones((h, w, 3), np.float32) * paper
    for name, cover in inks.items():
        if family == "colour_laser":
            shift = tuple(rng.uniform(-0.35, 0.35, 2) * period)      # misregistration, a fraction of a dot
            dots = (cover > _am_screen(h, w, period, _ANGLES[name], shift)).astype(np.float32)
        elif family == "inkjet_fm":
            noise = cv2.GaussianBlur(rng.random((h, w)).astype(np.float32), (0, 0), 0.7)
            noise = (noise - noise.mean()) / (noise.std() + 1e-6)
            # Photo inkjets add light inks, which fill in between the droplets: part dots, part tone.
            dots = (cover > 0.5 + 0.5 * np.tanh(noise)).astype(np.float32) * 0.6 + cover * 0.4
        else:
            raise ValueError(f"unknown print family '{family}'; known: {PRINTS}")
        dots = cv2.GaussianBlur(dots, (0, 0), 0.5)                    # ink/toner spread on paper
        out *= 1 - dots[..., None] * np.float32(_INKS[name])
    return out


def capture_print(image: np.ndarray | Image.Image, rng: np.random.Generator, *, family: str | None = None,
                  periods_per_camera_px: tuple[float, float] = (0.2, 1.0)) -> PrintShot:
    """Print ``image`` with ``family`` and photograph the print."""
    src = np.asarray(image.convert("RGB") if isinstance(image, Image.Image) else image, dtype=np.float32) / 255.0
    family = family or PRINTS[int(rng.integers(len(PRINTS)))]
    h, w = src.shape[:2]
    lpi = float(rng.uniform(85, 150))
    inches = float(rng.uniform(4.0, 8.0))
    periods = lpi * inches                                             # halftone periods along the long side
    period = float(np.clip(_MAX_RASTER / periods, 3.0, 6.0))           # raster samples per period
    fit = periods * period / max(h, w)
    rw, rh = max(round(w * fit), 8), max(round(h * fit), 8)
    raster = cv2.resize(src, (rw, rh), interpolation=cv2.INTER_LINEAR if fit > 1 else cv2.INTER_AREA)
    paper = _printed(np.clip(raster, 0, 1), family, period, rng)
    # Paper fibre: faint low-frequency mottle and fine grain, multiplying the reflectance.
    grain = cv2.resize(rng.normal(0, 1, (max(rh // 24, 2), max(rw // 24, 2))).astype(np.float32), (rw, rh))
    paper *= (1 + 0.015 * grain + 0.01 * rng.standard_normal((rh, rw), dtype=np.float32))[..., None]
    # The camera: frame long side from periods per camera pixel (a distance), lens blur, point samples.
    per_px = float(rng.uniform(*periods_per_camera_px))
    frame_long = int(np.clip(periods / per_px, 640, 2000))
    scale = frame_long / max(rw, rh)
    defocus = float(rng.uniform(0.35, 1.4))
    paper = cv2.GaussianBlur(paper, (0, 0), max(defocus / scale, 0.3))
    angle, tilt = float(rng.normal(0, 4)), float(rng.uniform(-15, 15))
    corners = np.float32([[0, 0], [rw, 0], [rw, rh], [0, rh]])
    ow, oh = rw * scale, rh * scale
    target = np.float32([[0, 0], [ow, 0], [ow, oh], [0, oh]])
    shrink = 1 - 0.45 * np.sin(np.deg2rad(abs(tilt)))
    for i in ([1, 2] if tilt > 0 else [0, 3]):
        target[i, 1] = oh / 2 + (target[i, 1] - oh / 2) * shrink
    a = np.deg2rad(angle)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]], np.float32)
    centre = np.float32([ow / 2, oh / 2])
    target = (target - centre) @ rot.T + centre
    # Frame the print tightly, as a forger does: a little inside its edges.
    lo, hi = target.min(axis=0), target.max(axis=0)
    inset = (hi - lo) * float(rng.uniform(0.04, 0.1))
    target -= lo + inset
    size = (hi - lo - 2 * inset).astype(int)
    hom = cv2.getPerspectiveTransform(corners, target)
    shot = cv2.warpPerspective(paper, hom, (int(size[0]), int(size[1])), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REFLECT)
    # Light on the paper: a lamp's falloff and the camera's white balance on the paper's white.
    yy, xx = np.mgrid[0:shot.shape[0], 0:shot.shape[1]].astype(np.float32)
    cx, cy = rng.uniform(0, 1, 2)
    fall = 1 - float(rng.uniform(0.05, 0.3)) * ((xx / shot.shape[1] - cx) ** 2 + (yy / shot.shape[0] - cy) ** 2)
    warmth = np.float32([rng.uniform(0.97, 1.05), 1.0, rng.uniform(0.92, 1.02)])
    shot = shot * fall[..., None] * warmth * float(rng.uniform(0.95, 1.15))
    shot = np.power(np.clip(shot, 0, 1), 1 / 1.1) * 255.0
    shot += rng.standard_normal(shot.shape, dtype=np.float32) * np.sqrt(shot + 4.0) * float(rng.uniform(0.15, 0.45))
    amount = float(rng.uniform(0.2, 0.9))
    shot = shot + amount * (shot - cv2.GaussianBlur(shot, (0, 0), 1.2))
    frame = encode_jpeg(np.clip(shot + 0.5, 0, 255).astype(np.uint8), int(rng.integers(85, 96)), 2)
    quad = tuple((float(x), float(y)) for x, y in target.tolist())
    return PrintShot(frame, family, hom @ np.diag([rw / w, rh / h, 1.0]), quad, lpi, 1.0 / per_px, defocus)


def print_recapture(image: Image.Image, rng: np.random.Generator) -> Capture:
    """The seed world's print recapture of a rendered page: a mono copy or a colour laser print, at
    random, photographed from a reading distance."""
    family = "mono_laser" if rng.random() < 0.5 else "colour_laser"
    shot = capture_print(image, rng, family=family)
    return Capture(Image.fromarray(shot.image), shot.homography, shot.quad[:4], shot.effects)
