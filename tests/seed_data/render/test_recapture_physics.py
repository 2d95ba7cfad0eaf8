"""The physical recapture models show what real recaptures show: moiré near aliasing that blur removes,
a lit black level, dots of a print, and no colour left on a mono copy."""
from __future__ import annotations

import cv2
import numpy as np

from seed_data.render.halftone import PRINTS, capture_print
from seed_data.render.moire import PANELS, capture_screen


def _flat(value: int, size: int = 300) -> np.ndarray:
    return np.full((size, size, 3), value, np.uint8)


def _chroma_ripple(frame: np.ndarray) -> float:
    """Standard deviation of chroma in the frame's centre, after removing its slow trend (glow)."""
    h, w = frame.shape[:2]
    ycc = cv2.cvtColor(frame[h // 4: 3 * h // 4, w // 4: 3 * w // 4], cv2.COLOR_RGB2YCrCb).astype(np.float32)
    ripple = ycc[..., 1:] - cv2.GaussianBlur(ycc[..., 1:], (0, 0), 12)
    return float(ripple.std())


def test_screen_moire_appears_when_sharp_near_aliasing_and_is_blurred_away():
    kwargs = dict(panel="lcd_rgb_stripe", screen_long=(400, 400), camera_scale=(1.3, 1.3), frame_long=(520.0, 520.0),
                  max_rotation=0.0, max_tilt=0.0)
    sharp = capture_screen(_flat(160), np.random.default_rng(1), defocus=(0.35, 0.35), **kwargs)
    blurred = capture_screen(_flat(160), np.random.default_rng(1), defocus=(3.0, 3.0), **kwargs)
    assert _chroma_ripple(sharp.image) > 3 * _chroma_ripple(blurred.image)
    assert abs(max(sharp.image.shape[:2]) - 400 * 1.3) < 0.1 * 400 * 1.3   # frame size follows the distance


def test_a_lit_panel_never_shows_black():
    for panel in PANELS:
        shot = capture_screen(_flat(0), np.random.default_rng(2), panel=panel, max_rotation=0.0, max_tilt=0.0)
        h, w = shot.image.shape[:2]
        assert np.median(shot.image[h // 3: 2 * h // 3, w // 3: 2 * w // 3]) > 15, panel


def test_mono_copy_loses_colour_and_colour_prints_keep_it():
    red = np.zeros((240, 320, 3), np.uint8)
    red[..., 0], red[:, 160:, 2] = 200, 180
    saturation = {}
    for family in PRINTS:
        shot = capture_print(red, np.random.default_rng(3), family=family)
        hsv = cv2.cvtColor(shot.image, cv2.COLOR_RGB2HSV)
        saturation[family] = float(np.percentile(hsv[..., 1], 90))
    assert saturation["mono_laser"] < 30
    assert saturation["colour_laser"] > 60 and saturation["inkjet_fm"] > 60


def test_a_resolved_halftone_is_periodic():
    shot = capture_print(_flat(150), np.random.default_rng(4), family="mono_laser",
                         periods_per_camera_px=(0.2, 0.2))          # five camera pixels per dot period
    grey = cv2.cvtColor(shot.image, cv2.COLOR_RGB2GRAY).astype(np.float32)
    h, w = grey.shape
    tile = grey[h // 2 - 64: h // 2 + 64, w // 2 - 64: w // 2 + 64]
    power = np.abs(np.fft.rfft2(tile - tile.mean())) ** 2
    power[:3, :3] = power[-3:, :3] = 0                                 # the light's slow falloff
    assert power.max() > 50 * np.median(power)
