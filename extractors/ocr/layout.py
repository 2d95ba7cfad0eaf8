"""Builds the ``Page`` tree from an engine's raw text spans: the one place raw boxes become lines.

A detector returns text spans (a quadrilateral, its text and a score), in no useful order. Here a span
becomes a ``Word`` (CJK text has no spaces to split on, and a span is what the recogniser read as one
unit), spans on one visual row become a ``Line`` read left to right, and rows that follow each other
closely become a ``Block``. Phone captures tilt the page by a few degrees, which over a page width is
more than a line height, so rows are found after undoing the page's median text angle.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from extractors.ocr.document import Block, BoundingBox, Line, Page, Word

ROW_TOLERANCE = 0.5   # spans share a row when their centres differ by under half a line height
BLOCK_GAP = 1.2       # a vertical gap over 1.2 line heights starts a new block


@dataclass(frozen=True, slots=True)
class Span:
    """One recognised text span: ``quad`` is four (x, y) image points, clockwise from top left."""

    text: str
    confidence: float
    quad: tuple[tuple[float, float], ...]


def _page_angle(spans: Sequence[Span]) -> float:
    """Median slope of the top edges of wide spans (radians); narrow spans give noisy angles."""
    angles = []
    for span in spans:
        (x0, y0), (x1, y1) = span.quad[0], span.quad[1]
        height = math.dist(span.quad[0], span.quad[3])
        if x1 - x0 > 2 * height > 0:
            angles.append(math.atan2(y1 - y0, x1 - x0))
    return float(np.median(angles)) if angles else 0.0


def _box(quad: Sequence[tuple[float, float]], width: int, height: int) -> BoundingBox:
    xs = [min(max(x / width, 0.0), 1.0) for x, _ in quad]
    ys = [min(max(y / height, 0.0), 1.0) for _, y in quad]
    return (min(xs), min(ys)), (max(xs), max(ys))


def _union(boxes: Sequence[BoundingBox]) -> BoundingBox:
    return ((min(b[0][0] for b in boxes), min(b[0][1] for b in boxes)),
            (max(b[1][0] for b in boxes), max(b[1][1] for b in boxes)))


def build_page(spans: Sequence[Span], *, page_idx: int, height: int, width: int) -> Page:
    """Group spans into rows and blocks in reading order (top to bottom, left to right)."""
    if not spans:
        return Page(page_idx=page_idx, dimensions=(height, width), blocks=())
    angle = _page_angle(spans)
    cos, sin = math.cos(-angle), math.sin(-angle)
    placed = []  # (y centre, x centre, line height) in the de-rotated frame
    for span in spans:
        cx = sum(x for x, _ in span.quad) / 4
        cy = sum(y for _, y in span.quad) / 4
        h = max((math.dist(span.quad[0], span.quad[3]) + math.dist(span.quad[1], span.quad[2])) / 2, 1.0)
        placed.append((cx * sin + cy * cos, cx * cos - cy * sin, h, span))
    placed.sort(key=lambda p: p[0])

    rows: list[list[tuple[float, float, float, Span]]] = []
    for item in placed:
        if rows:
            row = rows[-1]
            row_y = sum(p[0] for p in row) / len(row)
            row_h = min(p[2] for p in row)
            if abs(item[0] - row_y) < ROW_TOLERANCE * min(item[2], row_h):
                row.append(item)
                continue
        rows.append([item])

    lines: list[tuple[float, float, Line]] = []  # (top, bottom) in the de-rotated frame, the line
    for row in rows:
        row.sort(key=lambda p: p[1])
        words = tuple(Word(value=p[3].text, confidence=float(p[3].confidence),
                           geometry=_box(p[3].quad, width, height)) for p in row)
        top = min(p[0] - p[2] / 2 for p in row)
        bottom = max(p[0] + p[2] / 2 for p in row)
        lines.append((top, bottom, Line(words=words, geometry=_union([w.geometry for w in words]))))

    blocks: list[list[tuple[float, float, Line]]] = [[lines[0]]]
    for line in lines[1:]:
        previous = blocks[-1][-1]
        gap = line[0] - previous[1]
        if gap > BLOCK_GAP * min(line[1] - line[0], previous[1] - previous[0]):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return Page(page_idx=page_idx, dimensions=(height, width),
                blocks=tuple(Block(lines=tuple(l for _, _, l in b), geometry=_union([l.geometry for _, _, l in b]))
                             for b in blocks))
