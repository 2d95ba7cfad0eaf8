"""Pieces every certificate-style layout shares: labelled rows, spaced labels, ornamental frames."""
from __future__ import annotations

import numpy as np

from seed_data.render.page import INK, Box, Page


def spaced(label: str, width_chars: int = 4) -> str:
    """Certificates justify short labels to a fixed width with ideographic spaces: 名　　称."""
    if len(label) >= width_chars or len(label) < 2:
        return label
    gaps = width_chars - len(label)
    per, extra = divmod(gaps, len(label) - 1)
    out = ""
    for i, ch in enumerate(label[:-1]):
        out += ch + "\u3000" * (per + (1 if i < extra else 0))
    return out + label[-1]


def form_row(page: Page, x: int, y: int, label: str, name: str, value: str, *, value_x: int, max_width: int,
             key: bool = True, face: str = "serif", size: int = 28, label_face: str = "serif_bold",
             label_color: tuple[int, int, int] = INK, colon: bool = False) -> Box:
    """``label`` at x, the recorded value at ``value_x`` on the same baseline."""
    page.text((x, y), label + ("：" if colon else ""), label_face, size, label_color)
    return page.field(name, value, (value_x, y), face, size, label=label, key=key, max_width=max_width)


def ornament_border(page: Page, color: tuple[int, int, int], margin: int = 24, band: int = 26) -> None:
    """A printed security border: two rules with a band of small lozenges between them."""
    w, h = page.width, page.height
    page.rect((margin, margin, w - margin, h - margin), width=3, outline=color)
    page.rect((margin + band, margin + band, w - margin - band, h - margin - band), width=2, outline=color)
    step = band
    mid = margin + band / 2
    half = band * 0.32

    def lozenge(cx: float, cy: float) -> None:
        page.draw.polygon([(cx, cy - half), (cx + half, cy), (cx, cy + half), (cx - half, cy)], outline=color)

    for cx in np.arange(margin + band, w - margin - band + 1, step):
        lozenge(cx, mid)
        lozenge(cx, h - mid)
    for cy in np.arange(margin + band, h - margin - band + 1, step):
        lozenge(mid, cy)
        lozenge(w - mid, cy)


def guilloche(page: Page, color: tuple[int, int, int], rng: np.random.Generator, lines: int = 14) -> None:
    """Faint interlaced waves behind the text, as security printing has; light enough not to hurt OCR."""
    w, h = page.width, page.height
    xs = np.linspace(0, w, 240)
    for i in range(lines):
        phase, amp, freq = rng.uniform(0, 6.28), rng.uniform(10, 40), rng.uniform(3, 8)
        y0 = h * (i + 0.5) / lines
        ys = y0 + amp * np.sin(xs / w * freq * 6.28 + phase)
        page.draw.line(list(zip(xs.tolist(), ys.tolist())), fill=color, width=1)
