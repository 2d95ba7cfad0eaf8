"""道路运输经营许可证 in two forms: a landscape certificate with a security border and the transport
bureau's seal (``certificate``), and the 副本 booklet opened at its first spread (``booklet``): the items in
a ruled table on the left page under the 许可证号, the bureau's 许可专用章 over the issue date, the 变更记录
and 检查（考核）记录 tables on the right page, a fold between them. The
screenshot of its 电子证照 (``electronic``) is drawn by ``transport_permit_electronic``."""
from __future__ import annotations

import numpy as np

from seed_data.documents.printed import cn_date
from seed_data.documents.transport_permit import TransportPermit
from seed_data.render.emblem import emblem
from seed_data.render.layouts import transport_permit_electronic
from seed_data.render.layouts.form import form_row, guilloche, ornament_border, spaced
from seed_data.render.page import Page, RenderedPage
from seed_data.render.seal import round_seal

FRAME = (40, 96, 150)
WIDTH, HEIGHT = 1500, 1060


def _certificate(c: TransportPermit, rng: np.random.Generator) -> RenderedPage:
    p = Page(WIDTH, HEIGHT)
    guilloche(p, (222, 232, 240), rng)
    ornament_border(p, FRAME)
    p.image.paste(emblem(110), (WIDTH // 2 - 55, 70), emblem(110))
    p.text((WIDTH / 2, 220), "中华人民共和国", "serif_bold", 40, anchor="mm")
    p.text((WIDTH / 2, 285), "道路运输经营许可证", "serif_bold", 60, anchor="mm")
    p.text((WIDTH / 2, 345), "（副　本）", "serif", 26, anchor="mm")
    p.field("number", c.number, (WIDTH / 2, 395), "serif", 28, label="许可证号", key=True, anchor="mm")
    rows = [("业户名称", "holder", c.holder, True), ("统一社会信用代码", "uscc", c.uscc, True),
            ("负责人", "representative", c.representative, False), ("地址", "address", c.address, False),
            ("经济类型", "economic_type", c.economic_type, False), ("经营范围", "scope", c.scope, True),
            ("有效期至", "valid_until", cn_date(c.valid_until), True)]
    for i, (label, name, value, key) in enumerate(rows):
        form_row(p, 150, 450 + i * 62, spaced(label, 8) if len(label) < 8 else label, name, value, value_x=420,
                 max_width=760, key=key, size=28)
    p.text((1000, 900), "发证机关（章）", "serif", 26)
    p.field("issued", cn_date(c.issued), (1000, 950), "serif", 26, label="发证日期", key=True)
    p.paste_multiply(round_seal(c.authority, "", rng, 230), (1020, 790))
    p.text((WIDTH / 2, HEIGHT - 60), "中华人民共和国交通运输部监制", "serif", 18, anchor="mm")
    return p.finish()


BOOK_W, BOOK_H = 1560, 1080   # two 13 × 18 cm pages side by side, 60 px a centimetre
BOOK_INK = (30, 70, 50)


def _table_row(p: Page, box: tuple[int, int, int, int], split: int, label: str) -> None:
    x0, y0, x1, y1 = box
    p.rect(box, width=2, outline=BOOK_INK)
    p.line((split, y0, split, y1), 2, BOOK_INK)
    p.text(((x0 + split) / 2, (y0 + y1) / 2), label, "serif", 24, anchor="mm", max_width=split - x0 - 12)


def _booklet(c: TransportPermit, rng: np.random.Generator) -> RenderedPage:
    p = Page(BOOK_W, BOOK_H, background=(247, 249, 243))
    guilloche(p, (222, 236, 226), rng, lines=18)
    half = BOOK_W // 2
    # the fold: a soft shadow down the middle
    for i, shade in enumerate((210, 222, 232, 240)):
        p.line((half - i, 0, half - i, BOOK_H), 1, (shade, shade + 4 if shade < 250 else shade, shade))
        p.line((half + i, 0, half + i, BOOK_H), 1, (shade, shade + 4 if shade < 250 else shade, shade))

    # left page: the items
    left, right = 60, half - 60
    p.text(((left + right) / 2, 90), "道路运输经营许可证", "serif_bold", 44, BOOK_INK, anchor="mm")
    p.text(((left + right) / 2, 145), "（副　本）", "serif", 26, anchor="mm")
    p.field("number", c.number, ((left + right) / 2, 205), "serif", 25, label="许可证号", key=True, anchor="mm",
            max_width=right - left)
    split, y, h = left + 190, 250, 74
    rows = [("业户名称", "holder", c.holder, True, h), ("统一社会信用代码", "uscc", c.uscc, True, h),
            ("地　　址", "address", c.address, False, h), ("经济类型", "economic_type", c.economic_type, False, h),
            ("经营范围", "scope", c.scope, True, 96)]
    for label, name, value, key, height in rows:
        _table_row(p, (left, y, right, y + height), split, label)
        p.field(name, value, (split + 14, y + height / 2), "serif", 24, label=label, key=key, anchor="lm",
                max_width=right - split - 24)
        y += height
    _table_row(p, (left, y, right, y + h), split, "证件有效期")
    vy = y + h / 2
    box = p.text((split + 14, vy), "自", "serif", 22, anchor="lm")
    box = p.field("valid_from", cn_date(c.valid_from), (box[2] + 6, vy), "serif", 22, label="有效期自", anchor="lm")
    box = p.text((box[2] + 6, vy), "至", "serif", 22, anchor="lm")
    p.field("valid_until", cn_date(c.valid_until), (box[2] + 6, vy), "serif", 22, label="有效期至", key=True,
            anchor="lm")
    y += h
    _table_row(p, (left, y, right, y + 210), split, "核发机关（章）")
    p.field("issued", cn_date(c.issued), (split + 60, y + 150), "serif", 24, label="核发日期", key=True)
    p.paste_multiply(round_seal(c.authority, "许可专用章", rng, 200, strength=0.75), (split + 250, y + 5))
    p.text(((left + right) / 2, BOOK_H - 50), "中华人民共和国交通运输部监制", "serif", 18, anchor="mm")

    # right page: the later pages' tables, still empty on a permit in its first term
    left, right = half + 60, BOOK_W - 60
    p.text(((left + right) / 2, 90), "分支机构及地址", "serif_bold", 28, BOOK_INK, anchor="mm")
    p.rect((left, 120, right, 250), width=2, outline=BOOK_INK)
    p.text((left + 20, 170), "——", "serif", 24)
    p.text(((left + right) / 2, 310), "变 更 记 录", "serif_bold", 28, BOOK_INK, anchor="mm")
    cols = (left, left + 170, left + 420, left + 560, right)
    y = 340
    for r in range(5):
        p.rect((left, y, right, y + 60), width=1 if r else 2, outline=BOOK_INK)
        for x in cols[1:-1]:
            p.line((x, y, x, y + 60), 1, BOOK_INK)
        if r == 0:
            for (a, b), head in zip(zip(cols, cols[1:]), ("变更事项", "变更内容", "经办人", "日　期")):
                p.text(((a + b) / 2, y + 30), head, "serif", 22, anchor="mm")
        y += 60
    p.text(((left + right) / 2, y + 60), "检查（考核）记录", "serif_bold", 28, BOOK_INK, anchor="mm")
    y += 90
    for r in range(4):
        p.rect((left, y, right, y + 60), width=1 if r else 2, outline=BOOK_INK)
        p.line((left + 170, y, left + 170, y + 60), 1, BOOK_INK)
        if r == 0:
            p.text((left + 85, y + 30), "年　度", "serif", 22, anchor="mm")
            p.text(((left + 170 + right) / 2, y + 30), "检查（考核）结论及签章", "serif", 22, anchor="mm")
        y += 60
    p.text(((left + right) / 2, BOOK_H - 40), "2", "serif", 18, anchor="mm")
    return p.finish()


def render(c: TransportPermit, rng: np.random.Generator) -> RenderedPage:
    if c.layout == "electronic":
        return transport_permit_electronic.render(c, rng)
    return _booklet(c, rng) if c.layout == "booklet" else _certificate(c, rng)
