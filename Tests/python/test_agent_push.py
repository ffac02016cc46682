"""`make agent-push` end to end against the real local stack (moto with SigV4 checks, the
local platform, the local AgentCore data plane running the pushed objects). No network:
the layer's wheels come from a wheelhouse the tests build (agent_wheels.py)."""
import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
import zipfile
from pathlib import Path

import boto3
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from agent_wheels import ELF_AARCH64, wheelhouse  # noqa: E402
from platform_stack import ROOT, Stack  # noqa: E402

CLI = [sys.executable, str(ROOT / "scripts/agent_push.py")]
CACHE_SECONDS = 2


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    stack = Stack(tmp_path_factory.mktemp("agent-push-stack"), extra_env={"BRIDGE_CACHE_SECONDS": str(CACHE_SECONDS)})
    yield stack
    stack.stop()


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    return wheelhouse(tmp_path_factory.mktemp("wheelhouse"))


@pytest.fixture
def agents(tmp_path):
    directory = tmp_path / "agents"
    directory.mkdir()
    return directory


def cli_env(stack, wheels, **extra):
    env = {**os.environ, "PLATFORM_API_URL": stack.api, "IDP_URL": stack.idp_url, "AGENTCORE_URL": stack.agentcore,
           "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels), "PLATFORM_OPERATOR": "agent-push-tests"}
    env.update(extra)
    return env


def run(args, env, agents_dir, check=True):
    result = subprocess.run(CLI + args + ["--agents-dir", str(agents_dir)], env=env, capture_output=True, text=True,
                            timeout=300)
    if check:
        assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


def scaffold(agents_dir, env, deps=()):
    name = f"hello-{uuid.uuid4().hex[:8]}"
    run(["new", "--name", name], env, agents_dir)
    if deps:
        path = agents_dir / name / "pyproject.toml"
        text = path.read_text()
        listed = ", ".join(f'"{d}"' for d in deps)
        path.write_text(re.sub(r'^dependencies = \[(.*)\]', lambda m: f"dependencies = [{m.group(1)}, {listed}]", text,
                               count=1, flags=re.M))
    return name


def set_version_and_prefix(agent_dir: Path, version: str, prefix: str):
    """New code: the answer's prefix changes (agent and its golden cases alike), and a new version."""
    for path in [agent_dir / "agent.py", *agent_dir.glob("tests/**/*.json"), *agent_dir.glob("tests/*.py")]:
        text = path.read_text()
        text = re.sub(r'(f?")\w+: (\{prompt\}|[^"{])', lambda m: m.group(1) + prefix + ": " + m.group(2), text) \
            if path.name == "agent.py" else text.replace('"echo: ', f'"{prefix}: ').replace('"echo:"', f'"{prefix}:"')
        path.write_text(text)
    pyproject = agent_dir / "pyproject.toml"
    pyproject.write_text(re.sub(r'^version = "[^"]*"', f'version = "{version}"', pyproject.read_text(), flags=re.M))


def invoke(stack, agent, prompt, accept=None):
    headers = {"Authorization": f"Bearer {stack.env['BASIC_TENANT_TOKEN']}", "Content-Type": "application/json"}
    if accept:
        headers["Accept"] = accept
    status, body = stack.get(f"/v1/agents/{agent}/invoke", headers=headers, method="POST",
                             body=json.dumps({"input": prompt}).encode())
    return status, body


def answer_of(stack, agent, prompt):
    status, body = invoke(stack, agent, prompt)
    assert status == 200, body
    return json.loads(body)["output"]


def eventually(stack, agent, prompt, want, seconds=CACHE_SECONDS + 10):
    deadline = time.time() + seconds
    got = None
    while time.time() < deadline:
        got = answer_of(stack, agent, prompt)
        if got == want:
            return got
        time.sleep(0.3)
    raise AssertionError(f"{agent} answered {got!r}, not {want!r}, for {seconds} s")


def registry(stack, agent):
    admin = {"Authorization": f"Bearer {stack.env['ADMIN_TOKEN']}"}
    status, body = stack.get(f"/v1/platform/agents?agentName={agent}", headers=admin)
    assert status == 200, body
    return {v["version"]: v for v in json.loads(body)["items"]}


def aws(service, region="eu-west-2"):
    return boto3.client(service, region_name=region, endpoint_url=os.environ["AWS_ENDPOINT_URL"])


def exists(key, bucket="platform-agent-code-local"):
    try:
        aws("s3").head_object(Bucket=bucket, Key=key)
        return True
    except aws("s3").exceptions.ClientError as err:
        assert err.response["Error"]["Code"] in ("404", "NoSuchKey", "NoSuchBucket"), err
        return False


def layer_key(agents_dir, name, env):
    digest = run(["hash", "--agent", name], dict(os.environ), agents_dir).stdout.strip()
    return f"layers/{env}/{name}/{digest}.zip"


def drop_sdk_pin(agent_dir):
    """AWS layers carry every pin (no local base environment), and the SDK's wheels are not in the
    test wheelhouse (no network): AWS-env tests push agents without it."""
    path = agent_dir / "pyproject.toml"
    path.write_text(re.sub(r'"bedrock-agentcore==[^"]+",?\s*', "", path.read_text(), count=1))


def test_scaffold_push_invoke_change_rollback(stack, wheels, agents):
    env = cli_env(stack, wheels)
    name = scaffold(agents, env, deps=["purelib_ok==1.0"])
    first = run(["push", "--agent", name, "--env", "local"], env, agents)
    for step in ("validate", "test", "hash", "layer", "package", "deploy", "register", "promoted"):
        assert re.search(rf"\[agent-push\] {step}\s+\d+\.\d\d s", first.stdout), first.stdout
    assert "changed" in first.stdout and "built for this machine" in first.stdout

    # Declared mode sync, through the local API: the pushed code's own answer.
    assert answer_of(stack, name, "hi there") == "echo: hi there"
    record = registry(stack, name)["0.1.0"]
    assert record["status"] == "promoted" and record["scriptS3Key"] == f"agents/local/{name}/0.1.0/code.zip"
    assert re.fullmatch(r"arn:aws:bedrock-agentcore:eu-west-1:\d{12}:runtime/[\w-]+", record["runtimeArn"])
    assert record["releaseNotes"].startswith("commit ")
    ssm = aws("ssm")
    assert ssm.get_parameter(Name=f"/platform/agents/local/{name}/runtime-arn")["Parameter"]["Value"] == record["runtimeArn"]
    layer_hash = ssm.get_parameter(Name=f"/platform/layers/local/{name}/hash")["Parameter"]["Value"]
    assert layer_hash == record["layerHash"] and re.fullmatch(r"[0-9a-f]{16}", layer_hash)

    # The code package has no tests or caches; the data plane runs the unpacked objects.
    code = aws("s3").get_object(Bucket="platform-agent-code-local", Key=record["scriptS3Key"])["Body"].read()
    names = zipfile.ZipFile(__import__("io").BytesIO(code)).namelist()
    assert "agent.py" in names and not [n for n in names if n.startswith("tests/") or "__pycache__" in n]
    runtime_id = record["runtimeArn"].rsplit("/", 1)[1]
    unpacked = ROOT / ".local/agentcore/runtimes" / runtime_id
    assert (unpacked / "v1" / "agent.py").is_file() and not (unpacked / "v1" / "tests").exists()

    # New code, new version: it answers; the layer is skipped (dependencies unchanged).
    set_version_and_prefix(agents / name, "0.2.0", "v2")
    second = run(["push", "--agent", name, "--env", "local"], env, agents)
    assert "unchanged: layer skipped" in second.stdout, second.stdout
    assert re.search(r"\[agent-push\] layer\s+\d+\.\d\d s\s+skipped", second.stdout), second.stdout
    eventually(stack, name, "hi there", "v2: hi there")

    # The working tree is not what runs: changing it without a push changes nothing.
    (agents / name / "agent.py").write_text((agents / name / "agent.py").read_text().replace('"v2: ', '"v3: '))
    assert answer_of(stack, name, "still") == "v2: still"

    # Roll back: the previous promoted version answers again within the bridge's cache time.
    rolled = run(["rollback", "--agent", name, "--env", "local", "--reason", "test"], env, agents)
    assert "0.2.0 -> rolled_back; 0.1.0 answers again" in rolled.stdout
    started = time.time()
    eventually(stack, name, "hi there", "echo: hi there", seconds=CACHE_SECONDS + 5)
    assert time.time() - started <= CACHE_SECONDS + 5
    versions = registry(stack, name)
    assert versions["0.2.0"]["status"] == "rolled_back"
    assert versions["0.2.0"]["rolledBackBy"] == "operator:agent-push-tests"
    assert "rolled back by operator:agent-push-tests: test" in versions["0.2.0"]["releaseNotes"]

    # Nothing left to roll back to: refused, nothing changed.
    again = run(["rollback", "--agent", name, "--env", "local"], env, agents, check=False)
    assert again.returncode == 1 and "nothing to roll back to" in again.stderr
    assert registry(stack, name)["0.1.0"]["status"] == "promoted"


def test_bad_manifest_is_refused_before_anything_is_uploaded(stack, wheels, agents):
    env = cli_env(stack, wheels)
    name = scaffold(agents, env)
    layer = layer_key(agents, name, "local")
    path = agents / name / "pyproject.toml"
    path.write_text(path.read_text().replace('invocation_mode = "sync"', 'invocation_mode = "sometimes"'))
    result = run(["push", "--agent", name, "--env", "local"], env, agents, check=False)
    assert result.returncode == 1
    assert "FAILED at validate" in result.stderr and "invocation_mode" in result.stderr, result.stderr
    assert "[agent-push] test" not in result.stdout
    assert not exists(f"agents/local/{name}/0.1.0/code.zip") and not exists(layer)
    with pytest.raises(aws("ssm").exceptions.ParameterNotFound):
        aws("ssm").get_parameter(Name=f"/platform/layers/local/{name}/hash")
    assert registry(stack, name) == {}


@pytest.mark.parametrize("dep,why", [("x86lib==1.0", "x86lib: no binary wheel for manylinux2014_aarch64"),
                                     ("liar==1.0", "liar: liar/_native.so in liar-1.0-py3-none-manylinux2014_aarch64"
                                                   ".whl is an ELF for x86_64, not aarch64: refused")])
def test_non_arm64_dependency_is_refused_for_an_aws_env_naming_the_package(stack, wheels, agents, dep, why):
    bucket = f"platform-agent-code-test-{uuid.uuid4().hex[:8]}"
    aws("s3").create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    env = cli_env(stack, wheels, AGENT_CODE_BUCKET=bucket, PLATFORM_OPERATOR_TOKEN=stack.env["ADMIN_TOKEN"])
    name = scaffold(agents, env, deps=["purelib_ok==1.0", dep])
    drop_sdk_pin(agents / name)
    result = run(["push", "--agent", name, "--env", "dev", "--skip-tests"], env, agents, check=False)
    assert result.returncode == 1 and "FAILED at layer" in result.stderr, result.stdout + result.stderr
    assert why in result.stderr, result.stderr
    assert not exists(f"agents/dev/{name}/0.1.0/code.zip", bucket)
    assert not exists(layer_key(agents, name, "dev"), bucket)


def test_arm64_layer_for_an_aws_env_holds_only_aarch64_objects(stack, wheels, agents):
    bucket = f"platform-agent-code-test-{uuid.uuid4().hex[:8]}"
    aws("s3").create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    env = cli_env(stack, wheels, AGENT_CODE_BUCKET=bucket, PLATFORM_OPERATOR_TOKEN=stack.env["ADMIN_TOKEN"])
    name = scaffold(agents, env, deps=["purelib_ok==1.0", "armlib==1.0"])
    drop_sdk_pin(agents / name)
    result = run(["push", "--agent", name, "--env", "dev", "--skip-tests"], env, agents)
    assert "built for manylinux2014_aarch64 / CPython 3.12" in result.stdout
    digest = aws("ssm").get_parameter(Name=f"/platform/layers/dev/{name}/hash")["Parameter"]["Value"]
    data = aws("s3").get_object(Bucket=bucket, Key=f"layers/dev/{name}/{digest}.zip")["Body"].read()
    layer = zipfile.ZipFile(__import__("io").BytesIO(data))
    assert "purelib_ok.py" in layer.namelist()
    native = layer.read("armlib/_native.so")
    assert native[:4] == b"\x7fELF" and int.from_bytes(native[18:20], "little") == ELF_AARCH64
    # Deterministic: fixed timestamps, sorted names.
    assert {i.date_time for i in layer.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert layer.namelist() == sorted(layer.namelist())
    assert registry(stack, name)["0.1.0"]["status"] == "built"  # AWS envs are promoted with agent-promote


def test_two_pushes_at_once_do_not_corrupt_the_registry(stack, wheels, agents):
    env = cli_env(stack, wheels)
    name = scaffold(agents, env)
    results = [None, None]

    def push(i):
        results[i] = run(["push", "--agent", name, "--env", "local", "--skip-tests"], env, agents, check=False)

    threads = [threading.Thread(target=push, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.returncode == 0 for r in results), "\n---\n".join(r.stdout + r.stderr for r in results)
    versions = registry(stack, name)
    assert list(versions) == ["0.1.0"] and versions["0.1.0"]["status"] == "promoted"
    arn = aws("ssm").get_parameter(Name=f"/platform/agents/local/{name}/runtime-arn")["Parameter"]["Value"]
    assert arn == versions["0.1.0"]["runtimeArn"]
    assert answer_of(stack, name, "together") == "echo: together"


def test_scaffold_refuses_bad_names_and_existing_agents(agents):
    env = dict(os.environ)
    bad = run(["new", "--name", "Bad_Name"], env, agents, check=False)
    assert bad.returncode == 1 and "NAME must be" in bad.stderr
    run(["new", "--name", "twice-agent"], env, agents)
    again = run(["new", "--name", "twice-agent"], env, agents, check=False)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_promote_walks_the_gates_and_prod_needs_two_approvers(stack, wheels, agents):
    bucket = f"platform-agent-code-test-{uuid.uuid4().hex[:8]}"
    aws("s3").create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    env = cli_env(stack, wheels, AGENT_CODE_BUCKET=bucket, PLATFORM_OPERATOR_TOKEN=stack.env["ADMIN_TOKEN"])
    name = scaffold(agents, env)
    drop_sdk_pin(agents / name)
    run(["push", "--agent", name, "--env", "dev", "--skip-tests"], env, agents)

    # A golden case the deployed code does not meet: the evaluation gate refuses, with the score.
    golden = agents / name / "tests/golden/sync/whitespace_unicode.json"
    original = golden.read_text()
    golden.write_text(original.replace('"echo: ', '"not what it says: ', 1))
    failed = run(["promote", "--agent", name, "--version", "0.1.0", "--env", "dev"], env, agents, check=False)
    assert failed.returncode == 1, failed.stderr
    assert re.search(r"FAILED at evaluation: score 0\.\d+ < 1\.0 \(1 failed: sync/whitespace_unicode", failed.stderr), failed.stderr
    assert registry(stack, name)["0.1.0"]["status"] == "integration_verified"
    golden.write_text(original)

    one = run(["promote", "--agent", name, "--version", "0.1.0", "--env", "prod"], env | {"APPROVERS": "alice"}, agents,
              check=False)
    assert one.returncode == 1 and "ENV=prod needs 2 distinct approver(s)" in one.stderr, one.stderr
    record = registry(stack, name)["0.1.0"]
    assert record["status"] == "evaluation_passed" and record["evaluationScore"] == 1.0

    run(["promote", "--agent", name, "--version", "0.1.0", "--env", "prod"], env | {"APPROVERS": "alice,bob"}, agents)
    record = registry(stack, name)["0.1.0"]
    assert record["status"] == "promoted" and record["approvedBy"] == "admin@platform"  # the token's subject
    assert "approved by alice, bob" in record["releaseNotes"]
    assert answer_of(stack, name, "shipped") == "echo: shipped"
