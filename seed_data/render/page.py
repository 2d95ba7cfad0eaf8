"""A document page being drawn, which remembers where every field value lands.

Layouts draw through :class:`Page` rather than through ``ImageDraw`` directly so that the ground truth
(value *as printed* and its box) cannot drift from the pixels: the box is measured from the very call
that draws the text.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from seed_data.render.fonts import font
from seed_data.render.truth import FieldTruth

INK = (22, 22, 26)
PAPER = (251, 250, 246)

Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """A finished page: pixels plus the fields drawn on it (boxes relative to this page)."""

    image: Image.Image
    fields: tuple[FieldTruth, ...]
    texture: bool = True   # False for screens (payment screenshots): no paper grain
    screenshot: bool = False   # an app's screen saved by the phone: a 'phone' capture sends it, never shoots a desk


class Page:
    """Canvas plus field recorder. ``field`` draws and records; ``text`` only draws (labels, rules)."""

    def __init__(self, width: int, height: int, background: tuple[int, int, int] = PAPER):
        self.width, self.height = width, height
        self.image = Image.new("RGB", (width, height), background)
        self.draw = ImageDraw.Draw(self.image)
        self._fields: dict[str, FieldTruth] = {}

    def text(self, xy: tuple[float, float], text: str, face: str = "serif", size: int = 26,
             fill: tuple[int, int, int] = INK, anchor: str = "la", max_width: int | None = None) -> Box:
        """Draw ``text``; shrink the size (never below 60%) when it would overflow ``max_width``."""
        size = self._fitted(text, face, size, max_width)
        f = font(face, size)
        self.draw.text(xy, text, font=f, fill=fill, anchor=anchor)
        return tuple(int(v) for v in self.draw.textbbox(xy, text, font=f, anchor=anchor))

    def field(self, name: str, value: str, xy: tuple[float, float], face: str = "serif", size: int = 26, *,
              label: str = "", key: bool = False, fill: tuple[int, int, int] = INK, anchor: str = "la",
              max_width: int | None = None) -> Box:
        """Draw a field value and record it; a name may be drawn only once per page."""
        if name in self._fields:
            raise ValueError(f"field {name!r} drawn twice")
        size = self._fitted(value, face, size, max_width)
        box = self.text(xy, value, face, size, fill, anchor)
        self._record(name, label, value, box, key)
        return box

    def field_lines(self, name: str, value: str, xy: tuple[float, float], width: int, face: str = "serif",
                    size: int = 24, *, label: str = "", line_gap: float = 1.45,
                    fill: tuple[int, int, int] = INK, max_lines: int = 6) -> Box:
        """Draw a long value wrapped to ``width``; recorded as one field whose box spans all its lines."""
        f = font(face, size)
        lines, current = [], ""
        for ch in value:
            if f.getlength(current + ch) > width and current:
                lines.append(current)
                current = ch
            else:
                current += ch
        lines.append(current)
        lines = lines[:max_lines]
        x, y = xy
        boxes = [self.text((x, y + i * size * line_gap), line, face, size, fill) for i, line in enumerate(lines)]
        box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        self._record(name, label, "".join(lines), box, key=False)
        return box

    def rect(self, box: Box, width: int = 2, outline: tuple[int, int, int] = INK,
             fill: tuple[int, int, int] | None = None) -> None:
        self.draw.rectangle(box, outline=outline, width=width, fill=fill)

    def line(self, xy: tuple[float, float, float, float], width: int = 2, fill: tuple[int, int, int] = INK) -> None:
        self.draw.line(xy, fill=fill, width=width)

    def paste_multiply(self, layer: Image.Image, xy: tuple[int, int]) -> None:
        """Lay an RGBA ink layer on the page as ink does: it darkens, never lightens (seals over text)."""
        x, y = xy
        w, h = layer.size
        x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, self.width), min(y + h, self.height)
        if x0 >= x1 or y0 >= y1:
            return
        ink = np.asarray(layer, dtype=np.float32)[y0 - y:y1 - y, x0 - x:x1 - x]
        base = np.asarray(self.image.crop((x0, y0, x1, y1)), dtype=np.float32)
        alpha = ink[..., 3:4] / 255.0
        out = base * (1.0 - alpha * (1.0 - ink[..., :3] / 255.0))
        self.image.paste(Image.fromarray(out.round().astype(np.uint8)), (x0, y0))
        self.draw = ImageDraw.Draw(self.image)

    def finish(self, texture: bool = True, screenshot: bool = False) -> RenderedPage:
        return RenderedPage(self.image, tuple(self._fields.values()), texture and not screenshot, screenshot)

    def _fitted(self, text: str, face: str, size: int, max_width: int | None) -> int:
        if max_width is None:
            return size
        floor = max(int(size * 0.6), 8)
        while size > floor and font(face, size).getlength(text) > max_width:
            size -= 1
        return size

    def _record(self, name: str, label: str, value: str, box: Box, key: bool) -> None:
        self._fields[name] = FieldTruth(
            name=name, label=label, value=value, key=key,
            box=(round(box[0] / self.width, 5), round(box[1] / self.height, 5),
                 round(box[2] / self.width, 5), round(box[3] / self.height, 5)),
        )
