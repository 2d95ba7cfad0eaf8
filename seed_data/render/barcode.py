"""Code 128 barcodes (code set B), as waybill and label printers put a number on the page for scanning.

Code 128 is what Chinese logistics systems print under or over the 运单号 (GB/T 18347 adopts it). Set B
covers digits and letters, enough for the numbers these seed documents carry.
"""
from __future__ import annotations

from PIL import Image, ImageDraw

# Bar/space widths (in modules) of each symbol value 0..106; 104 is Start B, 106 is Stop.
_PATTERNS = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
)
START_B, STOP = 104, 106
QUIET = 10   # modules of blank margin each side, as the standard asks


def code128(text: str, module: int, height: int) -> Image.Image:
    """``text`` (printable ASCII) as a black-on-white Code 128 B symbol, ``module`` pixels per module."""
    values = [ord(ch) - 32 for ch in text]
    if any(not 0 <= v < 95 for v in values):
        raise ValueError(f"not encodable in Code 128 B: {text!r}")
    check = (START_B + sum(i * v for i, v in enumerate(values, 1))) % 103
    widths = "".join(_PATTERNS[v] for v in (START_B, *values, check, STOP))
    total = sum(map(int, widths)) + 2 * QUIET
    image = Image.new("RGB", (total * module, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    x = QUIET * module
    for i, w in enumerate(map(int, widths)):
        if i % 2 == 0:                                   # bars and spaces alternate, starting with a bar
            draw.rectangle((x, 0, x + w * module - 1, height - 1), fill=(0, 0, 0))
        x += w * module
    return image
