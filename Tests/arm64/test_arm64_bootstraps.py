"""The arm64 bootstraps, as `make package ARCH=arm64` zips them, run as Lambdas.

scripts/test.sh packages every function for arm64 (scripts/package.sh, whose
checks fail on a wrong ELF machine, a library or symbol version provided.al2023
lacks) into ARM64_ARTIFACTS, then runs this file with moto up. Each bootstrap
runs under qemu-aarch64-static (Debian's qemu-user-static, the arm64 sysroot as
its library root) behind the project's runtime-API emulator, via the emulator's
launcher setting, and answers an invocation; billing makes SigV4-signed
DynamoDB calls to moto through libcurl from inside qemu.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
import zipfile
from pathlib import Path

import boto3
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("ARM64_ARTIFACTS", ROOT / ".local/arm64-artifacts"))
SYSROOT = os.environ.get("ARM64_SYSROOT", "")
QEMU = shutil.which("qemu-aarch64-static") or "qemu-aarch64-static"
EMULATOR = ROOT / ".build/debug/lambda-emulator"
# What the emulator itself answers when a bootstrap cannot start or dies: none
# of these is an answer from the function.
EMULATOR_FAILURES = {"Runtime.InvalidEntrypoint", "Runtime.InitTimeout", "Runtime.ExitError",
                     "Sandbox.Timedout", "Runtime.HostStopped"}

pytestmark = pytest.mark.skipif(
    not os.environ.get("AWS_ENDPOINT_URL") or not SYSROOT,
    reason="run by scripts/test.sh (moto, ARM64_SYSROOT); see its arm64 stage")


def lambda_functions() -> list[str]:
    """Every executable target under lambdas/, the same rule scripts/package.sh uses."""
    dump = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                                     capture_output=True, text=True).stdout)
    return sorted(t["path"].rstrip("/").split("/")[1] for t in dump["targets"]
                  if t["type"] == "executable" and (t.get("path") or "").startswith("lambdas/"))


@pytest.fixture(scope="module")
def manifest() -> dict:
    entries = json.loads((ARTIFACTS / "manifest.json").read_text())
    return {e["function"]: e for e in entries}


@pytest.fixture(scope="module")
def bootstraps(manifest, tmp_path_factory) -> dict:
    """function -> path of its unzipped bootstrap (its folder is LAMBDA_TASK_ROOT)."""
    root = tmp_path_factory.mktemp("arm64-tasks")
    paths = {}
    for name in manifest:
        with zipfile.ZipFile(ARTIFACTS / f"{name}.zip") as archive:
            assert archive.namelist() == ["bootstrap"]
            archive.extractall(root / name)
        path = root / name / "bootstrap"
        path.chmod(0o755)
        paths[name] = path
    return paths


@pytest.fixture(scope="module")
def tables() -> dict:
    """Every table of the CDK app (infra/platform_infra/data.py, the one definition), created in
    moto under a unique name so nothing here touches the other tests' rows: envVar -> name."""
    sys.path.insert(0, str(ROOT / "infra"))
    from platform_infra.data import TABLES
    dynamodb = boto3.client("dynamodb")
    names = {}
    for table in TABLES:
        name = f"arm64-{table.name}-{uuid.uuid4().hex[:8]}"
        keys = ["PK", "SK"] if table.sort_key else ["PK"]
        dynamodb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                              AttributeDefinitions=[{"AttributeName": k, "AttributeType": "S"} for k in keys],
                              KeySchema=[{"AttributeName": k, "KeyType": "HASH" if k == "PK" else "RANGE"}
                                         for k in keys])
        names[table.env_var] = name
    return names


class Emulator:
    """lambda-emulator hosting the given functions, each launched through qemu."""

    def __init__(self, functions: list[dict]):
        self.dir = Path(tempfile.mkdtemp(prefix="arm64-emulator-"))
        config = self.dir / "config.json"
        # The functions' AWS_REGION: moto keeps each region's tables apart.
        config.write_text(json.dumps({"host": "127.0.0.1", "port": 0, "region": os.environ["AWS_REGION"],
                                      "functions": functions}))
        self.log = open(self.dir / "emulator.log", "w+")
        # Its output and the functions' logs go to the file, so nothing blocks on a full pipe.
        self.process = subprocess.Popen([str(EMULATOR), "--config", str(config)], stdout=self.log,
                                        stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 30
        while "listening on http://" not in self.logs():
            assert self.process.poll() is None and time.monotonic() < deadline, f"emulator did not start: {self.logs()}"
            time.sleep(0.05)
        self.url = self.logs().split("listening on ")[1].split()[0]

    def invoke(self, name: str, payload: dict, timeout: float = 120) -> tuple[dict | None, str | None]:
        """(decoded response, function error type or None)."""
        request = urllib.request.Request(f"{self.url}/2015-03-31/functions/{name}/invocations",
                                         data=json.dumps(payload).encode(), method="POST")
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            error = response.headers.get("X-Amz-Function-Error")
        decoded = json.loads(body) if body else None
        if error and isinstance(decoded, dict):
            return decoded, decoded.get("errorType", error)
        return decoded, None

    def logs(self) -> str:
        return (self.dir / "emulator.log").read_text(errors="replace")[-6000:]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def function_config(name: str, bootstrap: Path, environment: dict, launcher: list[str] | None = None) -> dict:
    return {"name": name, "bootstrap": str(bootstrap), "environment": environment, "timeout": 120,
            "initTimeout": 60, "memorySize": 256,
            "launcher": [QEMU, "-L", SYSROOT] if launcher is None else launcher}


def platform_environment(tables: dict) -> dict:
    """What the platform gives every function (scripts/dev-platform.json), with moto's tables."""
    dev = json.loads((ROOT / "scripts/dev-platform.json").read_text())
    env = {k: v for k, v in dev["environment"].items() if "${" not in v}
    env.update(tables)
    env.update({"ENTRA_ISSUER": "http://127.0.0.1:9/issuer", "ENTRA_AUDIENCE": "api://arm64-test",
                "ENTRA_JWKS_URL": "http://127.0.0.1:9/jwks"})
    for function in dev["functions"]:
        env.update({k: v for k, v in function.get("environment", {}).items() if "${" not in v})
    return env


# An API Gateway REST proxy event for the public health route (infra/routes.json).
HEALTH = {"resource": "/v1/health", "path": "/v1/health", "httpMethod": "GET", "headers": {}, "body": None,
          "isBase64Encoded": False, "queryStringParameters": None, "pathParameters": None,
          "requestContext": {"accountId": "123456789012", "apiId": "arm64", "stage": "v1", "requestId": "arm64-health",
                             "resourcePath": "/v1/health", "path": "/v1/health", "httpMethod": "GET",
                             "requestTimeEpoch": 0, "identity": {}}}
# What each function is invoked with: a real event where one is cheap to make, else {}
# (then the function's own runtime answers that it cannot decode it).
EVENTS = {"tenant-api": HEALTH}


def invocation_item(tenant: str) -> dict:
    """One sync invocation on 2031-05-20 of 1,000 input tokens: $0.003 at basic pricing."""
    invocation = str(uuid.uuid4())
    timestamp = "2031-05-20T10:00:00.000Z"
    return {"PK": {"S": f"TENANT#{tenant}"}, "SK": {"S": f"INV#{timestamp}#{invocation}"},
            "invocationId": {"S": invocation}, "tenantId": {"S": tenant}, "appId": {"S": f"{tenant}-app"},
            "agentName": {"S": "echo-agent"}, "agentVersion": {"S": "1.0.0"}, "sessionId": {"S": f"sess-{invocation}"},
            "inputTokens": {"N": "1000"}, "outputTokens": {"N": "0"}, "latencyMs": {"N": "42"},
            "status": {"S": "success"}, "runtimeRegion": {"S": "eu-west-1"}, "invocationMode": {"S": "sync"},
            "timestamp": {"S": timestamp}, "ttl": {"N": "1960000000"}}


def test_every_function_is_packaged_as_an_aarch64_elf(manifest, bootstraps):
    assert sorted(manifest) == lambda_functions()
    for name, path in bootstraps.items():
        assert manifest[name]["architecture"] == "arm64"
        header = path.read_bytes()[:20]
        assert header[:4] == b"\x7fELF" and header[4] == 2, name  # 64-bit
        assert int.from_bytes(header[18:20], "little") == 183, f"{name} is not EM_AARCH64"
        glibc = manifest[name]["maxGlibc"]
        assert tuple(int(p) for p in glibc.split(".")) <= (2, 34), (name, glibc)
        # The zipped binary itself passes the provided.al2023 checks package.sh ran.
        check = subprocess.run([str(ROOT / "scripts/check-bootstrap.sh"), "arm64", str(path), name],
                               capture_output=True, text=True)
        assert check.returncode == 0 and check.stdout.strip() == glibc, check.stderr


def test_every_bootstrap_answers_an_invocation_under_qemu(bootstraps, tables):
    env = platform_environment(tables)
    emulator = Emulator([function_config(name, path, env) for name, path in bootstraps.items()])
    started = time.monotonic()
    answers = {}
    try:
        for name in bootstraps:
            response, error = emulator.invoke(name, EVENTS.get(name, {}))
            answers[name] = error or "result"
            # An answer from the function itself: a result, or the handler's own error for
            # an empty event; never the emulator reporting a bootstrap that did not run.
            assert error not in EMULATOR_FAILURES, f"{name}: {error} {response}\n{emulator.logs()}"
            if name == "tenant-api":
                # The API path end to end: routing, handler, JSON out of an arm64 binary.
                assert error is None and response["statusCode"] == 200, response
    finally:
        emulator.stop()
    print(f"arm64: {len(bootstraps)} bootstraps answered under qemu in {time.monotonic() - started:.1f} s: {answers}")


def test_billing_signs_dynamodb_calls_to_moto_from_inside_qemu(bootstraps, tables):
    dynamodb = boto3.client("dynamodb")
    tenant = f"arm64-{uuid.uuid4().hex[:8]}"
    dynamodb.put_item(TableName=tables["TENANTS_TABLE"], Item={
        "PK": {"S": f"TENANT#{tenant}"}, "SK": {"S": "METADATA"}, "tenantId": {"S": tenant},
        "appId": {"S": f"{tenant}-app"}, "displayName": {"S": "arm64"}, "tier": {"S": "basic"},
        "status": {"S": "active"}, "createdAt": {"S": "2031-01-01T00:00:00.000Z"},
        "updatedAt": {"S": "2031-01-01T00:00:00.000Z"}, "provisioningStatus": {"S": "ready"},
        "ownerEmail": {"S": f"owner@{tenant}.example"}, "ownerTeam": {"S": "team"},
        "accountId": {"S": "123456789012"}, "runtimeRegion": {"S": "eu-west-1"},
        "fallbackRegion": {"S": "eu-central-1"}, "monthlyBudgetUsd": {"N": "100"}})
    # Billing prices the tenant's tier from SSM (a second signed service, same path).
    boto3.client("ssm").put_parameter(Name="/platform/billing/pricing/basic", Type="String", Overwrite=True,
                                      Value='{"input_1k": 0.003, "output_1k": 0.015}')
    boto3.client("dynamodb").put_item(TableName=tables["INVOCATIONS_TABLE"], Item=invocation_item(tenant))
    billing_tables = dict(tables)
    missing = dict(billing_tables, TENANTS_TABLE=f"arm64-missing-{uuid.uuid4().hex[:8]}")
    emulator = Emulator([function_config("billing", bootstraps["billing"], billing_tables),
                         function_config("billing-missing-table", bootstraps["billing"], missing)])
    try:
        response, error = emulator.invoke("billing", {"date": "2031-05-20"})
        assert error is None, f"{response}\n{emulator.logs()}"
        assert response["date"] == "2031-05-20"
        # The tenant written above came back from moto over libcurl, signed with the test's keys.
        assert response["tenantsBilled"] >= 1, response
        ledger = dynamodb.get_item(TableName=tables["TENANTS_TABLE"],
                                   Key={"PK": {"S": f"TENANT#{tenant}"}, "SK": {"S": "BILLING#2031-05"}}).get("Item")
        assert ledger is not None and ledger["totalCostUsd"]["N"] == "0.003", ledger
        # And moto's answer decides the result: a table moto does not have is an error.
        response, error = emulator.invoke("billing-missing-table", {"date": "2031-05-20"})
        assert error is not None and error not in EMULATOR_FAILURES, response
        assert "ResourceNotFound" in json.dumps(response) or "not found" in json.dumps(response).lower(), response
    finally:
        emulator.stop()


def test_without_the_launcher_an_aarch64_bootstrap_cannot_start_here(bootstraps):
    # The control: on this x86_64 host the bootstrap only runs through qemu.
    name = sorted(bootstraps)[0]
    emulator = Emulator([function_config(name, bootstraps[name], {}, launcher=[])])
    try:
        _, error = emulator.invoke(name, {})
        assert error == "Runtime.InvalidEntrypoint"
    finally:
        emulator.stop()


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
