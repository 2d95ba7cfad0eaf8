from __future__ import annotations

import math

from extractors.ocr.layout import Span, build_page


def _span(text: str, x: float, y: float, w: float, h: float = 20.0, angle_deg: float = 0.0) -> Span:
    a = math.radians(angle_deg)
    dx, dy = math.cos(a), math.sin(a)
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    return Span(text, 0.9, tuple((x + cx * dx - cy * dy, y + cx * dy + cy * dx) for cx, cy in corners))


def test_a_tilted_page_still_reads_row_by_row() -> None:
    # 2.5 degrees over 1000 px drops the right column by 44 px, more than a line height.
    tilt = 2.5
    drop = math.tan(math.radians(tilt))
    spans = [_span(label, 50, y + 50 * drop, 100, angle_deg=tilt) for label, y in (("名称", 100), ("住所", 140))]
    spans += [_span(value, 1000, y + 1000 * drop, 200, angle_deg=tilt) for value, y in (("甲公司", 100), ("乙路1号", 140))]
    page = build_page(spans, page_idx=0, height=1400, width=1300)
    lines = [line.render() for block in page.blocks for line in block.lines]
    assert lines == ["名称 甲公司", "住所 乙路1号"]


def test_distant_rows_form_separate_blocks() -> None:
    spans = [_span("上", 10, 10, 50), _span("中", 10, 40, 50), _span("下", 10, 400, 50)]
    page = build_page(spans, page_idx=0, height=500, width=100)
    assert [b.render() for b in page.blocks] == ["上\n中", "下"]
