from __future__ import annotations

import pytest

from extractors.ocr import EngineUnavailable, RapidOcrEngine, UnknownEngine, default_engine, get_engine
from extractors.ocr.doctr_engine import WEIGHTS_ENV, DoctrEngine


def test_default_engine_is_rapidocr_on_the_threads_asked_for() -> None:
    engine = default_engine(threads=1)
    assert isinstance(engine, RapidOcrEngine) and engine.threads == 1


def test_unknown_engine_names_the_known_ones() -> None:
    with pytest.raises(UnknownEngine, match="doctr.*rapidocr"):
        get_engine("tesseract")


def test_doctr_without_package_or_weights_says_what_is_missing(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(WEIGHTS_ENV, str(tmp_path))
    with pytest.raises(EngineUnavailable, match=r"fast_base\.pt"):
        get_engine("doctr")
    monkeypatch.delenv(WEIGHTS_ENV)
    with pytest.raises(EngineUnavailable, match=WEIGHTS_ENV):
        DoctrEngine().read([])


def test_an_engine_instance_passes_through() -> None:
    engine = RapidOcrEngine(threads=1, det_max_side=1280)
    assert get_engine(engine) is engine
