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
    active = (root / "active").read_text().strip()
    shutil.copytree(root / active, root / "v99")
    rules = root / "v99" / "rules.yaml"
    # The freight rule (the first to sum trucks), whatever its amount: trucks count at 80%.
    rules.write_text(rules.read_text().replace('amount: "sum(trucks, ', 'amount: "0.8 * sum(trucks, ', 1))
    assert main(["ontology", "diff", active, "v99", "--rulesets", str(root), "--world", "tiny"]) == 0
    out = capsys.readouterr().out
    assert "1 of 24 merchants change" in out and "freight.truck_capacity" in out
    assert main(["ontology", "activate", "v99", "--rulesets", str(root)]) == 1  # its own example now fails
    err = capsys.readouterr().err
    assert "rule freight.truck_capacity" in err and f"{active} stays active" in err
    assert (root / "active").read_text().strip() == active
