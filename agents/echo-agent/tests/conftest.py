from __future__ import annotations

import pytest

import echo_harness


def pytest_generate_tests(metafunc):
    """A test module sets GOLDEN_KIND = "sync" | "streaming" | "async" | "errors"
    and asks for `golden_case`: it then runs once per tests/golden/<kind>/*.json."""
    if "golden_case" in metafunc.fixturenames:
        kind = getattr(metafunc.module, "GOLDEN_KIND")
        cases = echo_harness.load_golden(kind)
        metafunc.parametrize("golden_case", [case for _, case in cases], ids=[name for name, _ in cases])


@pytest.fixture(scope="session")
def agent(tmp_path_factory):
    """One real agent process for the whole run (startup is the slow part)."""
    log_path = tmp_path_factory.mktemp("echo-agent") / "agent.log"
    server = echo_harness.start_agent(log_path)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def idle_agent(agent):
    """The agent with no async task running, so /ping assertions are exact."""
    answer = agent.wait_for_ping_status("Healthy")
    assert answer["status"] == "Healthy", f"agent still busy before the test: {answer}"
    return agent
