"""`bailing api-key create` prints a usable key once; `bailing serve --help` documents loopback by default."""
from __future__ import annotations

from pathlib import Path

import pytest

from api.cli.main import main
from api.service.auth import ApiKeyStore, Role


def test_api_key_create_prints_a_key_that_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["api-key", "create", "--role", "merchant", "--merchant", "M7", "--home", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    principal = ApiKeyStore(tmp_path / "keys.sqlite").verify(out.strip())
    assert (principal.role, principal.merchant_id) == (Role.MERCHANT, "M7")
    assert "shown once" in err


def test_api_key_create_refuses_a_merchant_key_without_a_merchant(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["api-key", "create", "--role", "merchant", "--home", str(tmp_path)]) == 2
    assert "--merchant" in capsys.readouterr().err


def test_serve_binds_to_loopback_by_default(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.delenv("BAILING_API_HOST", raising=False)
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    assert "default 127.0.0.1" in capsys.readouterr().out
