"""Errors a person starting Neo4j can act on: each says what is wrong and what to do."""
from __future__ import annotations


class Neo4jServerError(RuntimeError):
    """Base class: the message is written for the person at the terminal."""


class JavaMissing(Neo4jServerError):
    pass


class MavenMissing(Neo4jServerError):
    pass


class RuntimeBuildFailed(Neo4jServerError):
    """Maven could not assemble the runtime (often: Maven Central unreachable)."""


class PortInUse(Neo4jServerError):
    pass


class StartFailed(Neo4jServerError):
    """The JVM exited during start-up; the message carries the tail of Neo4j's log."""


class StartTimeout(Neo4jServerError):
    """Bolt did not answer in time; the message carries the tail of Neo4j's log."""


class NotRunning(Neo4jServerError):
    pass
