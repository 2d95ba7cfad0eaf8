"""Photo/document confusion on real photos nobody here made: how often an asset photo from
``../shared/photos/train`` (trucks, machinery, stock, shop fronts, livestock …) is read as one of the 26
document types, which would send it down a field extractor instead of photo recognition.

The seed world's side of the same figure (its photos and documents through the classifier) is the
``photo`` row and the type accuracy of ``bench/extractors_eval.py``.

    python bench/photo_document_confusion.py [--photos ../shared/photos/train] [--per-class 12] [--threads 1]

Prints, per asset class, photos read and how many were classified as a document (and as which), then
the overall rate. Photos are sampled per class in name order (deterministic).
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image

from extractors.classify import PHOTO, UNKNOWN, classify
from extractors.ocr import default_engine

SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


def photos_by_class(root: Path, per_class: int) -> dict[str, list[Path]]:
    out = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(f for f in folder.rglob("*") if f.suffix.lower() in SUFFIXES)
        if files:
            out[folder.name] = files[:per_class]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--photos", type=Path, default=Path("../shared/photos/train"))
    parser.add_argument("--per-class", type=int, default=12, help="photos per asset class (default: 12)")
    parser.add_argument("--threads", type=int, default=1, help="onnxruntime threads (default: 1)")
    args = parser.parse_args(argv)
    engine = default_engine(threads=args.threads)
    total = documents = 0
    print(f"{'class':22s} {'photos':>6s} {'as document':>11s}  which")
    for cls, files in photos_by_class(args.photos, args.per_class).items():
        read_as: Counter[str] = Counter()
        for path in files:
            image = np.asarray(Image.open(path).convert("RGB"))
            read_as[classify(engine.read([image])).doc_type] += 1
        wrong = {t: n for t, n in read_as.items() if t not in (PHOTO, UNKNOWN)}
        total += len(files)
        documents += sum(wrong.values())
        print(f"{cls:22s} {len(files):6d} {sum(wrong.values()):11d}  {', '.join(f'{t} {n}' for t, n in wrong.items())}")
    print(f"real photos read as a document: {documents} of {total} = {documents / max(total, 1):.1%}")


if __name__ == "__main__":
    main()
