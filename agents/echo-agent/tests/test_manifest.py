"""The agent's pyproject is also its platform manifest; keep it honest."""

import tomllib
from importlib.metadata import version

from echo_harness import AGENT_DIR, load_golden


def _pyproject():
    with (AGENT_DIR / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)


def test_manifest_fields():
    manifest = _pyproject()["tool"]["agentcore"]
    assert manifest == {
        "name": "echo-agent",
        "owner_team": "platform",
        "tier_minimum": "basic",
        "invocation_mode": "sync",
        "streaming_enabled": True,
        "estimated_duration_seconds": 5,
        "entrypoint": "agent.py",
    }


def test_sdk_pin_matches_the_tested_sdk():
    # An agent copied from this one adds its own pins; the SDK pin stays the tested one.
    deps = _pyproject()["project"]["dependencies"]
    assert f"bedrock-agentcore=={version('bedrock-agentcore')}" in deps
    assert all("==" in dep for dep in deps), "pin every dependency: the layer hash is over these lines"


def test_at_least_three_golden_cases_per_mode():
    for kind in ("sync", "streaming", "async"):
        assert len(load_golden(kind)) >= 3, kind
