"""A QR-code-like block: three finder patterns and random modules.

It encodes nothing. Real licences carry a QR code linking to the public registry (国家企业信用信息公示
系统); an extractor should find and ignore it, which a look-alike is enough to test.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

MODULES = 25


def qr_block(rng: np.random.Generator, size: int = 180) -> Image.Image:
    m = rng.random((MODULES, MODULES)) < 0.5
    for r, c in ((0, 0), (0, MODULES - 7), (MODULES - 7, 0)):
        m[max(r - 1, 0):r + 8, max(c - 1, 0):c + 8] = False   # quiet zone round each finder
        m[r:r + 7, c:c + 7] = True
        m[r + 1:r + 6, c + 1:c + 6] = False
        m[r + 2:r + 5, c + 2:c + 5] = True
    quiet = 2
    grid = np.pad(m, quiet, constant_values=False)
    img = Image.fromarray(np.where(grid, 0, 255).astype(np.uint8))
    return img.resize((size, size), Image.NEAREST).convert("RGB")
