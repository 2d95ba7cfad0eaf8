"""Tampering, field by field: a printed amount whose ink does not match the rest of the page.

An edited amount is retyped by the forger in whatever font and colour is at hand, over a patch of
"paper". A phone photo blurs away the patch's edges, noise and JPEG grid (the block cues of
:mod:`extractors.verify.tamper`), but not the retyped figure itself, which differs from the page's
own print in two ways that survive blur, noise and JPEG:

- **lighter ink**: a near-black that is not the printer's black, often in a thinner face. Measured
  as the darkest ink against the paper around it, relative to the page's other text of about the
  same height (the same capture, light and blur apply to both);
- **tinted ink**: the page's text is printed in one ink, a retyped figure carries the editor's
  colour. Measured as how each colour channel darkens with the grey level over the figure's pixels,
  against the page's other amounts; designed colours (red serial numbers, seals) tint far more
  than an editor's near-black and are left out.

Only amounts are examined (two decimals, at least five digits): they are what a forger edits, and
the OCR document says where they are; a shorter figure has too little ink to measure. The finding
names the figure and its place. The figures were set on the seed's edits (``bench/verification_eval.py``):
a retype in the page's own face and a near-black as dark as its print is not seen.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from extractors.ocr.document import Document, Word
from extractors.text.amounts import AMOUNT

MIN_DIGITS = 5               # hundreds of yuan and up: what is worth editing, and enough ink to measure
_CJK_WIDTH, _LATIN_WIDTH = 1.0, 0.55   # advance widths in em, to find an amount inside a labelled span
HEIGHT_BAND = (0.75, 1.35)   # other words within this share of the amount's height are its reference
MIN_REFERENCE = 3
# The page's text ink: above the median of the reference words' darkness, because forms print their
# labels in a lighter colour than the figures typed on them.
REFERENCE_PERCENTILE = 65.0
INK_PERCENTILE = 1.0         # "darkest ink" of a region: this percentile of its grey levels
PAPER_PERCENTILE = 75.0
LIGHTNESS_SCALE = 0.05       # 5% lighter than the page's text of the same height counts 1
TINT_SCALE = 0.05            # a channel slope 0.05 off the page's ink counts 1
SEAL_CHROMA = 60.0           # max − min channel (grey levels) above which an ink pixel is a seal's
DESIGNED_TINT = 0.2          # beyond this the colour is the document's design, not an editor's black
THRESHOLD = 4.0              # largest genuine page of seeds 0 and 1: 2.84; see bench/verification_eval.py


@dataclass(frozen=True, slots=True)
class FieldFinding:
    score: float                                   # lightness + tint of the most suspect amount
    box: tuple[float, float, float, float]         # that amount, image-relative (x0, y0, x1, y1)
    text: str                                      # as the OCR read it


@dataclass(frozen=True, slots=True)
class _Region:
    text: str
    box: tuple[int, int, int, int]                 # pixels, inclusive


def _pixels(word: Word, width: int, height: int) -> tuple[int, int, int, int] | None:
    (a, b), (c, d) = word.geometry
    x0, y0 = max(int(round(a * width)), 0), max(int(round(b * height)), 0)
    x1, y1 = min(int(round(c * width)), width - 1), min(int(round(d * height)), height - 1)
    return (x0, y0, x1, y1) if x1 - x0 >= 4 and y1 - y0 >= 4 else None


def _amount_part(word: Word, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """The amount's share of a span that may start with its label ("合计：¥1,234.00")."""
    found = list(AMOUNT.finditer(word.value))
    if not found:
        return None
    match = found[-1]
    if sum(ch.isdigit() for ch in match.group()) < MIN_DIGITS:
        return None
    widths = [_CJK_WIDTH if ord(ch) > 0x2E80 else _LATIN_WIDTH for ch in word.value]
    total = sum(widths)
    x0, y0, x1, y1 = box
    start = x0 + int((x1 - x0) * sum(widths[:match.start()]) / total)
    end = x0 + int((x1 - x0) * sum(widths[:match.end()]) / total)
    return (start, y0, end, y1) if end - start >= 4 else None


def _darkness(grey: np.ndarray, box: tuple[int, int, int, int]) -> float:
    x0, y0, x1, y1 = box
    crop = grey[y0:y1 + 1, x0:x1 + 1]
    paper = float(np.percentile(crop, PAPER_PERCENTILE))
    return (paper - float(np.percentile(crop, INK_PERCENTILE))) / max(paper, 1.0)


def _tint(rgb: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray | None:
    """(R − G, B − G) of the least-squares slope of each channel's darkening on the grey darkening."""
    x0, y0, x1, y1 = box
    crop = rgb[y0:y1 + 1, x0:x1 + 1].reshape(-1, 3)
    grey = crop @ np.float32([0.299, 0.587, 0.114])
    paper_px = grey >= np.percentile(grey, 70)
    drop = float(grey[paper_px].mean()) - grey
    ink = drop > 0.35 * np.percentile(drop, 99)
    if ink.sum() < 10:
        return None
    # A seal stamped across the figure is vermilion, its channels 100+ levels apart where a near-black
    # differs by tens: its pixels are the seal's ink, not the figure's, and would tint it.
    ink &= np.ptp(crop, axis=1) < SEAL_CHROMA
    if ink.sum() < 10:
        return None
    delta = crop[ink] - crop[paper_px].mean(axis=0)
    d = drop[ink][:, None]
    slope = (delta * d).sum(axis=0) / float((d ** 2).sum())
    return np.array([slope[0] - slope[1], slope[2] - slope[1]])


def find_retyped_amount(image: np.ndarray, document: Document) -> FieldFinding:
    """The amount on page 0 of ``document`` whose ink departs most from the page's; score 0 if none."""
    h, w = image.shape[:2]
    grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY).astype(np.float32)
    # Chroma is stored at half resolution in JPEG: compare colour on a matching blur.
    rgb = cv2.GaussianBlur(image.astype(np.float32), (0, 0), 1.0)
    words: list[tuple[Word, tuple[int, int, int, int], float]] = []
    for block in document.pages[0].blocks if document.pages else ():
        for line in block.lines:
            for word in line.words:
                box = _pixels(word, w, h)
                if box is not None:
                    words.append((word, box, _darkness(grey, box)))
    amounts: list[tuple[_Region, float, np.ndarray | None]] = []
    for word, box, _ in words:
        part = _amount_part(word, box)
        if part is None:
            continue
        height = box[3] - box[1]
        reference = [d for other, b, d in words if other is not word
                     and HEIGHT_BAND[0] * height <= b[3] - b[1] <= HEIGHT_BAND[1] * height]
        if len(reference) < MIN_REFERENCE:
            continue
        page_text = max(float(np.percentile(reference, REFERENCE_PERCENTILE)), 1e-3)
        lightness = max(1.0 - _darkness(grey, part) / page_text, 0.0)
        amounts.append((_Region(word.value, part), lightness / LIGHTNESS_SCALE, _tint(rgb, part)))
    if not amounts:
        return FieldFinding(0.0, (0.0, 0.0, 0.0, 0.0), "")
    tints = [t for _, _, t in amounts if t is not None]
    page_ink = np.median(tints, axis=0) if tints else np.zeros(2)
    best, best_score = amounts[0][0], -1.0
    for region, lightness, tint in amounts:
        off = 0.0 if tint is None else float(np.linalg.norm(tint - page_ink))
        score = lightness + (off / TINT_SCALE if off < DESIGNED_TINT else 0.0)
        if score > best_score:
            best, best_score = region, score
    x0, y0, x1, y1 = best.box
    box = (round(x0 / w, 4), round(y0 / h, 4), round(x1 / w, 4), round(y1 / h, 4))
    return FieldFinding(round(best_score, 3), box, best.text)
