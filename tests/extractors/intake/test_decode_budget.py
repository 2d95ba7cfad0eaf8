"""Decode bombs (issue 13): memory follows the decoded size and the working resolution, not the file size.

Each bomb is decoded in a fresh Python process whose peak RSS (VmHWM, reset just before decoding) is
read back, so the figure is the decode's own and not whatever this test session already holds.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from extractors import intake
from extractors.intake import IntakeLimits, read_evidence_bytes
from extractors.intake.reader import DECODE_SLOTS
from tests.extractors.intake.bad_inputs import DECODE_BOMBS

ROOT = Path(__file__).parents[3]
LIMITS = IntakeLimits()

# Builds the named bombs, resets the high-water mark, decodes them in `threads` threads at once, and
# prints the peak RSS growth and what each decode gave.
_PROBE = """
import json, sys, threading
from extractors.intake import IntakeError, read_evidence_bytes
from tests.extractors.intake.bad_inputs import DECODE_BOMBS
names, threads = json.loads(sys.argv[1]), int(sys.argv[2])
bombs = [(n, b()) for n, b, _ in DECODE_BOMBS if n in names] * threads
def kb(key):
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith(key))
outcomes = []
def decode(name, data):
    try:
        outcomes.append([name, [list(p.shape) for p in read_evidence_bytes(data, source=name).pages]])
    except IntakeError as exc:
        outcomes.append([name, type(exc).__name__])
before = kb("VmRSS:")
open("/proc/self/clear_refs", "w").write("5")
workers = [threading.Thread(target=decode, args=bomb) for bomb in bombs]
for w in workers: w.start()
for w in workers: w.join()
print(json.dumps({"peak_mb": (kb("VmHWM:") - before) / 1024, "outcomes": outcomes}))
"""


def _probe(names: list[str], threads: int = 1) -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(names), str(threads)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("name", "expected"), [(b[0], b[2]) for b in DECODE_BOMBS], ids=[b[0] for b in DECODE_BOMBS])
def test_a_decode_bomb_stays_within_the_budget_and_is_refused_or_read_at_the_working_resolution(
        name: str, expected: str) -> None:
    result = _probe([name])
    ((_, outcome),) = result["outcomes"]
    if expected == "working":
        assert isinstance(outcome, list) and max(max(shape[:2]) for shape in outcome) <= LIMITS.working_side
    else:
        assert outcome == expected
    assert result["peak_mb"] * 1e6 <= LIMITS.max_decode_bytes, result


def test_sixteen_bombs_at_once_take_no_more_than_the_decode_slots_allow() -> None:
    names = [b[0] for b in DECODE_BOMBS]
    result = _probe(names, threads=4)  # 20 decodes at once: every bomb, four times
    assert len(result["outcomes"]) == 4 * len(names)
    assert result["peak_mb"] * 1e6 <= DECODE_SLOTS * LIMITS.max_decode_bytes, result


def test_a_bilevel_scan_keeps_its_thin_strokes_when_reduced() -> None:
    """Reduction averages areas: a 1 px rule on a 1-bit page turns grey, it does not vanish between
    sampled rows (as nearest-neighbour resampling of a bilevel image would make it)."""
    page = Image.new("1", (6000, 6000), 1)
    draw = ImageDraw.Draw(page)
    rules = range(100, 5900, 37)
    for y in rules:
        draw.line([(0, y), (5999, y)], fill=0, width=1)
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    (got,) = read_evidence_bytes(buffer.getvalue(), source="scan.png").pages
    side = LIMITS.working_side
    assert got.shape == (side, side, 3)
    scale = side / 6000
    darkest = [got[max(0, round(y * scale) - 1):round(y * scale) + 2, 2000].min() for y in rules]
    assert max(darkest) < 200  # every rule still darker than paper


def test_a_large_phone_photo_is_reduced_and_still_upright() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    buffer = io.BytesIO()
    Image.new("RGB", (6000, 4000), (240, 240, 240)).save(buffer, format="JPEG", quality=80, exif=exif)
    (got,) = read_evidence_bytes(buffer.getvalue(), source="truck.jpg").pages
    assert got.shape == (LIMITS.working_side, round(4000 * LIMITS.working_side / 6000), 3)


def test_a_page_at_or_under_the_working_side_is_left_as_it_is() -> None:
    pixels = np.random.default_rng(1).integers(0, 255, (3024, 4032, 3), dtype=np.uint8)  # a 12 MP phone photo
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG", compress_level=1)
    data = buffer.getvalue()  # noise does not compress: 36 MB
    (got,) = read_evidence_bytes(data, source="photo.png", limits=IntakeLimits(max_bytes=len(data))).pages
    assert np.array_equal(got, pixels)


def test_the_budget_given_is_the_budget_kept() -> None:
    with pytest.raises(intake.DecodeTooLarge, match="takes 16 MB to decode; the limit is 10 MB"):
        read_evidence_bytes(_white_png(2000, 2000), source="scan.png", limits=IntakeLimits(max_decode_bytes=10_000_000))


def _white_png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (255, 255, 255)).save(buffer, format="PNG")
    return buffer.getvalue()
