"""Intake: accept an uploaded file or refuse it with a typed error, before anything else sees it."""
from extractors.intake.consent import Consent
from extractors.intake.errors import (ConsentScopeRefused, CorruptImage, CorruptPdf, DecodeTooLarge, DecompressionBomb, EmptyFile,
                                      FileTooLarge, HeicUnsupported, IntakeError, PageTooSlow, TooManyPages,
                                      TruncatedImage,
                                      UnreadableFile, UnsupportedFormat)
from extractors.intake.limits import IntakeLimits
from extractors.intake.reader import read_evidence, read_evidence_bytes
from extractors.intake.record import Intake

__all__ = ["Consent", "ConsentScopeRefused", "CorruptImage", "CorruptPdf", "DecodeTooLarge", "DecompressionBomb", "EmptyFile", "FileTooLarge",
           "HeicUnsupported", "Intake", "IntakeError", "IntakeLimits", "PageTooSlow", "TooManyPages", "TruncatedImage",
           "UnreadableFile", "UnsupportedFormat", "read_evidence", "read_evidence_bytes"]
