"""Contract tests for docs/openapi.yaml, the platform's single route table.

The route list below is SYSTEM.md section 3 (Lambda per route) plus the auth class
of SYSTEM.md section 4. The local API Gateway and the CDK stack read the same
vendor extensions, so a drift here is a drift in routing or authorisation.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

SPEC_PATH = Path(__file__).resolve().parents[2] / "docs/openapi.yaml"

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}

# (method, path, x-platform-function, x-platform-auth)
ROUTES = [
    ("get", "/v1/health", "tenant-api", "none"),
    ("get", "/v1/agents", "bridge", "tenant"),
    ("get", "/v1/agents/{agentName}", "bridge", "tenant"),
    ("post", "/v1/agents/{agentName}/invoke", "bridge", "tenant"),
    ("get", "/v1/jobs/{jobId}", "bridge", "tenant"),
    ("post", "/v1/tenants", "tenant-api", "admin"),
    ("get", "/v1/tenants", "tenant-api", "tenant"),
    ("get", "/v1/tenants/{tenantId}", "tenant-api", "tenant"),
    ("patch", "/v1/tenants/{tenantId}", "tenant-api", "admin"),
    ("delete", "/v1/tenants/{tenantId}", "tenant-api", "admin"),
    ("post", "/v1/tenants/{tenantId}/api-key/rotate", "tenant-api", "tenant"),
    ("post", "/v1/tenants/{tenantId}/users/invite", "tenant-api", "tenant"),
    ("get", "/v1/tenants/{tenantId}/users/invites", "tenant-api", "tenant"),
    ("get", "/v1/tenants/{tenantId}/audit-export", "tenant-api", "admin"),
    ("get", "/v1/webhooks", "tenant-api", "tenant"),
    ("post", "/v1/webhooks", "tenant-api", "tenant"),
    ("delete", "/v1/webhooks/{webhookId}", "tenant-api", "tenant"),
    ("post", "/v1/webhooks/{webhookId}/rotate-secret", "tenant-api", "tenant"),
    ("get", "/v1/platform/agents", "tenant-api", "admin"),
    ("post", "/v1/platform/agents", "tenant-api", "admin"),
    ("patch", "/v1/platform/agents/{agentName}/versions/{version}", "tenant-api", "admin"),
    ("post", "/v1/platform/failover", "tenant-api", "admin"),
    ("get", "/v1/platform/quota", "tenant-api", "admin"),
    ("get", "/v1/platform/billing/status", "tenant-api", "admin"),
    ("post", "/v1/platform/tenants/{tenantId}/suspend", "tenant-api", "admin"),
    ("post", "/v1/platform/tenants/{tenantId}/reinstate", "tenant-api", "admin"),
    ("get", "/v1/platform/reports/top-tenants", "tenant-api", "admin"),
    ("get", "/v1/platform/reports/error-rate", "tenant-api", "admin"),
    ("get", "/v1/platform/tenants/{tenantId}/sessions", "tenant-api", "admin"),
    ("get", "/v1/platform/tenants/{tenantId}/invocations", "tenant-api", "admin"),
    ("post", "/v1/bff/token-refresh", "bff", "tenant"),
    ("post", "/v1/bff/session-keepalive", "bff", "tenant"),
]

ALLOWED_FUNCTIONS = {"tenant-api", "bridge", "bff"}
ALLOWED_AUTH = {"none", "tenant", "admin"}
ERROR_SCHEMA_REF = "#/components/schemas/Error"
ERROR_CODES = {
    "INVALID_REQUEST": 400,
    "UNAUTHENTICATED": 401,
    "FORBIDDEN": 403,
    "NOT_FOUND": 404,
    "CONFLICT": 409,
    "LOCK_NOT_HELD": 409,
    "LOCK_EXPIRED": 409,
    "LOCK_MISMATCH": 409,
    "UNPROCESSABLE_ENTITY": 422,
    "THROTTLED": 429,
    "INTERNAL_ERROR": 500,
    "RUNTIME_INVOCATION_FAILED": 502,
    "SERVICE_UNAVAILABLE": 503,
    "TIMEOUT": 504,
}


@pytest.fixture(scope="module")
def spec() -> dict:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


# ---------- helpers (also exercised against broken documents below) ----------


def resolve(doc: dict, node):
    """Follows local `$ref`s until a non-reference object."""
    seen = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), f"only local references are allowed: {ref}"
        assert ref not in seen, f"reference cycle at {ref}"
        seen.add(ref)
        target = doc
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def operations(doc: dict):
    for path, item in (doc.get("paths") or {}).items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield method, path, op


def missing_routes(doc: dict) -> list[tuple[str, str]]:
    present = {(m, p) for m, p, _ in operations(doc)}
    return [(m, p) for m, p, _, _ in ROUTES if (m, p) not in present]


GATEWAY_STATUSES = ("401", "403", "429")
GATEWAY_OR_ERROR_REF = "#/components/schemas/ErrorOrGatewayError"


def error_responses_not_using_error_schema(doc: dict) -> list[str]:
    bad = []
    for method, path, op in operations(doc):
        for status, response in op.get("responses", {}).items():
            if not (status.startswith(("4", "5")) or status == "default"):
                continue
            resolved = resolve(doc, response)
            schema = (resolved.get("content") or {}).get("application/json", {}).get("schema")
            # 401, 403 and 429 may also come from API Gateway itself (authoriser, usage plan), in its own shape.
            allowed = [{"$ref": ERROR_SCHEMA_REF}]
            if status in GATEWAY_STATUSES:
                allowed.append({"$ref": GATEWAY_OR_ERROR_REF})
            if schema not in allowed:
                bad.append(f"{method.upper()} {path} {status}")
    return bad


def example_values(doc: dict, media: dict) -> list:
    values = []
    if "example" in media:
        values.append(media["example"])
    for example in (media.get("examples") or {}).values():
        values.append(resolve(doc, example)["value"])
    return values


def schema_errors(doc: dict, schema: dict, value) -> list[str]:
    root = {**schema, "components": doc["components"]}
    validator = OAS31Validator(root, format_checker=OAS31Validator.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(value)]


def media_with_examples(doc: dict):
    """(label, media object) for every request body and every 2xx response body."""
    for method, path, op in operations(doc):
        body = resolve(doc, op.get("requestBody")) if op.get("requestBody") else None
        if body:
            for ctype, media in body["content"].items():
                yield f"{method.upper()} {path} request {ctype}", media
        for status, response in op.get("responses", {}).items():
            if status.startswith("2"):
                for ctype, media in (resolve(doc, response).get("content") or {}).items():
                    yield f"{method.upper()} {path} {status} {ctype}", media


# ---------- the document ----------


def test_document_is_valid_openapi_3_1(spec):
    assert str(spec["openapi"]).startswith("3.1"), spec["openapi"]
    validate(spec)


def test_validator_rejects_a_broken_document(spec):
    broken = copy.deepcopy(spec)
    del broken["paths"]["/v1/health"]["get"]["responses"]["200"]["description"]
    with pytest.raises(OpenAPIValidationError):
        validate(broken)
    dangling = copy.deepcopy(spec)
    dangling["components"]["schemas"].pop("Job")
    with pytest.raises(Exception, match="Job"):
        validate(dangling)


@pytest.mark.parametrize(("method", "path"), [(m, p) for m, p, _, _ in ROUTES])
def test_route_present(spec, method, path):
    assert method in spec["paths"].get(path, {}), f"missing route {method.upper()} {path}"


def test_no_unlisted_routes(spec):
    listed = {(m, p) for m, p, _, _ in ROUTES}
    extra = sorted((m, p) for m, p, _ in operations(spec) if (m, p) not in listed)
    assert not extra, f"routes not in the route list (update ROUTES deliberately): {extra}"


def test_missing_route_is_detected(spec):
    broken = copy.deepcopy(spec)
    del broken["paths"]["/v1/webhooks/{webhookId}"]["delete"]
    assert missing_routes(spec) == []
    assert missing_routes(broken) == [("delete", "/v1/webhooks/{webhookId}")]


# ---------- operations ----------


def test_every_operation_has_route_table_extensions(spec):
    for method, path, op in operations(spec):
        label = f"{method.upper()} {path}"
        assert op.get("x-platform-function") in ALLOWED_FUNCTIONS, label
        assert op.get("x-platform-auth") in ALLOWED_AUTH, label


@pytest.mark.parametrize(("method", "path", "function", "auth"), ROUTES)
def test_route_function_and_auth_match_system_design(spec, method, path, function, auth):
    op = spec["paths"][path][method]
    assert op["x-platform-function"] == function
    assert op["x-platform-auth"] == auth


def test_streaming_only_on_invoke(spec):
    streaming = [(m, p) for m, p, op in operations(spec) if op.get("x-platform-streaming") is True]
    assert streaming == [("post", "/v1/agents/{agentName}/invoke")]
    for method, path, op in operations(spec):
        assert op.get("x-platform-streaming") in (None, True), f"{method} {path}"


def test_operation_ids_present_and_unique(spec):
    ids = [op.get("operationId") for _, _, op in operations(spec)]
    ids += [
        op.get("operationId")
        for item in (spec.get("webhooks") or {}).values()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]
    assert all(isinstance(i, str) and re.fullmatch(r"[a-z][A-Za-z0-9]+", i) for i in ids), ids
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, duplicates


def test_every_operation_has_a_2xx_response(spec):
    for method, path, op in operations(spec):
        assert any(s.startswith("2") for s in op["responses"]), f"{method.upper()} {path}"


def test_every_error_response_uses_the_shared_error_schema(spec):
    assert error_responses_not_using_error_schema(spec) == []


def test_error_schema_check_is_effective(spec):
    broken = copy.deepcopy(spec)
    broken["paths"]["/v1/jobs/{jobId}"]["get"]["responses"]["404"] = {
        "description": "ad hoc",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
    assert error_responses_not_using_error_schema(broken) == ["GET /v1/jobs/{jobId} 404"]


def test_gateway_responses_are_the_envelope_or_api_gateways_own(spec):
    either = spec["components"]["schemas"]["ErrorOrGatewayError"]
    assert either["anyOf"] == [{"$ref": ERROR_SCHEMA_REF}, {"$ref": "#/components/schemas/GatewayError"}]
    gateway = spec["components"]["schemas"]["GatewayError"]
    assert gateway["propertyNames"] == {"enum": ["message", "Message"]} and gateway["maxProperties"] == 1
    broken = copy.deepcopy(spec)
    broken["paths"]["/v1/jobs/{jobId}"]["get"]["responses"]["404"] = {
        "description": "ad hoc", "content": {"application/json": {"schema": {"$ref": GATEWAY_OR_ERROR_REF}}}}
    assert error_responses_not_using_error_schema(broken) == ["GET /v1/jobs/{jobId} 404"]


def test_error_envelope_and_codes(spec):
    error = spec["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    body = error["properties"]["error"]
    assert set(body["required"]) == {"code", "message", "requestId"}
    assert "details" in body["properties"]
    codes = resolve(spec, body["properties"]["code"])["enum"]
    assert set(codes) == set(ERROR_CODES)


def test_error_response_examples_match_their_status(spec):
    for name, response in spec["components"]["responses"].items():
        media = response["content"]["application/json"]
        for value in example_values(spec, media):
            code = value["error"]["code"]
            assert code in ERROR_CODES, (name, code)
    for method, path, op in operations(spec):
        for status, response in op["responses"].items():
            if status[0] in "45":
                media = resolve(spec, response)["content"]["application/json"]
                for value in example_values(spec, media):
                    assert ERROR_CODES[value["error"]["code"]] == int(status), (method, path, status)


def test_throttled_responses_carry_retry_after(spec):
    for method, path, op in operations(spec):
        if "429" in op["responses"]:
            headers = resolve(spec, op["responses"]["429"]).get("headers", {})
            assert "Retry-After" in headers, f"{method.upper()} {path}"
            assert resolve(spec, headers["Retry-After"])["schema"]["type"] == "integer"


def test_failover_documents_lock_codes(spec):
    response = resolve(spec, spec["paths"]["/v1/platform/failover"]["post"]["responses"]["409"])
    text = response["description"]
    for code in ("LOCK_NOT_HELD", "LOCK_EXPIRED", "LOCK_MISMATCH"):
        assert code in text


def test_path_parameters_are_declared(spec):
    for path, item in spec["paths"].items():
        names = set(re.findall(r"{([^}]+)}", path))
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            params = [resolve(spec, p) for p in item.get("parameters", []) + op.get("parameters", [])]
            declared = {p["name"] for p in params if p["in"] == "path"}
            assert declared == names, f"{method.upper()} {path}: {declared} != {names}"


# ---------- security ----------


def test_security_schemes(spec):
    schemes = spec["components"]["securitySchemes"]
    jwt = schemes["entraJwt"]
    assert (jwt["type"], jwt["scheme"], jwt["bearerFormat"]) == ("http", "bearer", "JWT")
    sigv4 = schemes["sigv4"]
    assert (sigv4["type"], sigv4["in"], sigv4["name"]) == ("apiKey", "header", "Authorization")
    for phrase in ("execute-api", "host", "x-amz-date", "x-tenant-id", "Signature Version 4"):
        assert phrase in sigv4["description"], phrase


def test_security_requirements_follow_auth_class(spec):
    default = spec["security"]
    for method, path, op in operations(spec):
        security = op.get("security", default)
        names = {name for requirement in security for name in requirement}
        auth = op["x-platform-auth"]
        if auth == "none":
            assert security == [], path
        elif auth == "admin" or op["x-platform-function"] == "bff":
            assert names == {"entraJwt"}, f"{method.upper()} {path}: machine callers must be excluded"
        else:
            assert "entraJwt" in names, f"{method.upper()} {path}"


def test_admin_routes_are_the_ones_system_md_lists(spec):
    for method, path, op in operations(spec):
        expected_admin = (
            path.startswith("/v1/platform/")
            or (method, path) == ("post", "/v1/tenants")
            or (method in ("patch", "delete") and path == "/v1/tenants/{tenantId}")
            or path.endswith("/audit-export")
        )
        assert (op["x-platform-auth"] == "admin") == expected_admin, f"{method.upper()} {path}"


# ---------- invoke ----------


def test_invoke_contract(spec):
    op = spec["paths"]["/v1/agents/{agentName}/invoke"]["post"]
    params = [resolve(spec, p) for p in op.get("parameters", [])]
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in params)
    ok = op["responses"]["200"]["content"]
    assert set(ok) == {"application/json", "text/event-stream"}
    assert ok["application/json"]["schema"] == {"$ref": "#/components/schemas/SyncInvokeResponse"}
    accepted = op["responses"]["202"]["content"]["application/json"]["schema"]
    assert accepted == {"$ref": "#/components/schemas/AsyncInvokeResponse"}
    for status in ("400", "401", "403", "404", "429", "500", "502", "503", "504"):
        assert status in op["responses"], status


# ---------- schemas ----------


def test_schema_constraints_from_system_md(spec):
    schemas = spec["components"]["schemas"]
    assert schemas["TenantId"]["pattern"] == "^[a-z](?:[a-z0-9-]{1,30}[a-z0-9])$"
    assert schemas["AccountId"]["pattern"] == "^[0-9]{12}$"
    invoke_input = schemas["InvokeRequest"]["properties"]["input"]
    assert (invoke_input["minLength"], invoke_input["maxLength"]) == (1, 50000)
    assert schemas["InvokeRequest"]["required"] == ["input"]
    limit = spec["components"]["parameters"]["Limit"]["schema"]
    assert (limit["minimum"], limit["maximum"]) == (1, 100)
    assert schemas["WebhookCreate"]["properties"]["description"]["maxLength"] == 256
    assert schemas["Tier"]["enum"] == ["basic", "standard", "premium"]
    assert schemas["TenantStatus"]["enum"] == ["active", "suspended", "deleted"]
    assert schemas["ProvisioningStatus"]["enum"] == ["pending", "provisioning", "ready", "failed"]
    assert schemas["InvocationMode"]["enum"] == ["sync", "streaming", "async"]
    assert schemas["InvocationStatus"]["enum"] == ["success", "error", "timeout", "throttled"]
    assert schemas["JobStatus"]["enum"] == ["pending", "running", "completed", "failed"]
    assert schemas["WebhookEventType"]["enum"] == ["job.completed", "job.failed"]
    assert schemas["DeliveryStatus"]["enum"] == ["delivered", "retrying", "failed", "skipped"]
    assert set(schemas["AgentStatus"]["enum"]) == {
        "built", "deployed_staging", "integration_verified", "evaluation_passed",
        "approved", "promoted", "rolled_back", "failed",
    }


@pytest.mark.parametrize(
    ("schema", "value", "valid"),
    [
        ("TenantId", "acme-corp", True),
        ("TenantId", "ab", False),
        ("TenantId", "Acme", False),
        ("TenantId", "acme--corp", False),
        ("TenantId", "acme-", False),
        ("TenantCreate", {"tenantId": "platform", "appId": "a", "displayName": "d", "tier": "basic",
                          "ownerEmail": "o@example.com", "accountId": "123456789012"}, False),
        ("Timestamp", "2026-11-25T12:34:56.789Z", True),
        ("Timestamp", "2026-11-25T12:34:56Z", False),
        ("InvokeRequest", {"input": ""}, False),
        ("InvokeRequest", {"input": "x" * 50001}, False),
        ("InvokeRequest", {"input": "hi", "tenantId": "other"}, False),
        ("WebhookCreate", {"callbackUrl": "https://h.example/cb", "events": []}, False),
        ("WebhookCreate", {"callbackUrl": "http://h.example/cb", "events": ["job.failed"]}, False),
        ("WebhookCreate", {"callbackUrl": "https://h.example/cb", "events": ["job.failed"],
                           "description": "d" * 257}, False),
        ("TenantUpdate", {}, False),
        ("TenantUpdate", {"status": "deleted"}, False),
    ],
)
def test_schemas_accept_and_reject(spec, schema, value, valid):
    errors = schema_errors(spec, {"$ref": f"#/components/schemas/{schema}"}, value)
    assert (not errors) == valid, errors


def test_camel_case_properties(spec):
    def walk(node, where):
        if isinstance(node, dict):
            for name in (node.get("properties") or {}):
                assert re.fullmatch(r"[a-z][A-Za-z0-9]*", name), f"{where}.{name}"
            for key, child in node.items():
                if key != "examples":
                    walk(child, f"{where}.{key}")
        elif isinstance(node, list):
            for child in node:
                walk(child, where)

    walk(spec["components"]["schemas"], "schemas")


# ---------- examples ----------


def test_every_request_body_and_2xx_body_has_an_example(spec):
    for label, media in media_with_examples(spec):
        assert example_values(spec, media), f"no example for {label}"


def test_examples_conform_to_their_schemas(spec):
    failures = []
    for label, media in media_with_examples(spec):
        if "schema" not in media or media["schema"].get("type") == "string":
            continue
        for value in example_values(spec, media):
            failures += [f"{label}: {e}" for e in schema_errors(spec, media["schema"], value)]
    assert not failures, "\n".join(failures)


# ---------- webhooks ----------


def test_webhook_signature_and_callback_documented(spec):
    created = spec["paths"]["/v1/webhooks"]["post"]["responses"]["201"]["description"]
    assert "X-Platform-Signature" in created
    assert 't={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{body}")}' in created
    callback = spec["webhooks"]["jobEvent"]["post"]
    payload = resolve(spec, callback["requestBody"]["content"]["application/json"]["schema"])
    assert set(payload["required"]) == {
        "event", "jobId", "tenantId", "agentName", "status", "createdAt", "completedAt", "errorMessage",
    }
    headers = {p["name"] for p in callback["parameters"] if p["in"] == "header"}
    assert {"X-Platform-Event-Id", "X-Platform-Signature"} <= headers


def test_webhook_secret_is_returned_only_by_create_and_rotate(spec):
    """The signing secret is in the 201 of registration and rotation, and in no other response schema."""
    created = resolve(spec, spec["components"]["schemas"]["WebhookCreated"])
    assert "signingSecret" in json.dumps(created)
    for method, path in (("post", "/v1/webhooks"), ("post", "/v1/webhooks/{webhookId}/rotate-secret")):
        schema = spec["paths"][path][method]["responses"]["201"]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/WebhookCreated"}
    for name in ("Webhook", "WebhookList"):
        assert "signingSecret" not in json.dumps(spec["components"]["schemas"][name])
    rotate = spec["paths"]["/v1/webhooks/{webhookId}/rotate-secret"]["post"]["description"]
    assert "24 hours" in rotate and "v1=<new>,v1=<old>" in rotate


def test_generated_route_table_is_current():
    """infra/routes.json (read by the local gateway and the infra) matches the spec."""
    import subprocess
    import sys as _sys
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([_sys.executable, str(root / "scripts/gen_routes.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
