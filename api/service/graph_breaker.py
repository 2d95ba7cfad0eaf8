"""A circuit breaker in front of Neo4j, so an outage costs a client one fast 503, not a 30-60 s hang.

Closed: requests reach Neo4j. The first request that meets a dead server (refused or dropped
connection, no connection within the driver's timeouts) opens it. Open: every route that needs the
graph is refused before doing any work, with ``Retry-After``. Half-open: one prober thread checks Bolt
every ``probe_s`` while it is open and closes it on the first answer, so the service recovers by itself
without letting a stampede of client requests test the server for it.
"""
from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable

from neo4j.exceptions import ConnectionAcquisitionTimeoutError, ServiceUnavailable, SessionExpired

_log = logging.getLogger("api.service.graph_breaker")

# What the driver raises when the server is gone or unreachable (IncompleteCommit is a ServiceUnavailable).
# Query errors (syntax, constraints, a transaction timeout) mean the server answered: they do not trip it.
OUTAGE_ERRORS = (ServiceUnavailable, SessionExpired, ConnectionAcquisitionTimeoutError)


class GraphUnavailable(Exception):
    """Neo4j cannot be reached now; ask again after ``retry_after_s``."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__("the graph database cannot be reached; the service retries by itself, "
                         f"try again in {retry_after_s} s")
        self.retry_after_s = retry_after_s


def outage_in(error: BaseException | None) -> BaseException | None:
    """The driver's outage error in ``error``'s cause chain, if any (the pipeline wraps what it meets)."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, OUTAGE_ERRORS):
            return error
        error, seen = error.__cause__ or error.__context__, seen + 1
    return None


class GraphBreaker:
    """Args:
        probe (Callable[[], None]): Raises unless Neo4j answers (the app's is ``graph_reads.warm``).
        probe_s (float): Seconds between probes while open; also what ``Retry-After`` says.
    """

    def __init__(self, probe: Callable[[], None], *, probe_s: float) -> None:
        self._probe, self.probe_s = probe, probe_s
        self._lock = threading.Lock()
        self._open = False
        self._prober: threading.Thread | None = None
        self._stopping = threading.Event()

    @property
    def is_open(self) -> bool:
        return self._open

    @property
    def retry_after_s(self) -> int:
        return max(1, math.ceil(self.probe_s))

    def check(self) -> None:
        """Raise GraphUnavailable while open; free (one attribute read) while closed."""
        if self._open:
            raise GraphUnavailable(self.retry_after_s)

    def trip(self, cause: BaseException) -> None:
        """Open (if closed) after a request met ``cause``; start the prober unless one runs."""
        with self._lock:
            if not self._open:
                _log.warning("Neo4j unreachable (%s: %s); refusing graph routes until it answers",
                             type(cause).__name__, cause)
            self._open = True
            if self._prober is None and not self._stopping.is_set():
                self._prober = threading.Thread(target=self._probe_until_back, name="graph-breaker-probe",
                                                daemon=True)
                self._prober.start()

    def stop(self) -> None:
        """At app shutdown: the prober exits at its next wake-up."""
        self._stopping.set()

    def _probe_until_back(self) -> None:
        while not self._stopping.wait(self.probe_s):
            started = time.monotonic()
            try:
                self._probe()
            except Exception as exc:  # still down, whatever the driver calls it
                _log.debug("Neo4j probe failed after %.2f s: %s", time.monotonic() - started, exc)
                continue
            with self._lock:
                self._open, self._prober = False, None
            _log.warning("Neo4j answers again; graph routes are open")
            return
        with self._lock:
            self._prober = None
