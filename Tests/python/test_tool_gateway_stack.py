"""The tool path over HTTP on the real local platform (ADR 0041): the MCP
endpoint local-platform serves, seeded by dev_bootstrap.py, through the
interceptors to the tool Lambdas. The detailed cases are Swift's
ToolGatewayIntegrationTests; this checks the wiring `make dev` runs."""
import json
import uuid

import pytest

from platform_stack import Stack, request


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    s = Stack(tmp_path_factory.mktemp("tools"))
    yield s
    s.stop()


def token(stack, tenant, sub=None):
    return stack.mint(tenantid=tenant, appid=f"{tenant}-app", sub=sub or f"u-{uuid.uuid4().hex[:6]}", roles=[])


def mcp(stack, tok, message, session=None):
    headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream",
               "Mcp-Session-Id": session or f"s-{uuid.uuid4().hex}"}
    if tok:
        headers["Authorization"] = f"Bearer {tok}"
    status, body = request(stack.mcp, headers, "POST", json.dumps(message).encode())
    return status, json.loads(body) if body else None


def call(name, id_, arguments=None):
    return {"jsonrpc": "2.0", "id": id_, "method": "tools/call", "params": {"name": name, "arguments": arguments or {}}}


def test_the_platform_serves_an_mcp_endpoint(stack):
    assert stack.mcp and stack.mcp.endswith("/mcp")
    status, _ = request(stack.mcp, {}, "GET")
    assert status == 405


def test_a_basic_tenant_lists_only_basic_tools_with_a_target(stack):
    status, body = mcp(stack, token(stack, "acme-basic"), {"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
    assert status == 200
    names = [t["name"] for t in body["result"]["tools"]]
    # crm-lookup is entitled but has no Lambda (no schema): not a target; tenant-status is premium.
    assert names == ["echo"]
    status, body = mcp(stack, token(stack, "globex-premium"), {"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
    assert [t["name"] for t in body["result"]["tools"]] == ["echo", "tenant-status"]


def test_a_tool_answers_for_the_calling_user_through_the_whole_path(stack):
    status, body = mcp(stack, token(stack, "acme-basic", sub="dana"),
                       call("echo", 5, {"text": "hello from dana, dana@acme.example"}))
    assert status == 200, body
    assert body["id"] == 5
    assert body["result"]["content"][0]["text"] == "hello from dana, [REDACTED]"
    assert body["result"]["structuredContent"]["actingSub"] == "dana"
    assert body["result"]["structuredContent"]["tenantId"] == "acme-basic"


def test_a_premium_tool_is_refused_for_basic_and_the_premium_tenant_reads_its_own_row(stack):
    status, body = mcp(stack, token(stack, "acme-basic"), call("tenant-status", 6))
    assert status == 403 and body["id"] == 6 and body["error"]["code"] == -32003
    status, body = mcp(stack, token(stack, "globex-premium"), call("tenant-status", 7))
    assert status == 200, body
    assert body["result"]["structuredContent"]["tenantId"] == "globex-premium"
    assert body["result"]["structuredContent"]["status"] == "active"


def test_no_token_is_401_and_no_token_reaches_the_log(stack):
    status, body = mcp(stack, None, call("echo", 8, {"text": "x"}))
    assert status == 401 and body["id"] == 8
    tok = token(stack, "acme-basic")
    mcp(stack, tok, call("echo", 9, {"text": "x"}))
    log = stack.log.read_text(errors="replace") if stack.log.exists() else (stack.tmp / "platform.log").read_text(errors="replace")
    assert tok not in log
    assert "Bearer " not in log
