"""The invoice's own QR code against what is printed beside it.

China's VAT invoices and e-invoices carry a QR code whose comma-separated payload repeats the invoice
type, code, number, pre-tax amount (合计金额), issue date and check code:
``01,<type>,<code>,<number>,<amount>,<yyyymmdd>,<check code>,<crc>``. Editing the printed figures in an
image editor leaves the QR as issued (re-encoding it is possible, but forgers edit what people read),
so a printed number, amount or date that disagrees with the QR's is a format-level proof of an edit.
A QR that cannot be found or read proves nothing either way: the check is then inconclusive.

Reading is bounded (median ~16 ms, worst ~110 ms of CPU): real invoices print the QR in the page's
top-left corner, so only that region is read, after flattening the page (``page_quad``) and resampling
it to a page width of 2200 px: a phone photo's modules, ~2.5 px wide and blurred, become ~5 px.
OpenCV's detectors often locate such a code yet misread its blurred modules (they binarise the whole
region), so the code is first sampled on its own module grid (the three finder patterns give the
module and the version, the alignment pattern the far corner), thresholded module by module and
redrawn crisp for the decoder; then the region, unsharp-masked, goes to ``QRCodeDetector`` and
``QRCodeDetectorAruco``. Reed-Solomon and the payload's format keep wrong reads out: none in
``bench/invoice_qr_read.py`` at seeds 0-3, none on the real photos. A chat app's 720 px send leaves
~1.6 px modules: about 4 in 10 phone captures are then unreadable (the figures are in the README).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from itertools import combinations

import cv2
import numpy as np

from extractors.fields.records import InvoiceRecord
from extractors.ocr.document import Document
from extractors.verify.page import page_quad
from extractors.verify.result import CheckResult

_PAYLOAD = re.compile(r"^01,(\d{2}),(\d*),(\d{8}|\d{20}),(\d+\.\d{2}),(\d{8}),(\d*),")
_REGION = (0.36, 0.42)   # share of the page's width and height read: the QR sits top-left
_PAGE_WIDTH = 2200.0     # the page is resampled to this width: a QR ~1/10 of it has modules of ~5 px
_CELL = 4                # pixels per module when the code is sampled on its grid
_VERSIONS = range(21, 178, 4)   # QR side in modules: 17 + 4 × version
_NUMBER_LABEL = "发票号码"
_DIGITS = re.compile(r"\d[\d.,:·\s]{6,}\d")   # a run of digits the OCR may have broken with stray marks


@dataclass(frozen=True, slots=True)
class InvoiceQr:
    kind: str            # 01 special, 04 ordinary, 10 e-ordinary, 31/32 fully digital special/ordinary
    code: str | None     # 发票代码; None on fully digital invoices
    number: str
    amount: float        # 合计金额, before tax
    issued: date
    check_code: str | None


def parse(text: str) -> InvoiceQr | None:
    m = _PAYLOAD.match(text.strip())
    if m is None:
        return None
    kind, code, number, amount, day, check = m.groups()
    try:
        issued = datetime.strptime(day, "%Y%m%d").date()
    except ValueError:
        return None
    return InvoiceQr(kind, code or None, number, float(amount), issued, check or None)


Detectors = tuple[cv2.QRCodeDetector, cv2.QRCodeDetectorAruco]


def _decode(detectors: Detectors, grey: np.ndarray) -> InvoiceQr | None:
    """The first invoice payload either detector reads: the standard one fails on some codes the
    Aruco one reads, even perfectly drawn ones, and the reverse on blurred ones."""
    for detector in detectors:
        try:
            text, points, _ = detector.detectAndDecode(grey)
        except cv2.error:   # degenerate detections raise inside OpenCV rather than return nothing
            continue
        found = parse(text) if points is not None else None
        if found is not None:
            return found
    return None


def _flat_corner(grey: np.ndarray) -> np.ndarray:
    """The page's top-left region, fronto-parallel, at a page width of ``_PAGE_WIDTH``. A scan or a
    page that fills the frame is its own page."""
    h, w = grey.shape
    quad = page_quad(grey)
    if quad is None:
        quad = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    width = max(np.linalg.norm(quad[1] - quad[0]), np.linalg.norm(quad[2] - quad[3]))
    height = max(np.linalg.norm(quad[3] - quad[0]), np.linalg.norm(quad[2] - quad[1]))
    scale = _PAGE_WIDTH / width
    out_w, out_h = int(_PAGE_WIDTH), int(height * scale)
    flat = cv2.getPerspectiveTransform(quad, np.float32([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]]))
    return cv2.warpPerspective(grey, flat, (int(out_w * _REGION[0]), int(out_h * _REGION[1])),
                               flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


@dataclass(frozen=True, slots=True)
class _Finder:
    x: float
    y: float
    side: float          # 7 modules


def _finders(grey: np.ndarray) -> list[_Finder]:
    """Finder patterns: a square dark ring holding a dark square 3/7 its side (contours nested twice)."""
    ink = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 41, 10)
    contours, hierarchy = cv2.findContours(ink, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    found = []
    for outer, (_, _, child, _) in zip(contours, hierarchy[0]):
        if child < 0 or hierarchy[0][child][2] < 0:
            continue
        x, y, w, h = cv2.boundingRect(outer)
        inner = cv2.boundingRect(contours[hierarchy[0][child][2]])
        if w >= 10 and 0.7 < w / h < 1.4 and cv2.contourArea(outer) > 0.7 * w * h and 0.25 < inner[2] / w < 0.65:
            found.append(_Finder(x + w / 2, y + h / 2, (w + h) / 2))
    return found


def _corners(finders: list[_Finder]) -> tuple[np.ndarray, np.ndarray, np.ndarray, float] | None:
    """Top-left, top-right and bottom-left finder centres of one code (similar sizes, a right angle,
    equal arms; the most equal arms win) and the module size, or None."""
    best = None
    for trio in combinations(finders, 3):
        sides = [f.side for f in trio]
        if max(sides) > 1.3 * min(sides):
            continue
        points = np.array([(f.x, f.y) for f in trio])
        for k in range(3):
            a, b = points[(k + 1) % 3] - points[k], points[(k + 2) % 3] - points[k]
            la, lb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
            if la < 2 * min(sides) or abs(la - lb) > 0.1 * max(la, lb) or abs(a @ b) / (la * lb) > 0.1:
                continue
            right, down = (a, b) if a[0] * b[1] - a[1] * b[0] > 0 else (b, a)   # image y points down
            if best is None or abs(la - lb) < best[0]:
                best = (abs(la - lb), points[k], points[k] + right, points[k] + down, float(np.mean(sides)) / 7)
    return None if best is None else best[1:]


def _alignment(grey: np.ndarray, to_image: np.ndarray, n: int, pitch: float) -> np.ndarray | None:
    """Centre of the alignment pattern (5×5 modules: dark ring, light ring, dark centre, at module
    n − 6.5 both ways) within two modules of where the finders' affine grid puts it, or None. It fixes
    the grid's fourth corner: the page's residual perspective bends the far corner off the affine."""
    m = max(int(round(pitch)), 2)
    pattern = np.zeros((5 * m, 5 * m), np.uint8)
    pattern[m:4 * m, m:4 * m] = 255
    pattern[2 * m:3 * m, 2 * m:3 * m] = 0
    x, y = (to_image @ np.array([n - 6.5, n - 6.5, 1.0]))[:2]
    r = int(4.5 * m)
    x0, y0 = int(x) - r, int(y) - r
    if x0 < 0 or y0 < 0 or x0 + 2 * r > grey.shape[1] or y0 + 2 * r > grey.shape[0]:
        return None
    score = cv2.matchTemplate(grey[y0:y0 + 2 * r, x0:x0 + 2 * r], pattern, cv2.TM_CCOEFF_NORMED)
    _, best, _, (bx, by) = cv2.minMaxLoc(score)
    return np.array([x0 + bx + 2.5 * m - 0.5, y0 + by + 2.5 * m - 0.5]) if best >= 0.3 else None


def _redrawn(grey: np.ndarray, to_image: np.ndarray, n: int) -> np.ndarray:
    """The code sampled at its module centres (``to_image``: module grid → image, 3×3), each cell
    thresholded and redrawn crisp. Blur spreads a module into its neighbours; adding back half its
    difference from their mean undoes some of that before the threshold."""
    square = cv2.warpPerspective(grey, to_image @ np.diag([1 / _CELL, 1 / _CELL, 1]), (n * _CELL, n * _CELL),
                                 flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderMode=cv2.BORDER_REPLICATE)
    centres = square.reshape(n, _CELL, n, _CELL)[:, 1:3, :, 1:3].mean(axis=(1, 3)).astype(np.float32)
    spread = centres - cv2.blur(centres, (3, 3), borderType=cv2.BORDER_REPLICATE)
    _, cells = cv2.threshold(np.clip(centres + 0.5 * spread, 0, 255).astype(np.uint8), 0, 255,
                             cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return cv2.resize(np.pad(cells, 4, constant_values=255), None, fx=6, fy=6, interpolation=cv2.INTER_NEAREST)


def _regridded(grey: np.ndarray, detectors: Detectors) -> InvoiceQr | None:
    """The code read from its own module grid: OpenCV's detectors binarise the whole region and lose
    blurred modules ~2.5 px wide, but each module's centre stays on its side of the mid-level."""
    corners = _corners(_finders(grey))
    if corners is None:
        return None
    top_left, top_right, bottom_left, module = corners
    estimate = (np.linalg.norm(top_right - top_left) + np.linalg.norm(bottom_left - top_left)) / 2 / module + 7
    for n in sorted(_VERSIONS, key=lambda v: abs(v - estimate))[:3]:   # blur fattens the finders: try 3
        centres = np.float32([[3.5, 3.5], [n - 3.5, 3.5], [3.5, n - 3.5]])
        affine = np.vstack([cv2.getAffineTransform(centres, np.float32([top_left, top_right, bottom_left])), [0, 0, 1]])
        grids = [affine]
        aligned = _alignment(grey, affine, n, float(np.linalg.norm(top_right - top_left)) / (n - 7))
        if aligned is not None:
            grids.insert(0, cv2.getPerspectiveTransform(
                np.float32([*centres, (n - 6.5, n - 6.5)]),
                np.float32([top_left, top_right, bottom_left, aligned])))
        for grid in grids:
            found = _decode(detectors, _redrawn(grey, grid, n))
            if found is not None:
                return found
    return None


def read_invoice_qr(image: np.ndarray) -> InvoiceQr | None:
    """The invoice QR of an RGB image, or None when none is found, readable, and in the invoice format."""
    # Made per call (microseconds): OpenCV does not promise a detector may be shared between threads.
    detectors = (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco())
    corner = _flat_corner(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY))
    found = _regridded(corner, detectors)
    if found is not None:
        return found
    return _decode(detectors, cv2.addWeighted(corner, 1.8, cv2.GaussianBlur(corner, (0, 0), 2.0), -0.8, 0))


def _labelled_digits(document: Document | None) -> str | None:
    """The digits printed after 发票号码 on page 0, however the OCR split them ("647057.92" → "64705792")."""
    if document is None or not document.pages:
        return None
    for block in document.pages[0].blocks:
        for line in block.lines:
            text = line.render()
            at = text.find(_NUMBER_LABEL)
            if at >= 0:
                digits = "".join(_DIGITS.findall(text[at + len(_NUMBER_LABEL):])[:1] or [""])
                return re.sub(r"\D", "", digits) or None
    return None


def check_invoice_qr(record: InvoiceRecord, image: np.ndarray, document: Document | None = None) -> CheckResult:
    """``invoice_qr_matches``: the printed number, code, amount and date against the QR's. ``document``
    (the OCR of ``image``) lets the number be compared when the field reader rejected it: an edited
    number often reads as no valid number at all (a pasted cell carries a stray point or edge)."""
    qr = read_invoice_qr(image)
    if qr is None:
        return CheckResult("invoice_qr_matches", None, "hard", "未能读取发票二维码，无法比对",
                           "the invoice's QR code could not be read; nothing to compare")
    differ: list[tuple[str, str, str]] = []   # (field in Chinese, printed, in the QR)
    number = record.number or _labelled_digits(document)
    number_read = bool(number) and len(number) == len(qr.number)
    if number_read and number != qr.number:
        differ.append(("发票号码", number, qr.number))
    if record.code and qr.code and record.code != qr.code:
        differ.append(("发票代码", record.code, qr.code))
    if record.amount is not None and abs(record.amount - qr.amount) > 0.005:
        differ.append(("合计金额", f"{record.amount:.2f}", f"{qr.amount:.2f}"))
    if record.issued and record.issued != qr.issued:
        differ.append(("开票日期", record.issued.isoformat(), qr.issued.isoformat()))
    if differ:
        zh = "；".join(f"{name}印为{printed}，二维码为{coded}" for name, printed, coded in differ)
        en = "; ".join(f"{name} printed {printed}, QR says {coded}" for name, printed, coded in differ)
        return CheckResult("invoice_qr_matches", False, "hard", f"票面与发票二维码不符：{zh}",
                           f"the printed invoice disagrees with its own QR code: {en}")
    if not number_read:
        # The number is the invoice's identity (its reuse key): an edit that leaves it unreadable must
        # not verify on the amount and date alone.
        return CheckResult("invoice_qr_matches", None, "hard", "票面发票号码未能读清，无法与二维码比对",
                           "the printed invoice number was not read whole; it cannot be compared with the QR code")
    return CheckResult("invoice_qr_matches", True, "hard", "票面号码、金额、日期与发票二维码一致",
                       "the printed number, amount and date agree with the invoice's QR code")
