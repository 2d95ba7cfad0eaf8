"""OCR engines behind one output type, docTR's ``Document`` structure."""
from extractors.ocr.document import Block, Document, Line, Page, Word

__all__ = ["Block", "Document", "Line", "Page", "Word"]
