"""A PDF page's text layer as PDFium reads it: characters grouped into lines and words, as OCR groups spans.

Online-banking statements and e-invoices are born digital: their text is drawn as PDF text, and reading
it costs milliseconds where OCR costs seconds. What is read here is only a claim about the page, which
the pipeline checks against the rendered pixels before it believes it (``extractors.pipeline.text_trust``).
Intake already drops what no one can see, and counts it in ``hidden_chars`` so a page that hides text
is never trusted: characters drawn in an invisible render mode (a scanner's OCR layer under its scan,
a forger's genuine text under an edited image), fully transparent, outside the page, or whose word
shows no ink against what is rendered beneath it (white on white, covered by an image).

Geometry is relative to the page, docTR-style, like OCR's: ``((xmin, ymin), (xmax, ymax))`` in [0, 1].
"""
from __future__ import annotations

import ctypes
import time
from dataclasses import dataclass

import numpy as np

BoundingBox = tuple[tuple[float, float], tuple[float, float]]

MAX_TEXT_CHARS = 20_000  # a dense A4 statement page holds ~2,500; more is not a document to read as text
ROW_TOLERANCE = 0.5      # characters share a line when their centres differ by under half a line height
WORD_GAP = 0.6           # a gap wider than 0.6 line heights ends a word: OCR's detector splits spans there
INK_CONTRAST = 48        # grey levels from the word box's background that count as ink
MIN_INK = 0.02           # share of a word box's pixels that must be ink for the word to be visible
_INVISIBLE_MODES = (3, 7)  # FPDF_TEXTRENDERMODE_INVISIBLE and CLIP: drawn without paint


@dataclass(frozen=True, slots=True)
class TextWord:
    value: str
    geometry: BoundingBox


@dataclass(frozen=True, slots=True)
class TextLine:
    words: tuple[TextWord, ...]
    geometry: BoundingBox


@dataclass(frozen=True, slots=True)
class TextLayer:
    """The visible text of one page, top to bottom, words left to right.

    ``hidden_chars`` counts characters the page holds but does not show; any makes the layer untrusted.
    """

    lines: tuple[TextLine, ...]
    hidden_chars: int

    @property
    def words(self) -> tuple[TextWord, ...]:
        return tuple(w for line in self.lines for w in line.words)


@dataclass(frozen=True, slots=True)
class _Char:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float  # pixels of the rendered page, y down

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


class TextLayerTooSlow(Exception):
    """Reading the characters went past the page's CPU budget (raised with the seconds spent)."""


def read_text_layer(page, image: np.ndarray, *, deadline: float) -> TextLayer | None:
    """The page's text layer, or None when it has none, is rotated, or holds over ``MAX_TEXT_CHARS``.

    Args:
        page: A ``pypdfium2.PdfPage``, the one ``image`` was rendered from.
        image: The page rendered, RGB ``(H, W, 3)``; words are checked for ink against it.
        deadline: ``time.thread_time()`` past which reading stops with ``TextLayerTooSlow``.
    """
    import pypdfium2.raw as pdfium_c

    if page.get_rotation() % 360:
        return None  # rotated pages keep OCR: their character boxes are in unrotated space
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0 or count > MAX_TEXT_CHARS:
            return None
        left, bottom, right, top = page.get_bbox()
        height, width = image.shape[:2]
        sx, sy = width / (right - left), height / (top - bottom)
        chars: list[_Char | None] = []  # None: whitespace, kept as a break inside a line
        hidden = 0
        alpha = ctypes.c_uint()
        rgb = [ctypes.c_uint() for _ in range(3)]
        for index in range(count):
            if index % 512 == 0 and time.thread_time() > deadline:
                raise TextLayerTooSlow()
            text = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
            if text.isspace() or pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1:
                chars.append(None)
                continue
            mode = pdfium_c.FPDFTextObj_GetTextRenderMode(pdfium_c.FPDFText_GetTextObject(textpage.raw, index))
            painted = pdfium_c.FPDFText_GetFillColor(textpage.raw, index, *rgb, alpha) and alpha.value > 0
            x0, y0, x1, y1 = textpage.get_charbox(index, loose=True)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if mode in _INVISIBLE_MODES or not painted or not (left <= cx <= right and bottom <= cy <= top):
                hidden += 1
                continue
            chars.append(_Char(text, (x0 - left) * sx, (top - y1) * sy, (x1 - left) * sx, (top - y0) * sy))
    finally:
        textpage.close()
    lines, unseen = _visible_lines(_lines(chars), image)
    if not lines and not hidden + unseen:
        return None
    return TextLayer(lines=lines, hidden_chars=hidden + unseen)


def _lines(chars: list[_Char | None]) -> list[list[list[_Char]]]:
    """Characters into rows (by centre height) and rows into words (split at wide gaps and spaces)."""
    placed = [c for c in chars if c is not None]
    spaced = {id(c) for prev, c in zip(chars, chars[1:]) if prev is None and c is not None}
    placed.sort(key=lambda c: c.cy)
    rows: list[list[_Char]] = []
    y_sum = low = 0.0  # the last row's running centre sum and lowest height: linear in the characters
    for char in placed:
        if rows and abs(char.cy - y_sum / len(rows[-1])) < ROW_TOLERANCE * min(char.height, low):
            rows[-1].append(char)
            y_sum, low = y_sum + char.cy, min(low, char.height)
            continue
        rows.append([char])
        y_sum, low = char.cy, char.height
    out = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        words: list[list[_Char]] = [[row[0]]]
        for prev, char in zip(row, row[1:]):
            if char.x0 - prev.x1 > WORD_GAP * min(prev.height, char.height):
                words.append([char])
            else:
                if id(char) in spaced and char.x0 - prev.x1 > 0.1 * char.height:
                    words[-1].append(_Char(" ", prev.x1, prev.y0, char.x0, prev.y1))
                words[-1].append(char)
        out.append(words)
    return out


def _visible_lines(rows: list[list[list[_Char]]], image: np.ndarray) -> tuple[tuple[TextLine, ...], int]:
    """Words with ink under them, relative to the page; and how many characters showed none."""
    height, width = image.shape[:2]
    grey = image.mean(axis=2, dtype=np.float32) if image.ndim == 3 else image.astype(np.float32)
    lines, unseen = [], 0
    for row in rows:
        words = []
        for chars in row:
            x0, y0 = min(c.x0 for c in chars), min(c.y0 for c in chars)
            x1, y1 = max(c.x1 for c in chars), max(c.y1 for c in chars)
            if not _inked(grey, x0, y0, x1, y1):
                unseen += sum(1 for c in chars if c.text != " ")
                continue
            box = ((_clip(x0 / width), _clip(y0 / height)), (_clip(x1 / width), _clip(y1 / height)))
            words.append(TextWord("".join(c.text for c in chars), box))
        if words:
            lines.append(TextLine(tuple(words), ((min(w.geometry[0][0] for w in words),
                                                  min(w.geometry[0][1] for w in words)),
                                                 (max(w.geometry[1][0] for w in words),
                                                  max(w.geometry[1][1] for w in words)))))
    return tuple(lines), unseen


def _inked(grey: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> bool:
    crop = grey[max(int(y0), 0):max(int(np.ceil(y1)), 0), max(int(x0), 0):max(int(np.ceil(x1)), 0)]
    if crop.size == 0:
        return False
    ink = np.abs(crop - np.median(crop)) > INK_CONTRAST
    return float(ink.mean()) >= MIN_INK


def _clip(value: float) -> float:
    return min(max(value, 0.0), 1.0)
