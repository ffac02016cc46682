"""scripts/infra.py on bad input: unknown ENV, a missing zip, a failed deploy. Clear message, non-zero exit,
nothing half-done."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import infra  # noqa: E402


def run(*args, env=None):
    return subprocess.run([sys.executable, str(ROOT / "scripts/infra.py"), *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=ROOT)


def assembly(tmp: Path, env: str, resources: dict, zip_name: str | None = None) -> Path:
    """A one-stack cloud assembly shaped like the app's, optionally with a Lambda zip asset."""
    out = tmp / "cdk.out"
    out.mkdir()
    stack = f"platform-probe-{env}"
    (out / f"{stack}.template.json").write_text(json.dumps({"Resources": resources}))
    files = {}
    if zip_name:
        files["unbuilt-0123"] = {"source": {"path": f"../{zip_name}", "packaging": "file"},
                                 "destinations": {"d": {"bucketName": "platform-bootstrap-x", "objectKey": "assets/a.zip"}}}
    (out / f"{stack}.assets.json").write_text(json.dumps({"version": "55.0.0", "files": files}))
    (out / "manifest.json").write_text(json.dumps({"version": "55.0.0", "artifacts": {
        f"{stack}.assets": {"type": "cdk:asset-manifest", "properties": {"file": f"{stack}.assets.json"}},
        stack: {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/eu-west-2",
                "properties": {"templateFile": f"{stack}.template.json"}, "dependencies": [f"{stack}.assets"]}}}))
    return out


def test_unknown_env_is_refused_with_the_choices():
    result = run("deploy", "--env", "qa")
    assert result.returncode == 1
    assert "unknown ENV 'qa'" in result.stderr and "local, dev, staging, prod" in result.stderr
    synth = run("synth", "--env", "qa")
    assert synth.returncode == 1 and "unknown ENV qa" in synth.stderr


def test_make_refuses_an_unknown_env():
    result = subprocess.run(["make", "-s", "infra-env", "ENV=qa"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0 and "ENV must be one of local, dev, staging, prod" in result.stderr


def test_a_missing_zip_stops_before_anything_is_deployed(tmp_path):
    out = assembly(tmp_path, "dev", {"Q": {"Type": "AWS::SQS::Queue"}}, zip_name="bridge.zip")
    with pytest.raises(infra.InfraError, match=r"missing Lambda artifacts, nothing was deployed:\n.*bridge.zip \(stack platform-probe-dev\)"):
        infra.preflight(infra.load_assembly("dev", out))
    result = run("deploy", "--env", "dev", "--out", str(out),
                 env={"AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "x", "AWS_ENDPOINT_URL": "http://127.0.0.1:9"})
    assert result.returncode == 1 and "make package ARCH=arm64" in result.stderr


def test_an_assembly_without_the_envs_stacks_says_so(tmp_path):
    out = assembly(tmp_path, "dev", {"Q": {"Type": "AWS::SQS::Queue"}})
    with pytest.raises(infra.InfraError, match="has no stacks for ENV=prod"):
        infra.load_assembly("prod", out)


def test_synthesized_functions_are_assets_that_preflight_checks():
    stacks = infra.load_assembly("prod")
    platform = next(s for s in stacks if s.name == "platform-platform-prod")
    zips = sorted(a.source.name for a in platform.assets if not a.is_template)
    from platform_infra import repository
    assert zips == sorted(f"{f}.zip" for f in repository.lambda_functions())
    names = [s.name for s in stacks]
    for before in ("platform-bootstrap-prod", "platform-identity-prod", "platform-network-prod"):
        assert names.index(before) < names.index("platform-platform-prod") < names.index("platform-agentcore-prod")


@pytest.mark.skipif(not os.environ.get("PLATFORM_TEST_STACK"), reason="needs the moto of scripts/test.sh")
def test_a_failed_stack_names_the_resource_and_stops(tmp_path):
    # A Lambda whose code object does not exist: moto refuses to create it.
    out = assembly(tmp_path, "local", {"Broken": {"Type": "AWS::Lambda::Function", "Properties": {
        "FunctionName": "platform-probe-broken", "Runtime": "provided.al2023", "Handler": "bootstrap",
        "Role": "arn:aws:iam::123456789012:role/none", "Code": {"S3Bucket": "no-such-bucket", "S3Key": "none.zip"}}}})
    result = run("deploy", "--env", "local", "--out", str(out))
    assert result.returncode == 1, result.stdout
    assert "platform-probe-local" in result.stderr


def test_a_template_guard_refuses_fails_the_check_naming_rule_and_resource(tmp_path):
    out = tmp_path / "cdk.out"
    out.mkdir()
    fixture = ROOT / "infra/guard/fixtures/platform_lambda_in_vpc.json"
    (out / "platform-probe-dev.template.json").write_text(fixture.read_text())
    result = run("check", "--no-synth", "--out", str(out))
    assert result.returncode == 1
    assert "Guard refused the templates" in result.stderr
    assert "platform-probe-dev.template.json: F (AWS::Lambda::Function) breaks platform_lambda_in_vpc" in result.stderr


@pytest.mark.skipif(not os.environ.get("PLATFORM_TEST_STACK"), reason="needs the moto of scripts/test.sh")
def test_change_set_path_creates_then_finds_no_changes(tmp_path):
    """The AWS environments' path (change sets) against moto, with a stack that needs no exports."""
    import uuid
    queue = f"platform-probe-{uuid.uuid4().hex[:8]}"
    out = assembly(tmp_path, "dev", {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": queue}}})
    first = run("deploy", "--env", "dev", "--out", str(out))
    assert first.returncode == 0, first.stderr
    assert "CREATE with 1 changes" in first.stdout and "[platform-probe-dev] CREATE_COMPLETE" in first.stdout
    import boto3
    assert any(url.endswith(queue) for url in boto3.client("sqs").list_queues().get("QueueUrls", []))
    boto3.client("cloudformation").delete_stack(StackName="platform-probe-dev")
