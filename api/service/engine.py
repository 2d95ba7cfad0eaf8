"""The decision engine as the service runs it: ``reasoning.decide`` with the active rule set and model.

``reasoning.decide`` keeps its default model for the life of the process; the service instead loads
the registry's ``latest`` model itself and swaps it when the pointer moves, so activating a model
takes effect without a restart (and stored decisions under the old version are recomputed on read).
"""
from __future__ import annotations

from datetime import date

import threading
from pathlib import Path

from neo4j import Driver

from api.service.scoring import ActiveVersions
from ontology import VersionRefused, load_active_ruleset
from reasoning.decide import decide
from reasoning.decision import Decision
from reasoning.models.capacity import CapacityModel
from reasoning.registry import ModelNotFound, ModelOutdated, load_model, read_card


class EngineUnavailable(RuntimeError):
    """No active rule set or no trained model: the service runs, but cannot decide yet."""


class DecisionEngine:
    """Args:
        model_root (Path | None): Model registry (default ``BAILING_MODEL_DIR`` or ``~/.local/share/bailing/models``).
    """

    def __init__(self, model_root: Path | None = None, *, as_of: date | None = None) -> None:
        self._root = model_root
        self._as_of = as_of
        self._model: CapacityModel | None = None
        self._lock = threading.Lock()

    def versions(self) -> ActiveVersions:
        """Reads the rule-set pointer and the model's ``latest`` pointer; loads a newly activated model."""
        try:
            ruleset = load_active_ruleset()
            version = read_card(root=self._root).version
        except (VersionRefused, ModelNotFound, FileNotFoundError) as exc:
            raise EngineUnavailable(str(exc)) from exc
        with self._lock:
            if self._model is None or self._model.version != version:
                try:
                    self._model = load_model(version, self._root)
                except ModelOutdated as exc:
                    raise EngineUnavailable(str(exc)) from exc
        return ActiveVersions(ruleset.version, version)

    def decide(self, driver: Driver, merchant_id: str, *, database: str = "neo4j") -> Decision:
        if self._model is None:
            self.versions()
        return decide(driver, merchant_id, as_of=self._as_of, model=self._model, database=database)
