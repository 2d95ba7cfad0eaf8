import json
from pathlib import Path

from seed_data.cli import LABEL_FILES, PANEL_FILES, run_seed


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_same_seed_gives_a_byte_identical_manifest(tmp_path: Path) -> None:
    first = run_seed("tiny", 4, tmp_path / "a", render="none", show_progress=False)
    second = run_seed("tiny", 4, tmp_path / "b", render="none", show_progress=False)
    other = run_seed("tiny", 5, tmp_path / "c", render="none", show_progress=False)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()
    manifest = json.loads(first.read_text(encoding="utf-8"))
    assert set(manifest["files"]) >= {"merchants.jsonl", "parties.jsonl", "industries.json", "evidence.jsonl",
                                      *LABEL_FILES.values(), *PANEL_FILES.values()}


def test_label_splits_are_disjoint_and_cover_every_merchant(tmp_path: Path) -> None:
    run_seed("tiny", 4, tmp_path, render="none", show_progress=False)
    merchants = {m["merchant_id"]: m["split"] for m in _read_jsonl(tmp_path / "merchants.jsonl")}
    seen: set[str] = set()
    for split, name in LABEL_FILES.items():
        ids = [label["merchant_id"] for label in _read_jsonl(tmp_path / name)]
        assert all(merchants[i] == split for i in ids)
        assert not seen & set(ids)
        seen |= set(ids)
    assert seen == set(merchants)


def test_the_panel_file_of_each_split_has_every_officers_review_of_its_merchants(tmp_path: Path) -> None:
    run_seed("tiny", 4, tmp_path, render="none", show_progress=False)
    for split, name in PANEL_FILES.items():
        labels = {label["merchant_id"] for label in _read_jsonl(tmp_path / LABEL_FILES[split])}
        panel = _read_jsonl(tmp_path / name)
        officers = {row["officer"] for row in panel}
        assert len(officers) == 3
        assert sorted((row["officer"], row["merchant_id"]) for row in panel) == sorted(
            (officer, merchant) for officer in officers for merchant in labels)
