"""The authoriser and the local API Gateway, end to end on the real local stack:
moto (SigV4 checked), the local identity provider, local-platform hosting the
real `authoriser` bootstrap. Through the gateway, "allowed" means the request
got past the authoriser (the integration may not be hosted yet: 502)."""
import datetime
import hashlib
import hmac
import json
import os
import time
import urllib.request
import uuid

import boto3
import jwt
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from cryptography.hazmat.primitives import serialization
from jwt.algorithms import RSAAlgorithm

from platform_stack import Stack, b64url, request, sigv4_headers

DENIED = (401, 403, 429, 500)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    # Short caches so suspension is observable in seconds (defaults: 300 s gateway, 30 s tenant).
    s = Stack(tmp_path_factory.mktemp("stack"), {"PLATFORM_AUTHORISER_CACHE_TTL": "2", "PLATFORM_TENANT_CACHE_TTL": "2"})
    yield s
    s.stop()


def user(stack, **overrides):
    claims = {"tenantid": "acme-basic", "appid": "acme-basic-app", "tier": "basic", "sub": f"u-{uuid.uuid4().hex[:6]}",
              "roles": []}
    claims.update(overrides)
    return stack.mint(**claims)


def bearer(stack, token, path="/v1/agents", method="GET"):
    return stack.get(path, {"Authorization": f"Bearer {token}"}, method=method, body=b"{}" if method != "GET" else None)[0]


def test_health_answers_without_credentials(stack):
    status, body = stack.get("/v1/health")
    assert status == 200 and json.loads(body)["status"] == "ok"


def test_a_valid_token_is_allowed_with_the_tenant_context(stack):
    token = user(stack, sub="alice@acme", roles=["Reader"])
    assert bearer(stack, token) not in DENIED
    error, policy = stack.invoke_authoriser({"Authorization": f"Bearer {token}"})
    assert error is None
    assert policy["context"] == {"tenantId": "acme-basic", "appId": "acme-basic-app", "tier": "basic",
                                 "sub": "alice@acme", "roles": '["Reader"]'}
    assert policy["usageIdentifierKey"] == stack.env["BASIC_TENANT_KEY_ID"]
    assert policy["policyDocument"]["Statement"][0] == {
        "Action": "execute-api:Invoke", "Effect": "Allow",
        "Resource": ["arn:aws:execute-api:eu-west-2:123456789012:localapi01/local/*/*"]}


@pytest.mark.parametrize("claims", [
    {"exp": -120},           # expired beyond the 60 s leeway
    {"nbf": 300},            # not yet valid
    {"aud": "api://someone-else"},
    {"iss": "https://login.microsoftonline.com/other-tenant/v2.0"},
    {"tenantid": None},      # required claim missing
    {"appid": None},
], ids=["expired", "not-yet-valid", "wrong-audience", "wrong-issuer", "missing-tenantid", "missing-appid"])
def test_invalid_claims_are_401(stack, claims):
    now = int(time.time())
    claims = {k: (now + v if k in ("exp", "nbf") else v) for k, v in claims.items()}
    assert bearer(stack, user(stack, **claims)) == 401


def test_exp_within_the_leeway_is_still_accepted(stack):
    assert bearer(stack, user(stack, exp=int(time.time()) - 20)) not in DENIED


def forged(stack, header: dict, payload: dict, signer) -> str:
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}"
    return f"{signing_input}.{signer(signing_input.encode())}"


def test_alg_none_hs256_with_the_public_key_and_tampering_are_401(stack):
    valid = user(stack)
    header = jwt.get_unverified_header(valid)
    payload = jwt.decode(valid, options={"verify_signature": False})
    assert bearer(stack, forged(stack, {**header, "alg": "none"}, payload, lambda _: "")) == 401
    jwks = json.loads(request(f"{stack.idp_url}/discovery/v2.0/keys", {})[1])
    jwk = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    pem = RSAAlgorithm.from_jwk(json.dumps(jwk)).public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    hs256 = forged(stack, {**header, "alg": "HS256"}, payload, lambda data: b64url(hmac.new(pem, data, hashlib.sha256).digest()))
    assert bearer(stack, hs256) == 401
    head, _, signature = valid.split(".")
    tampered = f"{head}.{b64url(json.dumps({**payload, 'tenantid': 'globex-premium'}).encode())}.{signature}"
    assert bearer(stack, tampered) == 401
    assert bearer(stack, forged(stack, {**header, "crit": ["exp"]}, payload, lambda _: signature)) == 401


def test_admin_routes_need_a_role_and_platform_routes_the_platform_tenant(stack):
    assert bearer(stack, user(stack), "/v1/tenants", "POST") == 403
    assert bearer(stack, user(stack), "/v1/platform/quota") == 403
    assert bearer(stack, user(stack, roles=["Platform.Admin"]), "/v1/platform/quota") == 403
    admin = stack.env["ADMIN_TOKEN"]
    assert bearer(stack, admin, "/v1/platform/quota") not in DENIED
    assert bearer(stack, admin, "/v1/tenants", "POST") not in DENIED


def test_a_suspended_tenant_is_denied_within_the_cache_ttl(stack):
    ddb = boto3.client("dynamodb", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="eu-west-2")
    row = ddb.get_item(TableName="platform-tenants", Key={"PK": {"S": "TENANT#acme-basic"}, "SK": {"S": "METADATA"}})["Item"]
    tenant = f"susp-{uuid.uuid4().hex[:8]}"
    row.update({"PK": {"S": f"TENANT#{tenant}"}, "tenantId": {"S": tenant}, "appId": {"S": f"{tenant}-app"}})
    ddb.put_item(TableName="platform-tenants", Item=row)
    token = user(stack, tenantid=tenant, appid=f"{tenant}-app")
    assert bearer(stack, token) not in DENIED
    ddb.update_item(TableName="platform-tenants", Key={"PK": {"S": f"TENANT#{tenant}"}, "SK": {"S": "METADATA"}},
                    UpdateExpression="SET #s = :s", ExpressionAttributeNames={"#s": "status"},
                    ExpressionAttributeValues={":s": {"S": "suspended"}})
    assert bearer(stack, token) not in DENIED  # the cached Allow, within the TTL
    time.sleep(4.5)  # both caches (2 s each) have expired
    assert bearer(stack, token) == 403
    assert bearer(stack, user(stack, tenantid=tenant, appid=f"{tenant}-app")) == 403


def botocore_headers(key_id, secret, url, tenant, method="GET"):
    req = AWSRequest(method=method, url=url, headers={"x-tenant-id": tenant})
    SigV4Auth(Credentials(key_id, secret), "execute-api", "eu-west-2").add_auth(req)
    return dict(req.headers.items())


def test_a_request_signed_by_botocore_with_the_tenant_key_is_accepted(stack):
    key_id, secret = stack.env["BASIC_TENANT_KEY_ID"], stack.env["BASIC_TENANT_KEY_SECRET"]
    url = f"{stack.api}/v1/agents?limit=5"
    status, _ = request(url, botocore_headers(key_id, secret, url, "acme-basic"))
    assert status not in DENIED
    error, policy = stack.invoke_authoriser({**botocore_headers(key_id, secret, f"{stack.api}/v1/agents", "acme-basic"),
                                             "Host": stack.api.removeprefix("http://")})
    assert error is None and policy["context"]["roles"] == '["Machine.Invoke"]'
    # Machine keys never reach admin routes.
    admin = f"{stack.api}/v1/platform/quota"
    assert request(admin, botocore_headers(key_id, secret, admin, "acme-basic"))[0] == 403


def test_sigv4_failures_are_401(stack):
    key_id, secret = stack.env["BASIC_TENANT_KEY_ID"], stack.env["BASIC_TENANT_KEY_SECRET"]
    host = stack.api.removeprefix("http://")
    url = f"{stack.api}/v1/agents"
    cases = {
        "wrong secret": sigv4_headers(key_id, "not-the-secret", host, "/v1/agents", "acme-basic"),
        "cross-tenant": sigv4_headers(key_id, secret, host, "/v1/agents", "globex-premium"),
        "stale date": sigv4_headers(key_id, secret, host, "/v1/agents", "acme-basic",
                                    when=__import__("datetime").datetime.now(__import__("datetime").timezone.utc)
                                    - __import__("datetime").timedelta(seconds=400)),
        "unsigned x-tenant-id": sigv4_headers(key_id, secret, host, "/v1/agents", "acme-basic", sign_tenant=False),
        # Signed two seconds earlier than the valid request below: with the same signature
        # the gateway rightly serves the cached Allow (its cache is keyed on Authorization).
        "no x-tenant-id": {k: v for k, v in sigv4_headers(
            key_id, secret, host, "/v1/agents", "acme-basic",
            when=__import__("datetime").datetime.now(__import__("datetime").timezone.utc)
            - __import__("datetime").timedelta(seconds=2)).items() if k != "x-tenant-id"},
    }
    assert request(url, sigv4_headers(key_id, secret, host, "/v1/agents", "acme-basic"))[0] not in DENIED
    for name, headers in cases.items():
        assert request(url, headers)[0] == 401, name


@pytest.mark.parametrize("header", [
    "Bearer " + "A" * 20000,
    "Bearer not-a-jwt",
    "Bearer a.b!c.d",
    "Bearer " + b64url(b"not json") + "." + b64url(b"{]") + ".c2ln",
    "Bearer " + b64url(b'{"alg":"RS256","kid":"k"}') + "." + b64url(b"[1,2]") + ".c2ln",
    "AWS4-HMAC-SHA256 Credential=garbage",
    "%%% garbage {}[] ;,=",
    "Basic dXNlcjpwYXNz",
], ids=["oversized", "not-a-jwt", "bad-base64url", "non-json", "json-array-claims", "bad-sigv4", "garbage", "basic"])
def test_bad_authorization_headers_are_401_without_a_crash(stack, header):
    status, body = stack.get("/v1/agents", {"Authorization": header})
    assert status == 401 and json.loads(body) == {"message": "Unauthorized"}
    assert stack.get("/v1/health")[0] == 200


def test_control_bytes_in_a_header_are_malformed_http_and_the_gateway_survives(stack):
    # Not an authorisation decision: the request itself is not valid HTTP, so the
    # gateway's HTTP layer answers 400 before any authoriser runs.
    status, _ = stack.get("/v1/agents", {"Authorization": "\x01\x02 binary garbage"})
    assert status == 400
    assert stack.get("/v1/health")[0] == 200


def test_an_unknown_kid_is_401_until_the_issuer_publishes_it(stack):
    header = jwt.get_unverified_header(user(stack))
    payload = jwt.decode(user(stack), options={"verify_signature": False})
    assert bearer(stack, forged(stack, {**header, "kid": "unknown-kid"}, payload, lambda _: "c2ln")) == 401
    stack.rotate()
    rotated = user(stack)
    assert jwt.get_unverified_header(rotated)["kid"] != header["kid"]
    # The new kid triggers a refetch at most once per 30 s per process: it is accepted within that window.
    deadline = time.time() + 40
    while bearer(stack, rotated) == 401:
        assert time.time() < deadline, "the rotated key was never picked up"
        time.sleep(2)
        rotated = user(stack)  # a new Authorization header, so the gateway's result cache does not answer


def test_logs_never_contain_tokens_or_signatures(stack):
    token = user(stack, sub="secret-subject-value")
    bearer(stack, token)
    bearer(stack, token + "x")
    log = (stack.tmp / "platform.log").read_text()
    assert "authoriser allow" in log and "authoriser deny" in log
    for secret in (token.split(".")[2], token.split(".")[1], "secret-subject-value", stack.env["BASIC_TENANT_KEY_SECRET"]):
        assert secret not in log


# ---------- issue 11: SigV4 binds the request (ADR 0028), access tokens only (ADR 0029) ----------

def machine_key(stack):
    return stack.env["BASIC_TENANT_KEY_ID"], stack.env["BASIC_TENANT_KEY_SECRET"]


def botocore_signed(stack, path, *, method="GET", params=None, body=None, tenant="acme-basic", declare_hash=True):
    """A request signed by botocore's SigV4Auth exactly as an SDK client sends it: the query encoded by
    botocore itself (`percent_encode_sequence`), the body's hash declared when there is a body."""
    from botocore.utils import percent_encode_sequence
    key_id, secret = machine_key(stack)
    url = f"{stack.api}{path}" + (f"?{percent_encode_sequence(params)}" if params else "")
    headers = {"x-tenant-id": tenant}
    if body is not None and declare_hash:
        headers["x-amz-content-sha256"] = hashlib.sha256(body).hexdigest()
    req = AWSRequest(method=method, url=url, headers=headers, data=body or b"")
    SigV4Auth(Credentials(key_id, secret), "execute-api", "eu-west-2").add_auth(req)
    return url, dict(req.headers.items())


@pytest.mark.parametrize("params", [
    [("k", "2"), ("k", "1")],
    {"k": ["b", "a", "b"]},
    {"q": "a+b", "r": "x y"},
    {"reserved": "!*'();:@&=+$,/?#[]"},
    {"name": "été", "city": "東京"},
    {"empty": "", "tilde": "~x-y_z.w"},
], ids=["repeated", "repeated-values", "plus-and-space", "reserved", "non-ascii", "empty-and-unreserved"])
def test_queries_botocore_signs_are_accepted_through_the_gateway(stack, params):
    url, headers = botocore_signed(stack, "/v1/tenants/acme-basic", params=params)
    status, body = request(url, headers)
    assert status == 200, body


def test_a_botocore_signed_body_reaches_the_integration(stack):
    body = json.dumps({"callbackUrl": f"https://hooks.acme.example/{uuid.uuid4().hex}", "events": ["job.failed"]}).encode()
    url, headers = botocore_signed(stack, "/v1/webhooks", method="POST", body=body)
    status, answer = request(url, {**headers, "Content-Type": "application/json"}, "POST", body)
    assert status == 201, answer


def unauthenticated(status, body):
    return status == 401 and json.loads(body)["error"]["code"] == "UNAUTHENTICATED"


def test_a_captured_signature_serves_no_other_body_query_tenant_or_route(stack):
    body = json.dumps({"callbackUrl": f"https://hooks.acme.example/{uuid.uuid4().hex}", "events": ["job.failed"]}).encode()
    url, headers = botocore_signed(stack, "/v1/webhooks", method="POST", body=body)
    status, _ = request(url, {**headers, "Content-Type": "application/json"}, "POST", body)
    assert status == 201
    # Replays of the same Authorization header: the gateway serves its cached Allow, the integration refuses.
    other = json.dumps({"callbackUrl": "https://evil.example/steal", "events": ["job.failed"]}).encode()
    assert unauthenticated(*request(url, {**headers, "Content-Type": "application/json"}, "POST", other))
    assert unauthenticated(*request(url + "?extra=1", {**headers, "Content-Type": "application/json"}, "POST", body))
    assert unauthenticated(*request(url, {**headers, "x-tenant-id": "globex-premium", "Content-Type": "application/json"}, "POST", body))
    earlier = (datetime.datetime.strptime(headers["X-Amz-Date"], "%Y%m%dT%H%M%SZ")
               - datetime.timedelta(seconds=1)).strftime("%Y%m%dT%H%M%SZ")
    assert unauthenticated(*request(url, {**headers, "X-Amz-Date": earlier, "Content-Type": "application/json"}, "POST", body))
    # Another method or route: the cached policy (this method ARN only) does not cover it.
    assert request(f"{stack.api}/v1/webhooks", headers)[0] == 403
    assert request(f"{stack.api}/v1/tenants/acme-basic", headers)[0] == 403


def test_unsigned_payload_is_only_for_requests_without_a_body(stack):
    url, headers = botocore_signed(stack, "/v1/tenants/acme-basic", body=None)
    key_id, secret = machine_key(stack)
    req = AWSRequest(method="GET", url=url, headers={"x-tenant-id": "acme-basic", "x-amz-content-sha256": "UNSIGNED-PAYLOAD"})
    SigV4Auth(Credentials(key_id, secret), "execute-api", "eu-west-2").add_auth(req)
    assert request(url, dict(req.headers.items()))[0] == 200
    body = json.dumps({"callbackUrl": f"https://hooks.acme.example/{uuid.uuid4().hex}", "events": ["job.failed"]}).encode()
    hook = f"{stack.api}/v1/webhooks"
    req = AWSRequest(method="POST", url=hook, data=body,
                     headers={"x-tenant-id": "acme-basic", "x-amz-content-sha256": "UNSIGNED-PAYLOAD"})
    SigV4Auth(Credentials(key_id, secret), "execute-api", "eu-west-2").add_auth(req)
    assert unauthenticated(*request(hook, {**dict(req.headers.items()), "Content-Type": "application/json"}, "POST", body))
    # A body without a declared hash: the signature covered an empty body, so it never verifies.
    url, headers = botocore_signed(stack, "/v1/webhooks", method="POST", body=body, declare_hash=False)
    assert request(url, {**headers, "Content-Type": "application/json"}, "POST", body)[0] == 401


def test_id_tokens_and_tokens_issued_in_the_future_are_401(stack):
    def id_token(**claims):
        req = urllib.request.Request(f"{stack.idp_url}/dev/id-token", data=json.dumps(claims).encode(), method="POST")
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.loads(resp.read())["id_token"]
    # Even one made to look like an access token for this API: audience, tenant and app claims.
    look_alike = id_token(aud="api://agent-platform", tenantid="acme-basic", appid="acme-basic-app")
    assert jwt.decode(look_alike, options={"verify_signature": False})["aud"] == "api://agent-platform"
    assert bearer(stack, look_alike) == 401
    assert bearer(stack, id_token(tenantid="acme-basic")) == 401
    assert bearer(stack, user(stack, nonce="n-123")) == 401
    assert bearer(stack, user(stack, iat=int(time.time()) + 300)) == 401
    assert bearer(stack, user(stack, iat=int(time.time()) + 20)) not in DENIED  # within the 60 s leeway


def test_the_tier_is_the_tenant_rows_never_the_tokens_claim(stack):
    token = user(stack, tier="premium")  # acme-basic's row says basic
    error, policy = stack.invoke_authoriser({"Authorization": f"Bearer {token}"})
    assert error is None and policy["context"]["tier"] == "basic"


def gateway_denied(status, body):
    return status == 403 and "explicit deny" in json.loads(body).get("Message", "")


def test_platform_roles_outside_the_platform_tenant_are_denied_at_the_gateway(stack):
    token = user(stack, roles=["Platform.Admin", "Platform.Operator"])
    for method, path in [("POST", "/v1/tenants"), ("PATCH", "/v1/tenants/acme-basic"), ("GET", "/v1/platform/quota"),
                         ("GET", "/v1/tenants/acme-basic/audit-export?start=2020-01-01T00:00:00.000Z&end=2020-01-02T00:00:00.000Z")]:
        status, body = stack.get(path, {"Authorization": f"Bearer {token}"}, method=method,
                                 body=b"{}" if method != "GET" else None)
        assert gateway_denied(status, body), (method, path, status)


@pytest.mark.parametrize("path", ["/v1//tenants", "/v1/tenants/", "//v1/tenants"])
def test_the_deny_holds_on_paths_the_gateway_normalises(stack, path):
    status, body = stack.get(path, {"Authorization": f"Bearer {user(stack)}"}, method="POST", body=b"{}")
    assert gateway_denied(status, body)


def test_jwks_outage_keeps_known_keys_and_denies_unknown_ones(stack):
    # Runs last: the identity provider does not come back.
    known = user(stack)
    assert bearer(stack, user(stack)) not in DENIED  # warms every process that answers
    stack.stop_idp()
    assert bearer(stack, known) not in DENIED
    header = jwt.get_unverified_header(known)
    payload = jwt.decode(known, options={"verify_signature": False})
    assert bearer(stack, forged(stack, {**header, "kid": "never-seen"}, payload, lambda _: "c2ln")) == 401
    assert stack.platform.poll() is None
