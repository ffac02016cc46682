"""The operator reports and the ops / failover-lock CLIs against the real local stack:
the local API Gateway with the real authoriser, tokens from the local identity provider,
tenant-api reading the real moto tables. The CLIs run as subprocesses (what an operator
types), with their credential and lock files in the test's temporary directory."""
import json
import os
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import boto3
import pytest

from platform_stack import ROOT, Stack, request

LOCK_KEY = {"PK": {"S": "LOCK#platform-runtime-failover"}, "SK": {"S": "METADATA"}}
PARAM = "/platform/config/runtime-region"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    s = Stack(tmp_path_factory.mktemp("ops"))
    yield s
    s.stop()


def aws(service):
    return boto3.client(service, endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="eu-west-2")


@pytest.fixture(scope="module")
def ddb():
    return aws("dynamodb")


def call(stack, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    status, payload = request(f"{stack.api}{path}", {"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
                              method, data)
    return status, json.loads(payload) if payload else None


def operator_token(stack):
    return stack.mint(tenantid="platform", appid="platform-ops", tier="premium", sub="operator@platform",
                      roles=["Platform.Operator"])


def iso(when):
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def put_invocation(ddb, tenant, agent, status, when, tokens=(10, 20), mode="sync"):
    inv = uuid.uuid4().hex
    ddb.put_item(TableName="platform-invocations", Item={
        "PK": {"S": f"TENANT#{tenant}"}, "SK": {"S": f"INV#{iso(when)}#{inv}"}, "invocationId": {"S": inv},
        "tenantId": {"S": tenant}, "appId": {"S": f"{tenant}-app"}, "agentName": {"S": agent},
        "agentVersion": {"S": "1.0.0"}, "sessionId": {"S": "s" * 40}, "inputTokens": {"N": str(tokens[0])},
        "outputTokens": {"N": str(tokens[1])}, "latencyMs": {"N": "100"}, "status": {"S": status},
        "runtimeRegion": {"S": "eu-west-1"}, "invocationMode": {"S": mode}, "timestamp": {"S": iso(when)},
        "ttl": {"N": str(int(when.timestamp()) + 86400 * 90)}})


@pytest.fixture(scope="module")
def busy_tenant(stack, ddb):
    """A tenant created through the API, with invocation rows at known times (one outside 24 h)."""
    tenant = f"ops-{uuid.uuid4().hex[:8]}"
    status, body = call(stack, stack.env["ADMIN_TOKEN"], "POST", "/v1/tenants", {
        "tenantId": tenant, "appId": f"{tenant}-app", "displayName": "Ops", "tier": "basic",
        "ownerEmail": f"owner@{tenant}.example", "ownerTeam": "team-ops", "accountId": "123456789012",
        "monthlyBudgetUsd": 100})
    assert status == 201, body
    now = datetime.now(timezone.utc)
    for minutes in range(1, 6):
        put_invocation(ddb, tenant, "echo-agent", "success", now - timedelta(minutes=minutes), tokens=(1000, 2000))
    put_invocation(ddb, tenant, "echo-agent", "throttled", now - timedelta(minutes=7))
    put_invocation(ddb, tenant, "echo-agent-async", "error", now - timedelta(minutes=8), mode="async")
    put_invocation(ddb, tenant, "echo-agent", "success", now - timedelta(hours=30))
    return tenant


def audit_rows(ddb, operation):
    items = ddb.query(TableName="platform-tenants", KeyConditionExpression="PK = :pk AND begins_with(SK, :a)",
                      ExpressionAttributeValues={":pk": {"S": "TENANT#platform"}, ":a": {"S": "AUDIT#"}},
                      ConsistentRead=True)["Items"]
    return [i for i in items if i["operation"]["S"] == operation]


REPORT_ROUTES = [
    ("GET", "/v1/platform/reports/top-tenants", "report.top_tenants"),
    ("GET", "/v1/platform/reports/error-rate", "report.error_rate"),
    ("GET", "/v1/platform/tenants/acme-basic/sessions", "tenant.sessions"),
    ("GET", "/v1/platform/tenants/acme-basic/invocations", "tenant.invocation_report"),
]


@pytest.mark.parametrize("method,path,operation", REPORT_ROUTES)
def test_report_routes_are_staff_only_and_audited(stack, ddb, method, path, operation):
    tenant_admin = stack.mint(tenantid="acme-basic", appid="acme-basic-app", tier="basic", sub="boss@acme-basic",
                              roles=["SelfService.Admin"])
    # A non-staff caller is refused by the authoriser for the admin route class (the gateway's own 403
    # body); tenant-api refuses it again itself (unit tests) should the authoriser ever let it through.
    status, body = call(stack, tenant_admin, method, path)
    assert status == 403 and "not authorized" in body["Message"], body
    assert call(stack, stack.env["BASIC_TENANT_TOKEN"], method, path)[0] == 403
    assert request(f"{stack.api}{path}", {}, method)[0] == 401
    for token in (operator_token(stack), stack.env["ADMIN_TOKEN"]):
        status, body = call(stack, token, method, path)
        assert status == 200, body
    succeeded = [r for r in audit_rows(ddb, operation) if r["outcome"]["S"] == "succeeded"]
    assert succeeded and succeeded[-1]["actor"]["S"] in ("operator@platform", "admin@platform")
    if "/tenants/" in path:
        assert succeeded[-1]["targetTenant"]["S"] == "acme-basic"


def test_top_tenants_counts_the_window_and_ranks(stack, busy_tenant):
    status, body = call(stack, operator_token(stack), "GET", "/v1/platform/reports/top-tenants?by=tokens&limit=100")
    assert status == 200, body
    assert body["by"] == "tokens" and body["window"]["hours"] == 24
    mine = next(i for i in body["items"] if i["tenantId"] == busy_tenant)
    assert mine["usage"]["invocations"] == 7 and mine["usage"]["errors"] == 2  # the 30 h old row is outside
    assert mine["tokens"] == 5 * 3000 + 2 * 30
    tokens = [i["tokens"] for i in body["items"]]
    assert tokens == sorted(tokens, reverse=True)
    status, body = call(stack, operator_token(stack), "GET", "/v1/platform/reports/top-tenants?hours=48&by=errors&limit=1")
    assert status == 200 and len(body["items"]) == 1 and body["items"][0]["usage"]["errors"] >= 2
    assert call(stack, operator_token(stack), "GET", "/v1/platform/reports/top-tenants?hours=48")[1]["items"] and \
        next(i for i in call(stack, operator_token(stack), "GET", "/v1/platform/reports/top-tenants?hours=48&limit=100")[1]["items"]
             if i["tenantId"] == busy_tenant)["usage"]["invocations"] == 8


@pytest.mark.parametrize("query,field", [("hours=0", "hours"), ("hours=2161", "hours"), ("hours=x", "hours"),
                                         ("by=latency", "by"), ("limit=0", "limit"), ("limit=101", "limit"),
                                         ("tenantId=acme-basic", "tenantId")])
def test_top_tenants_rejects_bad_parameters(stack, query, field):
    status, body = call(stack, operator_token(stack), "GET", f"/v1/platform/reports/top-tenants?{query}")
    assert status == 400 and body["error"]["code"] == "INVALID_REQUEST", body
    assert [d["field"] for d in body["error"]["details"]] == [field]


def test_invocation_report_and_error_rate(stack, busy_tenant):
    status, body = call(stack, operator_token(stack), "GET", f"/v1/platform/tenants/{busy_tenant}/invocations")
    assert status == 200, body
    assert body["total"]["invocations"] == 7 and body["byStatus"] == {"success": 5, "throttled": 1, "error": 1}
    assert [a["agentName"] for a in body["byAgent"]] == ["echo-agent", "echo-agent-async"]
    assert body["byAgent"][1]["usage"]["errorRate"] == 1.0
    status, body = call(stack, operator_token(stack), "GET", "/v1/platform/reports/error-rate")
    assert status == 200, body
    runner = next(i for i in body["items"] if i["function"] == "async-runner" and i["agentName"] == "echo-agent-async")
    assert runner["usage"]["errors"] >= 1
    status, body = call(stack, operator_token(stack), "GET", "/v1/platform/tenants/no-such-tenant/invocations")
    assert status == 404 and body["error"]["code"] == "NOT_FOUND"
    assert call(stack, operator_token(stack), "GET", "/v1/platform/tenants/Bad_Id/sessions")[0] == 400


def test_tenant_sessions_lists_a_real_invocations_session(stack):
    session = f"ops-session-{uuid.uuid4().hex}"
    status, _ = call(stack, stack.env["BASIC_TENANT_TOKEN"], "POST", "/v1/agents/echo-agent/invoke",
                     {"input": "hello ops", "sessionId": session})
    assert status == 200
    status, body = call(stack, operator_token(stack), "GET", "/v1/platform/tenants/acme-basic/sessions")
    assert status == 200, body
    row = next(i for i in body["items"] if i["sessionId"] == session)
    assert row["agentName"] == "echo-agent" and row["subject"] == "user@acme-basic" and row["active"] is True
    assert "runtimeSessionId" not in row
    others = call(stack, operator_token(stack), "GET", "/v1/platform/tenants/globex-premium/sessions")[1]["items"]
    assert session not in [i["sessionId"] for i in others]


# ---------- the CLIs ----------

@pytest.fixture
def cli(stack, tmp_path):
    env = {**os.environ, "PLATFORM_CREDENTIALS_FILE": str(tmp_path / "credentials"),
           "PLATFORM_LOCK_FILE": str(tmp_path / "lock.json"), "PLATFORM_API_URL": stack.api, "IDP_URL": stack.idp_url}

    def run(*args, stdin=None, script="ops.py"):
        done = subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], env=env, capture_output=True,
                              text=True, input=stdin, timeout=60)
        assert "Traceback" not in done.stderr, done.stderr
        return done
    run.tmp = tmp_path
    return run


def test_cli_needs_a_login_and_saves_one_with_its_expiry(cli):
    done = cli("top-tenants")
    assert done.returncode == 3 and "not logged in" in done.stderr
    done = cli("--json", "login")
    assert done.returncode == 0, done.stderr
    saved = json.loads((cli.tmp / "credentials").read_text())["local"]
    assert saved["expiresAt"] > time.time() + 600 and saved["accessToken"].count(".") == 2
    assert oct((cli.tmp / "credentials").stat().st_mode & 0o777) == "0o600"
    assert saved["accessToken"] not in done.stdout
    # An expired login is refused before any call.
    (cli.tmp / "credentials").write_text(json.dumps({"local": {**saved, "expiresAt": int(time.time()) - 5}}))
    done = cli("quota-report")
    assert done.returncode == 3 and "expired" in done.stderr


def test_cli_reports_as_tables_and_json(cli, busy_tenant):
    assert cli("login").returncode == 0
    done = cli("top-tenants", "--by", "tokens", "--limit", "100")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].split()[0] == "tenantId" and busy_tenant in done.stdout
    done = cli("--json", "invocation-report", busy_tenant)
    assert done.returncode == 0 and json.loads(done.stdout)["total"]["invocations"] == 7
    for args in (["tenant-sessions", "acme-basic"], ["error-rate", "--hours", "48"], ["quota-report"]):
        done = cli(*args)
        assert done.returncode == 0, (args, done.stderr)
    assert cli("invocation-report", "no-such-tenant").returncode == 5
    done = cli("top-tenants", "--hours", "0")
    assert done.returncode == 2 and "hours" in done.stderr
    assert cli("top-tenants", "--by", "latency").returncode == 2  # argparse refuses it


def test_cli_suspend_and_reinstate(cli, busy_tenant):
    assert cli("login").returncode == 0
    done = cli("--json", "suspend-tenant", busy_tenant, "--reason", "ops drill")
    assert done.returncode == 0 and json.loads(done.stdout)["status"] == "suspended"
    done = cli("--json", "reinstate-tenant", busy_tenant)
    assert done.returncode == 0 and json.loads(done.stdout)["status"] == "active"


def test_cli_non_operator_is_forbidden(cli, stack):
    token = stack.mint(tenantid="acme-basic", appid="acme-basic-app", tier="basic", sub="u@acme-basic", roles=[])
    assert cli("login", "--token-stdin", stdin=token + "\n").returncode == 0
    done = cli("top-tenants")
    assert done.returncode == 4 and "FORBIDDEN" in done.stderr
    assert cli("login", "--token", "not-a-jwt").returncode == 2


def test_failover_lock_cli_and_set_runtime_region(cli, ddb):
    ssm = aws("ssm")
    ddb.delete_item(TableName="platform-ops-locks", Key=LOCK_KEY)
    before = ssm.get_parameter(Name=PARAM)["Parameter"]["Value"]
    assert cli("login").returncode == 0
    done = cli("--json", "status", script="failover_lock.py")
    assert done.returncode == 0 and json.loads(done.stdout)["held"] is False
    done = cli("release", script="failover_lock.py")
    assert done.returncode == 6 and "no failover lock" in done.stderr
    done = cli("--json", "acquire", script="failover_lock.py")
    assert done.returncode == 0, done.stderr
    lock_id = json.loads(done.stdout)["lockId"]
    item = ddb.get_item(TableName="platform-ops-locks", Key=LOCK_KEY, ConsistentRead=True)["Item"]
    assert item["lockId"]["S"] == lock_id and 295 <= int(item["expiresAt"]["N"]) - time.time() <= 301
    assert json.loads((cli.tmp / "lock.json").read_text())["lockId"] == lock_id
    # A second operator (another lock file) cannot take it.
    other = subprocess.run([sys.executable, str(ROOT / "scripts/failover_lock.py"), "acquire"], capture_output=True, text=True,
                           env={**os.environ, "PLATFORM_LOCK_FILE": str(cli.tmp / "other.json")})
    assert other.returncode == 6 and "held by" in other.stderr and "Traceback" not in other.stderr
    try:
        target = "eu-central-1" if before != "eu-central-1" else "eu-west-1"
        done = cli("--json", "set-runtime-region", target, "--reason", "drill")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["changed"] is True
        assert ssm.get_parameter(Name=PARAM)["Parameter"]["Value"] == target
        assert cli("--json", "status", script="failover_lock.py").stdout.count('"mine": true') == 1
    finally:
        done = cli("release", script="failover_lock.py")
    assert done.returncode == 0, done.stderr
    assert "Item" not in ddb.get_item(TableName="platform-ops-locks", Key=LOCK_KEY, ConsistentRead=True)
    # Without a saved lock, set-runtime-region takes the lock and releases it in `finally`, even when the API refuses.
    done = cli("set-runtime-region", "us-east-1")
    assert done.returncode == 2 and "region" in done.stderr
    assert "Item" not in ddb.get_item(TableName="platform-ops-locks", Key=LOCK_KEY, ConsistentRead=True)
    done = cli("--json", "set-runtime-region", before)
    assert done.returncode == 0, done.stderr
    assert ssm.get_parameter(Name=PARAM)["Parameter"]["Value"] == before
    assert "Item" not in ddb.get_item(TableName="platform-ops-locks", Key=LOCK_KEY, ConsistentRead=True)


def test_release_of_a_lock_taken_over_is_refused(cli, ddb):
    ddb.delete_item(TableName="platform-ops-locks", Key=LOCK_KEY)
    assert cli("acquire", script="failover_lock.py").returncode == 0
    # Someone else's lock replaces ours (ours expired and was taken).
    ddb.put_item(TableName="platform-ops-locks", Item={**LOCK_KEY, "lockName": {"S": "platform-runtime-failover"},
                 "lockId": {"S": "someone-else"}, "owner": {"S": "bridge"}, "acquiredAt": {"S": iso(datetime.now(timezone.utc))},
                 "expiresAt": {"N": str(int(time.time()) + 300)}, "ttl": {"N": str(int(time.time()) + 300)}})
    try:
        done = cli("release", script="failover_lock.py")
        assert done.returncode == 6 and "no longer yours" in done.stderr
        assert ddb.get_item(TableName="platform-ops-locks", Key=LOCK_KEY, ConsistentRead=True)["Item"]["lockId"]["S"] == "someone-else"
    finally:
        ddb.delete_item(TableName="platform-ops-locks", Key=LOCK_KEY)
