"""Tampering: a region of the page that does not match the rest of it.

The usual edit covers a printed figure with a patch of "paper", types a new one and saves. The patch
then differs from the page around it in ways printing, scanning and photographing never produce
locally, and each is measured per 16 × 16 block on the full-resolution grey page:

- **paper level**: the patch's paper is a flat shade a few grey levels off the real paper, with sharp
  edges; paper tone and lighting change slowly. A block's paper level (mean of its paper pixels) is
  compared with the blocks ``_REACH`` blocks above *and* below it: a patch is brighter (or darker)
  than both, a gradient is not. Short, wide patches (a retyped figure) are what this is shaped for.
- **noise**: paper, camera and scanner noise is even across a page, a synthetic patch carries noise
  of its own strength. RMS of the residual from a 3×3 median over paper pixels, against the page's
  median block.
Both are turned into robust z-scores (median and MAD over the page's blocks, with a floor so a
perfectly even clean render does not make a trivial difference huge) and summed. The tamper
score is the largest mean over a run of ``_RUN`` neighbouring blocks on one row — a retyped figure is
a row of blocks, a stray mark one block — and its position is reported so a reviewer sees *where*.

Both cues are washed out by a phone capture (blur, resampling, sensor noise, its own JPEG), so where
the OCR document is at hand the retyped figure itself is examined too
(:mod:`extractors.verify.tamper_fields`: its ink is lighter and tinted against the page's print).
Each cue's score is divided by its own threshold and the larger one is the finding: from 1.0 the page
cannot be verified (``passed=None``). Neither cue is fraud evidence on its own: real edits leave
neither reliably (``bench/real_edits.py``), and what proves an edit is what it breaks (sums, capitals,
QR code, registry).
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from extractors.ocr.document import Document
from extractors.verify import tamper_fields
from extractors.verify.page import page_quad
from extractors.verify.result import CheckResult, Severity

BLOCK = 16
_REACH = 3               # blocks above and below a block that serve as its surroundings
_RUN = 4                 # blocks in a row that a finding must span
MIN_PAPER = 0.3          # share of a block that must be paper for its paper statistics to count
INK_SHARE = 0.05         # share of a block that is not paper (strokes) for it to carry ink
LEVEL_FLOOR, NOISE_FLOOR = 0.6, 0.08   # grey levels; log RMS
PAPER_GRADIENT = 30.0    # |∂x| + |∂y| (Sobel, after a σ=1 blur) below which a pixel can be paper
PATCH_THRESHOLD = 16.0   # summed robust z at or above which the block cues fail; see bench/verification_eval.py
# A page is mostly paper: every invoice render and photo of seeds 0 and 1 has ≥ 0.52 of its blocks paper,
# 576 of the 708 real photos of ../shared/photos/train have < 0.3. Below this there is no page to judge.
MIN_PAGE_PAPER = 0.3
THRESHOLD = 1.0          # a finding's score, each cue divided by its own threshold


@dataclass(frozen=True, slots=True)
class TamperFinding:
    score: float                                   # largest anomaly, in units of its cue's threshold
    box: tuple[float, float, float, float]         # where, image-relative (x0, y0, x1, y1)
    cue: str = "patch"                             # "patch" (paper or noise) or "retyped" (an amount's ink)
    text: str = ""                                 # the retyped amount as read, for "retyped"
    paper: float = 1.0                             # share of the image's blocks that are page paper


def _spread(values: np.ndarray, valid: np.ndarray) -> float:
    """Robust standard deviation (1.4826 × MAD) of ``values[valid]``; 0 with fewer than 8 values."""
    if valid.sum() < 8:
        return 0.0
    return 1.4826 * float(np.median(np.abs(values[valid] - np.median(values[valid]))))


def _robust_z(values: np.ndarray, valid: np.ndarray, floor: float) -> np.ndarray:
    if valid.sum() < 8:
        return np.zeros_like(values)
    centre = float(np.median(values[valid]))
    spread = max(_spread(values, valid), floor)
    return np.where(valid, (values - centre) / spread, 0.0)


def _blocks(a: np.ndarray) -> np.ndarray:
    h, w = a.shape
    return a.reshape(h // BLOCK, BLOCK, w // BLOCK, BLOCK).sum(axis=(1, 3))


def _page_mask(image: np.ndarray, h: int, w: int) -> np.ndarray:
    quad = page_quad(image)
    mask = np.zeros((h, w), np.float32)
    if quad is None:
        mask[:] = 1.0
    else:   # the desk around a photographed page is not the page
        centre = quad.mean(axis=0)
        cv2.fillConvexPoly(mask, (centre + (quad - centre) * 0.95).astype(np.int32), 1.0)
    return mask


def tamper_map(image: np.ndarray, *, screenshot: bool = False) -> np.ndarray:
    """Summed robust z per block (rows × columns of ``BLOCK`` pixels).

    ``screenshot``: a born-digital screen (payment app) is flat colour panels with sharp steps by
    design and no paper, so only the noise cue applies: any noise at all is foreign to it."""
    return _block_map(image, screenshot)[0]


def _block_map(image: np.ndarray, screenshot: bool) -> tuple[np.ndarray, float]:
    """``tamper_map`` and the share of blocks that are page paper."""
    h, w = image.shape[:2]
    h, w = h - h % BLOCK, w - w % BLOCK
    rgb = image[:h, :w]
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    y = grey.astype(np.float32)
    smooth = cv2.GaussianBlur(y, (0, 0), 1.0)
    saturation = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)[..., 1]
    inside = _page_mask(image, h, w)
    local_paper = cv2.dilate(smooth, np.ones((9, 9), np.uint8))
    gradient = np.abs(cv2.Sobel(smooth, cv2.CV_32F, 1, 0)) + np.abs(cv2.Sobel(smooth, cv2.CV_32F, 0, 1))
    # Flat (next to a stroke a 3×3 median is pulled down by the stroke, and paper there looks like a
    # bright speck), bright for its neighbourhood, and not coloured (seals and forms are not paper).
    paper_like = ((smooth > local_paper - 10) & (gradient < PAPER_GRADIENT) & (saturation < 60)).astype(np.float32)
    paper = paper_like * inside
    count = _blocks(paper)
    page_blocks = _blocks(inside) >= BLOCK * BLOCK * 0.9
    valid = (count >= MIN_PAPER * BLOCK * BLOCK) & page_blocks
    safe = np.maximum(count, 1.0)
    level = _blocks(y * paper) / safe
    residual = y - cv2.medianBlur(grey, 3).astype(np.float32)
    noise = np.log(np.sqrt(_blocks(residual ** 2 * paper) / safe) + 0.5)

    # Level against the blocks above and below: a patch stands out from both, a gradient from one.
    pad = np.pad(np.where(valid, level, np.nan), ((_REACH, _REACH), (0, 0)), constant_values=np.nan)
    up, down = pad[:-2 * _REACH], pad[2 * _REACH:]
    step_valid = valid & ~np.isnan(up) & ~np.isnan(down)
    up, down = np.where(step_valid, up, level), np.where(step_valid, down, level)
    step = np.maximum(np.minimum(level - up, level - down), np.minimum(up - level, down - level))

    # JPEG's error sits in the 8×8 cells that hold strokes (ringing), on every such cell of the page:
    # the spread of noise over the blocks that carry ink is the page's own coding noise, and a block
    # is judged against it. A PNG render or a scan has ink blocks as quiet or as noisy as its paper,
    # and the spread stays at its floor; a pasted patch is noisier than the page's inked blocks.
    inked = valid & (_blocks(1.0 - paper_like) > INK_SHARE * BLOCK * BLOCK)
    noise_z = np.abs(_robust_z(noise, valid, max(NOISE_FLOOR, _spread(noise, inked))))
    share = float(valid.mean()) if valid.size else 0.0
    if screenshot:
        return noise_z, share
    return _robust_z(step, step_valid, LEVEL_FLOOR).clip(min=0) + noise_z, share


def find_patch(image: np.ndarray, *, screenshot: bool = False) -> TamperFinding:
    """The block cues alone; ``score`` is the summed robust z (fails at ``PATCH_THRESHOLD``)."""
    anomaly, share = _block_map(image, screenshot)
    if anomaly.shape[1] < _RUN:
        return TamperFinding(0.0, (0.0, 0.0, 1.0, 1.0), paper=share)
    kernel = np.ones((1, _RUN), np.float32) / _RUN
    runs = cv2.filter2D(anomaly.astype(np.float32), -1, kernel, anchor=(0, 0), borderType=cv2.BORDER_CONSTANT)
    by, bx = np.unravel_index(int(np.argmax(runs)), runs.shape)
    h, w = image.shape[:2]
    box = (bx * BLOCK / w, by * BLOCK / h, (bx + _RUN) * BLOCK / w, (by + 1) * BLOCK / h)
    return TamperFinding(float(runs[by, bx]), tuple(round(v, 4) for v in box), paper=share)


def find_tamper(image: np.ndarray, *, screenshot: bool = False, document: Document | None = None) -> TamperFinding:
    """The stronger of the block cues and, given the OCR ``document`` of ``image``, the retyped-amount
    cue; ``score`` is in units of the threshold of the cue that found it."""
    patch = find_patch(image, screenshot=screenshot)
    patch = TamperFinding(patch.score / PATCH_THRESHOLD, patch.box, paper=patch.paper)
    if document is None:
        return patch
    field = tamper_fields.find_retyped_amount(image, document)
    if field.score / tamper_fields.THRESHOLD <= patch.score:
        return patch
    return TamperFinding(field.score / tamper_fields.THRESHOLD, field.box, "retyped", field.text, patch.paper)


def check_tamper(image: np.ndarray, *, screenshot: bool = False, severity: Severity = "hard",
                 document: Document | None = None) -> CheckResult:
    """``severity``: "soft" for documents printed on a security background (guilloche), whose fine
    curves the noise cue can mistake for a patch; see ``verifier.GUILLOCHE``. ``document``: the OCR of
    ``image``, which adds the retyped-amount cue (default: ``None``, block cues only). An image with
    less than ``MIN_PAGE_PAPER`` of its blocks paper has no page to judge: ``passed=None``."""
    finding = find_tamper(image, screenshot=screenshot, document=document)
    x0, y0, x1, y1 = finding.box
    where = f"({x0:.2f}, {y0:.2f})–({x1:.2f}, {y1:.2f})"
    score = round(finding.score, 3)
    if not screenshot and finding.paper < MIN_PAGE_PAPER:
        # A scene, not a page (an asset photo taken for a document): nothing here was printed to edit.
        return CheckResult("tamper", None, severity, "图中未见纸张页面，无法判断局部篡改",
                           "no paper page in the image; local tampering cannot be judged", score=score)
    if finding.score < THRESHOLD:
        return CheckResult("tamper", True, severity, "未见局部篡改迹象", "no locally inconsistent region",
                           score=score)
    if finding.cue == "retyped":
        # Ink lightness and tint are weak cues: a thin face at a chat app's 720 px reads lighter too, and
        # real edits retyped in the page's own black show neither (bench/real_edits.py). They leave the
        # evidence unverified and ask for the original; the QR and the sums are what prove an edit.
        return CheckResult("retyped_amount", None, severity,
                           f"金额“{finding.text}”的字迹与页面其余印刷不一致（墨色），无法确认未被改写，请上传原件，位置 {where}",
                           f"the amount {finding.text!r} is printed in another ink than the rest of the page: "
                           f"cannot confirm it was not retyped, at {where}", score=score)
    # The block cues are weak too: they find our renderer's pasted patches, but none of the real edits
    # of bench/real_edits.py (copy-move, inpaint-and-retype, splice: 0 of 108 at the operating point),
    # while an honest page's stray block pair can reach the threshold (bench/honest_review.py, seed 3).
    # Real edits are proved by what they break: the sums, the capitals, the QR code, the registry.
    return CheckResult("tamper", None, severity, f"局部区域与页面其余部分不一致（纸色或噪声），无法确认未被改动，请上传原件，位置 {where}",
                       f"a region is inconsistent with the rest of the page (paper or noise): cannot confirm it "
                       f"was not edited, at {where}", score=score)
