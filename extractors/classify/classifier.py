"""Document type from OCR text: titles, labels and number layouts, weighed; few words means a photo.

Each type in ``signals.SIGNALS`` scores the sum of the signals its page shows. A title counts fully
only in the top third of the text (where forms print it): contracts and statements name other
documents in their body ("开具增值税发票后…"), and that must not make them invoices. The best type wins;
its confidence is its margin over the runner-up, scaled down when the evidence is thin.

A page with little text and no title is a ``photo`` candidate (a shop sign or a number plate prints a
few words; a form prints dozens). A page with text that matches no type well is ``unknown``: it is kept,
but proves nothing.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from extractors.classify.signals import SIGNALS, TITLE
from extractors.classify.taxonomy import PHOTO, UNKNOWN
from extractors.ocr.document import Document
from extractors.text.normalise import compact

TITLE_ZONE = 0.35          # share of the text's height, from its top, where a title counts in full
MIN_SCORE = 4.0            # below this the best type is not believed: ``unknown`` (or ``photo``)
PHOTO_MAX_CHARS = 60       # fewer characters than this, and no title, is a photo
PHOTO_SPAN_CHARS = 10      # ... and so is a page of short spans matching no type
FULL_EVIDENCE = TITLE + 4  # a title plus four labels: confidence is not scaled down


@dataclass(frozen=True, slots=True)
class Classification:
    doc_type: str
    confidence: float
    scores: Mapping[str, float] = field(default_factory=dict)


def _zones(document: Document) -> tuple[str, str]:
    """(text of the title zone, text of the whole document), whitespace removed."""
    lines = [line for page in document.pages[:1] for block in page.blocks for line in block.lines]
    if not lines:
        return "", compact(document.render())
    top = min(l.geometry[0][1] for l in lines)
    bottom = max(l.geometry[1][1] for l in lines)
    cut = top + TITLE_ZONE * (bottom - top)
    head = "".join(compact(l.render()) for l in lines if (l.geometry[0][1] + l.geometry[1][1]) / 2 <= cut)
    return head, "".join(compact(p.render()) for p in document.pages)


def score_types(document: Document) -> dict[str, float]:
    head, text = _zones(document)
    scores = {}
    for doc_type, signals in SIGNALS.items():
        total = 0.0
        for weight, patterns in signals:
            for pattern in patterns:
                if weight == TITLE:
                    if pattern.search(head):
                        total += TITLE
                    elif pattern.search(text):
                        total += 1.0
                elif pattern.search(text):
                    total += weight
        scores[doc_type] = total
    return scores


def classify(document: Document) -> Classification:
    """The document's type among SPEC §5's 26, or ``photo`` / ``unknown``, with a confidence in [0, 1]."""
    scores = score_types(document)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, best_score), (_, second_score) = ranked[0], ranked[1]
    chars = len(compact(document.render()))
    spans = [len(compact(w.value)) for p in document.pages for b in p.blocks for l in b.lines for w in l.words]
    # Signs, plates and shelf price tags are short spans; unmatched prose is long ones.
    short_spans = bool(spans) and sorted(spans)[len(spans) // 2] <= PHOTO_SPAN_CHARS
    if best_score < MIN_SCORE or (chars < PHOTO_MAX_CHARS and best_score < TITLE):
        if chars < PHOTO_MAX_CHARS or short_spans:
            return Classification(PHOTO, round(max(0.5, 1.0 - chars / (2 * PHOTO_MAX_CHARS)), 3), scores)
        return Classification(UNKNOWN, round(min(1.0, 1.0 - best_score / MIN_SCORE / 2), 3), scores)
    margin = (best_score - max(second_score, 0.0)) / best_score
    strength = min(1.0, best_score / FULL_EVIDENCE)
    return Classification(best, round(max(0.0, min(1.0, 0.5 + 0.5 * margin)) * strength, 3), scores)
