"""A PDF's rendered pages kept in an unnamed temporary file, one read back at a time.

A 20-page statement at the working resolution is about 130 MB of pixels, held from intake until the
last check, and every reader of the pages (OCR, verification) takes them one at a time. Written to
an unnamed temporary file as each page is drawn (it disappears with the intake, and the operating
system's page cache, not the worker, holds it), the pages of an upload cost the worker one page at a
time; a page is read back exactly, in a few milliseconds (zlib took ~30 ms a page each way).
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from typing import IO, overload

import numpy as np


class StoredPages(Sequence[np.ndarray]):
    """RGB uint8 pages, written out as they are added; ``pages[i]`` reads page ``i`` (a fresh array)."""

    def __init__(self, pages: Iterable[np.ndarray] = ()):
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="bailing-pages-")
        self._index: tuple[tuple[tuple[int, ...], int], ...] = ()
        offset, index = 0, []
        for page in pages:
            data = np.ascontiguousarray(page, dtype=np.uint8)
            self._file.write(memoryview(data).cast("B"))
            index.append((data.shape, offset))
            offset += data.nbytes
        self._file.flush()
        self._index = tuple(index)

    def __len__(self) -> int:
        return len(self._index)

    @overload
    def __getitem__(self, index: int) -> np.ndarray: ...

    @overload
    def __getitem__(self, index: slice) -> "StoredPages": ...

    def __getitem__(self, index: int | slice) -> np.ndarray | StoredPages:
        if isinstance(index, slice):
            part = StoredPages.__new__(StoredPages)
            part._file, part._index = self._file, self._index[index]   # the same file, kept open by both
            return part
        shape, offset = self._index[index]
        page = np.empty(shape, dtype=np.uint8)
        if os.preadv(self._file.fileno(), [memoryview(page).cast("B")], offset) != page.nbytes:
            raise OSError(f"page {index} of a stored upload could not be read back whole")
        return page
