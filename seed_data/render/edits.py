"""Real-edit simulations: the local edits people make to a genuine invoice in an image editor.

Unlike the seed world's ``tamper_amount`` (:mod:`seed_data.render.tamper`, a patch of another paper
with a figure in another face), these are done the way a careful forger does them, on a finished image:

- ``copy_move``: characters cut from elsewhere on the *same* page (same face, same ink, same capture)
  and pasted over the figure's characters, aligned by eye (within a pixel);
- ``inpaint_retype``: the figure erased to the surrounding background (``cv2.inpaint``, or a fill with
  the paper's colour picked by eyedropper) and retyped at the measured height in the page's face or a
  similar one, in the colour picked from the old figure's ink, with the editor's own anti-aliasing
  (coverage from a 4× supersampled, unhinted raster with its own gamma, not the page renderer's hinted
  one); on a photo, the text layer is sometimes blurred and noised to match;
- ``splice``: the same field cut from *another* invoice of the same type (another render, or another
  photo) and pasted over the erased figure, rescaled to fit by eye (±5%).

Fields: the printed total (``amount``: 价税合计(小写)), the invoice ``number`` and the ``buyer_name``.
Two flows: ``digital`` edits the crisp render and re-saves it as PNG or JPEG q85–95; ``phone`` edits a
phone photo of the genuine invoice and re-saves it as JPEG q85–95. Every edit returns an
:class:`EditRecord` (what changed, from what to what, where) for ground truth.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw

from seed_data.render.fonts import font

EDIT_KINDS = ("copy_move", "inpaint_retype", "splice")
EDIT_FIELDS = {"amount": "total_incl_tax", "number": "number", "buyer_name": "buyer_name"}
FLOWS = ("digital", "phone")
_FACES = ("serif", "sans", "mono")
_SUPERSAMPLE = 4


@dataclass(frozen=True, slots=True)
class PlacedField:
    """A printed value and its four corners in image pixels (TL, TR, BR, BL)."""

    name: str
    value: str
    quad: tuple[tuple[float, float], ...]

    @property
    def rect(self) -> tuple[int, int, int, int]:
        xs, ys = [p[0] for p in self.quad], [p[1] for p in self.quad]
        return int(np.floor(min(xs))), int(np.floor(min(ys))), int(np.ceil(max(xs))), int(np.ceil(max(ys)))

    @property
    def height(self) -> float:
        q = np.float32(self.quad)
        return float(np.linalg.norm(q[3] - q[0]) + np.linalg.norm(q[2] - q[1])) / 2


@dataclass(frozen=True, slots=True)
class EditRecord:
    kind: str                                  # an EDIT_KINDS value
    field: str                                 # an EDIT_FIELDS key
    flow: str                                  # "digital" | "phone"
    genuine: str                               # the value as issued
    printed: str                               # the value after the edit
    box: tuple[float, float, float, float]     # image-relative region the edit changed
    how: str                                   # face, size, colour, shift..., for people reading results


def placed_fields(truth: dict) -> list[PlacedField]:
    """The fields of a render's truth (``seed_data.render.truth``) where they lie in its image."""
    w, h = truth["image_size"]
    out = []
    for f in truth["fields"]:
        if f.get("quad"):
            quad = tuple((float(x), float(y)) for x, y in f["quad"])
        else:
            x0, y0, x1, y1 = f["box"]
            quad = ((x0 * w, y0 * h), (x1 * w, y0 * h), (x1 * w, y1 * h), (x0 * w, y1 * h))
        out.append(PlacedField(f["name"], f["value"], quad))
    return out


def _face(f: PlacedField) -> str:
    """The Noto face whose proportions for this text match the printed box best (what a forger matches by eye)."""
    q = np.float32(f.quad)
    aspect = float(np.linalg.norm(q[1] - q[0])) / max(f.height, 1.0)

    def off(face: str) -> float:
        x0, y0, x1, y1 = font(face, 100).getbbox(f.value)
        return abs((x1 - x0) / max(y1 - y0, 1) - aspect)
    return min(_FACES, key=off)


def _cells(f: PlacedField) -> list[tuple[int, int, int, int]]:
    """Each character's rectangle, from the face's advance widths spread along the field's quad."""
    face = font(_face(f), 100)
    adv = np.array([face.getlength(ch) for ch in f.value], dtype=np.float64)
    edges = np.concatenate([[0.0], np.cumsum(adv)]) / max(adv.sum(), 1e-6)
    q = np.float32(f.quad)
    cells = []
    for a, b in zip(edges[:-1], edges[1:]):
        pts = np.float32([q[0] + (q[1] - q[0]) * a, q[0] + (q[1] - q[0]) * b,
                          q[3] + (q[2] - q[3]) * b, q[3] + (q[2] - q[3]) * a])
        cells.append((int(round(pts[:, 0].min())), int(round(pts[:, 1].min())) - 1,
                      int(round(pts[:, 0].max())), int(round(pts[:, 1].max())) + 1))
    return cells


def _similar(a: PlacedField, b: PlacedField) -> bool:
    return abs(a.height - b.height) <= 0.12 * a.height and _face(a) == _face(b)


def new_value(field: str, target: PlacedField, fields: list[PlacedField], rng: np.random.Generator,
              glyphs: bool) -> tuple[str, list[tuple[int, PlacedField, int]]]:
    """The edited value, and for ``glyphs`` (copy-move) where each changed character is taken from:
    ``(position, source field, source position)``. Numbers change in their last three digits, amounts
    in their first (up), names take two or three characters from the seller's name."""
    value = list(target.value)
    sources: list[tuple[int, PlacedField, int]] = []
    others = [f for f in fields if f.name != target.name and _similar(target, f)] + [target]
    if field == "buyer_name":
        seller = next(f for f in fields if f.name == "seller_name")
        start = next((i for i, (a, b) in enumerate(zip(target.value, seller.value)) if a != b), None)
        if start is None:
            raise ValueError("buyer and seller names do not differ")
        for i in range(start, min(start + int(rng.integers(2, 4)), len(target.value), len(seller.value))):
            if value[i] != seller.value[i]:
                value[i] = seller.value[i]
                sources.append((i, seller, i))
        return "".join(value), sources
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    positions = digits[-3:] if field == "number" else digits[:1] if value[digits[0]] != "9" else digits[1:2]
    for i in positions:
        old = int(value[i])
        choices = [d for d in range(10) if d != old and (field == "number" or d > old)]
        rng.shuffle(choices)
        for d in choices:
            found = [(f, j) for f in others for j, ch in enumerate(f.value) if ch == str(d)
                     and not (f is target and j in positions)]
            if glyphs and not found:
                continue
            value[i] = str(d)
            if glyphs:
                f, j = found[int(rng.integers(len(found)))]
                sources.append((i, f, j))
            break
    return "".join(value), sources


def _clip(rect: tuple[int, int, int, int], w: int, h: int) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = rect
    return max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)


def _paste(out: np.ndarray, crop: np.ndarray, x: int, y: int) -> tuple[int, int, int, int]:
    h, w = out.shape[:2]
    ch, cw = crop.shape[:2]
    x0, y0, x1, y1 = _clip((x, y, x + cw, y + ch), w, h)
    out[y0:y1, x0:x1] = crop[y0 - y:y1 - y, x0 - x:x1 - x]
    return x0, y0, x1, y1


def copy_move(image: np.ndarray, sources: list[tuple[int, PlacedField, int]], target: PlacedField,
              rng: np.random.Generator) -> tuple[np.ndarray, tuple[int, int, int, int], str]:
    if not sources:
        raise ValueError("no character on the page to copy from")
    out = image.copy()
    h, w = image.shape[:2]
    cells = _cells(target)
    touched = []
    shifts = []
    for i, src_field, j in sources:
        sx0, sy0, sx1, sy1 = _clip(_cells(src_field)[j], w, h)
        crop = image[sy0:sy1, sx0:sx1].copy()
        tx0, ty0, tx1, ty1 = cells[i]
        dx, dy = (int(v) for v in rng.integers(-1, 2, size=2))     # aligned by eye, within a pixel
        x = (tx0 + tx1) // 2 - crop.shape[1] // 2 + dx
        y = (ty0 + ty1) // 2 - crop.shape[0] // 2 + dy
        touched.append(_paste(out, crop, x, y))
        shifts.append(f"{dx:+d},{dy:+d}")
    box = (min(t[0] for t in touched), min(t[1] for t in touched), max(t[2] for t in touched),
           max(t[3] for t in touched))
    return out, box, "cells from " + ", ".join(sorted({s.name for _, s, _ in sources})) + "; shift " + " ".join(shifts)


def _ink(crop: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Ink mask of a text crop, its paper level and its darkest ink (grey)."""
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY).astype(np.float32)
    paper, dark = float(np.percentile(grey, 90)), float(np.percentile(grey, 1))
    return grey < paper - 0.3 * max(paper - dark, 1.0), paper, dark


def erase(image: np.ndarray, target: PlacedField, rng: np.random.Generator, pad: int = 3
          ) -> tuple[np.ndarray, tuple[int, int, int, int], str]:
    """Remove the printed figure: inpaint its ink, or fill its box with the eyedropped paper colour."""
    h, w = image.shape[:2]
    x0, y0, x1, y1 = target.rect
    x0, y0, x1, y1 = _clip((x0 - pad, y0 - pad, x1 + pad, y1 + pad), w, h)
    out = image.copy()
    crop = out[y0:y1, x0:x1]
    mask, _, _ = _ink(crop)
    if rng.random() < 0.6:
        mask = cv2.dilate(mask.astype(np.uint8) * 255, np.ones((3, 3), np.uint8), iterations=2)
        # Inpaint with a margin of page around the box, so the fill is drawn from the surroundings.
        m = 8
        bx0, by0, bx1, by1 = _clip((x0 - m, y0 - m, x1 + m, y1 + m), w, h)
        full = np.zeros((by1 - by0, bx1 - bx0), np.uint8)
        full[y0 - by0:y1 - by0, x0 - bx0:x1 - bx0] = mask
        out[by0:by1, bx0:bx1] = cv2.inpaint(np.ascontiguousarray(out[by0:by1, bx0:bx1]), full, 3, cv2.INPAINT_TELEA)
        how = "inpainted"
    else:
        paper = np.percentile(crop[~mask].reshape(-1, 3), 60, axis=0) if (~mask).any() else crop.mean(axis=(0, 1))
        out[y0:y1, x0:x1] = paper.astype(np.uint8)
        how = "filled with the paper colour"
    return out, (x0, y0, x1, y1), how


def _text_layer(text: str, face: str, size: int, gamma: float) -> np.ndarray:
    """Coverage (0–1) of ``text``: rasterised 4× larger without hinting and averaged down, as editors
    that supersample do; ``gamma`` is the editor's own coverage-to-opacity curve."""
    f = font(face, size * _SUPERSAMPLE)
    x0, y0, x1, y1 = f.getbbox(text)
    big = Image.new("L", (x1 - x0 + 2 * _SUPERSAMPLE, y1 - y0 + 2 * _SUPERSAMPLE), 0)
    ImageDraw.Draw(big).text((_SUPERSAMPLE - x0, _SUPERSAMPLE - y0), text, font=f, fill=255)
    small = cv2.resize(np.asarray(big, np.float32) / 255.0,
                       (big.width // _SUPERSAMPLE, big.height // _SUPERSAMPLE), interpolation=cv2.INTER_AREA)
    return np.clip(small, 0, 1) ** gamma


def inpaint_retype(image: np.ndarray, target: PlacedField, value: str, flow: str, rng: np.random.Generator
                   ) -> tuple[np.ndarray, tuple[int, int, int, int], str]:
    h, w = image.shape[:2]
    x0, y0, x1, y1 = _clip(target.rect, w, h)
    crop = image[y0:y1, x0:x1]
    mask, _, _ = _ink(crop)
    ys, xs = np.nonzero(mask)
    ink_left, ink_top, ink_bottom = x0 + int(xs.min()), y0 + int(ys.min()), y0 + int(ys.max())
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)[mask]
    pick = np.percentile(grey, rng.uniform(0, 15))                  # the eyedropper lands on a dark ink pixel
    colour = crop[mask][int(np.argmin(np.abs(grey.astype(np.float32) - pick)))].astype(np.float32)
    out, erased, how = erase(image, target, rng)
    page_face = _face(target)
    face = page_face if rng.random() < 0.5 else str(rng.choice([f for f in _FACES if f != page_face]))
    bx0, by0, bx1, by1 = font(face, 100).getbbox(value)
    size = max(int(round(100 * (ink_bottom - ink_top + 1) / max(by1 - by0, 1) * rng.uniform(0.97, 1.03))), 8)
    gamma = float(rng.uniform(0.8, 1.25))
    alpha = _text_layer(value, face, size, gamma)
    blur = noise = 0.0
    if flow == "phone" and rng.random() < 0.5:                      # matched to the photo's softness
        blur = float(rng.uniform(0.3, 0.9))
        alpha = cv2.GaussianBlur(alpha, (0, 0), blur)
    dx, dy = (int(v) for v in rng.integers(-1, 2, size=2))
    x, y = ink_left + dx - _SUPERSAMPLE // _SUPERSAMPLE, ink_bottom + 1 + dy - alpha.shape[0] + 1
    th, tw = alpha.shape
    rx0, ry0, rx1, ry1 = _clip((x, y, x + tw, y + th), w, h)
    a = alpha[ry0 - y:ry1 - y, rx0 - x:rx1 - x, None]
    region = out[ry0:ry1, rx0:rx1].astype(np.float32)
    region = region * (1 - a) + colour * a
    if flow == "phone" and rng.random() < 0.25:
        noise = float(rng.uniform(1.0, 3.0))
        region += rng.normal(0, noise, region.shape)
    out[ry0:ry1, rx0:rx1] = np.clip(region + 0.5, 0, 255).astype(np.uint8)
    box = (min(erased[0], rx0), min(erased[1], ry0), max(erased[2], rx1), max(erased[3], ry1))
    return out, box, (f"{how}; {face} {size}px (page {page_face}), ink {tuple(int(c) for c in colour)}, "
                      f"gamma {gamma:.2f}, blur {blur:.2f}, noise {noise:.1f}, shift {dx:+d},{dy:+d}")


def splice(image: np.ndarray, target: PlacedField, donor_image: np.ndarray, donor: PlacedField,
           rng: np.random.Generator) -> tuple[np.ndarray, tuple[int, int, int, int], str]:
    dh, dw = donor_image.shape[:2]
    pad = 3
    sx0, sy0, sx1, sy1 = _clip((donor.rect[0] - pad, donor.rect[1] - pad, donor.rect[2] + pad, donor.rect[3] + pad),
                               dw, dh)
    crop = donor_image[sy0:sy1, sx0:sx1]
    scale = target.height / max(donor.height, 1.0) * float(rng.uniform(0.95, 1.05))
    interp = [cv2.INTER_LINEAR, cv2.INTER_CUBIC, cv2.INTER_AREA][int(rng.integers(3))]
    crop = cv2.resize(crop, (max(int(round(crop.shape[1] * scale)), 1), max(int(round(crop.shape[0] * scale)), 1)),
                      interpolation=interp)
    out, erased, how = erase(image, target, rng)
    dx, dy = (int(v) for v in rng.integers(-1, 2, size=2))
    pasted = _paste(out, crop, target.rect[0] - pad + dx, target.rect[1] - pad + dy)
    box = (min(erased[0], pasted[0]), min(erased[1], pasted[1]), max(erased[2], pasted[2]), max(erased[3], pasted[3]))
    return out, box, f"{how}; donor {donor.value!r} scaled {scale:.3f}, shift {dx:+d},{dy:+d}"


def edit(image: np.ndarray, truth: dict, kind: str, field: str, flow: str, rng: np.random.Generator,
         donor: tuple[np.ndarray, dict] | None = None) -> tuple[np.ndarray, EditRecord]:
    """Apply one edit to a render (``image`` and its ``truth``); ``donor`` (another invoice of the same
    type, same capture) is required for ``splice``."""
    if kind not in EDIT_KINDS or field not in EDIT_FIELDS or flow not in FLOWS:
        raise ValueError(f"unknown edit {kind!r} of {field!r} in flow {flow!r}")
    fields = placed_fields(truth)
    target = next(f for f in fields if f.name == EDIT_FIELDS[field])
    if kind == "splice":
        if donor is None:
            raise ValueError("a splice needs a donor invoice")
        source = next(f for f in placed_fields(donor[1]) if f.name == target.name)
        if source.value == target.value:
            raise ValueError("the donor prints the same value")
        printed = source.value
        out, box, how = splice(image, target, donor[0], source, rng)
    elif kind == "copy_move":
        printed, sources = new_value(field, target, fields, rng, glyphs=True)
        out, box, how = copy_move(image, sources, target, rng)
    else:
        printed, _ = new_value(field, target, fields, rng, glyphs=False)
        out, box, how = inpaint_retype(image, target, printed, flow, rng)
    if printed == target.value:
        raise ValueError(f"the edit left {target.value!r} unchanged")
    h, w = image.shape[:2]
    rel = (round(box[0] / w, 4), round(box[1] / h, 4), round(box[2] / w, 4), round(box[3] / h, 4))
    return out, EditRecord(kind, field, flow, target.value, printed, rel, how)


def save(image: np.ndarray, flow: str, rng: np.random.Generator) -> tuple[bytes, str]:
    """The forger's save: a digital render as PNG or JPEG q85–95, a photo as JPEG q85–95."""
    buf = io.BytesIO()
    if flow == "digital" and rng.random() < 0.5:
        Image.fromarray(image).save(buf, "PNG", compress_level=1)
        return buf.getvalue(), "png"
    quality = int(rng.integers(85, 96))
    Image.fromarray(image).save(buf, "JPEG", quality=quality)
    return buf.getvalue(), f"jpeg q{quality}"
