"""The API contract (docs/openapi.yaml) checked against the running local
platform with schemathesis: every operation, examples + coverage + fuzzing
phases, positive and negative data, as three real callers (bearer tokens from
the local identity provider): a tenant user, a tenant admin
(`SelfService.Admin`) and an operator (`Platform.Operator`). Zero server
errors, zero responses that violate the documented status codes, content
types, headers or schemas.

The run creates, changes and deletes whatever the generated requests reach
(tenants, agent versions, webhooks), so it gets its own moto and its own
stack: nothing it does is visible to any other test. Bounded: at most
SCHEMATHESIS_MAX_EXAMPLES cases per operation (default 10), a fixed seed
(SCHEMATHESIS_SEED) so CI runs are reproducible, a 20 s limit per request and
a wall-clock limit per caller; the duration is printed."""
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from platform_stack import ROOT, Stack

CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,"
          "response_schema_conformance,response_headers_conformance")
MAX_EXAMPLES = os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "10")
SEED = os.environ.get("SCHEMATHESIS_SEED", "1")
WALL_CLOCK_SECONDS = 300


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("api-contract")
    env_file = tmp / "moto.env"
    subprocess.run([sys.executable, str(ROOT / "scripts/local_aws.py"), "start", str(env_file)], check=True,
                   stdout=subprocess.DEVNULL)
    own = dict(line.split("=", 1) for line in env_file.read_text().splitlines() if "=" in line)
    own.pop("MOTO_PID", None)
    saved = {name: os.environ.get(name) for name in own}
    os.environ.update(own)  # the stack and its dev bootstrap talk to this moto only
    try:
        s = Stack(tmp)
        yield s
        s.stop()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        subprocess.run([sys.executable, str(ROOT / "scripts/local_aws.py"), "stop", str(env_file)], check=False,
                       stdout=subprocess.DEVNULL)


def token(stack, claims) -> str:
    return stack.mint(**claims)


# The premium tenant (unlimited daily quota) so usage-plan throttling leaves the operations reachable.
CALLERS = {
    "tenant-user": {"tenantid": "globex-premium", "appid": "globex-premium-app", "sub": "user@globex-premium", "roles": []},
    "tenant-admin": {"tenantid": "globex-premium", "appid": "globex-premium-app", "sub": "admin@globex-premium",
                     "roles": ["SelfService.Admin"]},
    "operator": {"tenantid": "platform", "appid": "platform-ops", "sub": "operator@platform", "roles": ["Platform.Operator"]},
}


@pytest.mark.parametrize("caller", list(CALLERS))
def test_every_response_matches_the_contract(stack, tmp_path, caller, capsys):
    report = tmp_path / "report.json"
    bearer = token(stack, CALLERS[caller])
    argv = [str(Path(sys.executable).parent / "st"), "run", str(ROOT / "docs/openapi.yaml"), "--url", stack.api,
            "-H", f"Authorization: Bearer {bearer}", "--checks", CHECKS, "--phases", "examples,coverage,fuzzing",
            "--max-examples", MAX_EXAMPLES, "--seed", SEED, "--request-timeout", "20",
            # One worker: hypothesis' lambda-source cache is not thread-safe on Python 3.11.
            "--workers", "1", "--suppress-health-check", "filter_too_much", "--generation-database", "none",
            "--no-color", "--output-truncate", "false", "--report", "json", "--report-json-path", str(report)]
    started = time.monotonic()
    run = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=WALL_CLOCK_SECONDS)
    elapsed = time.monotonic() - started
    summary = json.loads(report.read_text())
    cases = summary["test_cases"]
    with capsys.disabled():  # the duration shows in `make test` output, not only with -s
        print(f"\nschemathesis as {caller}: {cases['generated']} cases over {summary['operations']['tested']} operations "
              f"in {elapsed:.1f} s")
    assert summary["operations"]["tested"] == summary["operations"]["total"], run.stdout[-4000:]
    assert not summary["failures"] and not summary["errors"], run.stdout[-20000:]
    assert run.returncode == 0, run.stdout[-4000:]
    assert bearer not in run.stdout  # schemathesis' own output keeps the token filtered
