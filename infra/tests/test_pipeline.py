"""The GitLab pipeline: the seed's stages, OIDC only, and every make target it calls exists."""
import re
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def pipeline() -> dict:
    return yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())


def make_targets() -> set[str]:
    out = subprocess.run(["make", "-pRrq", "-f", str(ROOT / "Makefile"), ":"], cwd=ROOT, capture_output=True, text=True)
    return {m.group(1) for m in re.finditer(r"^([a-zA-Z0-9][\w.-]*):", out.stdout, re.M)}


def scripts(job: dict, doc: dict) -> list[str]:
    lines = list(job.get("script", []))
    parent = job.get("extends")
    if parent:
        lines += scripts(doc[parent], doc)
    return lines


def test_stages_are_the_seeds():
    assert pipeline()["stages"] == ["validate", "test", "plan", "deploy-dev", "deploy-staging", "deploy-prod"]


def test_every_make_target_the_pipeline_calls_exists():
    doc, targets = pipeline(), make_targets()
    called = set()
    for name, job in doc.items():
        if isinstance(job, dict) and not name.startswith(".") and "stage" in job or (isinstance(job, dict) and job.get("extends")):
            for line in scripts(job, doc):
                called |= {t for t in re.findall(r"\bmake ([a-z][\w-]*)", line)}
    assert {"infra-check", "test", "infra-diff", "infra-deploy", "package"} <= called
    assert called <= targets, f"targets missing from the Makefile: {called - targets}"


def test_gates_and_no_long_lived_keys():
    doc = pipeline()
    text = (ROOT / ".gitlab-ci.yml").read_text()
    assert "AWS_SECRET_ACCESS_KEY" not in text and "AWS_ACCESS_KEY_ID" not in text
    assert doc["deploy-staging"]["rules"][0]["when"] == "manual"
    assert doc["deploy-prod"]["environment"]["deployment_tier"] == "production"
    assert doc["deploy-prod"]["needs"] == ["deploy-staging"]
    for job in ("plan-dev", "deploy-dev", "deploy-staging", "deploy-prod"):
        assert doc[job]["extends"] in (".plan", ".deploy")
    assert "id_tokens" in doc[".aws-oidc"]
