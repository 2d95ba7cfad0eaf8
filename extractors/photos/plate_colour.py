"""What the colour of a number plate says about the vehicle (GA 36).

Yellow plates are issued to large vehicles (goods vehicles over 4.5 t, buses), blue to small ones, and
green to new-energy vehicles. So a legible yellow plate on a goods-vehicle photo is evidence of a
large goods vehicle even when no classifier names the body: it is reported as ``heavy_truck`` (the
commonest large goods vehicle) with a modest confidence that any stronger source outranks. A blue
plate suggests a light truck or van.
"""
from __future__ import annotations

import cv2
import numpy as np

from extractors.ocr import Document
from extractors.photos.recogniser import Recognition
from extractors.verify.numbers.plates import find_plates

LARGE_VEHICLE_CONFIDENCE = 0.5
SMALL_VEHICLE_CONFIDENCE = 0.35
_MIN_SATURATION = 80  # of 255: a plate's background is strongly coloured


def plate_colour(image: np.ndarray, box: tuple[tuple[float, float], tuple[float, float]]) -> str | None:
    """"yellow", "blue", "green" or None: the dominant saturated hue inside ``box`` (relative geometry)."""
    h, w = image.shape[:2]
    (x0, y0), (x1, y1) = box
    crop = image[max(0, int(y0 * h)):int(y1 * h) + 1, max(0, int(x0 * w)):int(x1 * w) + 1]
    if crop.size == 0 or crop.ndim != 3:
        return None
    hsv = cv2.cvtColor(np.ascontiguousarray(crop[..., :3]), cv2.COLOR_RGB2HSV).reshape(-1, 3)
    saturated = hsv[(hsv[:, 1] >= _MIN_SATURATION) & (hsv[:, 2] >= 60)]
    if len(saturated) < 0.25 * len(hsv):
        return None
    hue = float(np.median(saturated[:, 0]))  # OpenCV hue: 0..180
    if 15 <= hue <= 35:
        return "yellow"
    if 95 <= hue <= 130:
        return "blue"
    if 36 <= hue <= 85:
        return "green"
    return None


def classes_from_plates(image: np.ndarray, document: Document) -> tuple[Recognition, ...]:
    """One recognition per legible plate whose colour says large or small vehicle."""
    found: list[Recognition] = []
    for page in document.pages:
        for block in page.blocks:
            for line in block.lines:
                if not find_plates(line.render().replace(" ", "")):
                    continue
                colour = plate_colour(image, line.geometry)
                if colour == "yellow":
                    found.append(Recognition("heavy_truck", LARGE_VEHICLE_CONFIDENCE, "plate:yellow"))
                elif colour == "blue":
                    found.append(Recognition("light_truck", SMALL_VEHICLE_CONFIDENCE, "plate:blue"))
    return tuple(found)
