"""Recapture: a photo of a screen or of a print, instead of a photo of the original.

Three cues, each physical, each measured where it lives:

- **screen moiré**: a camera point-samples a panel's RGB sub-pixel stripes below their Nyquist rate,
  so beats of *colour* appear across blank paper at several scales. Measured as the high-frequency
  chroma energy (|C − blur(C)| at two scales) on native-resolution tiles inside the page: paper and
  black ink carry almost none in a direct photo.
- **colour print**: cyan, magenta and yellow are laid on screens at different angles and never in
  perfect register, so black strokes gain colour fringes whose hue flips from edge to edge. Measured
  as the chroma high-pass *not* explained by the luma high-pass (local regression), at edges of
  neutral ink, relative to the edge energy.
- **mono copy**: a photocopy of a document that carries colour (every seal is red, invoice forms are
  brown, app screens are coloured) has none left. Measured as the 99.5th percentile of saturation on
  the page, on a thumbnail (colour survives downscaling; the desk around the page is masked out).

Each cue becomes a 0–1 score by a logistic ramp around a threshold calibrated on the seed world's
``screen_recapture`` and ``print_recapture`` variants against clean and phone captures of the same
pages (``bench/verification_eval.py``); the recapture score is the largest. Between ``SUSPECT`` and
``THRESHOLD`` the check is inconclusive (``passed=None``), which leaves the evidence ``unknown``. Tiles keep the cost flat:
at most ``_TILES`` native-resolution tiles are read, whatever the photo's size.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from extractors.verify.page import page_quad
from extractors.verify.result import CheckResult

_THUMB = 512
_TILE = 192
_TILES = 12
# Calibrated thresholds (feature value where the cue's score is 0.5) and ramp widths; see module doc.
SCREEN_AT, SCREEN_WIDTH = 5.0, 1.0           # chroma high-frequency energy, grey levels
# Photos of scenes have little black ink but coloured mid-tones, where a print's CMY screens survive
# as colour speckle that the luma does not explain: log10 mean unexplained chroma energy in smooth areas.
SPECKLE_AT, SPECKLE_WIDTH = -0.1, 0.08
FLAT_ENERGY = 100.0                          # local luma energy below which a region counts as smooth
FRINGE_AT, FRINGE_WIDTH = -3.45, 0.04        # log10 unexplained chroma / luma energy at neutral edges
MONO_AT, MONO_WIDTH = 20.0, 3.0              # saturation 99.5th percentile (0–255); a low value is suspect
EDGE_ENERGY = 400.0                          # local luma high-pass energy of a stroke edge
INK_SIGMA = 3.0                              # scale at which an ink's colour is judged
NEUTRAL_INK = 3.0                            # chroma of ink that counts as black or grey
THRESHOLD = 0.5                              # recapture score at or above which the check fails
SUSPECT = 0.15                               # at or above: inconclusive, the evidence stays "unknown"


@dataclass(frozen=True, slots=True)
class RecaptureFeatures:
    chroma_hf: float
    fringe: float
    speckle: float
    saturation: float

    document: bool

    def scores(self) -> dict[str, float]:
        mono = _ramp(-self.saturation, -MONO_AT, MONO_WIDTH)
        if not self.document:
            return {"screen": _ramp(self.chroma_hf, SCREEN_AT, SCREEN_WIDTH),
                    "colour_print": _ramp(self.speckle, SPECKLE_AT, SPECKLE_WIDTH), "mono_copy": mono}
        return {"screen": _ramp(self.chroma_hf, SCREEN_AT, SCREEN_WIDTH),
                "colour_print": _ramp(self.fringe, FRINGE_AT, FRINGE_WIDTH), "mono_copy": mono}

    def score(self) -> float:
        return max(self.scores().values())


def _ramp(value: float, at: float, width: float) -> float:
    return float(1.0 / (1.0 + np.exp(-(value - at) / width)))


def _page_box(image: np.ndarray) -> tuple[np.ndarray | None, tuple[int, int, int, int]]:
    """The page quad (or None) and its bounding box shrunk by 8%, keeping tiles off the page edge."""
    h, w = image.shape[:2]
    quad = page_quad(image)
    if quad is None:
        x0, y0, x1, y1 = 0, 0, w, h
    else:
        x0, y0 = np.maximum(quad.min(axis=0), 0).astype(int)
        x1, y1 = np.minimum(quad.max(axis=0), (w, h)).astype(int)
    dx, dy = int((x1 - x0) * 0.08), int((y1 - y0) * 0.08)
    return quad, (x0 + dx, y0 + dy, x1 - dx, y1 - dy)


def _tiles(image: np.ndarray, box: tuple[int, int, int, int]) -> list[np.ndarray]:
    x0, y0, x1, y1 = box
    size = min(_TILE, x1 - x0, y1 - y0)
    if size < 32:
        return [image]
    cols = max(min(4, (x1 - x0) // size), 1)
    rows = max(min(_TILES // cols, (y1 - y0) // size), 1)
    xs = np.linspace(x0, x1 - size, cols).astype(int)
    ys = np.linspace(y0, y1 - size, rows).astype(int)
    return [image[y:y + size, x:x + size] for y in ys for x in xs]


def _hp(a: np.ndarray, sigma: float) -> np.ndarray:
    return a - cv2.GaussianBlur(a, (0, 0), sigma)


def _tile_stats(tile: np.ndarray) -> tuple[float, float, float, float]:
    """Chroma high-frequency energy, unexplained chroma energy and luma energy at neutral edges, and
    mean unexplained chroma energy where the picture is smooth, of one tile."""
    ycc = cv2.cvtColor(tile, cv2.COLOR_RGB2YCrCb).astype(np.float32)
    y, cr, cb = ycc[..., 0], ycc[..., 1] - 128.0, ycc[..., 2] - 128.0
    chroma_hf = float(np.mean(np.abs(_hp(cr, 2.0)) + np.abs(_hp(cb, 2.0)) + np.abs(_hp(cr, 4.0)) + np.abs(_hp(cb, 4.0)))) / 2
    hy, hr, hb = _hp(y, 1.5), _hp(cr, 1.5), _hp(cb, 1.5)
    blur = lambda a: cv2.GaussianBlur(a, (0, 0), 3.0)  # noqa: E731 — the local window of the regression
    yy = blur(hy * hy) + 1e-3
    unexplained = sum((c - blur(c * hy) / yy * hy) ** 2 for c in (hr, hb))
    # The ink's own colour: chroma weighted by darkness, so thin blue or brown strokes on white paper
    # do not pass for neutral (chroma subsampling smears their colour past the luma edge).
    ink = (255.0 - y) ** 2
    weight = cv2.GaussianBlur(ink, (0, 0), INK_SIGMA) + 1.0
    neutral = np.hypot(cv2.GaussianBlur(cr * ink, (0, 0), INK_SIGMA) / weight,
                       cv2.GaussianBlur(cb * ink, (0, 0), INK_SIGMA) / weight) < NEUTRAL_INK
    edge = neutral & (yy > EDGE_ENERGY)   # strong strokes of grey or black ink
    flat = float(np.mean(unexplained[yy < FLAT_ENERGY])) if (yy < FLAT_ENERGY).any() else 0.0
    if edge.sum() < 50:
        return chroma_hf, 0.0, 0.0, flat
    return chroma_hf, float(unexplained[edge].sum()), float(yy[edge].sum()), flat


def _saturation(image: np.ndarray, quad: np.ndarray | None) -> float:
    h, w = image.shape[:2]
    scale = _THUMB / max(h, w)
    thumb = cv2.resize(image, (max(int(w * scale), 1), max(int(h * scale), 1)), interpolation=cv2.INTER_AREA)
    hsv = cv2.cvtColor(thumb, cv2.COLOR_RGB2HSV)
    mask = hsv[..., 2] > 60                      # saturation is noise in near-black pixels
    if quad is not None:
        page = np.zeros(mask.shape, np.uint8)
        centre = quad.mean(axis=0)
        cv2.fillConvexPoly(page, ((centre + (quad - centre) * 0.95) * scale).astype(np.int32), 1)
        mask &= page.astype(bool)
    values = hsv[..., 1][mask]
    return float(np.percentile(values, 99.5)) if values.size else 0.0


def recapture_features(image: np.ndarray, *, document: bool = True) -> RecaptureFeatures:
    """Measure the cues; ``document=False`` for photos of scenes (assets, shop fronts)."""
    quad, box = _page_box(image)
    stats = [_tile_stats(t) for t in _tiles(image, box)]
    chroma_hf = float(np.median([s[0] for s in stats]))
    unexplained, energy = sum(s[1] for s in stats), sum(s[2] for s in stats)
    fringe = float(np.log10(unexplained / energy + 1e-7)) if energy > 0 else -7.0
    speckle = float(np.log10(np.median([s[3] for s in stats]) + 1e-4))
    return RecaptureFeatures(chroma_hf, fringe, speckle, _saturation(image, quad), document)


def check_recapture(image: np.ndarray, *, document: bool = True) -> CheckResult:
    features = recapture_features(image, document=document)
    scores = features.scores()
    cue, score = max(scores.items(), key=lambda kv: kv[1])
    if score < SUSPECT:
        return CheckResult("recapture", True, "hard", "未见翻拍迹象", "no sign of recapture", score=score)
    if score < THRESHOLD:   # faint cues: not proof of fraud, not proof of a first-hand photo either
        return CheckResult("recapture", None, "hard", "有轻微翻拍迹象，无法确认为原件拍摄",
                           "faint signs of recapture: cannot confirm a first-hand photo", score=score)
    zh = {"screen": "屏幕翻拍（摩尔纹）", "colour_print": "彩色打印件翻拍（套色偏差、色点）", "mono_copy": "黑白复印件翻拍（无彩色）"}
    en = {"screen": "photographed off a screen (moiré)",
          "screen_or_print": "photographed off a screen or a print (high-frequency colour noise)", "colour_print": "photographed off a colour print (colour fringes and dots)",
          "mono_copy": "photographed off a mono photocopy (no colour left)"}
    return CheckResult("recapture", False, "hard", f"疑似{zh[cue]}", en[cue], score=score)
