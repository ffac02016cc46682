"""The tenant API end to end: through the local API Gateway with the real
authoriser in front, real tokens from the local identity provider, SigV4
signed by botocore with the tenants' API keys, and every effect read back
from moto with boto3 (DynamoDB rows, Secrets Manager, SSM, EventBridge ->
SQS). One stack for the module; every test works on tenants it creates."""
import json
import os
import time
import uuid
from urllib.parse import urlencode

import boto3
import pytest
from botocore.exceptions import ClientError

from platform_stack import Stack, botocore_sigv4_headers, request

# Authoriser and gateway caches are shortened to 1 s so suspension, deletion and
# key rotation are observable quickly; the API key secret cache keeps its 300 s
# default on purpose (rotation must not depend on it expiring).
CACHE_SECONDS = 1
SETTLE = 2 * CACHE_SECONDS + 1.5
TENANTS_TABLE = "platform-tenants"
EXPORT_QUERY = urlencode({"start": "2020-01-01T00:00:00.000Z", "end": "2099-01-01T00:00:00.000Z"})


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    s = Stack(tmp_path_factory.mktemp("tenant-api"), {"PLATFORM_AUTHORISER_CACHE_TTL": str(CACHE_SECONDS),
                                                      "PLATFORM_TENANT_CACHE_TTL": str(CACHE_SECONDS)})
    yield s
    s.stop()


def aws(service):
    return boto3.client(service, endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="eu-west-2")


@pytest.fixture(scope="module")
def ddb():
    return aws("dynamodb")


@pytest.fixture(scope="module")
def secrets():
    return aws("secretsmanager")


class EventLog:
    """Every event EventBridge delivered to a queue through a rule on the default
    bus matching source `platform.tenants` (created before any test runs)."""

    def __init__(self):
        self.sqs, self.events = aws("sqs"), aws("events")
        name = f"tenant-events-{uuid.uuid4().hex[:8]}"
        self.queue = self.sqs.create_queue(QueueName=name)["QueueUrl"]
        arn = self.sqs.get_queue_attributes(QueueUrl=self.queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        self.rule = name
        self.events.put_rule(Name=name, EventPattern=json.dumps({"source": ["platform.tenants"]}), State="ENABLED")
        self.events.put_targets(Rule=name, Targets=[{"Id": "queue", "Arn": arn}])
        self.received = []  # (raw body, parsed event)

    def drain(self):
        while True:
            messages = self.sqs.receive_message(QueueUrl=self.queue, MaxNumberOfMessages=10, WaitTimeSeconds=0)
            batch = messages.get("Messages", [])
            if not batch:
                return
            for message in batch:
                self.received.append((message["Body"], json.loads(message["Body"])))
                self.sqs.delete_message(QueueUrl=self.queue, ReceiptHandle=message["ReceiptHandle"])

    def for_tenant(self, tenant, count, seconds=10.0):
        """The events about `tenant`, once at least `count` arrived."""
        deadline = time.time() + seconds
        while True:
            self.drain()
            mine = [(raw, event) for raw, event in self.received if event["detail"].get("tenantId") == tenant]
            if len(mine) >= count or time.time() > deadline:
                return mine
            time.sleep(0.2)

    def close(self):
        self.events.remove_targets(Rule=self.rule, Ids=["queue"])
        self.events.delete_rule(Name=self.rule)
        self.sqs.delete_queue(QueueUrl=self.queue)


@pytest.fixture(scope="module")
def events(stack):
    log = EventLog()
    yield log
    log.close()


@pytest.fixture(scope="module")
def shared_tenant(stack):
    """A tenant the many small negative cases share (they must leave it unchanged)."""
    return create(stack)[0]


# ---------- callers ----------

class Caller:
    def __init__(self, stack, headers_for, name):
        self.stack, self.headers_for, self.name = stack, headers_for, name

    def call(self, method, path, body=None, raw=None):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        url = f"{self.stack.api}{path}"
        headers = {**self.headers_for(method, url, data), "Content-Type": "application/json"}
        status, payload = request(url, headers, method, data)
        try:
            return status, json.loads(payload) if payload else None
        except ValueError:
            return status, payload

    def __repr__(self):
        return self.name


def bearer(stack, token, name="bearer"):
    return Caller(stack, lambda method, url, data: {"Authorization": f"Bearer {token}"}, name)


def user(stack, tenant, roles=(), sub=None):
    token = stack.mint(tenantid=tenant, appid=f"{tenant}-app", tier="basic", sub=sub or f"user-{uuid.uuid4().hex[:6]}@{tenant}",
                       roles=list(roles))
    return bearer(stack, token, f"{tenant}:{'+'.join(roles) or 'user'}")


def tenant_admin(stack, tenant):
    return user(stack, tenant, ["SelfService.Admin"])


def platform_admin(stack):
    return bearer(stack, stack.env["ADMIN_TOKEN"], "platform-admin")


def platform_operator(stack):
    return bearer(stack, stack.mint(tenantid="platform", appid="platform-ops", tier="premium", sub="operator@platform",
                                    roles=["Platform.Operator"]), "platform-operator")


def machine(stack, tenant, key_id, secret, claimed_tenant=None):
    return Caller(stack, lambda method, url, data: botocore_sigv4_headers(
        key_id, secret, url, claimed_tenant or tenant, method, data), f"{tenant}:machine")


def machine_from_secret(stack, secrets, tenant):
    value = json.loads(secrets.get_secret_value(SecretId=f"platform/tenants/{tenant}/api-key")["SecretString"])
    return machine(stack, tenant, value["keyId"], value["secret"]), value


# ---------- tenants and rows ----------

def new_id(prefix="t"):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def tenant_body(tenant_id, **overrides):
    body = {"tenantId": tenant_id, "appId": f"{tenant_id}-app", "displayName": f"Tenant {tenant_id}", "tier": "basic",
            "ownerEmail": f"owner@{tenant_id}.example", "ownerTeam": "team-e2e", "accountId": "123456789012",
            "monthlyBudgetUsd": 250}
    body.update(overrides)
    return body


def create(stack, tenant_id=None, **overrides):
    tenant_id = tenant_id or new_id()
    status, body = platform_admin(stack).call("POST", "/v1/tenants", tenant_body(tenant_id, **overrides))
    assert status == 201, body
    return tenant_id, body


def metadata(ddb, tenant):
    return ddb.get_item(TableName=TENANTS_TABLE, Key={"PK": {"S": f"TENANT#{tenant}"}, "SK": {"S": "METADATA"}},
                        ConsistentRead=True).get("Item")


def partition(ddb, tenant):
    """Every row of the tenant, by sort key."""
    items = ddb.query(TableName=TENANTS_TABLE, KeyConditionExpression="PK = :pk",
                      ExpressionAttributeValues={":pk": {"S": f"TENANT#{tenant}"}}, ConsistentRead=True)["Items"]
    return {item["SK"]["S"]: item for item in items}


def secret_state(secrets, tenant):
    try:
        value = secrets.get_secret_value(SecretId=f"platform/tenants/{tenant}/api-key")
    except ClientError as err:
        assert err.response["Error"]["Code"] == "ResourceNotFoundException"
        return None
    return value["VersionId"], value["SecretString"]


def snapshot(ddb, secrets, tenant):
    return partition(ddb, tenant), secret_state(secrets, tenant)


def fields(body):
    return [d["field"] for d in body["error"].get("details", [])]


def assert_error(status, body, expected_status, code):
    assert status == expected_status, body
    assert body["error"]["code"] == code, body
    assert body["error"]["requestId"]


def eventually(check, seconds=SETTLE + 6):
    """Polls `check` until it returns truthy (the caches are short, not zero)."""
    deadline = time.time() + seconds
    while True:
        result = check()
        if result or time.time() > deadline:
            return result
        time.sleep(0.3)


# ---------- health ----------

def test_health_answers_anyone_with_its_dependencies(stack):
    status, body = Caller(stack, lambda *_: {}, "anonymous").call("GET", "/v1/health")
    assert status == 200, body
    assert body["status"] == "ok" and body["version"] == "local" and body["runtimeRegion"] == "eu-west-1"
    assert {d["name"]: d["status"] for d in body["dependencies"]} == {"dynamodb": "ok", "ssm": "ok"}
    assert body["timestamp"].endswith("Z") and len(body["timestamp"]) == 24


# ---------- CRUD per role ----------

def test_platform_admin_full_crud(stack, ddb, secrets):
    admin = platform_admin(stack)
    tenant = new_id("crud")
    status, created = admin.call("POST", "/v1/tenants", tenant_body(tenant, tier="standard"))
    assert status == 201, created
    assert created["tenantId"] == tenant and created["status"] == "active" and created["provisioningStatus"] == "pending"
    assert created["tier"] == "standard" and created["runtimeRegion"] == "eu-west-1" and created["fallbackRegion"] == "eu-central-1"
    assert created["memoryStoreArn"].startswith("arn:aws:bedrock-agentcore:")
    assert "apiKeySecretArn" not in created and "secret" not in json.dumps(created).lower()
    # What was written: the row, the key row, and the secret naming the same key.
    row = metadata(ddb, tenant)
    assert row["status"]["S"] == "active" and row["apiKeyId"]["S"] == created["apiKeyId"]
    key = json.loads(secret_state(secrets, tenant)[1])
    assert key["keyId"] == created["apiKeyId"] and len(key["secret"]) >= 43
    assert partition(ddb, tenant)[f"APIKEY#{created['apiKeyId']}"]["status"]["S"] == "active"

    status, read = admin.call("GET", f"/v1/tenants/{tenant}")
    assert status == 200 and read["usage"] == {"requestsToday": 0, "budgetRemainingUsd": 250}
    assert {k: v for k, v in read.items() if k != "usage"} == created

    status, updated = admin.call("PATCH", f"/v1/tenants/{tenant}", {"displayName": "Renamed", "monthlyBudgetUsd": 300.5})
    assert status == 200 and updated["displayName"] == "Renamed" and updated["monthlyBudgetUsd"] == 300.5
    row = metadata(ddb, tenant)
    assert row["displayName"]["S"] == "Renamed" and float(row["monthlyBudgetUsd"]["N"]) == 300.5
    assert row["updatedAt"]["S"] == updated["updatedAt"] > created["updatedAt"]

    status, deleted = admin.call("DELETE", f"/v1/tenants/{tenant}")
    assert status == 202 and deleted == {"tenantId": tenant, "status": "delete_scheduled", "retentionDays": 30}
    row = metadata(ddb, tenant)
    assert row["status"]["S"] == "deleted"
    from datetime import datetime
    parse = lambda text: datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ")
    assert (parse(row["purgeAt"]["S"]) - parse(row["deletedAt"]["S"])).days == 30
    # A deleted tenant is still readable by admins, and neither updatable nor deletable again.
    assert admin.call("GET", f"/v1/tenants/{tenant}")[1]["status"] == "deleted"
    assert_error(*admin.call("PATCH", f"/v1/tenants/{tenant}", {"displayName": "Back"}), 409, "CONFLICT")
    assert_error(*admin.call("DELETE", f"/v1/tenants/{tenant}"), 409, "CONFLICT")
    assert_error(*admin.call("GET", "/v1/tenants/no-such-tenant"), 404, "NOT_FOUND")


def test_platform_operator_manages_tenants_but_cannot_delete(stack, ddb, secrets):
    operator = platform_operator(stack)
    tenant = new_id("oper")
    status, created = operator.call("POST", "/v1/tenants", tenant_body(tenant))
    assert status == 201, created
    assert operator.call("GET", f"/v1/tenants/{tenant}")[0] == 200
    status, updated = operator.call("PATCH", f"/v1/tenants/{tenant}", {"tier": "premium"})
    assert status == 200 and updated["tier"] == "premium"
    before = snapshot(ddb, secrets, tenant)
    assert_error(*operator.call("DELETE", f"/v1/tenants/{tenant}"), 403, "FORBIDDEN")
    assert snapshot(ddb, secrets, tenant) == before
    # Key rotation is for Platform.Admin or the tenant's own admin, not operators.
    assert_error(*operator.call("POST", f"/v1/tenants/{tenant}/api-key/rotate"), 403, "FORBIDDEN")
    assert snapshot(ddb, secrets, tenant) == before
    status, export = operator.call("GET", f"/v1/tenants/{tenant}/audit-export?{EXPORT_QUERY}")
    assert status == 200 and export["tenantId"] == tenant
    assert f"/tenants/{tenant}/audit-exports/" in export["downloadUrl"]
    # The export holds the admin audit records that target the tenant (create, update, the refused delete),
    # downloaded through the URL itself (the local S3 front verifies it like S3 does).
    key = export["downloadUrl"].split("/platform-tenant-data/", 1)[1].split("?", 1)[0]
    assert key.startswith(f"tenants/{tenant}/audit-exports/") and "X-Amz-Expires=3600" in export["downloadUrl"]
    assert export["downloadUrl"].startswith(stack.s3_front + "/")
    status, body = request(export["downloadUrl"], {})
    assert status == 200, body
    text = body.decode()
    assert text == aws("s3").get_object(Bucket="platform-tenant-data", Key=key)["Body"].read().decode()
    for altered in (export["downloadUrl"].replace(f"/tenants/{tenant}/", "/tenants/another-tenant/"),
                    export["downloadUrl"].replace("X-Amz-Expires=3600", "X-Amz-Expires=7200")):
        status, body = request(altered, {})
        assert status == 403 and b"<Code>SignatureDoesNotMatch</Code>" in body, body
    lines = [json.loads(l) for l in text.splitlines()]
    operations = {(l["record"]["operation"], l["record"]["outcome"]) for l in lines if l["recordType"] == "audit"}
    assert {("tenant.create", "succeeded"), ("tenant.update", "succeeded"), ("tenant.delete", "denied")} <= operations
    assert all(l["record"]["targetTenant"] == tenant for l in lines)


def test_tenant_admin_self_service_and_no_admin_routes(stack, ddb, secrets):
    tenant, created = create(stack)
    admin = tenant_admin(stack, tenant)
    status, read = admin.call("GET", f"/v1/tenants/{tenant}")
    assert status == 200 and read["tenantId"] == tenant and "usage" in read
    status, page = admin.call("GET", "/v1/tenants")
    assert status == 200 and [t["tenantId"] for t in page["items"]] == [tenant] and page["nextToken"] is None
    status, invite = admin.call("POST", f"/v1/tenants/{tenant}/users/invite", {"email": "New.Analyst@Example.com",
                                                                                "roles": ["Agent.Invoke", "Agent.Invoke"]})
    assert status == 202, invite
    assert invite["email"] == "new.analyst@example.com" and invite["roles"] == ["Agent.Invoke"] and invite["status"] == "pending"
    assert_error(*admin.call("POST", f"/v1/tenants/{tenant}/users/invite", {"email": "new.analyst@example.com",
                                                                           "roles": ["Agent.Invoke"]}), 409, "CONFLICT")
    status, invites = admin.call("GET", f"/v1/tenants/{tenant}/users/invites")
    assert status == 200 and [i["inviteId"] for i in invites["items"]] == [invite["inviteId"]]
    assert f"INVITE#{invite['inviteId']}" in partition(ddb, tenant)
    assert_error(*admin.call("POST", f"/v1/tenants/{tenant}/users/invite", {"email": "x@example.com",
                                                                           "roles": ["Platform.Admin"]}), 400, "INVALID_REQUEST")
    status, rotated = admin.call("POST", f"/v1/tenants/{tenant}/api-key/rotate")
    assert status == 200 and rotated["apiKeyId"] != created["apiKeyId"]
    # The admin routes are the authoriser's to refuse (no platform role): nothing changes.
    before = snapshot(ddb, secrets, tenant)
    assert admin.call("POST", "/v1/tenants", tenant_body(new_id()))[0] == 403
    assert admin.call("PATCH", f"/v1/tenants/{tenant}", {"tier": "premium"})[0] == 403
    assert admin.call("DELETE", f"/v1/tenants/{tenant}")[0] == 403
    assert admin.call("GET", f"/v1/tenants/{tenant}/audit-export?{EXPORT_QUERY}")[0] == 403
    assert admin.call("POST", f"/v1/platform/tenants/{tenant}/suspend")[0] == 403
    assert snapshot(ddb, secrets, tenant) == before


def test_basic_user_reads_own_tenant_only(stack, ddb, secrets):
    tenant, created = create(stack)
    member = user(stack, tenant)
    status, read = member.call("GET", f"/v1/tenants/{tenant}")
    assert status == 200 and read["apiKeyId"] == created["apiKeyId"]
    status, page = member.call("GET", "/v1/tenants?limit=5")
    assert status == 200 and [t["tenantId"] for t in page["items"]] == [tenant]
    assert member.call("GET", "/v1/tenants?tier=premium")[1]["items"] == []
    assert_error(*member.call("GET", "/v1/tenants?nextToken=abc"), 400, "INVALID_REQUEST")
    before = snapshot(ddb, secrets, tenant)
    assert_error(*member.call("POST", f"/v1/tenants/{tenant}/api-key/rotate"), 403, "FORBIDDEN")
    assert_error(*member.call("POST", f"/v1/tenants/{tenant}/users/invite", {"email": "a@example.com", "roles": ["Agent.Invoke"]}),
                 403, "FORBIDDEN")
    assert_error(*member.call("GET", f"/v1/tenants/{tenant}/users/invites"), 403, "FORBIDDEN")
    assert member.call("POST", "/v1/tenants", tenant_body(new_id()))[0] == 403
    assert member.call("PATCH", f"/v1/tenants/{tenant}", {"displayName": "Mine now"})[0] == 403
    assert member.call("DELETE", f"/v1/tenants/{tenant}")[0] == 403
    assert member.call("GET", "/v1/platform/agents")[0] == 403
    assert snapshot(ddb, secrets, tenant) == before


def test_machine_key_reads_own_tenant_and_manages_webhooks_only(stack, ddb, secrets):
    tenant, created = create(stack)
    app, key = machine_from_secret(stack, secrets, tenant)
    assert key["keyId"] == created["apiKeyId"]
    status, read = app.call("GET", f"/v1/tenants/{tenant}")
    assert status == 200 and read["tenantId"] == tenant
    status, page = app.call("GET", "/v1/tenants")
    assert status == 200 and [t["tenantId"] for t in page["items"]] == [tenant]
    status, hook = app.call("POST", "/v1/webhooks", {"callbackUrl": "https://hooks.example.com/jobs", "events": ["job.failed"]})
    assert status == 201 and hook["tenantId"] == tenant, hook
    assert [h["webhookId"] for h in app.call("GET", "/v1/webhooks")[1]["items"]] == [hook["webhookId"]]
    assert app.call("DELETE", f"/v1/webhooks/{hook['webhookId']}")[0] == 204
    before = snapshot(ddb, secrets, tenant)
    # Machine callers never act as administrators, not even of their own tenant.
    assert_error(*app.call("POST", f"/v1/tenants/{tenant}/api-key/rotate"), 403, "FORBIDDEN")
    assert_error(*app.call("GET", f"/v1/tenants/{tenant}/users/invites"), 403, "FORBIDDEN")
    assert app.call("PATCH", f"/v1/tenants/{tenant}", {"tier": "premium"})[0] == 403
    assert app.call("DELETE", f"/v1/tenants/{tenant}")[0] == 403
    assert app.call("POST", "/v1/tenants", tenant_body(new_id()))[0] == 403
    assert app.call("GET", "/v1/platform/quota")[0] == 403
    assert snapshot(ddb, secrets, tenant) == before


# ---------- isolation ----------

def test_a_tenant_cannot_read_update_rotate_or_export_another(stack, ddb, secrets):
    mine, _ = create(stack)
    theirs, _ = create(stack)
    before = snapshot(ddb, secrets, theirs)
    app, _ = machine_from_secret(stack, secrets, mine)
    callers = [user(stack, mine), tenant_admin(stack, mine), app,
               # A platform role outside the `platform` tenant grants nothing.
               user(stack, mine, ["Platform.Admin"]), user(stack, mine, ["Platform.Operator", "SelfService.Admin"])]
    attempts = [("GET", f"/v1/tenants/{theirs}", None),
                ("PATCH", f"/v1/tenants/{theirs}", {"displayName": "Taken over", "tier": "premium"}),
                ("DELETE", f"/v1/tenants/{theirs}", None),
                ("POST", f"/v1/tenants/{theirs}/api-key/rotate", None),
                ("POST", f"/v1/tenants/{theirs}/users/invite", {"email": "spy@example.com", "roles": ["SelfService.Admin"]}),
                ("GET", f"/v1/tenants/{theirs}/users/invites", None),
                ("GET", f"/v1/tenants/{theirs}/audit-export?{EXPORT_QUERY}", None),
                ("POST", f"/v1/platform/tenants/{theirs}/suspend", None)]
    for caller in callers:
        for method, path, body in attempts:
            status, answer = caller.call(method, path, body)
            assert status == 403, (caller, method, path, status, answer)
            assert f"Tenant {theirs}" not in json.dumps(answer), answer  # nothing of theirs leaks
    assert snapshot(ddb, secrets, theirs) == before
    # Listing never shows the other tenant, and a key signed for the other tenant is not a credential there.
    for caller in callers[:3]:
        assert theirs not in [t["tenantId"] for t in caller.call("GET", "/v1/tenants?limit=100")[1]["items"]]
    _, key = machine_from_secret(stack, secrets, mine)
    assert machine(stack, mine, key["keyId"], key["secret"], claimed_tenant=theirs).call("GET", f"/v1/tenants/{theirs}")[0] == 401
    assert snapshot(ddb, secrets, theirs) == before


def test_double_create_is_409_and_the_first_tenant_is_untouched(stack, ddb, secrets):
    tenant, first = create(stack)
    before = snapshot(ddb, secrets, tenant)
    for caller in (platform_admin(stack), platform_operator(stack)):
        status, body = caller.call("POST", "/v1/tenants", tenant_body(tenant, displayName="Impostor", tier="premium",
                                                                      monthlyBudgetUsd=999))
        assert_error(status, body, 409, "CONFLICT")
    assert snapshot(ddb, secrets, tenant) == before
    assert platform_admin(stack).call("GET", f"/v1/tenants/{tenant}")[1]["displayName"] == first["displayName"]


@pytest.mark.parametrize("tenant_id", ["platform", "admin", "root", "system", "stub"])
def test_reserved_ids_are_400(stack, ddb, tenant_id):
    before = metadata(ddb, tenant_id)
    status, body = platform_admin(stack).call("POST", "/v1/tenants", tenant_body(tenant_id))
    assert_error(status, body, 400, "INVALID_REQUEST")
    assert fields(body) == ["tenantId"]
    assert metadata(ddb, tenant_id) == before


@pytest.mark.parametrize("tenant_id", ["Upper-case", "ab", "a" * 33, "1starts-with-digit", "ends-with-", "double--dash",
                                       "under_score", "", " spaced ", "dot.ted", "ünïcode"],
                         ids=["upper", "short", "long", "digit-first", "trailing-dash", "double-dash", "underscore",
                              "empty", "spaces", "dot", "unicode"])
def test_invalid_ids_are_400_and_nothing_is_written(stack, ddb, secrets, tenant_id):
    body = tenant_body(tenant_id, appId="app", ownerEmail="owner@example.com")
    status, body = platform_admin(stack).call("POST", "/v1/tenants", body)
    assert_error(status, body, 400, "INVALID_REQUEST")
    assert fields(body) == ["tenantId"]
    if len(tenant_id.strip()) > 4:  # shorter ones could occur in the request id by chance
        assert tenant_id not in json.dumps(body)  # details name the field, never echo the value
    for candidate in {tenant_id, tenant_id.lower(), tenant_id.strip()} - {""}:
        assert metadata(ddb, candidate) is None and secret_state(secrets, candidate) is None


def test_invalid_path_ids_are_400(stack):
    admin = platform_admin(stack)
    for method, path in [("GET", "/v1/tenants/Not--Valid"), ("PATCH", "/v1/tenants/UPPER"),
                         ("POST", "/v1/platform/tenants/x/suspend"), ("DELETE", "/v1/webhooks/" + "w" * 129),
                         ("DELETE", "/v1/webhooks/has.dot")]:
        status, body = admin.call(method, path, {"displayName": "x"} if method == "PATCH" else None)
        assert_error(status, body, 400, "INVALID_REQUEST")
        assert fields(body) and fields(body)[0] in ("tenantId", "webhookId"), body


# ---------- bad input ----------

VALID = tenant_body("placeholder")


@pytest.mark.parametrize("raw, expected", [
    (b"{not json", ["body"]),
    (b"", ["body"]),
    (b"[]", ["body"]),
    (b'"a string"', ["body"]),
    (json.dumps({**VALID, "colour": "red", "apiKeyId": "APK0000000000000000"}).encode(), ["apiKeyId", "colour"]),
    (json.dumps({**VALID, "tier": 5}).encode(), ["tier"]),
    (json.dumps({**VALID, "monthlyBudgetUsd": "100"}).encode(), ["monthlyBudgetUsd"]),
    (json.dumps({**VALID, "accountId": 123456789012}).encode(), ["accountId"]),
    (json.dumps({**VALID, "displayName": None}).encode(), ["displayName"]),
    (json.dumps({**VALID, "displayName": "x" * 129}).encode(), ["displayName"]),
    (json.dumps({**VALID, "ownerTeam": "x" * 129, "appId": "y" * 129}).encode(), ["appId", "ownerTeam"]),
    (json.dumps({**VALID, "ownerEmail": "a" * 250 + "@example.com"}).encode(), ["ownerEmail"]),
    (json.dumps({**VALID, "ownerEmail": "not-an-email"}).encode(), ["ownerEmail"]),
    (json.dumps({**VALID, "monthlyBudgetUsd": 0}).encode(), ["monthlyBudgetUsd"]),
    (json.dumps({**VALID, "monthlyBudgetUsd": -5}).encode(), ["monthlyBudgetUsd"]),
    (json.dumps({**VALID, "monthlyBudgetUsd": 1000001}).encode(), ["monthlyBudgetUsd"]),
    (json.dumps({**VALID, "accountId": "12345"}).encode(), ["accountId"]),
    (json.dumps({**VALID, "tier": "gold", "displayName": ""}).encode(), ["displayName", "tier"]),
    (json.dumps({**VALID, "runtimeRegion": "us-east-1"}).encode(), ["runtimeRegion"]),
    (json.dumps({k: v for k, v in VALID.items() if k not in ("appId", "ownerEmail")}).encode(), ["appId", "ownerEmail"]),
], ids=["non-json", "empty", "array", "string", "unknown-fields", "tier-number", "budget-string", "account-number",
        "null-name", "long-name", "long-team-and-app", "long-email", "bad-email", "budget-zero", "budget-negative",
        "budget-too-big", "short-account", "two-errors", "unknown-region", "missing-fields"])
def test_bad_create_bodies_are_400_with_field_details_and_nothing_is_written(stack, ddb, secrets, raw, expected):
    tenant = new_id("bad")
    raw = raw.replace(b'"placeholder', f'"{tenant}'.encode())
    status, body = platform_admin(stack).call("POST", "/v1/tenants", raw=raw)
    assert_error(status, body, 400, "INVALID_REQUEST")
    assert sorted(fields(body)) == expected, body
    assert "x" * 129 not in json.dumps(body)  # details name fields, never echo values
    assert partition(ddb, tenant) == {} and secret_state(secrets, tenant) is None


def test_equal_runtime_and_fallback_regions_are_422(stack, ddb):
    tenant = new_id("bad")
    status, body = platform_admin(stack).call("POST", "/v1/tenants", tenant_body(tenant, runtimeRegion="eu-central-1"))
    assert_error(status, body, 422, "UNPROCESSABLE_ENTITY")
    assert partition(ddb, tenant) == {}


@pytest.mark.parametrize("raw, expected", [
    (b"nope", ["body"]),
    (b"{}", ["body"]),
    (b'{"apiKeyId": "APK0000000000000000"}', ["apiKeyId"]),
    (b'{"tenantId": "someone-else"}', ["tenantId"]),
    (b'{"status": "deleted"}', ["status"]),
    (b'{"status": "archived"}', ["status"]),
    (b'{"tier": ["premium"]}', ["tier"]),
    (b'{"monthlyBudgetUsd": 0.5}', ["monthlyBudgetUsd"]),
    # Not representable as a number at all: the body is refused as a whole.
    (b'{"monthlyBudgetUsd": 1e400}', ["body"]),
    (b'{"displayName": ""}', ["displayName"]),
    (('{"displayName": "%s"}' % ("n" * 129)).encode(), ["displayName"]),
    (b'{"runtimeRegion": "mars-north-1"}', ["runtimeRegion"]),
], ids=["non-json", "empty-object", "unknown-field", "tenant-id", "status-deleted", "status-unknown", "tier-array",
        "budget-small", "budget-overflow", "empty-name", "long-name", "unknown-region"])
def test_bad_update_bodies_are_400_and_the_row_is_unchanged(stack, ddb, shared_tenant, raw, expected):
    tenant = shared_tenant
    before = partition(ddb, tenant)
    status, body = platform_admin(stack).call("PATCH", f"/v1/tenants/{tenant}", raw=raw)
    assert_error(status, body, 400, "INVALID_REQUEST")
    assert fields(body) == expected, body
    assert partition(ddb, tenant) == before


@pytest.mark.parametrize("query, expected", [
    ("limit=0", ["limit"]), ("limit=101", ["limit"]), ("limit=ten", ["limit"]), ("limit=-1", ["limit"]),
    ("status=gone", ["status"]), ("tier=gold", ["tier"]), ("sort=name", ["sort"]), ("nextToken=not-a-token", ["nextToken"]),
    ("limit=0&tier=gold", ["limit", "tier"]),
])
def test_bad_list_queries_are_400(stack, query, expected):
    status, body = platform_admin(stack).call("GET", f"/v1/tenants?{query}")
    assert_error(status, body, 400, "INVALID_REQUEST")
    assert sorted(fields(body)) == expected, body


# ---------- pagination ----------

def test_pagination_returns_every_tenant_exactly_once(stack, ddb):
    created = {create(stack, new_id("page"))[0] for _ in range(7)}
    admin = platform_admin(stack)
    seen, token, pages = [], None, 0
    while True:
        status, page = admin.call("GET", "/v1/tenants?limit=3" + (f"&nextToken={urllib_quote(token)}" if token else ""))
        assert status == 200, page
        assert len(page["items"]) <= 3
        seen += [t["tenantId"] for t in page["items"]]
        token, pages = page["nextToken"], pages + 1
        assert pages < 5000, "pagination does not end"
        if token is None:
            break
    assert len(seen) == len(set(seen)), "a tenant appeared twice"
    assert created <= set(seen)
    every = {item["tenantId"]["S"] for item in ddb.scan(TableName=TENANTS_TABLE, ConsistentRead=True)["Items"]
             if item["SK"]["S"] == "METADATA"}
    assert set(seen) == every
    # Filters paginate too: the seeded premium tenant and no basic one.
    premium = []
    token = None
    while True:
        page = admin.call("GET", "/v1/tenants?limit=2&tier=premium" + (f"&nextToken={urllib_quote(token)}" if token else ""))[1]
        premium += [t["tenantId"] for t in page["items"]]
        token = page["nextToken"]
        if token is None:
            break
    assert "globex-premium" in premium and not created & set(premium)


def urllib_quote(text):
    from urllib.parse import quote
    return quote(text, safe="")


# ---------- events ----------

def test_every_change_publishes_one_event_without_secrets(stack, ddb, secrets, events):
    admin = platform_admin(stack)
    tenant, created = create(stack)
    first_secret = json.loads(secret_state(secrets, tenant)[1])["secret"]
    assert admin.call("PATCH", f"/v1/tenants/{tenant}", {"displayName": "Event Co"})[0] == 200
    assert admin.call("PATCH", f"/v1/tenants/{tenant}", {"tier": "premium"})[0] == 200
    status, rotated = tenant_admin(stack, tenant).call("POST", f"/v1/tenants/{tenant}/api-key/rotate")
    assert status == 200
    assert admin.call("POST", f"/v1/platform/tenants/{tenant}/suspend", {"reason": "INC-1 test"})[0] == 200
    assert admin.call("DELETE", f"/v1/tenants/{tenant}")[0] == 202
    second_secret = json.loads(secret_state(secrets, tenant)[1])["secret"]

    received = events.for_tenant(tenant, 6)
    kinds = [event["detail-type"] for _, event in received]
    assert kinds == ["platform.tenant.created", "platform.tenant.updated", "platform.tenant.tier_changed",
                     "platform.tenant.api_key_rotated", "platform.tenant.updated", "platform.tenant.deleted"], kinds
    details = [event["detail"] for _, event in received]
    assert all(event["source"] == "platform.tenants" for _, event in received)
    assert all(d["tenantId"] == tenant and d["appId"] == f"{tenant}-app" and d["occurredAt"].endswith("Z") for d in details)
    assert details[0]["actor"] == {"sub": "admin@platform", "tenantId": "platform", "appId": "platform-ops"}
    assert details[0]["change"]["tier"] == {"from": None, "to": "basic"}
    assert details[1]["change"] == {"displayName": {"from": f"Tenant {tenant}", "to": "Event Co"}}
    assert details[2]["change"] == {"tier": {"from": "basic", "to": "premium"}}
    assert details[3]["change"] == {"apiKeyId": {"from": created["apiKeyId"], "to": rotated["apiKeyId"]}}
    assert details[3]["actor"]["tenantId"] == tenant
    assert details[4]["change"] == {"status": {"from": "active", "to": "suspended"}} and details[4]["reason"] == "INC-1 test"
    assert details[5]["change"]["status"] == {"from": "suspended", "to": "deleted"} and details[5]["change"]["purgeAt"]["to"]
    for raw, _ in received:
        assert first_secret not in raw and second_secret not in raw and '"secret' not in raw.lower()
    # Refused and invalid requests publish nothing.
    assert_error(*admin.call("PATCH", f"/v1/tenants/{tenant}", {"displayName": "Too late"}), 409, "CONFLICT")
    time.sleep(0.5)
    assert len(events.for_tenant(tenant, 7, seconds=0)) == 6


# ---------- authentication after deletion, suspension, rotation ----------

def test_deleted_tenants_cannot_authenticate(stack, secrets):
    tenant, _ = create(stack)
    member = user(stack, tenant)
    app, _ = machine_from_secret(stack, secrets, tenant)
    assert member.call("GET", f"/v1/tenants/{tenant}")[0] == 200
    assert app.call("GET", f"/v1/tenants/{tenant}")[0] == 200
    assert platform_admin(stack).call("DELETE", f"/v1/tenants/{tenant}")[0] == 202
    # Valid credentials of a tenant that is not active: Deny (403) once the caches expire.
    assert eventually(lambda: member.call("GET", f"/v1/tenants/{tenant}")[0] == 403)
    assert eventually(lambda: app.call("GET", f"/v1/tenants/{tenant}")[0] == 403)
    assert user(stack, tenant).call("GET", "/v1/webhooks")[0] == 403  # a fresh token too
    assert app.call("GET", "/v1/webhooks")[0] == 403


def test_suspend_and_reinstate(stack, ddb, events):
    tenant, _ = create(stack)
    member = user(stack, tenant)
    admin, operator = platform_admin(stack), platform_operator(stack)
    assert member.call("GET", f"/v1/tenants/{tenant}")[0] == 200
    status, body = operator.call("POST", f"/v1/platform/tenants/{tenant}/suspend", {"reason": "abuse"})
    assert status == 200 and body["status"] == "suspended" and body["previousStatus"] == "active", body
    assert metadata(ddb, tenant)["status"]["S"] == "suspended"
    assert eventually(lambda: member.call("GET", f"/v1/tenants/{tenant}")[0] == 403)
    status, again = admin.call("POST", f"/v1/platform/tenants/{tenant}/suspend")
    assert status == 200 and again["previousStatus"] == "suspended" and again["updatedAt"] == body["updatedAt"]
    status, body = admin.call("POST", f"/v1/platform/tenants/{tenant}/reinstate")
    assert status == 200 and body["status"] == "active" and body["previousStatus"] == "suspended"
    assert eventually(lambda: member.call("GET", f"/v1/tenants/{tenant}")[0] == 200)
    # Suspending twice and reinstating published two events, not three.
    kinds = [e["detail-type"] for _, e in events.for_tenant(tenant, 3)]
    assert kinds == ["platform.tenant.created", "platform.tenant.updated", "platform.tenant.updated"], kinds
    assert_error(*admin.call("POST", "/v1/platform/tenants/platform/suspend"), 403, "FORBIDDEN")
    assert_error(*admin.call("POST", "/v1/platform/tenants/no-such-tenant/suspend"), 404, "NOT_FOUND")
    assert_error(*admin.call("POST", f"/v1/platform/tenants/{tenant}/suspend", {"reason": "r" * 257}), 400, "INVALID_REQUEST")
    assert_error(*admin.call("POST", f"/v1/platform/tenants/{tenant}/suspend", {"why": "x"}), 400, "INVALID_REQUEST")
    assert metadata(ddb, tenant)["status"]["S"] == "active"


def test_key_rotation_retires_the_old_key_and_the_new_one_works(stack, ddb, secrets):
    tenant, created = create(stack)
    old_app, old = machine_from_secret(stack, secrets, tenant)
    # Warm every authoriser instance's caches with the old key (tenant row, key row, secret).
    for _ in range(8):
        assert old_app.call("GET", f"/v1/tenants/{tenant}")[0] == 200
    status, rotated = tenant_admin(stack, tenant).call("POST", f"/v1/tenants/{tenant}/api-key/rotate")
    assert status == 200 and rotated["tenantId"] == tenant and rotated["apiKeyId"] != old["keyId"]
    assert set(rotated) == {"tenantId", "apiKeyId", "rotatedAt"}
    # As an operator would: the new secret from Secrets Manager names the new key id.
    new_app, new = machine_from_secret(stack, secrets, tenant)
    assert new["keyId"] == rotated["apiKeyId"] and new["secret"] != old["secret"]
    rows = partition(ddb, tenant)
    assert rows[f"APIKEY#{old['keyId']}"]["status"]["S"] == "revoked"
    assert rows[f"APIKEY#{new['keyId']}"]["status"]["S"] == "active"
    assert rows["METADATA"]["apiKeyId"]["S"] == new["keyId"]
    assert eventually(lambda: all(old_app.call("GET", f"/v1/tenants/{tenant}")[0] == 401 for _ in range(6)))
    # The new key works on every instance within the tenant cache TTL, not the 5-minute secret cache.
    assert eventually(lambda: all(new_app.call("GET", f"/v1/tenants/{tenant}")[0] == 200 for _ in range(6)))
    assert platform_admin(stack).call("GET", f"/v1/tenants/{tenant}")[1]["apiKeyId"] == new["keyId"]


# ---------- webhooks ----------

def test_webhooks_registry(stack, ddb):
    mine, _ = create(stack)
    theirs, _ = create(stack)
    owner, other = user(stack, mine), tenant_admin(stack, theirs)
    callback = f"http://{stack.receiver}/hook"
    status, hook = owner.call("POST", "/v1/webhooks", {"callbackUrl": callback, "events": ["job.completed", "job.failed"],
                                                       "description": "local receiver"})
    assert status == 201, hook
    assert hook["tenantId"] == mine and hook["status"] == "active" and hook["events"] == ["job.completed", "job.failed"]
    assert hook["signing"]["algorithm"] == "HMAC-SHA256" and hook["signing"]["signatureHeader"] == "X-Platform-Signature"
    row = partition(ddb, mine)[f"WEBHOOK#{hook['webhookId']}"]
    secret = row["secret"]["S"]
    assert len(secret) == 64 and int(secret, 16) >= 0
    # Returned exactly once, in the 201; never in a listing.
    assert hook["signingSecret"] == secret and "secret" not in {k.lower() for k in hook}
    status, listed = owner.call("GET", "/v1/webhooks")
    assert status == 200 and [h["webhookId"] for h in listed["items"]] == [hook["webhookId"]]
    assert secret not in json.dumps(listed) and "signing" not in listed["items"][0]
    assert_error(*owner.call("POST", "/v1/webhooks", {"callbackUrl": callback, "events": ["job.failed"]}),
                 409, "CONFLICT")
    # Rotation: a new secret, once; the old one still signs for 24 h; another tenant cannot rotate it.
    assert_error(*other.call("POST", f"/v1/webhooks/{hook['webhookId']}/rotate-secret"), 404, "NOT_FOUND")
    status, rotated = owner.call("POST", f"/v1/webhooks/{hook['webhookId']}/rotate-secret")
    assert status == 201 and rotated["signingSecret"] != secret and len(rotated["signingSecret"]) == 64, rotated
    row = partition(ddb, mine)[f"WEBHOOK#{hook['webhookId']}"]
    assert row["secret"]["S"] == rotated["signingSecret"] and row["previousSecret"]["S"] == secret
    listed = owner.call("GET", "/v1/webhooks")[1]
    assert rotated["signingSecret"] not in json.dumps(listed) and "previousSecretExpiresAt" in listed["items"][0]
    # Another tenant neither sees nor deletes it.
    assert other.call("GET", "/v1/webhooks")[1]["items"] == []
    assert_error(*other.call("DELETE", f"/v1/webhooks/{hook['webhookId']}"), 404, "NOT_FOUND")
    assert f"WEBHOOK#{hook['webhookId']}" in partition(ddb, mine)
    assert owner.call("DELETE", f"/v1/webhooks/{hook['webhookId']}") == (204, None)
    assert f"WEBHOOK#{hook['webhookId']}" not in partition(ddb, mine)
    assert_error(*owner.call("DELETE", f"/v1/webhooks/{hook['webhookId']}"), 404, "NOT_FOUND")
    assert_error(*owner.call("DELETE", f"/v1/webhooks/{uuid.uuid4()}"), 404, "NOT_FOUND")


@pytest.mark.parametrize("body, expected", [
    ({"callbackUrl": "ftp://hooks.example.com/x", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "http://hooks.example.com/x", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "https://10.0.0.1/x", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "https://0xa9.0xfe.0xa9.0xfe/latest/meta-data/", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "https://0x7f.0x0.0x0.0x1/x", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "https://2130706433/x", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "https://0177.0.0.1/x", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "https://127.1/x", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "https://[::ffff:127.0.0.1]/x", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "http://127.0.0.1:1/2015-03-31/functions/bridge/invocations", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "not a url", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "https://user:pw@hooks.example.com/x", "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "https://hooks.example.com/" + "p" * 2048, "events": ["job.completed"]}, ["callbackUrl"]),
    ({"callbackUrl": "https://hooks.example.com/x", "events": []}, ["events"]),
    ({"callbackUrl": "https://hooks.example.com/x", "events": ["job.started"]}, ["events[0]"]),
    ({"callbackUrl": "https://hooks.example.com/x", "events": "job.completed"}, ["events"]),
    ({"callbackUrl": "https://hooks.example.com/x", "events": ["job.failed"], "description": "d" * 257}, ["description"]),
    ({"callbackUrl": "https://hooks.example.com/x", "events": ["job.failed"], "secret": "mine"}, ["secret"]),
    ({"events": ["job.failed"]}, ["callbackUrl"]),
], ids=["ftp", "http-remote", "ip-literal", "hex-metadata", "hex-loopback", "decimal-loopback", "octal-loopback",
        "short-loopback", "mapped-loopback", "unlisted-loopback-port", "not-a-url", "userinfo", "too-long", "no-events", "unknown-event",
        "events-string", "long-description", "client-secret", "missing-url"])
def test_bad_webhooks_are_400_and_nothing_is_written(stack, ddb, shared_tenant, body, expected):
    tenant = shared_tenant
    before = partition(ddb, tenant)
    status, answer = user(stack, tenant).call("POST", "/v1/webhooks", body)
    assert_error(status, answer, 400, "INVALID_REQUEST")
    assert fields(answer) == expected, answer
    assert partition(ddb, tenant) == before


# ---------- agent registry ----------

def agent_version(name, version="1.0.0", **overrides):
    body = {"agentName": name, "version": version, "ownerTeam": "e2e", "tierMinimum": "basic", "invocationMode": "sync",
            "streamingEnabled": True, "runtimeArn": f"arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/{name.replace('-', '_')}-x",
            "layerHash": "0123456789abcdef", "estimatedDurationSeconds": 3}
    body.update(overrides)
    return body


def test_agent_registry_release_state_machine(stack, ddb):
    admin, operator = platform_admin(stack), platform_operator(stack)
    name = f"agent-{uuid.uuid4().hex[:8]}"
    status, built = admin.call("POST", "/v1/platform/agents", agent_version(name))
    assert status == 201 and built["status"] == "built" and built["deployedAt"].endswith("Z"), built
    assert_error(*operator.call("POST", "/v1/platform/agents", agent_version(name)), 409, "CONFLICT")
    path = f"/v1/platform/agents/{name}/versions/1.0.0"
    key = {"PK": {"S": f"AGENT#{name}"}, "SK": {"S": "VERSION#1.0.0"}}
    row = lambda: ddb.get_item(TableName="platform-agents", Key=key, ConsistentRead=True)["Item"]
    # An illegal jump is 409 and changes nothing.
    before = row()
    assert_error(*admin.call("PATCH", path, {"status": "promoted"}), 409, "CONFLICT")
    assert row() == before
    for step in ["deployed_staging", "integration_verified", "evaluation_passed", "approved", "promoted"]:
        status, body = operator.call("PATCH", path, {"status": step} if step != "evaluation_passed"
                                     else {"status": step, "evaluationScore": 0.93})
        assert status == 200 and body["status"] == step, body
        assert row()["status"]["S"] == step
    assert body["approvedBy"] == "operator@platform" and body["approvedAt"] and body["evaluationScore"] == 0.93
    before = row()
    for illegal in ["built", "failed", "approved"]:
        assert_error(*admin.call("PATCH", path, {"status": illegal}), 409, "CONFLICT")
    assert row() == before
    status, body = admin.call("PATCH", path, {"status": "rolled_back"})
    assert status == 200 and body["rolledBackBy"] == "admin@platform"
    assert_error(*admin.call("PATCH", path, {"status": "promoted"}), 409, "CONFLICT")
    # Registry listing and its filters.
    status, listed = operator.call("GET", f"/v1/platform/agents?agentName={name}")
    assert status == 200 and [(v["version"], v["status"]) for v in listed["items"]] == [("1.0.0", "rolled_back")]
    assert admin.call("POST", "/v1/platform/agents", agent_version(name, "1.10.0"))[0] == 201
    assert admin.call("POST", "/v1/platform/agents", agent_version(name, "1.9.0"))[0] == 201
    versions = [v["version"] for v in operator.call("GET", f"/v1/platform/agents?agentName={name}")[1]["items"]]
    assert versions == ["1.10.0", "1.9.0", "1.0.0"]
    assert admin.call("PATCH", f"/v1/platform/agents/{name}/versions/1.9.0", {"status": "failed"})[1]["status"] == "failed"
    assert_error(*admin.call("PATCH", f"/v1/platform/agents/{name}/versions/9.9.9", {"status": "failed"}), 404, "NOT_FOUND")
    assert_error(*admin.call("PATCH", path, {"status": "sideways"}), 400, "INVALID_REQUEST")
    assert_error(*admin.call("PATCH", path, {"evaluationScore": 1.5}), 400, "INVALID_REQUEST")
    assert_error(*admin.call("PATCH", path, {}), 400, "INVALID_REQUEST")
    assert user(stack, "acme-basic", ["SelfService.Admin"]).call("PATCH", path, {"status": "failed"})[0] == 403
    assert row()["status"]["S"] == "rolled_back"


@pytest.mark.parametrize("overrides, expected", [
    ({"agentName": "Bad Name"}, ["agentName"]),
    ({"version": "1.0"}, ["version"]),
    ({"tierMinimum": "gold"}, ["tierMinimum"]),
    ({"invocationMode": "async", "streamingEnabled": True}, ["streamingEnabled"]),
    ({"estimatedDurationSeconds": 0}, ["estimatedDurationSeconds"]),
    ({"estimatedDurationSeconds": 8 * 3600 + 1}, ["estimatedDurationSeconds"]),
    ({"layerHash": "XYZ"}, ["layerHash"]),
    ({"runtimeArn": "arn:aws:lambda:eu-west-1:123456789012:function:x"}, ["runtimeArn"]),
    ({"releaseNotes": "n" * 4097}, ["releaseNotes"]),
    ({"status": "promoted"}, ["status"]),
    ({"streamingEnabled": "yes"}, ["streamingEnabled"]),
], ids=["name", "version", "tier", "async-streaming", "duration-zero", "duration-too-long", "layer-hash", "runtime-arn",
        "long-notes", "status-not-settable", "streaming-string"])
def test_bad_agent_versions_are_400_and_nothing_is_written(stack, ddb, overrides, expected):
    name = f"agent-{uuid.uuid4().hex[:8]}"
    status, body = platform_admin(stack).call("POST", "/v1/platform/agents", agent_version(name, **overrides))
    assert_error(status, body, 400, "INVALID_REQUEST")
    assert fields(body) == expected, body
    assert ddb.query(TableName="platform-agents", KeyConditionExpression="PK = :pk",
                     ExpressionAttributeValues={":pk": {"S": f"AGENT#{name}"}})["Items"] == []


# ---------- operator actions ----------

def test_failover_requires_the_lock(stack, ddb):
    admin, operator = platform_admin(stack), platform_operator(stack)
    ssm = aws("ssm")
    region = lambda: ssm.get_parameter(Name="/platform/config/runtime-region")["Parameter"]["Value"]
    key = {"PK": {"S": "LOCK#platform-runtime-failover"}, "SK": {"S": "METADATA"}}
    ddb.delete_item(TableName="platform-ops-locks", Key=key)
    assert region() == "eu-west-1"
    lock_id = str(uuid.uuid4())
    failover = {"region": "eu-central-1", "lockId": lock_id, "reason": "e2e drill"}
    assert_error(*operator.call("POST", "/v1/platform/failover", failover), 409, "LOCK_NOT_HELD")
    assert region() == "eu-west-1"

    def take_lock(lock, expires_in):
        # As the ops CLI's failover-lock-acquire does: a conditional put, 300 s.
        now = int(time.time())
        ddb.put_item(TableName="platform-ops-locks", Item={
            **key, "lockName": {"S": "platform-runtime-failover"}, "lockId": {"S": lock}, "owner": {"S": "ops-cli/e2e"},
            "acquiredAt": {"S": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(now))},
            "expiresAt": {"N": str(now + expires_in)}, "ttl": {"N": str(now + expires_in)}},
            ConditionExpression="attribute_not_exists(PK) OR expiresAt < :now",
            ExpressionAttributeValues={":now": {"N": str(now)}})

    try:
        take_lock(lock_id, -30)
        assert_error(*operator.call("POST", "/v1/platform/failover", failover), 409, "LOCK_EXPIRED")
        take_lock(str(uuid.uuid4()), 300)
        assert_error(*operator.call("POST", "/v1/platform/failover", failover), 409, "LOCK_MISMATCH")
        assert region() == "eu-west-1"
        ddb.delete_item(TableName="platform-ops-locks", Key=key)
        take_lock(lock_id, 300)
        status, body = operator.call("POST", "/v1/platform/failover", failover)
        assert status == 200 and body == {"status": "completed", "region": "eu-central-1", "previousRegion": "eu-west-1",
                                          "changed": True}, body
        assert region() == "eu-central-1"
        assert admin.call("GET", "/v1/health")[1]["runtimeRegion"] == "eu-central-1"
        status, body = admin.call("POST", "/v1/platform/failover", failover)
        assert status == 200 and body["changed"] is False
        assert_error(*admin.call("POST", "/v1/platform/failover", {"region": "us-east-1", "lockId": lock_id}), 400, "INVALID_REQUEST")
        assert_error(*admin.call("POST", "/v1/platform/failover", {"region": "eu-west-1"}), 400, "INVALID_REQUEST")
        assert_error(*admin.call("POST", "/v1/platform/failover", {"region": "eu-west-1", "lockId": lock_id, "force": True}),
                     400, "INVALID_REQUEST")
        assert region() == "eu-central-1"
        assert user(stack, "acme-basic", ["SelfService.Admin"]).call("POST", "/v1/platform/failover",
                                                                      {**failover, "region": "eu-west-1"})[0] == 403
        assert admin.call("POST", "/v1/platform/failover", {**failover, "region": "eu-west-1"})[1]["changed"] is True
    finally:
        ddb.delete_item(TableName="platform-ops-locks", Key=key)
        ssm.put_parameter(Name="/platform/config/runtime-region", Value="eu-west-1", Type="String", Overwrite=True)


def test_quota_report_says_unavailable_rather_than_inventing_numbers(stack):
    status, body = platform_operator(stack).call("GET", "/v1/platform/quota")
    assert status == 200, body
    assert [item["region"] for item in body["utilisation"]] == ["eu-west-1", "eu-central-1"]
    for item in body["utilisation"]:
        assert item["status"] == "unavailable" and item["reason"] and item["quotaName"] == "ConcurrentSessions"
        assert not {"currentValue", "limit", "utilisationPercentage"} & set(item), item
    assert user(stack, "acme-basic").call("GET", "/v1/platform/quota")[0] == 403


def test_billing_status(stack, ddb):
    tenant, _ = create(stack)
    month = time.strftime("%Y-%m", time.gmtime())
    ddb.put_item(TableName=TENANTS_TABLE, Item={
        "PK": {"S": f"TENANT#{tenant}"}, "SK": {"S": f"BILLING#{month}"}, "tenantId": {"S": tenant},
        "yearMonth": {"S": month}, "totalInputTokens": {"N": "1200"}, "totalOutputTokens": {"N": "300"},
        "totalCostUsd": {"N": "0.0081"}, "updatedAt": {"S": "2026-01-02T03:04:05.678Z"},
        "dailyTotals": {"M": {f"{month}-01": {"M": {"inputTokens": {"N": "1200"}, "outputTokens": {"N": "300"},
                                                     "costUsd": {"N": "0.0081"}}}}}})
    status, body = platform_operator(stack).call("GET", "/v1/platform/billing/status")
    assert status == 200 and body["yearMonth"] == month, body
    mine = [item for item in body["items"] if item["tenantId"] == tenant]
    assert mine == [{"tenantId": tenant, "yearMonth": month, "totalInputTokens": 1200, "totalOutputTokens": 300,
                     "totalCostUsd": 0.0081, "updatedAt": "2026-01-02T03:04:05.678Z"}]
    assert platform_admin(stack).call("GET", "/v1/platform/billing/status?yearMonth=2001-01")[1] == {"yearMonth": "2001-01", "items": []}
    for bad in ("2026-13", "26-01", "now"):
        status, answer = platform_admin(stack).call("GET", f"/v1/platform/billing/status?yearMonth={bad}")
        assert_error(status, answer, 400, "INVALID_REQUEST")
        assert fields(answer) == ["yearMonth"]
    assert user(stack, tenant).call("GET", "/v1/platform/billing/status")[0] == 403


def test_admin_actions_are_audited_with_their_outcome(stack, ddb):
    tenant, _ = create(stack)
    operator = platform_operator(stack)
    assert operator.call("DELETE", f"/v1/tenants/{tenant}")[0] == 403
    assert operator.call("PATCH", f"/v1/tenants/{tenant}", {"tier": "nope"})[0] == 400
    assert operator.call("POST", f"/v1/platform/tenants/{tenant}/suspend")[0] == 200
    items = ddb.query(TableName=TENANTS_TABLE, KeyConditionExpression="PK = :pk AND begins_with(SK, :a)",
                      ExpressionAttributeValues={":pk": {"S": "TENANT#platform"}, ":a": {"S": "AUDIT#"}},
                      ConsistentRead=True)["Items"]
    mine = sorted((i["timestamp"]["S"], i["operation"]["S"], i["outcome"]["S"], i["actor"]["S"]) for i in items
                  if i.get("targetTenant", {}).get("S") == tenant)
    assert [(op, outcome) for _, op, outcome, _ in mine] == [
        ("tenant.create", "succeeded"), ("tenant.delete", "denied"), ("tenant.update", "failed"), ("tenant.suspend", "succeeded")]
    assert {actor for *_, actor in mine[1:]} == {"operator@platform"}


# ---------- races, spoofing and the operator tenant ----------

def test_concurrent_creates_of_one_id_make_exactly_one_tenant(stack, ddb, secrets):
    from concurrent.futures import ThreadPoolExecutor
    tenant = new_id("race")
    admin, operator = platform_admin(stack), platform_operator(stack)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda i: (admin if i % 2 else operator).call(
            "POST", "/v1/tenants", tenant_body(tenant, displayName=f"Racer {i}")), range(4)))
    statuses = sorted(status for status, _ in results)
    assert statuses == [201, 409, 409, 409], results
    winner = next(body for status, body in results if status == 201)
    rows = partition(ddb, tenant)
    assert rows["METADATA"]["displayName"]["S"] == winner["displayName"]
    # One key row, and it is the one the secret and the tenant row name.
    assert [sk for sk in rows if sk.startswith("APIKEY#")] == [f"APIKEY#{winner['apiKeyId']}"]
    assert json.loads(secret_state(secrets, tenant)[1])["keyId"] == winner["apiKeyId"]


def test_a_spoofed_tenant_header_changes_nothing_for_a_bearer_caller(stack, ddb):
    mine, _ = create(stack)
    theirs, _ = create(stack)
    spoofing = Caller(stack, lambda *_: {"Authorization": f"Bearer {stack.mint(tenantid=mine, appid='x')}",
                                         "x-tenant-id": theirs, "x-app-id": "x", "x-tier": "premium"}, "spoofer")
    status, page = spoofing.call("GET", "/v1/tenants")
    assert status == 200 and [t["tenantId"] for t in page["items"]] == [mine]
    status, hook = spoofing.call("POST", "/v1/webhooks", {"callbackUrl": "https://spoof.example.com/h", "events": ["job.failed"]})
    assert status == 201 and hook["tenantId"] == mine
    assert f"WEBHOOK#{hook['webhookId']}" in partition(ddb, mine)
    assert not [sk for sk in partition(ddb, theirs) if sk.startswith("WEBHOOK#")]


def test_region_rules_on_update(stack, ddb):
    tenant, _ = create(stack)
    admin = platform_admin(stack)
    before = partition(ddb, tenant)
    assert_error(*admin.call("PATCH", f"/v1/tenants/{tenant}", {"runtimeRegion": "eu-central-1"}), 422, "UNPROCESSABLE_ENTITY")
    assert partition(ddb, tenant) == before
    status, body = admin.call("PATCH", f"/v1/tenants/{tenant}", {"runtimeRegion": "eu-central-1", "fallbackRegion": "eu-west-1"})
    assert status == 200 and (body["runtimeRegion"], body["fallbackRegion"]) == ("eu-central-1", "eu-west-1")


def test_a_deleted_tenant_has_no_self_service_and_stays_deleted(stack, ddb, secrets):
    tenant, _ = create(stack)
    admin = platform_admin(stack)
    assert admin.call("DELETE", f"/v1/tenants/{tenant}")[0] == 202
    before = snapshot(ddb, secrets, tenant)
    assert_error(*admin.call("POST", f"/v1/tenants/{tenant}/api-key/rotate"), 409, "CONFLICT")
    assert_error(*admin.call("POST", f"/v1/tenants/{tenant}/users/invite", {"email": "late@example.com", "roles": ["Agent.Invoke"]}),
                 409, "CONFLICT")
    assert_error(*admin.call("POST", f"/v1/platform/tenants/{tenant}/reinstate"), 409, "CONFLICT")
    assert_error(*admin.call("PATCH", f"/v1/tenants/{tenant}", {"status": "active"}), 409, "CONFLICT")
    assert_error(*admin.call("POST", "/v1/tenants", tenant_body(tenant)), 409, "CONFLICT")
    assert snapshot(ddb, secrets, tenant) == before


def test_the_operator_tenant_cannot_be_suspended_or_deleted(stack, ddb, secrets):
    admin = platform_admin(stack)
    # The platform partition also holds the audit trail, which these refusals extend.
    state = lambda: ({sk: row for sk, row in partition(ddb, "platform").items() if not sk.startswith("AUDIT#")},
                     secret_state(secrets, "platform"))
    before = state()
    assert_error(*admin.call("DELETE", "/v1/tenants/platform"), 403, "FORBIDDEN")
    assert_error(*admin.call("PATCH", "/v1/tenants/platform", {"status": "suspended"}), 403, "FORBIDDEN")
    assert_error(*admin.call("POST", "/v1/platform/tenants/platform/suspend"), 403, "FORBIDDEN")
    assert state() == before
    assert admin.call("GET", "/v1/platform/quota")[0] == 200
