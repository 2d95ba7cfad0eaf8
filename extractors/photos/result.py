"""One photo's recognition: asset classes from every source, plates and signs, combined.

Sources, in the order their evidence is trusted:

1. a model code painted on the machine (``model_codes``), confidence 0.9;
2. a signboard naming the merchant → ``shop_front``, confidence 0.9 (a sign naming another business
   is not evidence of this merchant's shop, and is reported as ``sign_names_other``);
3. the image classifier (any :class:`Recogniser`; default EfficientNet-Lite0 mapped from ImageNet);
4. the colour of a legible number plate (``plate_colour``, GA 36: yellow = large vehicle), 0.5 / 0.35.

``asset_class`` is the most confident class over all sources, or ``None`` when nothing reached
``min_confidence``: an honest "cannot tell" rather than ImageNet's nearest guess.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extractors.ocr import Document
from extractors.photos.model_codes import classes_from_text
from extractors.photos.plate_colour import classes_from_plates
from extractors.photos.recogniser import Recognition, Recogniser
from extractors.photos.sign_and_plate import SignAndPlate, read_sign_and_plate
from extractors.verify.context import MerchantContext

SIGN_CONFIDENCE = 0.9


@dataclass(frozen=True, slots=True)
class PhotoResult:
    asset_class: str | None
    confidence: float
    recognitions: tuple[Recognition, ...]       # every source's classes, best first
    plates: tuple[str, ...]
    known_plates: tuple[str, ...]
    sign_matches: tuple[str, ...]
    texts: tuple[str, ...]


def recognise_photo(image: np.ndarray, *, document: Document, recogniser: Recogniser,
                    context: MerchantContext | None = None, min_confidence: float = 0.3) -> PhotoResult:
    """Combine OCR (``document``, the photo's OCR) with ``recogniser``; see the module doc."""
    read: SignAndPlate = read_sign_and_plate(document, context)
    found = list(classes_from_text(read.texts)) + list(classes_from_plates(image, document))
    if read.sign_matches:
        found.append(Recognition("shop_front", SIGN_CONFIDENCE, f"text:sign:{read.sign_matches[0]}"))
    found += recogniser.recognise(image)
    found.sort(key=lambda r: -r.confidence)
    best = next((r for r in found if r.confidence >= min_confidence), None)
    return PhotoResult(best.asset_class if best else None, best.confidence if best else 0.0, tuple(found),
                       read.plates, read.known_plates, read.sign_matches, read.texts)
