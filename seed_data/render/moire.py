"""Screen recapture: any RGB image (a real photo, a rendered page) shown on a panel and photographed.

The panel is drawn at the sub-pixel level: an RGB-stripe LCD (three colour columns per pixel over a
dark black-matrix row) or a PenTile diamond OLED (a green sub-pixel per pixel, red and blue
alternating, each carrying two pixels' light). The camera sees that grid through a lens (defocus blur,
applied on the fine grid) and then point-samples it at ``camera_scale`` camera pixels per screen
pixel, through a tilted, rotated view. Below about two camera pixels per sub-pixel period the grid
aliases into low-frequency colour beats: moiré. At a close distance (scale 3–4) the grid is resolved
instead, and enough defocus blurs it away; both happen to real recaptures and both are drawn here.
The panel's own light follows: its gamma, a raised black level, veiling glow and colour temperature;
then the phone: noise, sharpening and its JPEG.

``capture_screen`` returns the camera frame and its parameters; ``screen_recapture`` wraps it as the
seed world's ``Capture`` (with the page homography, for the field boxes).
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from seed_data.render.jpeg import encode_jpeg
from seed_data.render.phone import Capture

PANELS = ("lcd_rgb_stripe", "oled_pentile")
HELD_OUT = frozenset({"oled_pentile"})   # never in calibration: reported separately
_MAX_FINE = 3600                          # sub-pixel grid long side cap, to bound the cost


@dataclass(frozen=True, slots=True)
class ScreenShot:
    """A camera frame of a screen and what was drawn for it."""

    image: np.ndarray          # RGB uint8
    homography: np.ndarray     # 3×3, source image pixels → frame pixels
    quad: tuple[tuple[float, float], ...]
    panel: str
    camera_scale: float        # camera pixels per screen pixel
    screen_long: int           # the picture's long side on the panel, in screen pixels
    rotation_deg: float
    tilt_deg: float
    defocus: float             # lens blur sigma in camera pixels

    @property
    def effects(self) -> tuple[str, ...]:
        return (f"{self.panel} sub-pixel grid", f"{self.camera_scale:.2f} camera px per screen px",
                f"rotation {self.rotation_deg:.1f}°, tilt {self.tilt_deg:.1f}°", f"defocus {self.defocus:.2f}",
                "panel black level and glow", "noise, sharpening, camera JPEG")


def _subpixels(screen: np.ndarray, panel: str) -> tuple[np.ndarray, int]:
    """The panel's emitted light on a fine grid (``k`` samples per screen pixel each way)."""
    h, w = screen.shape[:2]
    if panel == "lcd_rgb_stripe":
        k = 3
        mask = np.zeros((k, k, 3), np.float32)
        for c in range(3):
            mask[:2, c, c] = 1.0           # bottom row: the black matrix between pixel rows
        mask *= k * k / 2.0                 # each stripe carries its pixel's light in 2 of 9 cells
        tile = np.tile(mask, (h, w, 1))
    elif panel == "oled_pentile":
        k = 4
        # Two pixels side by side share a red and a blue: R on even columns of even rows, B on odd.
        mask = np.zeros((2 * k, 2 * k, 3), np.float32)
        mask[1:3, 1:3, 0] = mask[5:7, 5:7, 0] = 1.0          # red diamonds (approximated as squares)
        mask[1:3, 5:7, 2] = mask[5:7, 1:3, 2] = 1.0          # blue
        for y0 in (0, k):
            for x0 in (0, k):
                mask[y0 + 3, x0 + 3, 1] = 1.0                  # a small green per pixel
        mask[..., 0] *= 4 * k * k / 8.0        # 8 of the 4k² cells of two-by-two pixels
        mask[..., 2] *= 4 * k * k / 8.0
        mask[..., 1] *= k * k
        tile = np.tile(mask, ((h + 1) // 2, (w + 1) // 2, 1))[:h * k, :w * k]
    else:
        raise ValueError(f"unknown panel '{panel}'; known: {PANELS}")
    return np.repeat(np.repeat(screen, k, axis=0), k, axis=1) * tile, k


def capture_screen(image: np.ndarray | Image.Image, rng: np.random.Generator, *, panel: str | None = None,
                   screen_long: tuple[int, int] = (200, 1200), camera_scale: tuple[float, float] = (0.7, 4.0),
                   frame_long: tuple[float, float] = (800.0, 1600.0),
                   max_rotation: float = 30.0, max_tilt: float = 30.0,
                   defocus: tuple[float, float] = (0.35, 1.6)) -> ScreenShot:
    """Show ``image`` on ``panel`` and photograph it from ``camera_scale`` camera pixels per screen
    pixel, filling about ``frame_long`` camera pixels (the picture's screen size, within
    ``screen_long``, follows)."""
    src = np.asarray(image.convert("RGB") if isinstance(image, Image.Image) else image, dtype=np.float32)
    panel = panel or PANELS[int(rng.integers(len(PANELS)))]
    h, w = src.shape[:2]
    scale = float(rng.uniform(*camera_scale))
    k = 3 if panel == "lcd_rgb_stripe" else 4
    # The picture's size on the panel follows from the distance: a forger fills the frame with it, so
    # a close shot (many camera pixels per screen pixel) shows it small, a far one large.
    filled = float(rng.uniform(*frame_long))
    longest = int(np.clip(filled / scale, screen_long[0], min(screen_long[1], _MAX_FINE // k)))
    fit = longest / max(h, w)
    sw, sh = max(round(w * fit), 8), max(round(h * fit), 8)
    screen = cv2.resize(src, (sw, sh), interpolation=cv2.INTER_AREA if fit < 1 else cv2.INTER_LINEAR) / 255.0
    # Panel light: its gamma, a lit black level (LCD backlight leak; OLED shows room reflection only).
    gamma = float(rng.uniform(1.9, 2.5)) / 2.2
    black = float(rng.uniform(0.03, 0.09) if panel.startswith("lcd") else rng.uniform(0.005, 0.04))
    light = black + (1 - black) * np.power(screen, gamma)
    fine, k = _subpixels(light, panel)
    # Lens defocus acts on the light before the sensor samples it: blur on the fine grid.
    blur = float(rng.uniform(*defocus))
    fine = cv2.GaussianBlur(fine, (0, 0), max(blur * k / scale, 0.3))
    fh, fw = fine.shape[:2]
    out_w, out_h = max(int(fw * scale / k), 16), max(int(fh * scale / k), 16)
    corners = np.float32([[0, 0], [fw, 0], [fw, fh], [0, fh]])
    # Mostly near-frontal, sometimes up to the limits: people frame a screen roughly square-on.
    rotation = float(rng.normal(0, max_rotation / 4)) if max_rotation else 0.0
    rotation = float(np.clip(rotation, -max_rotation, max_rotation))
    tilt = float(rng.uniform(0, max_tilt)) * (1 if rng.random() < 0.5 else -1)
    shrink = 1 - 0.45 * np.sin(np.deg2rad(abs(tilt)))       # the far edge, foreshortened
    target = np.float32([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]])
    side = [1, 2] if tilt > 0 else [0, 3]
    for i in side:
        target[i, 1] = out_h / 2 + (target[i, 1] - out_h / 2) * shrink
    centre = np.float32([out_w / 2, out_h / 2])
    a = np.deg2rad(rotation)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]], np.float32)
    target = (target - centre) @ rot.T + centre
    # The frame holds the screen with a small bezel margin; it is cropped to the picture's bounds.
    lo, hi = target.min(axis=0), target.max(axis=0)
    margin = float(rng.uniform(-0.04, 0.03)) * (hi - lo)
    target -= lo - margin
    frame_w, frame_h = (hi - lo + 2 * margin).astype(int)
    hom = cv2.getPerspectiveTransform(corners, target)
    # INTER_LINEAR samples at points, as a sensor does: what the lens left above Nyquist aliases.
    shot = cv2.warpPerspective(fine, hom, (int(frame_w), int(frame_h)), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_CONSTANT, borderValue=(0.02, 0.02, 0.025))
    yy, xx = np.mgrid[0:shot.shape[0], 0:shot.shape[1]].astype(np.float32)
    r2 = ((xx / shot.shape[1] - 0.5) ** 2 + (yy / shot.shape[0] - 0.5) ** 2)
    # Veiling glow: light scattered across the panel's cover glass, a wide blur (done small: it is smooth).
    small = cv2.resize(shot, (max(shot.shape[1] // 16, 2), max(shot.shape[0] // 16, 2)), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), max(small.shape[:2]) / 25.0)
    glow = cv2.resize(small, (shot.shape[1], shot.shape[0]), interpolation=cv2.INTER_LINEAR)
    glow *= float(rng.uniform(0.03, 0.1))
    tint = np.float32([rng.uniform(0.92, 1.0), rng.uniform(0.96, 1.0), rng.uniform(1.0, 1.08)])
    exposure = float(rng.uniform(0.8, 1.05))
    shot = (shot + glow) * tint * exposure * (1 - float(rng.uniform(0.1, 0.3)) * r2)[..., None]
    shot = np.power(np.clip(shot, 0, 1), 1 / 2.2) * 255.0            # the camera's output gamma
    shot += rng.standard_normal(shot.shape, dtype=np.float32) * np.sqrt(shot + 4.0) * float(rng.uniform(0.15, 0.45))
    amount = float(rng.uniform(0.2, 0.9))
    shot = shot + amount * (shot - cv2.GaussianBlur(shot, (0, 0), 1.2))
    frame = encode_jpeg(np.clip(shot + 0.5, 0, 255).astype(np.uint8), int(rng.integers(85, 96)), 2)
    page_hom = hom @ np.diag([sw * k / w, sh * k / h, 1.0])
    quad = tuple((float(x), float(y)) for x, y in target.tolist())
    return ScreenShot(frame, page_hom, quad, panel, scale, longest, rotation, tilt, blur)


def screen_recapture(image: Image.Image, rng: np.random.Generator) -> Capture:
    """The seed world's screen recapture of a rendered page: shown near its text size on an LCD, shot
    from a normal reading distance."""
    shot = capture_screen(image, rng, panel="lcd_rgb_stripe", screen_long=(900, 1200),
                          camera_scale=(0.75, 1.6), frame_long=(900.0, 1900.0), max_rotation=6.0, max_tilt=12.0)
    return Capture(Image.fromarray(shot.image), shot.homography, shot.quad[:4], shot.effects)
