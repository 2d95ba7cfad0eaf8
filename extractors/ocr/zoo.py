"""Engines by name, docTR-zoo style: a name from ``ENGINES`` or an engine instance."""
from __future__ import annotations

from collections.abc import Callable

from extractors.ocr.doctr_engine import DoctrEngine, missing_requirements
from extractors.ocr.engine import OcrEngine
from extractors.ocr.errors import EngineUnavailable, UnknownEngine
from extractors.ocr.rapid import RapidOcrEngine

ENGINES: dict[str, Callable[..., OcrEngine]] = {"rapidocr": RapidOcrEngine, "doctr": DoctrEngine}


def default_engine(threads: int = 1) -> OcrEngine:
    """RapidOCR: the only engine whose models ship with the package and read Chinese."""
    return RapidOcrEngine(threads=threads)


def get_engine(engine: str | OcrEngine = "rapidocr", *, threads: int = 1) -> OcrEngine:
    """Build an engine by name, or pass an instance through (a bank's own recogniser).

    Raises ``UnknownEngine`` for an unregistered name and ``EngineUnavailable`` when docTR is asked for
    on a machine without its package or local weights, before any page is read.
    """
    if not isinstance(engine, str):
        if not isinstance(engine, OcrEngine):
            raise TypeError(f"not an OCR engine: {engine!r}")
        return engine
    if engine not in ENGINES:
        raise UnknownEngine(f"unknown OCR engine {engine!r}; known: {sorted(ENGINES)}")
    if engine == "doctr":
        built = DoctrEngine(threads=threads)
        missing = missing_requirements(built.det_arch, built.reco_arch)
        if missing:
            raise EngineUnavailable("docTR engine unavailable: missing " + "; ".join(missing))
        return built
    return ENGINES[engine](threads=threads)
