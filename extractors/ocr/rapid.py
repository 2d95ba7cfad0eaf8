"""RapidOCR (PP-OCR models shipped inside the PyPI wheel): the default engine, Chinese and offline.

Settings were measured on seed_data's renders (``bench/extractors_eval.py``): the detector runs on the
page scaled so its longer side is at most ``det_max_side`` pixels, instead of RapidOCR's default of
never shrinking a page whose shorter side exceeds 736 px (a full A4 render at 1240 x 1754 px); the
recogniser still reads crops from the full-resolution image, so small print stays legible. The
180-degree angle classifier is off: uploads are upright pages and photos, and it costs a pass over
every span.

The same ONNX models run on OpenVINO by default: at full 32-bit precision it reads exactly what
onnxruntime reads (every span of a 25-page sample identical) with about a quarter less CPU
(``docs/decisions.md``). onnxruntime stays selectable by name.

A table page (``dense_lines`` text lines or more: a bank statement, a VAT return) has its lines read
by a faster recogniser: bfloat16, crops padded to 160 px instead of 320. Its lines are short figures
and dates, half of a 320 px crop is padding, and its figures are cross-checked by the page's own
arithmetic. Every other page is read exactly as onnxruntime reads it. Measured field by field in
``docs/decisions.md``.

The recogniser reads a page's lines two at a time, not RapidOCR's six: a batch is padded to its widest
line, and on OpenVINO each new batch shape holds its own working memory, which took a worker past
1.5 GB. Two at a time cost no CPU (measured in ``docs/decisions.md``).
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


BACKENDS = ("openvino", "onnxruntime")
PRECISIONS = ("f32", "bf16")
TABLE_CROP_WIDTH = 160   # px a table line's crop is padded to (RapidOCR pads every crop to 320)
REC_BATCH = 2            # lines recognised per inference call (RapidOCR's default is 6)


class RapidOcrEngine:
    """RapidOCR on OpenVINO or onnxruntime, with an explicit thread count and precision.

    Args:
        threads (int): inference threads; shared machines run 2-20x slower when the runtime picks
            its own. With one, inference runs on the caller's thread, so its CPU is that thread's
            (the page budget relies on it) (default: ``1``).
        backend (str): ``"openvino"`` or ``"onnxruntime"`` (default: ``"openvino"``).
        precision (str): OpenVINO's inference precision, ``"f32"`` (what onnxruntime computes) or
            ``"bf16"`` (on CPUs with bfloat16 units; OpenVINO's own default there) (default: ``"f32"``).
        dense_lines (int | None): a page with at least this many text lines is read by the table
            recogniser (bf16, 160 px crops); ``None`` reads every page at ``precision``. OpenVINO
            only (default: ``100``).
        det_max_side (int): longest side, in pixels, the detector sees (default: ``960``).
        text_score (float): spans recognised with a lower score are dropped (default: ``0.5``).
        use_cls (bool): run the 180-degree text-angle classifier (default: ``False``).
    """

    name = "rapidocr"

    def __init__(self, *, threads: int = 1, backend: str = "openvino", precision: str = "f32",
                 dense_lines: int | None = 100, det_max_side: int = 960, text_score: float = 0.5,
                 use_cls: bool = False):
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, got {backend!r}")
        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, got {precision!r}")
        if backend == "onnxruntime" and precision != "f32":
            raise ValueError("onnxruntime computes in f32 only; bf16 needs the openvino backend")
        if dense_lines is not None and dense_lines < 1:
            raise ValueError(f"dense_lines must be >= 1 or None, got {dense_lines}")
        self.threads = threads
        self.backend = backend
        self.precision = precision
        self.dense_lines = dense_lines if backend == "openvino" else None
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
        runtime = "onnxruntime" if self.backend == "onnxruntime" else f"openvino {self.precision}"
        if self.dense_lines is not None:
            runtime += f"; tables ({self.dense_lines}+ lines) bf16 {TABLE_CROP_WIDTH} px"
        return f"rapidocr {package}; PP-OCRv6 det small + rec small; {runtime}"

    def _engine(self) -> Any:
        # Built on first use, not in __init__: loading the models is I/O and takes a second.
        if self._ocr is None:
            if self.threads < 1:
                raise ValueError(f"threads must be >= 1, got {self.threads}")
            try:
                from rapidocr import RapidOCR
                from rapidocr.utils.typings import EngineType
            except ImportError as error:
                raise EngineUnavailable(f"rapidocr is not installed ({error})") from error
            params: dict[str, Any] = {
                "Global.log_level": "warning",
                "Global.use_cls": self.use_cls,
                "Global.text_score": self.text_score,
                "Det.limit_type": "max",
                "Det.limit_side_len": self.det_max_side,
                "Rec.rec_batch_num": REC_BATCH,
            }
            if self.backend == "onnxruntime":
                params |= {"EngineConfig.onnxruntime.intra_op_num_threads": self.threads,
                           "EngineConfig.onnxruntime.inter_op_num_threads": 1}
            else:
                params |= {f"{part}.engine_type": EngineType.OPENVINO for part in ("Det", "Cls", "Rec")}
                params |= {"EngineConfig.openvino.inference_num_threads": self.threads}
            ocr = RapidOCR(params=params)
            if self.backend == "openvino":
                ocr._load_det_model()
                ocr._load_rec_model()
                _compile_openvino(ocr.text_det, threads=self.threads, precision=self.precision)
                _compile_openvino(ocr.text_rec, threads=self.threads, precision=self.precision)
                if self.dense_lines is not None:
                    ocr.text_rec = _TableRouter(ocr.text_rec, _table_recogniser(ocr, self.threads), self.dense_lines)
            self._ocr = ocr
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
        return (f"RapidOcrEngine(threads={self.threads}, backend={self.backend!r}, precision={self.precision!r}, "
                f"dense_lines={self.dense_lines}, det_max_side={self.det_max_side}, "
                f"text_score={self.text_score}, use_cls={self.use_cls})")


class _TableRouter:
    """RapidOCR's recogniser for one page's lines: the table recogniser for a page of many lines.

    RapidOCR hands the recogniser all of a page's crops in one call, after detection, so their number
    is the page's line count.
    """

    def __init__(self, exact: Any, table: Any, dense_lines: int):
        self.exact, self.table, self.dense_lines = exact, table, dense_lines

    def __call__(self, rec_input: Any) -> Any:
        lines = 1 if isinstance(rec_input.img, np.ndarray) else len(rec_input.img)
        return (self.table if lines >= self.dense_lines else self.exact)(rec_input)


def _table_recogniser(ocr: Any, threads: int) -> Any:
    """A second recogniser of the same model: bf16, crops padded to ``TABLE_CROP_WIDTH``."""
    import copy

    from rapidocr.ch_ppocr_rec import TextRecognizer

    config = copy.deepcopy(ocr.cfg.Rec)
    config.rec_img_shape = [3, 48, TABLE_CROP_WIDTH]
    recogniser = TextRecognizer(config)
    _compile_openvino(recogniser, threads=threads, precision="bf16")
    return recogniser


def _compile_openvino(part: Any, *, threads: int, precision: str) -> None:
    """Compile a RapidOCR detector's or recogniser's model with the precision asked for.

    RapidOCR 3.10 (pinned) compiles OpenVINO models with the CPU's default precision, which is bf16
    wherever the CPU has bfloat16 units, and offers no setting for it; so its model is recompiled
    here with ``INFERENCE_PRECISION_HINT``. On a CPU without bfloat16 units bf16 falls back to f32.
    """
    from openvino import Core

    # Every page and every batch of crops is a new input shape; OpenVINO keeps the kernels it built for
    # each (5,000 by default), which took a worker past its 1.5 GB. Not caching them cost ~5% CPU.
    config = {"INFERENCE_NUM_THREADS": str(threads), "INFERENCE_PRECISION_HINT": precision,
              "CPU_RUNTIME_CACHE_CAPACITY": "0"}
    session = part.session
    session.session = Core().compile_model(session.model, "CPU", config).create_infer_request()
