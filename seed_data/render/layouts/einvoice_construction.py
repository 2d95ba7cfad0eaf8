"""The 特定业务 "建筑服务" block of a 数电票 (layout ``construction``), drawn into the standard form.

Written from the State Taxation Administration's 数电票 specimen for this business and the elements the
电子发票服务平台 requires for it: the form is the standard 电子发票 with the business's name boxed
beside the QR code (as 货物运输服务 is), and under the goods lines one row headed 土地增值税项目编号 /
跨地（市）标志 / 建筑服务发生地 / 建筑项目名称. The row's values are typeset with the rest of the PDF.
"""
from __future__ import annotations

from seed_data.documents.invoice import VatInvoice
from seed_data.render.page import Page
from seed_data.render.table import Column

NAME = "建筑服务"    # boxed beside the QR code
EXTRA = 110          # the table's height, added to the goods area
COLUMNS = (Column("土地增值税项目编号", 260, "land_vat_project"), Column("跨地（市）标志", 180, "cross_city"),
           Column("建筑服务发生地", 460, "site"), Column("建筑项目名称", 520, "project"))


def table(p: Page, x: int, y: int, c: VatInvoice, colour: tuple[int, int, int]) -> None:
    """The header at ``y`` and the invoice's one row under it, from ``x``; blank values print nothing."""
    assert c.construction is not None, "a construction 数电票 carries its 建筑服务 row"
    row = c.construction
    cx = x
    for col in COLUMNS:
        p.text((cx + col.width / 2, y), col.title, "serif", 20, colour, anchor="mm")
        value = getattr(row, col.key)
        if value:
            p.field(f"construction.{col.key}", value, (cx + col.width / 2, y + 36), "serif", 21, anchor="mm",
                    max_width=col.width - 12)
        cx += col.width
