"""Pages typed in a test instead of OCR'd: rows of (text, left edge) spans as a ``Document``."""
from __future__ import annotations

from extractors.ocr.document import Block, Document, Line, Page, Word


def typed_document(rows: tuple[tuple[tuple[str, float], ...], ...], *, row_gap: float, char_width: float,
                   size: tuple[int, int]) -> Document:
    """Each row ``row_gap`` of the page below the last; each span ``char_width`` wide per character."""
    lines = []
    for i, row in enumerate(rows):
        y = 0.05 + i * row_gap
        words = tuple(Word(text, 0.97, ((x, y), (min(x + char_width * len(text), 0.99), y + 0.02)))
                      for text, x in row)
        lines.append(Line(words, (words[0].geometry[0], words[-1].geometry[1])))
    return Document((Page(0, size, (Block(tuple(lines), ((0, 0), (1, 1))),)),), "test", "test")
