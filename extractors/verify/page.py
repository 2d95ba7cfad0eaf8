"""Find the document page in a photo and flatten it, so page-level checks ignore the desk around it.

A page is the largest bright, roughly four-cornered region covering at least a third of the frame.
When none is found (a flat scan, a screenshot, an asset photo), the whole image is the page.
"""
from __future__ import annotations

import cv2
import numpy as np

_WORK = 512           # find the page on a thumbnail: contours cost grows with the pixel count
_MIN_AREA = 0.33


def page_quad(image: np.ndarray) -> np.ndarray | None:
    """The page's four corners in image pixels (top-left, top-right, bottom-right, bottom-left), or None."""
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    h, w = grey.shape
    scale = _WORK / max(h, w)
    small = cv2.resize(grey, (max(int(w * scale), 1), max(int(h * scale), 1)), interpolation=cv2.INTER_AREA)
    _, mask = cv2.threshold(cv2.GaussianBlur(small, (5, 5), 0), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    biggest = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(biggest)
    if area < _MIN_AREA * small.shape[0] * small.shape[1] or area > 0.97 * small.shape[0] * small.shape[1]:
        return None   # too small to be the page, or the page fills the frame already
    quad = cv2.approxPolyDP(biggest, 0.02 * cv2.arcLength(biggest, True), True).reshape(-1, 2)
    if len(quad) != 4:
        quad = cv2.boxPoints(cv2.minAreaRect(biggest))
    quad = quad.astype(np.float32) / scale
    s, d = quad.sum(axis=1), np.diff(quad, axis=1).reshape(-1)
    return np.float32([quad[np.argmin(s)], quad[np.argmin(d)], quad[np.argmax(s)], quad[np.argmax(d)]])


def find_page(image: np.ndarray) -> np.ndarray:
    """The page, warped flat to its own size; the image itself when no page stands out."""
    quad = page_quad(image)
    if quad is None:
        return image
    w = int(max(np.linalg.norm(quad[1] - quad[0]), np.linalg.norm(quad[2] - quad[3])))
    h = int(max(np.linalg.norm(quad[3] - quad[0]), np.linalg.norm(quad[2] - quad[1])))
    target = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    return cv2.warpPerspective(image, cv2.getPerspectiveTransform(quad, target), (w, h), flags=cv2.INTER_AREA)
