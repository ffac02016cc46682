"""The agent pipeline (.gitlab-ci-agent.yml) calls only make targets that exist, in the stages
the issue names, with the manual gates where they belong."""
import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PIPELINE = yaml.safe_load((ROOT / ".gitlab-ci-agent.yml").read_text())
JOBS = {name: job for name, job in PIPELINE.items() if isinstance(job, dict) and "script" in job}


def make_targets() -> set[str]:
    """Targets as make itself reads them (the database dump), not a regex over the Makefile."""
    out = subprocess.run(["make", "-pRrq", "-f", str(ROOT / "Makefile")], cwd=ROOT, capture_output=True, text=True)
    return {m.group(1) for m in re.finditer(r"^([a-zA-Z0-9][\w-]*):", out.stdout, re.M)}


def called_targets() -> set[str]:
    lines = list(PIPELINE["default"]["before_script"])
    for job in JOBS.values():
        lines += job["script"]
    return {m.group(1) for line in lines for m in re.finditer(r"\bmake\s+(?:-s\s+)?([a-z][\w-]*)", line)}


def test_every_make_target_the_pipeline_calls_exists():
    called = called_targets()
    assert {"agent-validate", "agent-lint", "agent-test", "agent-push", "agent-promote", "agent-changed"} <= called
    assert called - make_targets() == set()


def test_stages_and_gates():
    assert PIPELINE["stages"] == ["validate", "test", "push-dev", "promote-staging", "promote-prod"]
    assert PIPELINE["workflow"]["rules"] == [{"changes": ["agents/**/*"]}]
    assert {n: j["stage"] for n, j in JOBS.items()} == {
        "validate": "validate", "test": "test", "push-dev": "push-dev", "promote-staging": "promote-staging",
        "promote-prod": "promote-prod"}
    assert all("when" not in rule for rule in JOBS["push-dev"]["rules"])  # automatic
    assert all(rule.get("when") == "manual" for n in ("promote-staging", "promote-prod") for rule in JOBS[n]["rules"])
    assert "TO=evaluation_passed" in " ".join(JOBS["promote-staging"]["script"])
    assert JOBS["promote-prod"]["needs"] == ["promote-staging"]


def test_the_check_notices_a_missing_target():
    assert "agent-does-not-exist" not in make_targets()
    assert "agent-push" in make_targets()
