"""Whether a PDF page's text layer says what the page shows; only then does it stand in for OCR.

A text layer is the PDF's claim about its page, and claims can be forged: the genuine text kept under
an edited image, text drawn invisibly or white on white, or a font whose Unicode map says "1" where its
glyph draws "7". Intake already drops and counts text no one can see (``TextLayer.hidden_chars``); here
the claim is held against the pixels with the cheap half of OCR:

1. **Nothing hidden.** A page with any hidden character is not trusted (a scanner's invisible OCR layer
   is an earlier OCR, not the page's text; a forger's is worse).
2. **Coverage both ways**, from RapidOCR's text *detection* (a tenth of a page's OCR): at least
   ``MIN_SEEN`` of the layer's characters lie in words the detector (run at ``DET_SIDE``) also found (each word at least half
   covered by detected regions), and at most ``MAX_UNEXPLAINED`` of the detected area lies outside the
   layer's words, grown by a quarter of their height (a seal's ring of text, a logo). Visible text
   outside the layer's words is recognised, and every figure of 3 digits or more in it must be one the
   layer prints: an amount drawn as an image beside the text is not explained away.
3. **A sample read back.** Up to ``MAX_FIGURES`` words that hold an amount or a long number (long
   numbers and the ``TOP_FIGURES`` largest amounts always, the others drawn from the page's hash) and
   ``OTHERS`` further words drawn from the page's hash are cut from the rendered page and recognised; figures must give the same digits in the same order,
   other words at least ``MIN_SIMILARITY`` of their characters (OCR misreads a CJK character now and
   then; it does not misread a clean figure rendered at 150 DPI). Crops are recognised side by side,
   a blank line height apart, in strips of ``STRIP_WIDTH`` recogniser pixels, each strip compared with
   its words joined: the recogniser pads every crop to 320 px, and an amount is ~150.

A page that fails is OCR'd as before; only a trusted page's words carry confidence 1.0.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from extractors.intake.text_layer import TextLayer, TextWord

MIN_SEEN = 0.97          # share of the layer's characters in words the detector found
MAX_UNEXPLAINED = 0.10   # share of the detected text area outside the layer's words
WORD_COVERED = 0.5       # a word is seen (a detected region is explained) when half of it is covered
DET_SIDE = 640           # longest side, in pixels, the page is detected at: 0.4 s, against 0.75 s at 960
MAX_FIGURES = 16         # figures recognised per page (a statement page prints ~40)
TOP_FIGURES = 6          # of which always the largest amounts (totals, balances: what a forger inflates)
OTHERS = 4               # further words recognised per page, chosen from the page's hash
MIN_SIMILARITY = 0.75    # a sampled word's characters OCR must agree with (figures: every digit)
STRIP_WIDTH = 640        # recogniser pixels (at its 48 px height) of crops read side by side in one strip
_HEIGHT = 48             # the recogniser's input height
_FIGURE = re.compile(r"[0-9][0-9,]*\.[0-9]{2}(?![0-9])|[0-9]{8,}")
_DIGITS = re.compile(r"[0-9]")
_NUMBER = re.compile(r"[0-9][0-9,.]*")


@runtime_checkable
class LineReader(Protocol):
    """An OCR engine whose detection and recognition can run apart (``RapidOcrEngine``)."""

    def detect(self, page: np.ndarray) -> list[tuple[tuple[float, float], ...]]: ...

    def recognise(self, crops: Sequence[np.ndarray]) -> list[tuple[str, float]]: ...


@dataclass(frozen=True, slots=True)
class TrustVerdict:
    """``trusted`` and, when not, the first check that failed; the measures for the bench and the log."""

    trusted: bool
    reason: str
    seen: float = 0.0          # share of layer characters the detector found
    unexplained: float = 0.0   # share of detected area outside the layer
    sampled: int = 0           # words recognised


def check_text_layer(engine: object, image: np.ndarray, layer: TextLayer) -> TrustVerdict:
    """Hold ``layer`` against ``image`` (the page it was read with); see the module's docstring."""
    if not isinstance(engine, LineReader):
        return TrustVerdict(False, "engine cannot detect and recognise apart")
    if layer.hidden_chars:
        return TrustVerdict(False, f"{layer.hidden_chars} characters drawn but not visible")
    words = layer.words
    if not words:
        return TrustVerdict(False, "no visible text")
    height, width = image.shape[:2]
    word_boxes = np.array([_pixels(w, width, height) for w in words], dtype=np.float64)
    detected = _detect(engine, image)
    chars = np.array([len(w.value.replace(" ", "")) for w in words], dtype=np.float64)
    seen_words = _covered(word_boxes, detected) >= WORD_COVERED
    seen = float(chars[seen_words].sum() / chars.sum())
    explained = _covered(detected, _grown(word_boxes)) >= WORD_COVERED
    areas = _area(detected)
    unexplained = float(areas[~explained].sum() / areas.sum()) if areas.sum() > 0 else 0.0
    measures = {"seen": seen, "unexplained": unexplained}
    if seen < MIN_SEEN:
        return TrustVerdict(False, f"only {seen:.0%} of the text layer is visible text", **measures)
    if unexplained > MAX_UNEXPLAINED:
        return TrustVerdict(False, f"{unexplained:.0%} of the visible text is not in the text layer", **measures)
    figures, others = _sample(words, _page_seed(image))
    measures["sampled"] = len(figures) + len(others)
    for group, agree in ((figures, _same_digits), (others, _similar)):
        crops = [_crop(image, _pixels(w, width, height)) for w in group]
        strips = _strips(crops)
        shown = _read(engine, [_strip([crops[i] for i in strip]) for strip in strips])
        for strip, text in zip(strips, shown):
            claim = "".join(group[i].value for i in strip)
            if not agree(claim, text):
                return TrustVerdict(False, f"the page shows {text!r} where the text layer says {claim!r}",
                                    **measures)
    extra = [_crop(image, tuple(box)) for box in detected[~explained]]
    printed = {_digits(w.value) for w in words}
    for text in _read(engine, [_strip([extra[i] for i in strip]) for strip in _strips(extra)]):
        for figure in _NUMBER.findall(_plain(text)):
            if len(_digits(figure)) >= 3 and not any(_digits(figure) in known for known in printed):
                return TrustVerdict(False, f"the page shows {figure!r}, which the text layer lacks", **measures)
    return TrustVerdict(True, "text layer agrees with the page", **measures)


def _detect(engine: LineReader, image: np.ndarray) -> np.ndarray:
    """Detected text regions as (x0, y0, x1, y1) rows in ``image``'s pixels, found at ``DET_SIDE``."""
    import cv2

    scale = min(DET_SIDE / max(image.shape[:2]), 1.0)
    small = image if scale == 1.0 else cv2.resize(
        image, (max(round(image.shape[1] * scale), 1), max(round(image.shape[0] * scale), 1)),
        interpolation=cv2.INTER_AREA)
    return np.array([_rect(q) for q in engine.detect(small)], dtype=np.float64).reshape(-1, 4) / scale


def _sample(words: Sequence[TextWord], seed: int) -> tuple[list[TextWord], list[TextWord]]:
    """Up to ``MAX_FIGURES`` figures (long numbers and the ``TOP_FIGURES`` largest amounts always, the
    rest drawn from ``seed``) and ``OTHERS`` words of two characters or more, in reading order."""
    rng = np.random.default_rng(seed)
    figures = [i for i, w in enumerate(words) if _FIGURE.search(w.value)]
    if len(figures) > MAX_FIGURES:
        by_size = sorted(figures, key=lambda i: -_magnitude(words[i].value))
        always = set(by_size[:TOP_FIGURES]) | {i for i in figures if re.search(r"[0-9]{8,}", words[i].value)}
        always = set(sorted(always, key=lambda i: -_magnitude(words[i].value))[:MAX_FIGURES])
        rest = [i for i in figures if i not in always]
        drawn = rng.choice(len(rest), MAX_FIGURES - len(always), replace=False) if rest else []
        figures = sorted(always | {rest[k] for k in drawn})
    figures = [words[i] for i in figures]
    rest = [w for w in words if not _FIGURE.search(w.value) and len(w.value.replace(" ", "")) >= 2]
    picked = sorted(rng.choice(len(rest), min(OTHERS, len(rest)), replace=False)) if rest else []
    return figures, [rest[i] for i in picked]


def _magnitude(text: str) -> float:
    """The largest amount a word prints (an account number counts as none: it is no amount)."""
    amounts = re.findall(r"[0-9][0-9,]*\.[0-9]{2}(?![0-9])", text)
    return max((float(a.replace(",", "")) for a in amounts), default=0.0)


def _digits(text: str) -> str:
    return "".join(_DIGITS.findall(text))


def _same_digits(claimed: str, shown: str) -> bool:
    """Figures: every digit, in order (separators and spacing aside)."""
    return _DIGITS.findall(_plain(claimed)) == _DIGITS.findall(_plain(shown))


def _similar(claimed: str, shown: str) -> bool:
    return _similarity(_plain(claimed), _plain(shown)) >= MIN_SIMILARITY


def _plain(text: str) -> str:
    """Compared without spaces and with full-width forms folded (OCR reads "：" and ":" alike)."""
    folded = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)
    return re.sub(r"\s+", "", folded)


def _similarity(a: str, b: str) -> float:
    """1 − Levenshtein distance / the longer length."""
    if not a and not b:
        return 1.0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return 1.0 - previous[-1] / max(len(a), len(b))


def _strips(crops: Sequence[np.ndarray]) -> list[list[int]]:
    """Consecutive crops grouped ``STRIP_WIDTH`` recogniser pixels at a time (a crop alone if wider)."""
    strips: list[list[int]] = []
    width = 0.0
    for index, crop in enumerate(crops):
        scaled = crop.shape[1] * _HEIGHT / max(crop.shape[0], 1)
        if not strips or width + scaled > STRIP_WIDTH:
            strips.append([])
            width = 0.0
        strips[-1].append(index)
        width += scaled + _HEIGHT
    return strips


def _read(engine: LineReader, strips: list[np.ndarray]) -> list[str]:
    return [text for text, _ in engine.recognise(strips)] if strips else []


def _strip(crops: list[np.ndarray]) -> np.ndarray:
    """Crops scaled to one height and laid left to right on white, a line height apart."""
    import cv2

    height = max(c.shape[0] for c in crops)
    pieces = []
    for crop in crops:
        scaled = cv2.resize(crop, (max(round(crop.shape[1] * height / crop.shape[0]), 1), height))
        pieces += [scaled, np.full((height, height, 3), 255, np.uint8)]
    return np.ascontiguousarray(np.concatenate(pieces[:-1], axis=1))


def _page_seed(image: np.ndarray) -> int:
    """The sample follows the pixels: a page edited to pass one sample is a new page with another."""
    return int.from_bytes(hashlib.sha256(np.ascontiguousarray(image).data).digest()[:8], "big")


def _pixels(word: TextWord, width: int, height: int) -> tuple[float, float, float, float]:
    (x0, y0), (x1, y1) = word.geometry
    return x0 * width, y0 * height, x1 * width, y1 * height


def _rect(quad: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    return min(xs), min(ys), max(xs), max(ys)


def _area(boxes: np.ndarray) -> np.ndarray:
    return np.clip(boxes[:, 2] - boxes[:, 0], 0, None) * np.clip(boxes[:, 3] - boxes[:, 1], 0, None)


def _grown(boxes: np.ndarray) -> np.ndarray:
    """Word boxes grown by a quarter of their height: the detector's regions run past the glyphs, and at
    640 px it joins a table column's rows into one region, gaps and all."""
    by = (boxes[:, 3] - boxes[:, 1])[:, None] * 0.25
    return boxes + np.concatenate([-by, -by, by, by], axis=1)


def _covered(boxes: np.ndarray, by: np.ndarray, chunk: int = 256) -> np.ndarray:
    """Share of each box's area inside any of ``by`` (overlaps among ``by`` summed, capped at 1); in
    chunks, so a page of 20,000 one-character words against 1,000 regions stays a few MB."""
    out = np.zeros(len(boxes))
    if len(boxes) == 0 or len(by) == 0:
        return out
    for start in range(0, len(boxes), chunk):
        part = boxes[start:start + chunk]
        x0 = np.maximum(part[:, None, 0], by[None, :, 0])
        y0 = np.maximum(part[:, None, 1], by[None, :, 1])
        x1 = np.minimum(part[:, None, 2], by[None, :, 2])
        y1 = np.minimum(part[:, None, 3], by[None, :, 3])
        inter = (np.clip(x1 - x0, 0, None) * np.clip(y1 - y0, 0, None)).sum(axis=1)
        out[start:start + chunk] = np.minimum(inter / np.maximum(_area(part), 1e-9), 1.0)
    return out


def _crop(image: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    """The box with a little margin (a quarter of its height), as the detector's crops have."""
    x0, y0, x1, y1 = box
    pad = (y1 - y0) * 0.25
    height, width = image.shape[:2]
    top, bottom = max(int(y0 - pad), 0), min(int(np.ceil(y1 + pad)), height)
    left, right = max(int(x0 - pad), 0), min(int(np.ceil(x1 + pad)), width)
    crop = image[top:max(bottom, top + 1), left:max(right, left + 1)]
    return np.ascontiguousarray(crop[:, :, :3])
