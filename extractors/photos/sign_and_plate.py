"""Reading what a photo says about its owner: number plates (GA 36) and shop-sign text.

A plate read on a truck is matched against plates on the merchant's verified vehicle papers; a
signboard is matched against the merchant's registered and licensed names (signs drop the legal
suffix and often the place prefix, which ``names_match`` allows). The OCR engine is
``extractors.ocr.default_engine`` unless the caller already has the page's OCR.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extractors.ocr import Document, OcrEngine, default_engine
from extractors.verify.context import MerchantContext
from extractors.verify.names import names_match
from extractors.verify.numbers.plates import find_plates

MIN_SIGN_CHARS = 2


@dataclass(frozen=True, slots=True)
class SignAndPlate:
    texts: tuple[str, ...]                    # every OCR line, in reading order
    plates: tuple[str, ...]                   # well-formed plates, normalised (no dot)
    known_plates: tuple[str, ...]             # of those, the ones on the merchant's verified papers
    sign_matches: tuple[str, ...]             # lines that match one of the merchant's names


def ocr_lines(document: Document) -> tuple[str, ...]:
    return tuple(line.render().replace(" ", "") for page in document.pages for block in page.blocks
                 for line in block.lines)


def read_sign_and_plate(document: Document, context: MerchantContext | None) -> SignAndPlate:
    texts = ocr_lines(document)
    plates = find_plates(" ".join(texts))
    if context is None:
        return SignAndPlate(texts, plates, (), ())
    known = {p.replace("·", "") for p in context.plates}
    signs = tuple(t for t in texts if len(t) >= MIN_SIGN_CHARS and any(names_match(t, n) for n in context.names))
    return SignAndPlate(texts, plates, tuple(p for p in plates if p in known), signs)


def read_photo(image: np.ndarray, context: MerchantContext | None, engine: OcrEngine | None = None) -> SignAndPlate:
    """OCR ``image`` (default engine, one thread) and read it."""
    return read_sign_and_plate((engine or default_engine(threads=1)).read([image]), context)
