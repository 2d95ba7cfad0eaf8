"""A bank statement as online banking exports it: a PDF whose text is real PDF text in an embedded CJK font.

Born-digital statements are not images: every value is drawn as text (here Noto Sans CJK SC, subset and
embedded by fpdf2, as a bank's export embeds its 黑体), rules are vector lines and the branch's seal is
an image. Content is the seed world's (``seed_data.documents.bank_statement``), laid out as the printed
statement (``layouts/bank_statement.py``) at its 150 DPI coordinates, so one record reads the same from
either. A long statement is the page ``pages`` times, numbered in the footer ("第 k 页 共 n 页"), as
``bench/extractors_speed.py`` repeats its image page.
"""
from __future__ import annotations

import io
import tempfile
from datetime import datetime, time, timezone
from functools import lru_cache
from pathlib import Path

from seed_data.documents import build_content
from seed_data.documents.bank_statement import BankStatement
from seed_data.documents.printed import iso_date, money_grouped
from seed_data.documents.seeding import stream
from seed_data.render.fonts import FONT_DIR
from seed_data.render.layouts.bank_statement import BANK_RED, COLUMNS, LEFT, WIDTH
from seed_data.render.seal import round_seal
from seed_data.world.records import EvidenceItem, Merchant, World

PT = 72 / 150            # the layout's pixel (150 DPI) in PDF points
INK = (22, 22, 26)
_FACES = {"sans": ("NotoSansCJK-Regular.ttc", 2), "sans_bold": ("NotoSansCJK-Bold.ttc", 2)}


@lru_cache(maxsize=4)
def _face_file(face: str) -> Path:
    """The Simplified-Chinese face pulled out of its .ttc (fpdf2 embeds single-font files only); once per
    machine, into the temporary folder: a 16 MB file to save 0.4 s a statement."""
    from fontTools.ttLib import TTCollection

    name, index = _FACES[face]
    out = Path(tempfile.gettempdir()) / "bailing-fonts" / f"{Path(name).stem}-{index}.otf"
    if not out.exists():
        source = FONT_DIR / name
        if not source.exists():
            raise FileNotFoundError(f"{source} missing: install Debian's fonts-noto-cjk")
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_suffix(f".{id(out)}.part")
        TTCollection(str(source)).fonts[index].save(str(partial))
        partial.replace(out)  # atomic: a concurrent writer never leaves half a font behind
    return out


class _Writer:
    """Draws in the layout's pixel coordinates; ``anchor`` as Pillow's ("la", "mm", "rm", "lm")."""

    def __init__(self, pdf):
        self.pdf = pdf

    def text(self, xy: tuple[float, float], text: str, face: str = "sans", size: float = 22,
             fill: tuple[int, int, int] = INK, anchor: str = "la", max_width: float | None = None) -> None:
        pdf = self.pdf
        pdf.set_font(face, size=size * PT)
        while max_width is not None and pdf.get_string_width(text) > max_width * PT and pdf.font_size_pt > size * PT * 0.6:
            pdf.set_font(face, size=pdf.font_size_pt - 0.5)
        width = pdf.get_string_width(text)
        x, y = xy[0] * PT, xy[1] * PT
        x -= {"l": 0.0, "m": width / 2, "r": width}[anchor[0]]
        em = pdf.font_size_pt
        # Pillow's "a" anchors the ascender (0.88 em above the baseline in Noto CJK), "m" the middle.
        baseline = y + (0.88 * em if anchor[1] == "a" else 0.38 * em)
        pdf.set_text_color(*fill)
        pdf.text(x, baseline, text)

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 1) -> None:
        self.pdf.set_line_width(width * PT)
        self.pdf.line(x0 * PT, y0 * PT, x1 * PT, y1 * PT)


def statement_pdf(world: World, merchant: Merchant, item: EvidenceItem, path: Path, *, pages: int = 1) -> Path:
    """Write ``item`` (a ``bank_statement``) as a text-layer PDF of ``pages`` pages; returns ``path``.

    Same inputs give the same content; fpdf2 stamps no date when ``creation_date`` is fixed.
    """
    from fpdf import FPDF  # only the seed's PDF writer needs it

    content = build_content(world, merchant, item)
    if not isinstance(content, BankStatement):
        raise ValueError(f"{item.evidence_id} is a {item.doc_type}, not a bank_statement")
    if pages < 1:
        raise ValueError(f"pages must be >= 1, got {pages}")
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(datetime.combine(world.as_of, time(), timezone.utc))
    pdf.set_title(f"{content.bank} 账户交易明细")
    for face in _FACES:
        pdf.add_font(face, fname=str(_face_file(face)))
    seal = io.BytesIO()
    round_seal(f"{content.bank}{content.branch}", "电子业务专用章", stream(world.seed, item.evidence_id, "page"),
               240).save(seal, "PNG")
    for number in range(1, pages + 1):
        pdf.add_page()
        _page(_Writer(pdf), content, seal, number, pages)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def _page(w: _Writer, c: BankStatement, seal: io.BytesIO, number: int, pages: int) -> None:
    pdf = w.pdf
    pdf.set_draw_color(*BANK_RED)
    pdf.set_line_width(6 * PT)
    pdf.ellipse(LEFT * PT, 50 * PT, 70 * PT, 70 * PT)
    pdf.set_line_width(5 * PT)
    pdf.rect((LEFT + 25) * PT, 75 * PT, 20 * PT, 20 * PT)
    w.text((LEFT + 90, 60), c.bank, "sans_bold", 40, fill=BANK_RED)
    w.text((WIDTH / 2, 175), "账户交易明细", "sans_bold", 40, anchor="mm")
    meta = [("户名", c.holder), ("账号", c.account), ("币种", "人民币"), ("开户机构", f"{c.bank}{c.branch}"),
            ("起止日期", f"{iso_date(c.period_start)} 至 {iso_date(c.period_end)}")]
    for i, (label, value) in enumerate(meta):
        x, y = LEFT + (i % 2) * 580, 230 + (i // 2) * 42
        w.text((x, y), f"{label}：", "sans", 22)
        w.text((x + 110, y), value, "sans", 22, max_width=460)
    rows = [(iso_date(r.booked), r.time, r.summary, r.counterparty,
             money_grouped(r.credit_cents) if r.credit_cents else "",
             money_grouped(r.debit_cents) if r.debit_cents else "", money_grouped(r.balance_cents)) for r in c.rows]
    y = _table(w, LEFT, 370, rows, row_height=54, header_height=50)
    y += 36
    for x, label, value in ((LEFT, "期初余额", c.opening_cents), (LEFT + 560, "期末余额", c.closing_cents),
                            (LEFT, "本期收入合计", c.total_credit_cents), (LEFT + 560, "本期支出合计", c.total_debit_cents)):
        row_y = y if label.startswith("期") else y + 44
        w.text((x, row_y), f"{label}：", "sans", 22)
        w.text((x + 26 * len(label) + 10, row_y), money_grouped(value), "sans", 22)
    w.text((LEFT, y + 110), f"打印日期：{iso_date(c.printed_on)}", "sans", 20)
    w.text((LEFT, y + 145), "本明细仅供参考，如与账务记载不符，以账务记载为准。", "sans", 20)
    seal.seek(0)
    pdf.image(seal, x=(WIDTH - 380) * PT, y=(y + 100) * PT, w=240 * PT, h=240 * PT)
    w.text((WIDTH / 2, 1700), f"第 {number} 页 共 {pages} 页", "sans", 18, anchor="mm")


def _table(w: _Writer, x: int, y: int, rows: list[tuple[str, ...]], *, row_height: int, header_height: int) -> int:
    """The layout's ruled grid (``table.draw_table``, rules="grid"), its cells as text."""
    pdf = w.pdf
    pdf.set_draw_color(*INK)
    width = sum(c.width for c in COLUMNS)
    bottom = y + header_height + row_height * len(rows)
    pdf.set_line_width(2 * PT)
    pdf.rect(x * PT, y * PT, width * PT, (bottom - y) * PT)
    w.line(x, y + header_height, x + width, y + header_height, 2)
    pad, cx = 8, x
    for col in COLUMNS:
        w.text((cx + col.width / 2, y + header_height / 2), col.title, "sans_bold", 20, anchor="mm",
               max_width=col.width - 4)
        if cx > x:
            w.line(cx, y, cx, bottom)
        cx += col.width
    for r, row in enumerate(rows):
        top = y + header_height + r * row_height
        if r > 0:
            w.line(x, top, x + width, top)
        cx = x
        for col, value in zip(COLUMNS, row):
            if value:
                if col.align == "right":
                    xy, anchor = (cx + col.width - pad, top + row_height / 2), "rm"
                elif col.align == "center":
                    xy, anchor = (cx + col.width / 2, top + row_height / 2), "mm"
                else:
                    xy, anchor = (cx + pad, top + row_height / 2), "lm"
                w.text(xy, value, "sans", 20, anchor=anchor, max_width=col.width - 2 * pad)
            cx += col.width
    return bottom
