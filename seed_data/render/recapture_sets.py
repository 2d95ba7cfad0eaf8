"""Genuine and recaptured samples built from real photos, for calibrating and measuring recapture cues.

The real photos (``../shared/photos/train``, one folder per class) are split in two by a hash of
``class/file``, stratified by class: the *calibration* half fits the detector, the *evaluation* half
is only ever measured. Each photo is then
- sent as a genuine upload through a messaging chain (``GENUINE_CHAINS``), and
- recaptured off a screen (``moire.capture_screen``) or a print (``halftone.capture_print``) and the
  camera frame sent through a messaging chain.
Families in ``HELD_OUT`` (a panel, a print process, a messaging family) never enter calibration.
Every sample is seeded by its photo, role and chain: rebuilding gives the same pixels. The seed
world's documents (``document_samples``) are built the same way, from the hand-built sample world.
"""
from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from seed_data.render import halftone, messaging, moire
from seed_data.render.evidence import render_evidence
from seed_data.render.sample_world import sample_world
from seed_data.world.records import EvidenceItem, Merchant

SPLITS = ("calibration", "evaluation")
# Genuine uploads: every messaging family alone (then the app's JPEG, which every send ends with).
GENUINE_CHAINS: dict[str, tuple[str, ...]] = {
    "as_is": (),
    "resize_1280": ("resize_1280", "jpeg_420"),
    "resize_720": ("resize_720", "jpeg_420"),
    "jpeg_420": ("jpeg_420",),
    "jpeg_444": ("jpeg_444",),
    "sharpen": ("sharpen", "jpeg_420"),
    "hdr_tone": ("hdr_tone", "jpeg_420"),
    "viewer_screenshot": ("viewer_screenshot", "jpeg_420"),
}
# What a recapture's camera frame goes through before it reaches us.
RECAPTURE_CHAINS: dict[str, tuple[str, ...]] = {
    "resize_1280": ("resize_1280", "jpeg_420"),
    "resize_720": ("resize_720", "jpeg_420"),
    "jpeg_444": ("resize_1280", "jpeg_444"),
    "sharpen": ("sharpen", "resize_1280", "jpeg_420"),
    "viewer_screenshot": ("resize_1280", "viewer_screenshot", "jpeg_420"),
    "hdr_tone": ("hdr_tone", "resize_1280", "jpeg_420"),
}
SCREEN_FAMILIES = moire.PANELS
PRINT_FAMILIES = halftone.PRINTS
HELD_OUT = moire.HELD_OUT | halftone.HELD_OUT | messaging.HELD_OUT


@dataclass(frozen=True, slots=True)
class Photo:
    label: str        # class folder
    path: Path

    @property
    def key(self) -> str:
        return f"{self.label}/{self.path.name}"


@dataclass(frozen=True, slots=True)
class Sample:
    """One image as the detector receives it, and how it was made."""

    photo: Photo
    kind: str                   # "genuine", "screen" or "print"
    family: str                 # the panel or print process; "" for genuine
    chain: str                  # the messaging chain's name
    steps: tuple[messaging.Step, ...]
    image: np.ndarray

    @property
    def held_out(self) -> bool:
        return self.family in HELD_OUT or any(f in HELD_OUT for f in self.chain_families)

    @property
    def chain_families(self) -> tuple[str, ...]:
        return GENUINE_CHAINS.get(self.chain, ()) if self.kind == "genuine" else RECAPTURE_CHAINS[self.chain]


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def photos(root: Path, split: str) -> list[Photo]:
    """The photos of one half: within each class, sorted by hash, alternate photos to each half."""
    if split not in SPLITS:
        raise ValueError(f"unknown split '{split}'; known: {SPLITS}")
    chosen = []
    for folder in sorted(p for p in Path(root).iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.jpg"), key=lambda p: _hash(f"{folder.name}/{p.name}"))
        chosen += [Photo(folder.name, p) for p in files[SPLITS.index(split)::2]]
    return chosen


def _rng(seed: int, *parts: str) -> np.random.Generator:
    return np.random.default_rng([seed, _hash("|".join(parts))])


def load(photo: Photo) -> np.ndarray:
    with Image.open(photo.path) as im:
        return np.asarray(im.convert("RGB"))


def genuine(photo: Photo, chain: str, seed: int = 0) -> Sample:
    sent = messaging.send(load(photo), GENUINE_CHAINS[chain], _rng(seed, photo.key, "genuine", chain))
    return Sample(photo, "genuine", "", chain, sent.steps, sent.image)


def recaptured(photo: Photo, family: str, chain: str, seed: int = 0) -> Sample:
    rng = _rng(seed, photo.key, family, chain)
    if family in SCREEN_FAMILIES:
        kind, frame = "screen", moire.capture_screen(load(photo), rng, panel=family).image
    elif family in PRINT_FAMILIES:
        kind, frame = "print", halftone.capture_print(load(photo), rng, family=family).image
    else:
        raise ValueError(f"unknown recapture family '{family}'")
    sent = messaging.send(frame, RECAPTURE_CHAINS[chain], rng)
    return Sample(photo, kind, family, chain, sent.steps, sent.image)


def recapture_plan(chosen: list[Photo], *, held_out: bool, seed: int = 0) -> Iterator[tuple[Photo, str, str]]:
    """One recapture per photo: (photo, family, chain), drawn by the photo's hash. With ``held_out``
    False only calibration families and chains; with True, every family and chain (the evaluation)."""
    families = [f for f in (*SCREEN_FAMILIES, *PRINT_FAMILIES) if held_out or f not in HELD_OUT]
    chains = [c for c in RECAPTURE_CHAINS if held_out or c not in HELD_OUT]
    for photo in chosen:
        rng = _rng(seed, photo.key, "plan")
        yield photo, families[int(rng.integers(len(families)))], chains[int(rng.integers(len(chains)))]


# The seed world's documents: genuine clean and phone captures (as is and sent on), and its own
# screen and print recapture variants (sent on at 1280 px).
DOCUMENT_VARIANTS = (("clean", {"capture": "clean"}, "genuine"), ("phone", {"capture": "phone"}, "genuine"),
                     ("screen", {"capture": "phone", "fraud_kind": "screen_recapture"}, "screen"),
                     ("print", {"capture": "phone", "fraud_kind": "print_recapture"}, "print"))
DOCUMENT_CHAINS = {"genuine": ("as_is", "resize_1280", "viewer_screenshot"), "screen": ("resize_1280",),
                   "print": ("resize_1280",)}


def documents(world_seed: int) -> list[tuple[Merchant, EvidenceItem]]:
    """The genuine document items of the hand-built sample world of ``world_seed``."""
    world = sample_world(seed=world_seed)
    return [(m, e) for m in world.merchants for e in m.evidence if e.fraud_kind is None and e.doc_type != "photo"]


def document_samples(world_seed: int, index: int) -> list[Sample]:
    """Every variant of one document item, rendered by the seed renderer and sent through its chains."""
    world = sample_world(seed=world_seed)
    merchant, item = documents(world_seed)[index]
    samples = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, changes, kind in DOCUMENT_VARIANTS:
            variant = dataclasses.replace(item, evidence_id=f"{item.evidence_id}-{name}", **changes)
            path = render_evidence(world, merchant, variant, Path(tmp))
            image = load(Photo(item.doc_type, path))
            for chain in DOCUMENT_CHAINS[kind]:
                families = GENUINE_CHAINS[chain] if kind == "genuine" else RECAPTURE_CHAINS[chain]
                sent = messaging.send(image, families, _rng(world_seed, item.evidence_id, name, chain))
                samples.append(Sample(Photo(item.doc_type, path), kind, name, chain, sent.steps, sent.image))
    return samples
