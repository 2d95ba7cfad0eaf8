"""Recapture: a photo of a screen or of a print, instead of a photo of the original.

Cues, each physical, measured on native-resolution tiles (at most ``_TILES``, so the cost is flat):

- **colour beats** (``beat``): a camera samples a panel's sub-pixel grid or a print's CMY dot screens
  below their Nyquist rate, so *colour* beats appear where the picture is smooth. In a direct photo the
  chroma that has fine detail follows the luma (an object edge is an edge in both), so the measure is
  the band-pass chroma that a local regression on the band-pass luma does *not* explain.
- **periodic spectrum** (``chroma_peak``, ``luma_peak``, ``lattice``): a screen grid, a halftone screen and their
  aliases are periodic: isolated lines in a tile's power spectrum, far above their neighbourhood.
  Natural periodic scenes (shelves, pallets, grilles) make luma lines too, but their chroma follows
  the luma, so the chroma line is taken on the chroma left unexplained by the luma; and they are
  one-dimensional gratings, while pixel grids and dot screens are two-dimensional lattices, so
  ``lattice`` is the weaker of the strongest luma line and its partner at 90° (``luma_peak``, the
  strongest line alone, still carries a panel's sub-pixel stripes).
- **colour speckle** (``speckle``): stochastic (inkjet) and aliased halftone dots leave fine chroma
  noise in smooth areas that the luma does not explain.
- **black level** (``black``, ``shadow``, ``veil``): a lit panel, or paper under a lamp, never reaches
  black: the darkest 0.5% and 5% of the picture's luma, and the 10th percentile of its dark channel
  (the least of R, G, B over a 15 px neighbourhood, He et al.'s haze prior): a scene's shadows reach
  near zero in every channel, a veil of panel glow or lamp light lifts them all.
- **contrast** (``contrast``): paper reflects between ~3% and ~90% of the light and a photographed
  panel spans little more, while a scene spans far more than a camera records (it clips at both
  ends): the 0.5–99.5 percentile luma range, and its top (``white``: a panel's white, or paper's, is
  not a clipped highlight).
- **mono copy** (``saturation``, documents): a photocopy of a document that carries colour (seals,
  forms) has none left (99.5th percentile of saturation on a thumbnail). A scene may be grey by
  nature (pallets, concrete), so on photos saturation only enters the models: the glow and lifted
  black of a screen, and paper white, dilute a recapture's colour.
- **colour-print fringes** (``fringe``, documents): CMY screens out of register give black strokes
  colour fringes the luma does not explain.

Screen and print each have a logistic model per subject over the cues of ``MODEL_CUES``, fitted by
``python -m api.calibration.recapture_fit``: for photos on a calibration half of real genuine photos
(and their messaging-app transformations) against physically simulated recaptures of the same half;
for documents, lacking real ones, on the seed's sample worlds (``recapture_model.json``; credits in
``recapture_model.NOTICE.md``). Mono copy is a ramp. The recapture score is the largest. From
``SUSPECT`` (the genuine 98th percentile, and every class's 95th) the check is inconclusive
(``passed=None``, the evidence stays ``unknown``: a recapture gets nothing from it, and an honest
merchant is asked for another photo); it fails, which is fraud evidence, only from ``THRESHOLD``,
beyond every genuine calibration image and 4.5 genuine spreads above their median (the tail beyond
the highest of a thousand is extrapolated): a score that genuine photos also reach is a weak cue, and a
weak cue never declines a merchant. On documents, fitted on our own renders only, that leaves a
recapture could-not-verify nearly always: its content checks (QR, sums, registry) decide fraud.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import numpy as np

from extractors.verify.page import page_quad
from extractors.verify.result import CheckResult

_MODEL = Path(__file__).with_name("recapture_model.json")
_THUMB = 512
_TILE = 128
_TILES = 16
MONO_AT, MONO_WIDTH = 20.0, 3.0              # saturation 99.5th percentile (0–255); a low value is suspect
EDGE_ENERGY = 400.0                          # local luma high-pass energy of a stroke edge
FLAT_ENERGY = 100.0                          # local luma energy below which a region counts as smooth
INK_SIGMA = 3.0                              # scale at which an ink's colour is judged
NEUTRAL_INK = 3.0                            # chroma of ink that counts as black or grey
THRESHOLD = 0.5                              # recapture score at or above which the check fails
SUSPECT = 0.15                               # at or above: inconclusive, the evidence stays "unknown"
# The cues each model reads. On a document the black level says nothing (paper is mostly white, and
# its darkest 0.5% is paper too); its ink edges carry the colour-print fringes instead.
MODEL_CUES = {"photo": ("beat", "chroma_peak", "luma_peak", "lattice", "speckle", "black", "contrast", "saturation",
                        "shadow", "veil", "white"),
              "document": ("beat", "chroma_peak", "luma_peak", "lattice", "speckle", "contrast", "saturation",
                           "fringe")}


@dataclass(frozen=True, slots=True)
class RecaptureFeatures:
    beat: float
    chroma_peak: float
    luma_peak: float
    lattice: float
    speckle: float
    black: float
    contrast: float
    saturation: float
    fringe: float
    shadow: float
    veil: float
    white: float
    document: bool

    @property
    def subject(self) -> str:
        return "document" if self.document else "photo"

    def vector(self) -> np.ndarray:
        return np.array([getattr(self, name) for name in MODEL_CUES[self.subject]], dtype=np.float64)

    def scores(self) -> dict[str, float]:
        models = _model()[self.subject]
        x = self.vector()
        scores = {cue: _logistic(x, models[cue]) for cue in ("screen", "print")}
        if self.document:   # a document carries colour (seals, forms); a scene may be grey by nature
            scores["mono_copy"] = _ramp(-self.saturation, -MONO_AT, MONO_WIDTH)
        return scores

    def score(self) -> float:
        return max(self.scores().values())


@cache
def _model() -> dict[str, dict]:
    return json.loads(_MODEL.read_text(encoding="utf-8"))


def _logistic(x: np.ndarray, model: dict) -> float:
    z = (x - np.asarray(model["mean"])) / np.asarray(model["scale"])
    return float(1.0 / (1.0 + np.exp(-(float(np.dot(model["coef"], z)) + model["intercept"]))))


def _ramp(value: float, at: float, width: float) -> float:
    return float(1.0 / (1.0 + np.exp(-(value - at) / width)))


def _page_box(image: np.ndarray, document: bool) -> tuple[np.ndarray | None, tuple[int, int, int, int]]:
    """The page quad (or None) and its bounding box shrunk by 8%, keeping tiles off the page edge. A
    scene has no page: a bright region in it (a wall of cartons, a white truck) is part of the picture,
    and measuring its black level and contrast alone would make any bright object look like a lit panel."""
    h, w = image.shape[:2]
    quad = page_quad(image) if document else None
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
    tiles = [image[y:y + size, x:x + size] for y in ys for x in xs]
    # Letterbox bars and blank borders carry no picture: a tile with no texture says nothing.
    textured = [t for t in tiles if float(t.std()) > 2.0]
    return textured or tiles


def _blur(a: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(a, (0, 0), sigma)


def _unexplained(band_c: np.ndarray, band_y: np.ndarray, yy: np.ndarray, window: float) -> np.ndarray:
    """Chroma band left after a local least-squares fit on the luma band (chroma that follows luma)."""
    return band_c - _blur(band_c * band_y, window) / yy * band_y


_HANN = np.outer(np.hanning(_TILE), np.hanning(_TILE)).astype(np.float32)
_FY, _FX = np.meshgrid(np.fft.fftfreq(_TILE), np.fft.rfftfreq(_TILE), indexing="ij")
_RADIUS = np.hypot(_FY, _FX)
_BAND = (_RADIUS > 0.04) & (_RADIUS < 0.48)


def _ratio(a: np.ndarray) -> np.ndarray | None:
    """Power spectrum of a tile over its own neighbourhood's median: a periodic pattern stands out by
    orders of magnitude, noise and natural texture (whose spectra fall smoothly, 1/f²) by about one."""
    if a.shape != (_TILE, _TILE):
        return None
    power = (np.abs(np.fft.rfft2((a - a.mean()) * _HANN)) ** 2).astype(np.float32)
    local = cv2.medianBlur(power, 5)
    return power / (local + 1e-3 * float(power.mean()) + 1e-6)


def _peak(a: np.ndarray) -> float:
    """log10 of the strongest spectral line in the band beyond the picture's low frequencies."""
    ratio = _ratio(a)
    return 0.0 if ratio is None else float(np.log10(max(float(ratio[_BAND].max()), 1.0)))


def _lattice(a: np.ndarray) -> float:
    """log10 of the weaker of the strongest spectral line and its partner at 90°. Dot screens and
    pixel grids are two-dimensional lattices, lines in both directions; pallet slats, shelves and
    grilles are one-dimensional gratings, lines in one direction only."""
    ratio = _ratio(a)
    if ratio is None:
        return 0.0
    band = np.where(_BAND, ratio, 0.0)
    iy, ix = np.unravel_index(int(np.argmax(band)), band.shape)
    fy = iy if iy < _TILE // 2 else iy - _TILE                     # signed vertical frequency
    ry, rx = (-ix, fy) if fy >= 0 else (ix, -fy)                   # turned 90°, in the stored half-plane
    partner = max(float(ratio[(ry + dy) % _TILE, rx + dx]) for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                  if 0 <= rx + dx < ratio.shape[1])
    return float(np.log10(max(min(float(band[iy, ix]), partner), 1.0)))


def _tile_stats(tile: np.ndarray) -> tuple[float, ...]:
    ycc = cv2.cvtColor(tile, cv2.COLOR_RGB2YCrCb).astype(np.float32)
    y, cr, cb = ycc[..., 0], ycc[..., 1] - 128.0, ycc[..., 2] - 128.0
    # Detail finer than 4 px: where a sampled grid and its beats land, above the scene's smooth colour.
    by = y - _blur(y, 4.0)
    yy = _blur(by * by, 4.0) + 1.0
    res = [_unexplained(c - _blur(c, 4.0), by, yy, 4.0) for c in (cr, cb)]
    beat = float(np.mean(res[0] ** 2 + res[1] ** 2))
    chroma_peak = max(_peak(res[0]), _peak(res[1]))
    luma_peak, lattice = _peak(by), _lattice(by)
    # Finest scale, smooth areas only: colour speckle of dots.
    hy = y - _blur(y, 1.5)
    hyy = _blur(hy * hy, 3.0) + 1e-3
    fine = sum(_unexplained(c - _blur(c, 1.5), hy, hyy, 3.0) ** 2 for c in (cr, cb))
    flat = hyy < FLAT_ENERGY
    speckle = float(np.mean(fine[flat])) if flat.any() else 0.0
    # Colour-print fringes at neutral ink edges (documents): unexplained chroma over luma energy.
    ink = (255.0 - y) ** 2
    weight = _blur(ink, INK_SIGMA) + 1.0
    neutral = np.hypot(_blur(cr * ink, INK_SIGMA) / weight, _blur(cb * ink, INK_SIGMA) / weight) < NEUTRAL_INK
    edge = neutral & (hyy > EDGE_ENERGY)
    if edge.sum() < 50:
        return beat, chroma_peak, luma_peak, lattice, speckle, 0.0, 0.0
    return beat, chroma_peak, luma_peak, lattice, speckle, float(fine[edge].sum()), float(hyy[edge].sum())


@dataclass(frozen=True, slots=True)
class _Tone:
    saturation: float    # 99.5th percentile of saturation (0–255): colour survives downscaling
    black: float         # 0.5th percentile of luma (0–255)
    shadow: float        # 5th percentile of luma
    veil: float          # 10th percentile of the dark channel
    white: float         # 99.5th percentile of luma


def _thumb_stats(image: np.ndarray, quad: np.ndarray | None) -> _Tone:
    """Colour and tone on a thumbnail of the page (the desk masked out). For the black level, exact-black
    letterbox bars and borders are not picture."""
    h, w = image.shape[:2]
    scale = _THUMB / max(h, w)
    thumb = cv2.resize(image, (max(int(w * scale), 1), max(int(h * scale), 1)), interpolation=cv2.INTER_AREA)
    hsv = cv2.cvtColor(thumb, cv2.COLOR_RGB2HSV)
    page = np.ones(hsv.shape[:2], bool)
    if quad is not None:
        mask = np.zeros(hsv.shape[:2], np.uint8)
        centre = quad.mean(axis=0)
        cv2.fillConvexPoly(mask, ((centre + (quad - centre) * 0.95) * scale).astype(np.int32), 1)
        page = mask.astype(bool) if mask.any() else page
    lit = page & (hsv[..., 2] > 60)                       # saturation is noise in near-black pixels
    saturation = float(np.percentile(hsv[..., 1][lit], 99.5)) if lit.any() else 0.0
    grey = cv2.cvtColor(thumb, cv2.COLOR_RGB2GRAY)[page]
    shadow, white = np.percentile(grey, (5.0, 99.5))           # clipped shadows are the scene's own
    picture = grey[grey > 0]
    black = float(np.percentile(picture, 0.5)) if picture.size else 0.0
    veil = float(np.percentile(cv2.erode(thumb.min(axis=2), np.ones((15, 15), np.uint8))[page], 10))
    return _Tone(saturation, float(black), float(shadow), veil, float(white))


def recapture_features(image: np.ndarray, *, document: bool = True) -> RecaptureFeatures:
    """Measure the cues; ``document=False`` for photos of scenes (assets, shop fronts)."""
    quad, box = _page_box(image, document)
    stats = np.array([_tile_stats(t) for t in _tiles(image, box)])
    beat = float(np.log10(np.median(stats[:, 0]) + 0.01))
    chroma_peak = float(np.percentile(stats[:, 1], 75))
    luma_peak, lattice = (float(v) for v in np.percentile(stats[:, 2:4], 75, axis=0))
    speckle = float(np.log10(np.median(stats[:, 4]) + 1e-4))
    energy = stats[:, 6].sum()
    fringe = float(np.log10(stats[:, 5].sum() / energy + 1e-7)) if energy > 0 else -7.0
    tone = _thumb_stats(image, quad)
    return RecaptureFeatures(beat, chroma_peak, luma_peak, lattice, speckle, float(np.log10(tone.black + 1.0)),
                             (tone.white - tone.black) / 255.0, tone.saturation, fringe,
                             float(np.log10(tone.shadow + 1.0)), float(np.log10(tone.veil + 1.0)), tone.white / 255.0,
                             document)


_ZH = {"screen": "屏幕翻拍（摩尔纹、像素栅格、屏幕发光）", "print": "打印件翻拍（网点、色点、套色偏差）",
       "mono_copy": "黑白复印件翻拍（无彩色）"}
_EN = {"screen": "photographed off a screen (moiré, pixel grid, panel glow)",
       "print": "photographed off a print (halftone dots, colour speckle, colour fringes)",
       "mono_copy": "photographed off a mono photocopy (no colour left)"}


def check_recapture(image: np.ndarray, *, document: bool = True, colour_expected: bool = True) -> CheckResult:
    """``colour_expected=False`` for documents that may be black ink on plain or tinted paper (a
    delivery note from a carbonless pad carries no seal): the mono-copy cue has nothing to go on."""
    scores = recapture_features(image, document=document).scores()
    if not colour_expected:
        scores.pop("mono_copy", None)
    cue, score = max(scores.items(), key=lambda kv: kv[1])
    if score < SUSPECT:
        return CheckResult("recapture", True, "hard", "未见翻拍迹象", "no sign of recapture", score=score)
    if score < THRESHOLD:   # faint cues: not proof of fraud, not proof of a first-hand photo either
        return CheckResult("recapture", None, "hard", f"有轻微{_ZH[cue]}迹象，无法确认为原件拍摄",
                           f"faint signs of being {_EN[cue]}: cannot confirm a first-hand photo", score=score)
    return CheckResult("recapture", False, "hard", f"疑似{_ZH[cue]}", _EN[cue], score=score)
