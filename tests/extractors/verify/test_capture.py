"""Asset photos too blurred to judge, or screenshots of a picture, are inconclusive: never fraud."""
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from extractors.verify.capture import BLUR_AT, check_capture, edge_steepness, letterbox_share

REAL = Path(__file__).resolve().parents[3].parent / "shared" / "photos" / "train"  # ../shared beside the clone


def _real(n: int = 12) -> list[np.ndarray]:
    files = sorted(REAL.glob("*/*.jpg"))[::40][:n]
    assert files, f"no real photos at {REAL} (../shared beside the clone)"
    return [np.asarray(Image.open(f).convert("RGB")) for f in files]


def _codes(image: np.ndarray) -> dict:
    return {c.code: c for c in check_capture(image)}


def test_real_photos_are_sharp_first_hand_captures():
    for image in _real():
        codes = _codes(image)
        assert codes["capture_quality"].passed is True, codes["capture_quality"]
        assert codes["first_hand_capture"].passed is True


def test_a_blurred_photo_cannot_be_verified_whatever_its_size():
    for image in _real(4):
        big = cv2.resize(image, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)   # a high-resolution camera
        blurred = cv2.GaussianBlur(big, (0, 0), 12)
        assert edge_steepness(blurred) < BLUR_AT <= edge_steepness(big)
        assert _codes(blurred)["capture_quality"].passed is None


def test_a_picture_letterboxed_in_a_viewer_is_a_screenshot_not_a_first_hand_photo():
    photo = _real(1)[0]
    h, w = photo.shape[:2]
    screen = np.zeros((int(w * 2.1), w, 3), np.uint8)        # a phone screen, the picture across its middle
    top = (screen.shape[0] - h) // 2
    screen[top:top + h] = photo
    screen[:40] = 30                                          # a status bar with its own grey
    assert letterbox_share(screen) > 0.2
    assert _codes(screen)["first_hand_capture"].passed is None


def test_a_flat_drawn_scene_is_not_a_letterbox():
    # Sky fading row by row above, a road of another colour below: flat rows, but no band of one colour.
    scene = np.zeros((600, 800, 3), np.uint8)
    scene[:300] = np.linspace(120, 230, 300, dtype=np.uint8)[:, None, None] * np.array([0.6, 0.8, 1.0])
    scene[300:] = 90
    scene[200:450, 250:550] = (200, 30, 30)          # the truck
    assert letterbox_share(scene) == 0.0
    assert _codes(scene)["first_hand_capture"].passed is True
