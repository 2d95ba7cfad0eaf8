"""Model registry: versioned artifacts on local disk, loaded without any network.

Layout under the root (``BAILING_MODEL_DIR``, default ``~/.local/share/bailing/models``)::

    <version>/model.pkl     the CapacityModel (pickle; trusted local files only)
    <version>/meta.json     version, kind, training-data sha256, config, metrics, features, industries
    latest                  the version ``load_model()`` returns by default

A version is ``<kind>-<12 hex of sha256(training-data hash, config)>``: the same data and config give the
same version, so training twice overwrites one directory with identical metrics instead of piling up
copies. Writes go to a temporary directory first and are renamed into place.
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path

from reasoning.features import FEATURES
from reasoning.models.capacity import CapacityModel

LATEST = "latest"


class ModelNotFound(LookupError):
    """No trained model where one was asked for; the message says how to make one."""


class ModelOutdated(ValueError):
    """The registered model was trained on another feature list than this code computes."""


@dataclass(frozen=True, slots=True)
class ModelCard:
    version: str
    kind: str
    data_sha256: str
    config: dict
    metrics: dict
    candidates: dict
    features: tuple[str, ...]
    industries: tuple[str, ...]


def registry_root() -> Path:
    return Path(os.environ.get("BAILING_MODEL_DIR") or "~/.local/share/bailing/models").expanduser()


def save_model(model: CapacityModel, *, data_sha256: str, config: dict, candidates: dict,
               root: Path | None = None, make_latest: bool = True) -> ModelCard:
    root = root or registry_root()
    root.mkdir(parents=True, exist_ok=True)
    card = ModelCard(model.version, model.kind, data_sha256, config, dict(model.metrics), candidates, FEATURES,
                     model.industries)
    tmp = root / f".{model.version}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    with open(tmp / "model.pkl", "wb") as fh:
        pickle.dump(model, fh, protocol=5)
    (tmp / "meta.json").write_text(json.dumps({
        "version": card.version, "kind": card.kind, "data_sha256": card.data_sha256, "config": card.config,
        "metrics": card.metrics, "candidates": card.candidates, "features": list(card.features),
        "industries": list(card.industries)}, indent=1, sort_keys=True), encoding="utf-8")
    final = root / model.version
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)
    if make_latest:
        pointer = root / f".{LATEST}.tmp"
        pointer.write_text(model.version + "\n", encoding="utf-8")
        pointer.replace(root / LATEST)
    return card


def read_card(version: str | None = None, root: Path | None = None) -> ModelCard:
    directory = _directory(version, root)
    raw = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    return ModelCard(raw["version"], raw["kind"], raw["data_sha256"], raw["config"], raw["metrics"],
                     raw["candidates"], tuple(raw["features"]), tuple(raw["industries"]))


def load_model(version: str | None = None, root: Path | None = None) -> CapacityModel:
    """The ``latest`` model by default. Raises ModelNotFound, or ModelOutdated if the artifact was built
    for another feature list (retrain: the features changed under it)."""
    directory = _directory(version, root)
    card = read_card(directory.name, directory.parent)
    if card.features != FEATURES:
        raise ModelOutdated(f"model {card.version} was trained on other features; run `bailing train` again")
    with open(directory / "model.pkl", "rb") as fh:
        model = pickle.load(fh)
    if not isinstance(model, CapacityModel):
        raise ValueError(f"{directory / 'model.pkl'} does not hold a CapacityModel")
    return model


def _directory(version: str | None, root: Path | None) -> Path:
    root = root or registry_root()
    if version is None:
        pointer = root / LATEST
        if not pointer.is_file():
            raise ModelNotFound(f"no trained model in {root}: run `bailing train --world DIR` first "
                                "(or set BAILING_MODEL_DIR)")
        version = pointer.read_text(encoding="utf-8").strip()
    directory = root / version
    if not (directory / "model.pkl").is_file():
        raise ModelNotFound(f"no model version {version!r} in {root}")
    return directory
