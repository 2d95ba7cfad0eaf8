"""Training is deterministic, reports its comparison, and round-trips through the registry."""
from __future__ import annotations

import json
from pathlib import Path

from neo4j import Driver

from reasoning.registry import ModelNotFound, ModelOutdated, load_model, read_card, save_model
from reasoning.train import TrainConfig, TrainResult, config_dict, train
from tests.reasoning.conftest import TINY_AS_OF

import pytest


def test_training_twice_gives_the_same_metrics_and_version(loaded_driver: Driver, tiny_world_dir: Path,
                                                           tiny_training: TrainResult) -> None:
    again = train(loaded_driver, tiny_world_dir, as_of=TINY_AS_OF, config=tiny_training.config)
    assert again.candidates == tiny_training.candidates
    assert again.model.version == tiny_training.model.version
    assert again.data_sha256 == tiny_training.data_sha256


def test_the_gnn_and_the_baseline_are_both_compared(loaded_driver: Driver, tiny_world_dir: Path) -> None:
    config = TrainConfig(kinds=("boosting", "gnn"), boosting={"max_iter": 20}, gnn={"hidden": 8, "epochs": 5})
    result = train(loaded_driver, tiny_world_dir, as_of=TINY_AS_OF, config=config)
    assert set(result.candidates) == {"boosting", "gnn"}
    for metrics in result.candidates.values():
        assert {"agreement", "log_mae", "monotone_violations"} <= set(metrics)
    assert result.candidates["boosting"]["monotone_violations"] == 0
    chosen = result.candidates[result.model.kind]
    assert chosen["monotone_violations"] == 0
    again = train(loaded_driver, tiny_world_dir, as_of=TINY_AS_OF, config=config)
    assert again.candidates == result.candidates


def test_registry_round_trip_without_network(tmp_path: Path, tiny_training: TrainResult) -> None:
    card = save_model(tiny_training.model, data_sha256=tiny_training.data_sha256,
                      config=config_dict(tiny_training.config), candidates=tiny_training.candidates, root=tmp_path)
    loaded = load_model(root=tmp_path)
    assert loaded.version == card.version == tiny_training.model.version
    assert read_card(root=tmp_path).data_sha256 == tiny_training.data_sha256
    assert (tmp_path / card.version / "meta.json").is_file()


def test_an_empty_registry_says_how_to_fill_it(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound, match="bailing train"):
        load_model(root=tmp_path)


def test_a_model_trained_on_other_features_asks_to_retrain(tmp_path: Path, tiny_training: TrainResult) -> None:
    card = save_model(tiny_training.model, data_sha256=tiny_training.data_sha256,
                      config=config_dict(tiny_training.config), candidates=tiny_training.candidates, root=tmp_path)
    meta = tmp_path / card.version / "meta.json"
    raw = json.loads(meta.read_text(encoding="utf-8"))
    raw["features"] = raw["features"][:-1]      # as saved by a Bailing that computed one feature fewer
    meta.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ModelOutdated, match="bailing train"):
        load_model(root=tmp_path)
