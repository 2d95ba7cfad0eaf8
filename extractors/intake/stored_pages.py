"""A PDF's rendered pages kept compressed, one decoded at a time when read.

A 20-page statement at the working resolution is about 130 MB of pixels, held from intake until the
last check; every reader of the pages (OCR, verification) takes them one at a time. Kept zlib
compressed (level 1: a statement page is mostly paper, ~6.5 MB to a few hundred KB in ~20 ms), the
pages of an upload cost a few MB, and the pixels are the rendered ones exactly.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from typing import overload

import numpy as np


class StoredPages(Sequence[np.ndarray]):
    """RGB uint8 pages, compressed as they are added; ``pages[i]`` decodes page ``i`` (a fresh array)."""

    def __init__(self, pages: Iterable[np.ndarray] = ()):
        self._stored = tuple((page.shape, zlib.compress(np.ascontiguousarray(page, np.uint8).tobytes(), 1))
                             for page in pages)

    def __len__(self) -> int:
        return len(self._stored)

    @overload
    def __getitem__(self, index: int) -> np.ndarray: ...

    @overload
    def __getitem__(self, index: slice) -> "StoredPages": ...

    def __getitem__(self, index: int | slice) -> np.ndarray | StoredPages:
        if isinstance(index, slice):
            part = StoredPages()
            part._stored = self._stored[index]
            return part
        shape, data = self._stored[index]
        return np.frombuffer(zlib.decompress(data), dtype=np.uint8).reshape(shape).copy()

    @property
    def stored_bytes(self) -> int:
        """What the pages take compressed."""
        return sum(len(data) for _, data in self._stored)
