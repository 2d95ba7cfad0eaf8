"""Text on an asset photo: the number plate (for plate ↔ licence matching) and any sign text."""
from __future__ import annotations

from extractors.fields import patterns as P
from extractors.fields.reading import rows_of, row_text
from extractors.fields.records import PhotoTextRecord
from extractors.ocr.document import Document


def extract_photo_text(document: Document) -> PhotoTextRecord:
    rows = rows_of(document)
    texts = tuple(row_text(r) for r in rows)
    for row in rows:
        # Plates print a middle dot after the province letter ("鲁A·89B99"); OCR reads it or not.
        match = P.PLATE.search(row_text(row).replace("·", "").replace(".", "").replace("•", ""))
        if match:
            return PhotoTextRecord(plate=match.group(1), texts=texts,
                                   confidence={"plate": min(c.confidence for c in row)})
    return PhotoTextRecord(plate=None, texts=texts)
