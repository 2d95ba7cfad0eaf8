"""Schemathesis against the OpenAPI spec: whatever the spec allows a client to send, no 5xx comes back.

Bounded: a fixed number of generated cases per operation, so it finishes in a minute or two.
"""
from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck, given
from schemathesis.python.asgi import shutdown_lifespans

from api.service.app import create_app
from api.service.settings import ServiceSettings
from tests.api.service.conftest import Keys

EXAMPLES_PER_OPERATION = 60


@pytest.mark.slow
def test_no_generated_request_gets_a_server_error(settings: ServiceSettings, keys: Keys) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(settings))
    failures: list[str] = []
    calls = 0
    try:
        for result in schema.get_all_operations():
            operation = result.ok()

            @hypothesis.settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                                 suppress_health_check=list(HealthCheck), derandomize=True)
            @given(case=operation.as_strategy())
            def check(case) -> None:
                nonlocal calls
                for role in ("service", "merchant"):
                    response = case.call(headers=keys.headers[role])
                    calls += 1
                    if response.status_code >= 500:
                        failures.append(f"{operation.label} as {role}: {response.status_code} "
                                        f"{case.as_curl_command()}\n{response.text[:300]}")

            check()
    finally:
        shutdown_lifespans()
    assert not failures, "\n\n".join(failures[:10])
    assert calls > 500  # the run really exercised the API
