"""Ruled tables (line items, statement rows), drawn cell by cell so every value is a recorded field.

A column may name a field key; cell ``(row r, column k)`` is then recorded as ``f"{prefix}{r}.{k}"``.
Columns without a key are drawn but not recorded (units, running numbers).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from seed_data.render.page import INK, Page


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: int
    key: str | None = None      # field key for this column's cells; None: draw only
    align: str = "left"         # "left" | "center" | "right"
    important: bool = False     # cells are key fields for the legibility benchmark


def draw_table(page: Page, x: int, y: int, columns: Sequence[Column], rows: Sequence[Sequence[str]], *,
               prefix: str, row_height: int = 40, header_height: int = 44, face: str = "serif", size: int = 22,
               header_face: str = "serif", rules: str = "grid", color: tuple[int, int, int] = INK,
               line_width: int = 2) -> int:
    """Draw header and rows; return the y just below the table. ``rules``: "grid" | "rows" | "none"."""
    width = sum(c.width for c in columns)
    bottom = y + header_height + row_height * len(rows)
    pad = 8
    if rules == "grid":
        page.rect((x, y, x + width, bottom), width=line_width, outline=color)
    if rules != "none":
        page.line((x, y + header_height, x + width, y + header_height), width=line_width, fill=color)
    cx = x
    for col in columns:
        page.text((cx + col.width / 2, y + header_height / 2), col.title, header_face, size, color, anchor="mm",
                  max_width=col.width - 4)
        if rules == "grid" and cx > x:
            page.line((cx, y, cx, bottom), width=1, fill=color)
        cx += col.width
    for r, row in enumerate(rows):
        top = y + header_height + r * row_height
        if rules in ("grid", "rows") and r > 0:
            page.line((x, top, x + width, top), width=1, fill=color)
        cx = x
        for col, value in zip(columns, row):
            if col.align == "right":
                xy, anchor = (cx + col.width - pad, top + row_height / 2), "rm"
            elif col.align == "center":
                xy, anchor = (cx + col.width / 2, top + row_height / 2), "mm"
            else:
                xy, anchor = (cx + pad, top + row_height / 2), "lm"
            if col.key is not None and value:
                page.field(f"{prefix}{r}.{col.key}", value, xy, face, size, key=col.important, anchor=anchor,
                           max_width=col.width - 2 * pad)
            elif value:
                page.text(xy, value, face, size, anchor=anchor, max_width=col.width - 2 * pad)
            cx += col.width
    if rules == "rows":
        page.line((x, bottom, x + width, bottom), width=line_width, fill=color)
    return bottom
