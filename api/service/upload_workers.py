"""A pool of threads that take accepted uploads off the durable queue and process them.

Each worker claims the oldest ready upload, renews its claim while it works, and records the outcome.
While Neo4j is down a worker claims nothing (the breaker says so at once); an upload that meets the
outage mid-way goes back to the queue untried, to be taken again after the breaker's Retry-After.

Workers run at a lower CPU priority than the threads that answer requests: OCR is seconds of CPU per
page and a stored decision is a millisecond, so on a small machine reads keep their latency while
uploads queue. (Linux lets one thread be reniced; elsewhere they run at normal priority.)
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

from api.service.graph_breaker import GraphBreaker
from api.service.upload_processor import GraphOutage, Outcome
from api.service.upload_queue import QueuedUpload, UploadQueue, worker_name

_log = logging.getLogger("api.service.upload_workers")
NICENESS = 10


class _Renewal:
    """Renews one claim every third of the lease until stopped, in its own thread."""

    def __init__(self, queue: UploadQueue, upload_id: str, worker: str) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(queue, upload_id, worker),
                                        name=f"lease-{upload_id[:8]}", daemon=True)

    def _run(self, queue: UploadQueue, upload_id: str, worker: str) -> None:
        while not self._stop.wait(queue.lease_s / 3):
            if not queue.renew(upload_id, worker):
                return

    def __enter__(self) -> "_Renewal":
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


class UploadWorkers:
    """Args:
        queue: The durable queue.
        process: Turns a claimed upload into an Outcome; raises GraphOutage when Neo4j is unreachable.
        breaker: Neo4j's circuit breaker: no claims while it is open; an outage met mid-way opens it, and
            the upload waits its Retry-After before it is taken again.
        size: Worker threads; 0 when another process does the work (``bailing serve`` runs one), so this
            process only accepts uploads.
        poll_s: How often an idle worker looks for uploads accepted by another process (uploads
            accepted by this one wake it at once).
    """

    def __init__(self, queue: UploadQueue, process: Callable[[QueuedUpload], Outcome], *,
                 breaker: GraphBreaker, size: int,
                 poll_s: float = 0.5) -> None:
        if size < 0:
            raise ValueError(f"size must be >= 0, got {size}")
        self._queue, self._process, self._breaker, self._poll_s = queue, process, breaker, poll_s
        self._wake, self._stopping = threading.Event(), threading.Event()
        self._threads = [threading.Thread(target=self._run, name=f"upload-worker-{i}", daemon=True)
                         for i in range(size)]
        self.name = worker_name()

    @property
    def size(self) -> int:
        return len(self._threads)

    def start(self) -> None:
        if self._threads:
            self._queue.sweep()
        for thread in self._threads:
            thread.start()

    def wake(self) -> None:
        """An upload was just accepted here: stop waiting for the next poll."""
        self._wake.set()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop taking uploads. One still being processed after ``timeout_s`` is left claimed; the queue
        hands it to the next worker once this process is gone."""
        self._stopping.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout_s / len(self._threads))

    def join(self) -> None:
        """Until ``stop`` (from another thread or a signal handler) has stopped every worker."""
        for thread in self._threads:
            thread.join()

    def _run(self) -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)
        except (AttributeError, OSError):  # not Linux, or not allowed: normal priority
            pass
        while not self._stopping.is_set():
            try:
                self._breaker.check()
                upload = self._queue.claim(self.name)
            except Exception as exc:  # the graph is down, or SQLite is busy: wait, then look again
                _log.debug("not claiming uploads now: %s", exc)
                upload = None
            if upload is None:
                self._wake.wait(self._poll_s)
                self._wake.clear()
                continue
            self._work(upload)

    def _work(self, upload: QueuedUpload) -> None:
        with _Renewal(self._queue, upload.upload_id, self.name):
            try:
                outcome = self._process(upload)
            except GraphOutage as exc:
                _log.warning("upload %s waits for Neo4j: %s", upload.upload_id, exc)
                self._breaker.trip(exc.cause)
                self._queue.release(upload.upload_id, self.name, delay_s=self._breaker.retry_after_s)
                return
            if outcome.error_status is not None and self._stopping.is_set():
                # The service is shutting down under it (its driver closes): not the file's fault, so it
                # is given back and processed after the restart.
                self._queue.release(upload.upload_id, self.name, delay_s=0)
                return
        self._queue.finish(upload.upload_id, self.name, result=outcome.result, error_status=outcome.error_status,
                           error_detail=outcome.error_detail, error_id=outcome.error_id)
