from __future__ import annotations

import shutil
from pathlib import Path

from api.cli.main import main
from ontology.versions import DEFAULT_RULESETS


def test_check_passes_on_shipped_rules(capsys) -> None:
    assert main(["ontology", "check", "--no-reasoner"]) == 0
    assert "ok" in capsys.readouterr().out


def test_activate_refuses_a_broken_version_and_diff_reports_impact(tmp_path: Path, capsys) -> None:
    root = tmp_path / "rulesets"
    shutil.copytree(DEFAULT_RULESETS, root)
    shutil.copytree(root / "v1", root / "v2")
    rules = root / "v2" / "rules.yaml"
    rules.write_text(rules.read_text().replace(
        'amount: "sum(trucks, asset_value(item) * haircut(item.asset_class))"',
        'amount: "sum(trucks, asset_value(item) * haircut(item.asset_class) * 0.8)"'))
    assert main(["ontology", "diff", "v1", "v2", "--rulesets", str(root), "--world", "tiny"]) == 0
    out = capsys.readouterr().out
    assert "1 of 24 merchants change" in out and "freight.truck_capacity" in out
    assert main(["ontology", "activate", "v2", "--rulesets", str(root)]) == 1  # its own example now fails
    err = capsys.readouterr().err
    assert "rule freight.truck_capacity" in err and "v1 stays active" in err
    assert (root / "active").read_text().strip() == "v1"
