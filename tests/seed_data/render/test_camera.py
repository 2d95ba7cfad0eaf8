"""The phone camera model: seeded, noisy the way a sensor is, no longer a flat drawing, plates still legible."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from seed_data.render import render_evidence
from seed_data.render.camera import ADC_LEVELS, BASE_ISO, FULL_WELL, demosaic, photograph, sense
from seed_data.world.records import World


# Traditional forms of plate province characters. RapidOCR often reads a photographed 粤 as 粵 (the same
# character, traditional form); the product's plate reader does not fold them yet, so legibility here
# is judged up to the form.
_TRADITIONAL = str.maketrans("滬雲遼魯蘇贛晉陝閩貴粵寧瓊", "沪云辽鲁苏赣晋陕闽贵粤宁琼")


def _scene(world: World, photo_class: str):
    return next((m, e) for m in world.merchants for e in m.evidence if e.photo_class == photo_class)


def _grey_steps() -> np.ndarray:
    """Four flat grey bands, dark to light: a drawing's flat regions."""
    scene = np.zeros((400, 800, 3), np.uint8)
    for k, level in enumerate((40, 90, 150, 220)):
        scene[:, k * 200:(k + 1) * 200] = level
    return scene


def test_same_scene_and_seed_give_the_same_photograph_another_seed_another():
    scene = _grey_steps()
    a = photograph(scene, np.random.default_rng(5))
    b = photograph(scene, np.random.default_rng(5))
    c = photograph(scene, np.random.default_rng(6))
    assert np.array_equal(a.image, b.image) and a.quality == b.quality and a.iso == b.iso
    assert not np.array_equal(a.image, c.image)


@pytest.mark.parametrize("iso", [50, 400])
def test_raw_noise_is_shot_noise_plus_read_noise(iso: int):
    """Variance in electrons equals the mean (Poisson) plus the read noise squared, at every level."""
    rng = np.random.default_rng(0)
    full_scale = FULL_WELL * BASE_ISO / iso
    read = 4.0
    measured, expected = [], []
    for level in (0.02, 0.1, 0.3, 0.7):
        raw = sense(np.full((300, 300), level, np.float32), rng, iso, read)
        electrons = raw * full_scale
        measured.append(float(electrons.var()))
        quantum = (full_scale / ADC_LEVELS) ** 2 / 12          # the ADC's rounding adds its own share
        expected.append(level * full_scale + read ** 2 + quantum)
    assert np.allclose(measured, expected, rtol=0.08), (measured, expected)
    assert all(b > a for a, b in zip(measured, measured[1:]))   # noise grows with the signal


def test_higher_iso_gives_a_noisier_raw_at_the_same_brightness():
    light = np.full((200, 200), 0.2, np.float32)
    low = sense(light, np.random.default_rng(1), 50, 4.0)
    high = sense(light, np.random.default_rng(1), 800, 4.0)
    assert high.std() > 3 * low.std()                          # 16× the gain: 4× the relative noise


def test_bilinear_demosaic_restores_a_flat_colour():
    h, w = 8, 8
    colour = np.float32([0.6, 0.3, 0.1])
    mosaic = np.zeros((h, w), np.float32)
    mosaic[0::2, 0::2], mosaic[1::2, 1::2] = colour[0], colour[2]
    mosaic[0::2, 1::2] = mosaic[1::2, 0::2] = colour[1]
    assert np.allclose(demosaic(mosaic), colour, atol=1e-6)


def test_a_flat_drawn_region_comes_out_as_a_photographed_surface_not_one_value():
    scene = _grey_steps()
    shot = photograph(scene, np.random.default_rng(2))
    band = shot.image[150:250, 250:350].astype(np.float32)       # inside the second flat band
    assert band.std() > 1.0                                       # texture, light and noise
    assert len(np.unique(shot.image.reshape(-1, 3), axis=0)) > 1000
    assert abs(float(band.mean()) - 90) < 45                      # still the same surface, exposed


def test_a_trucks_plate_stays_legible_through_the_camera(world: World, tmp_path: Path):
    from extractors.photos.sign_and_plate import read_photo
    from extractors.verify.numbers.plates import find_plates, normalise_plate

    merchant, item = _scene(world, "heavy_truck")
    read = []
    for k in range(3):   # three camera draws of the same scene
        variant = dataclasses.replace(item, evidence_id=f"{item.evidence_id}-{k}")
        path = render_evidence(world, merchant, variant, tmp_path)
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert path.suffix == ".jpg" and any(e.startswith("Bayer RGGB ISO") for e in truth["effects"])
        plate = normalise_plate(next(f["value"] for f in truth["fields"] if f["name"] == "plate"))
        texts = read_photo(np.asarray(Image.open(path).convert("RGB")), None).texts
        read.append(plate in find_plates(" ".join(texts).translate(_TRADITIONAL)))
    assert all(read), read


def test_a_recaptured_photo_is_a_screen_shot_of_the_camera_photo(world: World, tmp_path: Path):
    merchant, item = _scene(world, "shop_front")
    path = render_evidence(world, merchant, dataclasses.replace(item, fraud_kind="screen_recapture"), tmp_path)
    effects = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["effects"]
    camera = effects.index(next(e for e in effects if e.startswith("camera jpeg")))
    screen = effects.index(next(e for e in effects if "sub-pixel grid" in e))
    assert any(e.startswith("Bayer RGGB") for e in effects[:camera]) and camera < screen
