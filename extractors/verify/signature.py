"""Signature presence: handwriting under a party's signing block.

With the OCR document, the signing blocks are found by their labels (甲方/乙方, 盖章, 签字, 签名,
签章, 代表人) and the area just below each is searched for stroke ink: dark or blue, not red (seals are
red), and not printed text. Printed text is what OCR read as at least two Chinese characters; a
scrawl OCR turns into a few Latin letters still counts as handwriting. Labels are often overprinted
by the seal and unreadable, so any of them anchors a block. Without OCR words there is nothing to
anchor on and the check reports that it could not run.
"""
from __future__ import annotations

import re

import cv2
import numpy as np

from extractors.ocr.document import Document
from extractors.verify.result import CheckResult

LABELS = ("甲方", "乙方", "盖章", "签字", "签名", "签章", "代表人")
BELOW, WIDTH = 0.12, 0.40     # search area under a label, page-relative
MIN_INK = 0.01                # share of the search area covered by stroke ink
_PRINTED = re.compile(r"[\u4e00-\u9fff].*[\u4e00-\u9fff]")


def _lines(document: Document):
    return [line for page in document.pages[:1] for block in page.blocks for line in block.lines]


def signature_areas(document: Document, width: int, height: int) -> list[tuple[int, int, int, int]]:
    areas = []
    for line in _lines(document):
        text = line.render().replace(" ", "")
        if any(label in text for label in LABELS) and len(text) <= 24:   # a label line, not a clause
            (x0, _), (_, y1) = line.geometry
            areas.append((int(x0 * width), int(y1 * height), int(min(x0 + WIDTH, 1.0) * width),
                          int(min(y1 + BELOW, 1.0) * height)))
    return areas


def _stroke_ink(region: np.ndarray) -> np.ndarray:
    grey = cv2.cvtColor(region, cv2.COLOR_RGB2GRAY).astype(np.int16)
    paper = np.percentile(grey, 90)
    hsv = cv2.cvtColor(region, cv2.COLOR_RGB2HSV)
    red = ((hsv[..., 0] <= 10) | (hsv[..., 0] >= 165)) & (hsv[..., 1] >= 60)
    return (grey < paper - 60) & ~red


def check_signature(image: np.ndarray, document: Document | None) -> CheckResult:
    if document is None:
        return CheckResult("signature_present", None, "soft", "无文字识别结果，未检查签字",
                           "no OCR words to anchor on; signature not checked")
    h, w = image.shape[:2]
    areas = [a for a in signature_areas(document, w, h) if a[2] - a[0] > 8 and a[3] - a[1] > 8]
    if not areas:
        return CheckResult("signature_present", None, "soft", "未找到签字栏", "no signing block found")
    # Printed text is masked word by word: OCR may join a signature table's two columns into one line
    # ("委托代理人：  委托代理人："), whose box then covers the handwriting beside the labels.
    printed = np.zeros((h, w), bool)
    for word in (word for line in _lines(document) for word in line.words):
        if _PRINTED.search(word.value):
            (x0, y0), (x1, y1) = word.geometry
            printed[int(y0 * h):int(y1 * h) + 1, int(x0 * w):int(x1 * w) + 1] = True
    signed = sum(bool((_stroke_ink(image[y0:y1, x0:x1]) & ~printed[y0:y1, x0:x1]).mean() >= MIN_INK)
                 for x0, y0, x1, y1 in areas)
    ok = signed > 0
    return CheckResult("signature_present", ok, "soft",
                       f"签字栏 {len(areas)} 处，{signed} 处有手写笔迹" if ok else "签字栏未见手写笔迹",
                       f"{signed} of {len(areas)} signing blocks carry handwriting" if ok
                       else "no handwriting in the signing blocks")
