"""The messaging-app transformations do what the apps do, and record it."""
from __future__ import annotations

import numpy as np
import pytest

from seed_data.render.messaging import FAMILIES, send


def _photo(h: int, w: int, seed: int = 0) -> np.ndarray:
    """A smooth colour gradient with a dark corner and fine texture: enough for every family to act on."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w] / max(h, w)
    img = np.stack([200 * xx + 30, 180 * yy + 40, 120 + 60 * np.sin(8 * xx)], axis=2)
    img[: h // 4, : w // 4] = 12
    return np.clip(img + rng.normal(0, 6, img.shape), 0, 255).astype(np.uint8)


def test_resizing_downscales_to_the_long_side_and_never_upscales():
    big = send(_photo(1500, 2000), ["resize_1280"], np.random.default_rng(1))
    assert max(big.image.shape[:2]) == 1280 and big.image.shape[0] == 960
    small = send(_photo(300, 400), ["resize_1280", "resize_720"], np.random.default_rng(1))
    assert small.image.shape[:2] == (300, 400)
    assert [s.detail for s in small.steps] == ["kept (no upscale)"] * 2


def test_same_seed_same_pixels_and_every_step_recorded():
    chain = ["sharpen", "hdr_tone", "resize_720", "jpeg_420"]
    a = send(_photo(900, 1200), chain, np.random.default_rng(7))
    b = send(_photo(900, 1200), chain, np.random.default_rng(7))
    assert np.array_equal(a.image, b.image) and a.steps == b.steps
    assert [s.family for s in a.steps] == chain


def test_four_four_four_keeps_the_colour_detail_that_four_two_zero_loses():
    checker = np.zeros((64, 64, 3), np.uint8)
    checker[::2, ::2] = checker[1::2, 1::2] = (220, 40, 40)
    checker[1::2, ::2] = checker[::2, 1::2] = (40, 40, 220)
    err = {f: np.abs(send(checker, [f], np.random.default_rng(3)).image.astype(int) - checker).mean()
           for f in ("jpeg_420", "jpeg_444")}
    assert err["jpeg_444"] < err["jpeg_420"]


def test_hdr_tone_lifts_shadows_and_sharpening_adds_contrast_at_edges():
    photo = _photo(400, 600)
    hdr = send(photo, ["hdr_tone"], np.random.default_rng(2)).image
    assert hdr[:100, :150].mean() > photo[:100, :150].mean() + 10
    edge = photo.astype(float)[95:105, 140:160].std()
    sharp = send(photo, ["sharpen"], np.random.default_rng(2)).image.astype(float)[95:105, 140:160].std()
    assert sharp > edge


def test_viewer_screenshot_is_a_phone_screen_with_the_photo_letterboxed():
    shot = send(_photo(300, 400), ["viewer_screenshot"], np.random.default_rng(4))
    h, w = shot.image.shape[:2]
    assert h > w >= 720                                   # a portrait phone screen
    screen = shot.image[int(h * 0.05): int(h * 0.9)].astype(int)   # between the status bar and the toolbar
    background = screen[0, 0]
    photo_rows = np.abs(screen - background).sum(axis=2).max(axis=1) > 0
    # The photo is fitted (upscaled) to the screen's width: 300 × w / 400 rows tall, bars above and below.
    assert abs(int(photo_rows.sum()) - round(300 * w / 400)) <= 2
    assert not photo_rows[:50].any() and not photo_rows[-50:].any()


def test_unknown_family_is_refused():
    with pytest.raises(ValueError, match="unknown messaging families"):
        send(_photo(10, 10), ["telegram"], np.random.default_rng(0))
    assert {"resize_1280", "resize_720", "jpeg_420", "jpeg_444", "sharpen", "hdr_tone",
            "viewer_screenshot"} == set(FAMILIES)
