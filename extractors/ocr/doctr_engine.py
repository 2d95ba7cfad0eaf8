"""docTR as a second engine, for Latin-script documents, where its weights already sit on disk.

docTR has no Chinese recogniser and fetches weights from the internet on first use; Bailing never
downloads at run time, so this engine runs only when ``python-doctr`` is installed and the weight files
are in the folder ``BAILING_DOCTR_WEIGHTS`` names (``<det_arch>.pt`` and ``<reco_arch>.pt``). Otherwise
``read`` raises ``EngineUnavailable`` saying which of them is missing.
"""
from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from extractors.ocr.document import Block, Document, Line, Page, Word
from extractors.ocr.errors import EngineUnavailable
from extractors.ocr.pages import checked_rgb

WEIGHTS_ENV = "BAILING_DOCTR_WEIGHTS"


def missing_requirements(det_arch: str, reco_arch: str, env: Mapping[str, str] | None = None) -> list[str]:
    """What stops docTR from running here, in words; empty when it can run."""
    env = os.environ if env is None else env
    missing = []
    if importlib.util.find_spec("doctr") is None:
        missing.append("the python-doctr package")
    folder = env.get(WEIGHTS_ENV)
    if not folder:
        missing.append(f"the {WEIGHTS_ENV} environment variable (a folder of docTR weight files)")
    else:
        for arch in (det_arch, reco_arch):
            if not (Path(folder) / f"{arch}.pt").is_file():
                missing.append(f"weight file {Path(folder) / f'{arch}.pt'}")
    return missing


def _geometry(raw: Any) -> tuple[tuple[float, float], tuple[float, float]]:
    points = np.asarray(raw, dtype=float).reshape(-1, 2)
    return ((float(points[:, 0].min()), float(points[:, 1].min())),
            (float(points[:, 0].max()), float(points[:, 1].max())))


def convert(exported: Mapping[str, Any], *, engine_version: str) -> Document:
    """docTR's ``Document.export()`` dict to Bailing's ``Document`` (the same tree, frozen)."""
    pages = []
    for page in exported["pages"]:
        blocks = []
        for block in page["blocks"]:
            lines = tuple(
                Line(words=tuple(Word(value=w["value"], confidence=float(w["confidence"]),
                                      geometry=_geometry(w["geometry"])) for w in line["words"]),
                     geometry=_geometry(line["geometry"]))
                for line in block["lines"])
            blocks.append(Block(lines=lines, geometry=_geometry(block["geometry"])))
        pages.append(Page(page_idx=int(page["page_idx"]), dimensions=tuple(page["dimensions"]),
                          blocks=tuple(blocks)))
    return Document(pages=tuple(pages), engine="doctr", engine_version=engine_version)


class DoctrEngine:
    """docTR's two-stage predictor, built from local weight files only.

    Args:
        det_arch (str): detection architecture, docTR's name (default: ``"fast_base"``).
        reco_arch (str): recognition architecture, docTR's name (default: ``"crnn_vgg16_bn"``).
        threads (int): torch CPU threads (default: ``1``).
    """

    name = "doctr"

    def __init__(self, *, det_arch: str = "fast_base", reco_arch: str = "crnn_vgg16_bn", threads: int = 1):
        self.det_arch = det_arch
        self.reco_arch = reco_arch
        self.threads = threads
        self._predictor: Any = None

    @property
    def version(self) -> str:
        try:
            package = metadata.version("python-doctr")
        except metadata.PackageNotFoundError:
            package = "missing"
        return f"python-doctr {package}; {self.det_arch} + {self.reco_arch}"

    def _load(self) -> Any:
        if self._predictor is None:
            missing = missing_requirements(self.det_arch, self.reco_arch)
            if missing:
                raise EngineUnavailable("docTR engine unavailable: missing " + "; ".join(missing))
            import torch
            from doctr.models import detection, ocr_predictor, recognition

            torch.set_num_threads(self.threads)
            folder = Path(os.environ[WEIGHTS_ENV])
            # pretrained_backbone=False too: pretrained=False alone still downloads a backbone.
            det = detection.__dict__[self.det_arch](pretrained=False, pretrained_backbone=False)
            det.load_state_dict(torch.load(folder / f"{self.det_arch}.pt", map_location="cpu"))
            reco = recognition.__dict__[self.reco_arch](pretrained=False, pretrained_backbone=False)
            reco.load_state_dict(torch.load(folder / f"{self.reco_arch}.pt", map_location="cpu"))
            self._predictor = ocr_predictor(det_arch=det, reco_arch=reco, pretrained=False)
        return self._predictor

    def read(self, pages: Sequence[np.ndarray]) -> Document:
        checked = checked_rgb(pages)
        result = self._load()(checked)
        return convert(result.export(), engine_version=self.version)
