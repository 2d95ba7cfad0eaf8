"""Document classification into SPEC §5's 26 types, ``photo`` and ``unknown``."""
from extractors.classify.classifier import Classification, classify, score_types
from extractors.classify.taxonomy import ALL_TYPES, DOC_TYPES, PHOTO, UNKNOWN

__all__ = ["ALL_TYPES", "Classification", "DOC_TYPES", "PHOTO", "UNKNOWN", "classify", "score_types"]
