"""What can be wrong with an uploaded file, as one hierarchy of typed errors.

Each message names the file, the problem and, where one applies, the limit, so a merchant (or the
assistant speaking for them) can say what to do next. Nothing is written anywhere before intake passes.
"""
from __future__ import annotations


class IntakeError(ValueError):
    """An uploaded file Bailing will not read; ``source`` is the name it was uploaded under."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class UnreadableFile(IntakeError):
    """The path does not exist, is not a regular file, or cannot be opened."""


class EmptyFile(IntakeError):
    """Zero bytes."""


class FileTooLarge(IntakeError):
    """More bytes than ``IntakeLimits.max_bytes``; refused before it is read in full."""


class UnsupportedFormat(IntakeError):
    """Not a JPEG, PNG, WebP, HEIC or PDF by its magic bytes (the file name's extension is ignored)."""


class HeicUnsupported(IntakeError):
    """A HEIC/HEIF photo, but no offline HEIF decoder (pillow-heif) is installed."""


class TruncatedImage(IntakeError):
    """The image stops before its declared data ends."""


class CorruptImage(IntakeError):
    """The image's header or data cannot be decoded."""


class DecompressionBomb(IntakeError):
    """The declared dimensions exceed ``IntakeLimits.max_pixels``; refused before decoding."""


class DecodeTooLarge(IntakeError):
    """Decoding would take more memory than ``IntakeLimits.max_decode_bytes`` even at the smallest scale the
    format allows (a small file can declare a large, incompressible-looking canvas); refused before decoding."""


class TooManyPages(IntakeError):
    """A PDF with more pages than ``IntakeLimits.max_pages``; refused before any page is rendered."""


class PageTooSlow(IntakeError):
    """One page took more CPU to render or to read than ``IntakeLimits.page_seconds``; the message names
    the page. The upload stops there: nothing was written."""


class CorruptPdf(IntakeError):
    """PDFium cannot open the document (damaged, encrypted) or render one of its pages."""


class ConsentScopeRefused(IntakeError):
    """The file is financial-account data (a bank or payment statement) and the consent it came under
    is not the separate ``financial_accounts`` one; found after reading, refused before anything is written."""
