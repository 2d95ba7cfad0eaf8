"""The local server's password: from NEO4J_PASSWORD, or generated once into a 0600 file in the home."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def resolve_password(password_file: Path, env: dict[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    if env.get("NEO4J_PASSWORD"):
        return env["NEO4J_PASSWORD"]
    if password_file.exists():
        return password_file.read_text().strip()
    password_file.parent.mkdir(parents=True, exist_ok=True)
    password = "b" + secrets.token_urlsafe(18)  # never a leading "-", which a command line reads as an option
    # O_EXCL + mode: the file never exists with wider rights, not even for a moment.
    fd = os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(password + "\n")
    return password
