"""OCR engines behind one output type, docTR's ``Document`` structure.

Light on import: the engines load their models on first ``read``.
"""
from extractors.ocr.document import Block, Document, Line, Page, Word
from extractors.ocr.engine import OcrEngine
from extractors.ocr.errors import BadPage, EngineUnavailable, UnknownEngine
from extractors.ocr.rapid import RapidOcrEngine
from extractors.ocr.doctr_engine import DoctrEngine
from extractors.ocr.zoo import ENGINES, default_engine, get_engine

__all__ = ["BadPage", "Block", "DoctrEngine", "Document", "ENGINES", "EngineUnavailable", "Line",
           "OcrEngine", "Page", "RapidOcrEngine", "UnknownEngine", "Word", "default_engine", "get_engine"]
