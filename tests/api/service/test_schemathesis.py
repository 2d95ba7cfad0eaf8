"""Schemathesis against the OpenAPI spec: whatever the spec allows a client to send, with any role's
key, no 5xx comes back and every body (errors included) matches the schema the spec declares for it.

Bounded: a fixed number of generated cases per operation, so it finishes in a few minutes.
"""
from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck, given
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import GenerationMode
from schemathesis.python.asgi import shutdown_lifespans
from schemathesis.specs.openapi.checks import response_schema_conformance

from api.service.app import create_app
from api.service.settings import ServiceSettings
from tests.api.service.conftest import Keys

EXAMPLES_PER_OPERATION = 60  # valid requests; as many again that break the spec (to exercise the 4xx bodies)


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
            @given(case=operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(GenerationMode.NEGATIVE))
            def check(case) -> None:
                nonlocal calls
                for role in ("service", "merchant", "analyst", "expert"):
                    response = case.call(headers=keys.headers[role])
                    calls += 1
                    if response.status_code >= 500:
                        failures.append(f"{operation.label} as {role}: {response.status_code} "
                                        f"{case.as_curl_command()}\n{response.text[:300]}")
                    try:
                        case.validate_response(response, checks=[response_schema_conformance])
                    except FailureGroup as group:
                        failures.append(f"{operation.label} as {role}: {response.status_code} body off the spec: "
                                        f"{'; '.join(str(e)[:200] for e in group.exceptions)}")

            check()
    finally:
        shutdown_lifespans()
    assert not failures, "\n\n".join(failures[:10])
    assert calls > 1000  # the run really exercised the API
