"""RapidOCR (PP-OCR models shipped inside the PyPI wheel): the default engine, Chinese and offline.

Settings were measured on seed_data's renders (``bench/extractors_eval.py``): the detector runs on the
page scaled so its longer side is at most ``det_max_side`` pixels, instead of RapidOCR's default of
never shrinking a page whose shorter side exceeds 736 px (a full A4 render at 1240 x 1754 px); the
recogniser still reads crops from the full-resolution image, so small print stays legible. The
180-degree angle classifier is off: uploads are upright pages and photos, and it costs a pass over
every span.
"""
from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata
from typing import Any

import numpy as np

from extractors.ocr.document import Document
from extractors.ocr.errors import EngineUnavailable
from extractors.ocr.layout import Span, build_page
from extractors.ocr.pages import checked_rgb


class RapidOcrEngine:
    """RapidOCR on onnxruntime with an explicit thread count.

    Args:
        threads (int): onnxruntime intra-op threads; shared machines run 2-20x slower when
            onnxruntime picks its own (default: ``1``).
        det_max_side (int): longest side, in pixels, the detector sees (default: ``960``).
        text_score (float): spans recognised with a lower score are dropped (default: ``0.5``).
        use_cls (bool): run the 180-degree text-angle classifier (default: ``False``).
    """

    name = "rapidocr"

    def __init__(self, *, threads: int = 1, det_max_side: int = 960, text_score: float = 0.5,
                 use_cls: bool = False):
        self.threads = threads
        self.det_max_side = det_max_side
        self.text_score = text_score
        self.use_cls = use_cls
        self._ocr: Any = None

    @property
    def version(self) -> str:
        try:
            package = metadata.version("rapidocr")
        except metadata.PackageNotFoundError:
            package = "missing"
        return f"rapidocr {package}; PP-OCRv6 det small + rec small; onnxruntime"

    def _engine(self) -> Any:
        # Built on first use, not in __init__: loading the models is I/O and takes a second.
        if self._ocr is None:
            if self.threads < 1:
                raise ValueError(f"threads must be >= 1, got {self.threads}")
            try:
                from rapidocr import RapidOCR
            except ImportError as error:
                raise EngineUnavailable(f"rapidocr is not installed ({error})") from error
            self._ocr = RapidOCR(params={
                "EngineConfig.onnxruntime.intra_op_num_threads": self.threads,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                "Global.log_level": "warning",
                "Global.use_cls": self.use_cls,
                "Global.text_score": self.text_score,
                "Det.limit_type": "max",
                "Det.limit_side_len": self.det_max_side,
            })
        return self._ocr

    def spans(self, page: np.ndarray) -> list[Span]:
        """Raw spans of one RGB page, before layout (photo recognition reads signs with this)."""
        # RapidOCR takes arrays as BGR. Its steps are named on every call: a call's flags stay set after it.
        result = self._engine()(np.ascontiguousarray(page[:, :, ::-1]), use_det=True, use_cls=self.use_cls,
                                use_rec=True)
        if result.boxes is None or not result.txts:
            return []
        return [Span(text=text, confidence=float(score), quad=tuple((float(x), float(y)) for x, y in box))
                for box, text, score in zip(result.boxes, result.txts, result.scores)]

    def detect(self, page: np.ndarray) -> list[tuple[tuple[float, float], ...]]:
        """Where one RGB page has text: quadrilaterals in pixels, clockwise from top left, nothing read.

        Detection is a tenth of a page's OCR (0.4 of 4.8 s on a statement page); the text-layer check
        (``extractors.pipeline.text_trust``) uses it alone to see where a page shows text.
        """
        result = self._engine()(np.ascontiguousarray(page[:, :, ::-1]), use_det=True, use_cls=False,
                                use_rec=False)
        boxes = getattr(result, "boxes", None)
        if boxes is None:
            return []
        return [tuple((float(x), float(y)) for x, y in box) for box in boxes]

    def recognise(self, crops: Sequence[np.ndarray]) -> list[tuple[str, float]]:
        """Text and score of each RGB crop of one text line, read by the recogniser alone, in one batch.

        Goes past ``RapidOCR.__call__`` (which reads one image per call) to its recogniser, as
        rapidocr 3.10 builds it (the version is pinned).
        """
        if not crops:
            return []
        from rapidocr.ch_ppocr_rec import TextRecInput

        recogniser = self._engine()._load_rec_model()
        result = recogniser(TextRecInput(img=[np.ascontiguousarray(c[:, :, ::-1]) for c in crops]))
        return [(str(t), float(s)) for t, s in zip(result.txts or (), result.scores or ())]

    def read(self, pages: Sequence[np.ndarray]) -> Document:
        checked = checked_rgb(pages)
        built = tuple(build_page(self.spans(page), page_idx=i, height=page.shape[0], width=page.shape[1])
                      for i, page in enumerate(checked))
        return Document(pages=built, engine=self.name, engine_version=self.version)

    def __repr__(self) -> str:
        return (f"RapidOcrEngine(threads={self.threads}, det_max_side={self.det_max_side}, "
                f"text_score={self.text_score}, use_cls={self.use_cls})")
