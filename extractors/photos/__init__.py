"""Photo recognition: pluggable asset classifiers plus OCR of signs, plates and model codes."""
from extractors.photos.recogniser import Recognition, Recogniser
from extractors.photos.result import PhotoResult, recognise_photo

__all__ = ["PhotoResult", "Recognition", "Recogniser", "recognise_photo"]
