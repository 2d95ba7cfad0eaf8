"""The QR code printed on China's VAT invoices and e-invoices, with the payload real ones carry.

A real invoice's QR is comma-separated text (published by verification apps and tax-bureau guides):
``01,<type>,<invoice code>,<invoice number>,<pre-tax amount>,<yyyymmdd>,<check code>,<crc>`` where type is
01 (paper special), 04 (paper ordinary), 10 (electronic ordinary), 08 (electronic special), 31/32 (fully digital special /
ordinary, 数电票, which leave the code empty and carry the 20-digit number). The amount is 合计金额
(before tax) with two decimals and no separators; special invoices carry no check code. The last field
is a checksum whose algorithm is not public: a CRC-16 of the text before it stands in (assumption; no
reader here relies on it).
"""
from __future__ import annotations

import binascii

import cv2
import numpy as np
from PIL import Image

from seed_data.documents.invoice import VatInvoice

_TYPES = {("vat_special_invoice", False): "01", ("vat_ordinary_invoice", False): "04",
          ("digital_einvoice", True): "31", ("digital_einvoice", False): "32"}
_ELECTRONIC = {"vat_special_invoice": "08", "vat_ordinary_invoice": "10"}   # the 税控 system's PDF invoices


def payload(c: VatInvoice) -> str:
    special = "专用" in c.title
    if c.doc_type == "digital_einvoice":
        kind = _TYPES[(c.doc_type, special)]
    else:
        kind = _ELECTRONIC[c.doc_type] if c.layout == "electronic" else _TYPES[(c.doc_type, False)]
    check = (c.check_code or "").replace(" ", "")
    text = f"01,{kind},{c.code or ''},{c.number},{c.amount_cents // 100}.{c.amount_cents % 100:02d}," \
           f"{c.issued:%Y%m%d},{check}"
    return f"{text},{binascii.crc_hqx(text.encode('ascii'), 0):04X},"


def invoice_qr(c: VatInvoice, size: int) -> Image.Image:
    """A real, decodable QR code of :func:`payload`, ``size`` pixels square with its quiet zone."""
    params = cv2.QRCodeEncoder_Params()
    params.correction_level = cv2.QRCodeEncoder_CORRECT_LEVEL_M
    modules = cv2.QRCodeEncoder.create(params).encode(payload(c))   # one pixel per module, 2-module border
    grid = np.pad(modules, 2, constant_values=255)                    # 4 modules of quiet zone in all
    return Image.fromarray(grid).resize((size, size), Image.NEAREST).convert("RGB")
