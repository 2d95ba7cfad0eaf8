"""docTR's output structure (pages → blocks → lines → words), as frozen records.

Every engine returns this, so classification and field extraction never see an engine's own types.
Geometry is relative to the page, docTR-style: ``((xmin, ymin), (xmax, ymax))`` in [0, 1].
"""
from __future__ import annotations

from dataclasses import dataclass

BoundingBox = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True, slots=True)
class Word:
    value: str
    confidence: float
    geometry: BoundingBox


@dataclass(frozen=True, slots=True)
class Line:
    words: tuple[Word, ...]
    geometry: BoundingBox

    def render(self) -> str:
        return " ".join(w.value for w in self.words)


@dataclass(frozen=True, slots=True)
class Block:
    lines: tuple[Line, ...]
    geometry: BoundingBox

    def render(self) -> str:
        return "\n".join(line.render() for line in self.lines)


@dataclass(frozen=True, slots=True)
class Page:
    page_idx: int
    dimensions: tuple[int, int]  # (height, width) in pixels, as docTR
    blocks: tuple[Block, ...]
    source: str = "ocr"          # "ocr", or "text_layer": a PDF's own text, checked against the pixels

    def render(self) -> str:
        return "\n\n".join(b.render() for b in self.blocks)


@dataclass(frozen=True, slots=True)
class Document:
    pages: tuple[Page, ...]
    engine: str           # e.g. "rapidocr"
    engine_version: str   # package version plus model name, recorded on every fact

    @property
    def text_layer_pages(self) -> tuple[int, ...]:
        """Indexes of the pages read from their PDF text layer instead of OCR."""
        return tuple(p.page_idx for p in self.pages if p.source == "text_layer")

    def render(self) -> str:
        return "\n\n\n".join(p.render() for p in self.pages)
