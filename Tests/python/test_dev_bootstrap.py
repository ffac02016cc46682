"""The dev bootstrap seeds the local stack and is idempotent (needs moto: make test-int)."""
import os
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def idp_url(tmp_path_factory):
    ready = tmp_path_factory.mktemp("idp") / "ready"
    proc = subprocess.Popen([sys.executable, str(ROOT / "scripts/local_idp.py"), "--ready-file", str(ready)],
                            stdout=subprocess.DEVNULL)
    deadline = time.time() + 15
    while not ready.exists() or not ready.read_text().strip():
        assert time.time() < deadline and proc.poll() is None, "identity provider did not start"
        time.sleep(0.05)
    yield ready.read_text().strip()
    proc.terminate()
    proc.wait(5)


def run_bootstrap(idp_url, env_out):
    assert "AWS_ENDPOINT_URL" in os.environ, "run through `make test-int`: it starts moto and sets AWS_ENDPOINT_URL"
    subprocess.run([sys.executable, str(ROOT / "scripts/dev_bootstrap.py"), "--idp-url", idp_url,
                    "--api-url", "http://127.0.0.1:1", "--emulator-url", "http://127.0.0.1:2", "--env-out", str(env_out)],
                   check=True, capture_output=True)
    return dict(line.split("=", 1) for line in env_out.read_text().splitlines() if "=" in line and not line.startswith("#"))


def counts():
    ddb = boto3.client("dynamodb", endpoint_url=os.environ["AWS_ENDPOINT_URL"])
    return {t: ddb.scan(TableName=t)["Count"] for t in ddb.list_tables()["TableNames"]}


def test_bootstrap_twice_creates_no_duplicates_and_keeps_keys(idp_url, tmp_path):
    first = run_bootstrap(idp_url, tmp_path / "a.env")
    seeded = counts()
    second = run_bootstrap(idp_url, tmp_path / "b.env")
    assert counts() == seeded
    assert seeded["platform-tenants"] >= 6 and seeded["platform-agents"] >= 3
    assert first["BASIC_TENANT_KEY_ID"] == second["BASIC_TENANT_KEY_ID"]
    assert first["BASIC_TENANT_KEY_SECRET"] == second["BASIC_TENANT_KEY_SECRET"]
    required = {"PLATFORM_API_URL", "IDP_URL", "LAMBDA_EMULATOR_URL", "AWS_ENDPOINT_URL", "BASIC_TENANT_ID",
                "BASIC_TENANT_TOKEN", "PREMIUM_TENANT_ID", "PREMIUM_TENANT_TOKEN", "ADMIN_TOKEN",
                "BASIC_TENANT_KEY_ID", "BASIC_TENANT_KEY_SECRET"}
    assert required <= set(second)
    assert oct((tmp_path / "b.env").stat().st_mode & 0o777) == "0o600"
