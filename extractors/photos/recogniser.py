"""What a photo recogniser returns, and the protocol a bank's own detector implements to replace ours."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np


@dataclass(frozen=True, slots=True)
class Recognition:
    """One asset class seen in a photo.

    ``asset_class`` is an ontology asset-class code (``extractors.photos.mapping.ASSET_CLASS_CODES``);
    ``source`` names what saw it, e.g. ``"efficientnet-lite0:trailer truck"`` or ``"text:model_code"``.
    """

    asset_class: str
    confidence: float
    source: str

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be in [0, 1], got {self.confidence}")


@runtime_checkable
class Recogniser(Protocol):
    """Anything that maps an RGB ``uint8`` photo ``(H, W, 3)`` to asset classes, best first."""

    name: str

    def recognise(self, image: np.ndarray) -> Sequence[Recognition]: ...
