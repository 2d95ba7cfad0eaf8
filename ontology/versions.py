"""Rule-set versions: one directory per version under ``rulesets/``, an ``active`` pointer file, and a
loader that notices the pointer (or the active files) changing, so a running service picks up an
activated version on its next call without a restart.

A version that fails the check is never made active: ``activate`` refuses it, and if the pointer is
edited by hand to a broken version the loader keeps serving the previous one (``last_refusal`` says why).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ontology.check import CheckReport, check_version
from ontology.knowledge import IndustryKnowledge, read_knowledge
from ontology.owl_file import DEFAULT_OWL
from ontology.rules.examples import EXAMPLES_FILE, load_examples, run_examples
from ontology.rules.ruleset import RULES_FILE, RuleSet, load_ruleset

DEFAULT_RULESETS = Path(__file__).parent / "rulesets"
ACTIVE_FILE = "active"


class VersionRefused(ValueError):
    """The version does not exist or fails the check; the active version is unchanged."""


def rulesets_dir() -> Path:
    return Path(os.environ.get("BAILING_RULESETS_DIR") or DEFAULT_RULESETS)


def owl_path() -> Path:
    return Path(os.environ.get("BAILING_ONTOLOGY_OWL") or DEFAULT_OWL)


def versions(root: Path | None = None) -> list[str]:
    root = root or rulesets_dir()
    return sorted(p.name for p in root.iterdir() if (p / RULES_FILE).is_file())


def active_version(root: Path | None = None) -> str:
    path = (root or rulesets_dir()) / ACTIVE_FILE
    if not path.is_file():
        raise VersionRefused(f"{path}: no active rule-set version (run `bailing ontology activate VERSION`)")
    return path.read_text(encoding="utf-8").strip()


def activate(version: str, root: Path | None = None, *, reason: bool = True) -> CheckReport:
    """Check ``version`` fully (reasoner included) and point ``active`` at it only if it passes."""
    root = root or rulesets_dir()
    directory = root / version
    if not (directory / RULES_FILE).is_file():
        raise VersionRefused(f"no rule-set version {version!r} in {root} (known: {', '.join(versions(root))})")
    report = check_version(directory, owl_path(), reason=reason)
    if not report.ok:
        raise VersionRefused(f"version {version} fails the check; {active_pointer_text(root)} stays active:\n"
                             + "\n".join(report.errors))
    tmp = root / f".{ACTIVE_FILE}.tmp"
    tmp.write_text(version + "\n", encoding="utf-8")
    tmp.replace(root / ACTIVE_FILE)  # atomic: a reader sees the old or the new pointer, never half
    return report


def active_pointer_text(root: Path) -> str:
    try:
        return active_version(root)
    except VersionRefused:
        return "no version"


@dataclass
class _Cache:
    stamp: tuple = ()
    ruleset: RuleSet | None = None
    knowledge: IndustryKnowledge | None = None
    knowledge_stamp: tuple = ()
    last_refusal: str | None = None


_cache = _Cache()
_lock = threading.Lock()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return -1


def knowledge() -> IndustryKnowledge:
    """The ontology's industry knowledge; re-read when the OWL file changes."""
    path = owl_path()
    stamp = (str(path), _mtime(path))
    with _lock:
        if _cache.knowledge is None or _cache.knowledge_stamp != stamp:
            _cache.knowledge, _cache.knowledge_stamp = read_knowledge(path), stamp
        return _cache.knowledge


def load_active_ruleset() -> RuleSet:
    """The active rule set, reloaded when the pointer, its rules, its examples or the OWL file change
    (a few ``stat`` calls per call). A new version that does not compile or fails its examples is
    refused and the previous one keeps serving."""
    root = rulesets_dir()
    version = active_version(root)
    directory = root / version
    stamp = (str(root), version, _mtime(directory / RULES_FILE), _mtime(directory / EXAMPLES_FILE), _mtime(owl_path()))
    if _cache.ruleset is not None and _cache.stamp == stamp:
        return _cache.ruleset
    know = knowledge()
    with _lock:
        try:
            candidate = load_ruleset(directory, know)
            failures = run_examples(candidate, load_examples(directory / EXAMPLES_FILE), str(directory))
            if failures:
                raise VersionRefused("\n".join(failures))
        except Exception as exc:
            if _cache.ruleset is None:
                raise VersionRefused(f"active version {version} cannot be loaded: {exc}") from exc
            _cache.last_refusal = f"version {version} refused, {_cache.ruleset.version} stays active: {exc}"
            _cache.stamp = stamp  # do not retry a broken version on every call
            return _cache.ruleset
        _cache.ruleset, _cache.stamp, _cache.last_refusal = candidate, stamp, None
        return candidate


def last_refusal() -> str | None:
    return _cache.last_refusal
