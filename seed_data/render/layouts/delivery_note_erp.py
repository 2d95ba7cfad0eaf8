"""送货单 as the merchant's 进销存/ERP package prints it on 241-3 continuous paper through a dot-matrix
printer (``content.layout == "erp"``), held out from the readers' development (issue 14).

What these look like: 241-3 is the three-ply carbonless continuous stock (white, pink, yellow copies)
that 针式 printers feed by tractor strips, sold in halves (241 × 140 mm) for 送货单; the paper carries no
pre-printed form, the package's template prints everything in the printer's 宋体 with a fading ribbon
that prints some passes of the head lighter than others. From the top: the merchant's name and 送货单,
a header of label/value pairs (客户名称, 单据编号, 客户地址, 送货日期, 联系电话, 仓库), a ruled table
with the template's fixed rows (序号, 商品编码, 商品名称, 规格型号, 单位, 数量, 单价, 金额, 备注), the
total in words and in figures, 送货人 and 制单人, a 客户签收 box where the customer signs, and the
copies' use (白联存根, 红联客户, 黄联回单) with the print time. The tractor strips with their holes are
still on (many offices never tear them off). Product codes, the clerk who keyed it and the print time
are details of the page, drawn from the page's stream.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

from seed_data.documents.identity import person_name
from seed_data.documents.printed import money
from seed_data.documents.trade_papers import TradePaper
from seed_data.render.page import Page, RenderedPage
from seed_data.render.signature import signature
from seed_data.render.table import Column, draw_table

WIDTH, HEIGHT = 1500, 871            # 241 mm × 140 mm at 6.22 px/mm
STRIP = 79                           # the 12.7 mm tractor strip each side, holes at a 12.7 mm pitch
LEFT, RIGHT = 112, 1388
COPIES = ((252, 251, 247), (250, 229, 233), (251, 246, 214))   # white, pink, yellow ply
RIBBON = (50, 50, 64)
ROWS = 5                             # the template prints five item rows on a half sheet
PASS = 24                            # pixels the 24-pin head covers in one pass


def _pair(p: Page, x: int, y: int, label: str, value: str, name: str | None, width: int, key: bool = False
          ) -> None:
    b = p.text((x, y), f"{label}：", "serif", 22, RIBBON)
    if name is None:
        p.text((b[2] + 2, y), value, "serif", 22, RIBBON, max_width=x + width - b[2] - 8)
    else:
        p.field(name, value, (b[2] + 2, y), "serif", 22, label=label, key=key, fill=RIBBON,
                max_width=x + width - b[2] - 8)


def _tractor_strips(p: Page, paper: tuple[int, int, int]) -> None:
    hole = tuple(max(v - 120, 0) for v in paper)       # the hole shows the darker scanner lid behind it
    for x in (STRIP, WIDTH - STRIP):
        for y in range(0, HEIGHT, 14):                    # the strips' perforation
            p.line((x, y, x, y + 7), width=1, fill=(190, 190, 190))
    for y in range(40, HEIGHT, STRIP):
        for cx in (STRIP // 2, WIDTH - STRIP // 2):
            p.draw.ellipse((cx - 12, y - 12, cx + 12, y + 12), fill=hole)


def _ribbon_banding(image: Image.Image, paper: tuple[int, int, int], rng: np.random.Generator) -> Image.Image:
    """Lighten the ink of each head pass by its own amount, as a worn ribbon does."""
    a = np.asarray(image, dtype=np.float32)
    base = np.asarray(paper, dtype=np.float32)
    density = np.repeat(rng.uniform(0.72, 1.0, size=HEIGHT // PASS + 1), PASS)[:HEIGHT, None, None]
    inside = np.zeros((1, WIDTH, 1), np.float32)
    inside[:, STRIP + 2:WIDTH - STRIP - 2] = 1.0
    density = 1.0 - inside * (1.0 - density)                # the strips' holes are not ink
    return Image.fromarray((base - (base - a) * density).round().clip(0, 255).astype(np.uint8))


def render(c: TradePaper, rng: np.random.Generator) -> RenderedPage:
    paper = COPIES[int(rng.integers(len(COPIES)))]
    p = Page(WIDTH, HEIGHT, background=paper)
    p.field("seller_name", c.seller.name, (WIDTH / 2, 56), "serif_bold", 30, label="送货单位", key=True, fill=RIBBON,
            anchor="mm", max_width=1000)
    p.text((WIDTH / 2, 104), "送  货  单", "serif_bold", 34, RIBBON, anchor="mm")
    half = 800
    _pair(p, LEFT, 140, "客户名称", c.buyer.name, "buyer_name", half - 20, key=True)
    _pair(p, LEFT + half, 140, "单据编号", c.number, "number", RIGHT - LEFT - half, key=True)
    _pair(p, LEFT, 176, "客户地址", c.buyer.address, None, half - 20)
    _pair(p, LEFT + half, 176, "送货日期", c.issued.isoformat(), "issued", RIGHT - LEFT - half, key=True)
    _pair(p, LEFT, 212, "联系电话", c.buyer.phone, None, half - 20)
    _pair(p, LEFT + half, 212, "仓库", "成品仓", None, RIGHT - LEFT - half)
    cols = [Column("序号", 60, align="center"), Column("商品编码", 130), Column("商品名称", 250, "name"),
            Column("规格型号", 180), Column("单位", 70, align="center"), Column("数量", 100, align="right"),
            Column("单价", 140, align="right"), Column("金额", 160, "amount", align="right", important=True),
            Column("备注", RIGHT - LEFT - 1090)]
    rows = [[str(i + 1), f"SP{int(rng.integers(1, 10000)):04d}", line.name, line.spec, line.unit, str(line.quantity),
             money(line.unit_price_cents), money(line.amount_cents), ""] for i, line in enumerate(c.lines)]
    rows += [[""] * len(cols)] * (ROWS - len(rows))
    y = draw_table(p, LEFT, 252, cols, rows, prefix="line", row_height=34, header_height=36, size=20,
                   color=RIBBON, line_width=1)
    p.rect((LEFT, y, RIGHT, y + 40), width=1, outline=RIBBON)
    b = p.text((LEFT + 10, y + 20), "合计金额（大写）：", "serif", 22, RIBBON, anchor="lm")
    p.field("total_capital", c.total_capital, (b[2] + 2, y + 20), "serif", 22, label="合计金额（大写）", key=True,
            fill=RIBBON, anchor="lm")
    b = p.text((LEFT + 880, y + 20), "小写：¥", "serif", 22, RIBBON, anchor="lm")
    p.field("total", money(c.total_cents), (b[2] + 2, y + 20), "serif", 22, label="合计金额（小写）", key=True,
            fill=RIBBON, anchor="lm")
    y += 56
    _pair(p, LEFT, y, "送货人", c.clerk, "clerk", 360)
    _pair(p, LEFT + 400, y, "制单人", person_name(rng), None, 360)
    _pair(p, LEFT + half, y, "业务电话", c.seller.phone, None, RIGHT - LEFT - half)
    y += 44
    p.rect((LEFT, y, RIGHT, y + 130), width=1, outline=RIBBON)
    p.text((LEFT + 12, y + 12), "客户签收：（货物数量、规格核对无误后签字）", "serif", 22, RIBBON)
    p.text((LEFT + half, y + 12), "收货单位（盖章）：", "serif", 22, RIBBON)
    p.text((LEFT + half, y + 90), "签收日期：      年    月    日", "serif", 22, RIBBON)
    printed_at = int(rng.integers(7 * 60, 18 * 60))
    p.text((LEFT, y + 150), "白联：存根　红联：客户　黄联：回单", "serif", 20, RIBBON)
    p.text((RIGHT, y + 150), f"打印时间：{c.issued.isoformat()} {printed_at // 60:02d}:{printed_at % 60:02d}",
           "serif", 20, RIBBON, anchor="ra")
    p.image.paste(_ribbon_banding(p.image, paper, rng))     # in place: the page keeps drawing on it
    _tractor_strips(p, paper)
    p.paste_multiply(signature(len(c.buyer.signatory), rng, 58), (LEFT + 40, y + 50))   # signed in pen
    return p.finish()
