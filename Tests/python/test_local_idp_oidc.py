"""The local identity provider's interactive sign-in: authorization code + PKCE for the console."""
import base64
import hashlib
import json
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import jwt
import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIRECT = "http://127.0.0.1:4999/"
TENANT = "local-entra-tenant"


@pytest.fixture(scope="module")
def idp(tmp_path_factory):
    ready = tmp_path_factory.mktemp("idp-oidc") / "ready"
    proc = subprocess.Popen([sys.executable, str(ROOT / "scripts/local_idp.py"), "--spa-redirect-uri", REDIRECT,
                             "--ready-file", str(ready)], stdout=subprocess.DEVNULL)
    deadline = time.time() + 15
    while not ready.exists() or not ready.read_text().strip():
        assert time.time() < deadline and proc.poll() is None, "identity provider did not start"
        time.sleep(0.05)
    yield ready.read_text().strip()
    proc.terminate()
    proc.wait(5)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def send(url, form=None, headers=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        resp = OPENER.open(req, timeout=5)
    except urllib.error.HTTPError as err:
        resp = err
    return resp.status, dict(resp.headers.items()), resp.read().decode()


def pkce():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def authorize_params(challenge, **overrides):
    return {"client_id": "local-console", "redirect_uri": REDIRECT, "response_type": "code",
            "scope": "openid profile api://agent-platform/user_impersonation", "state": "st-1", "nonce": "n-1",
            "code_challenge": challenge, "code_challenge_method": "S256", **overrides}


def sign_in(idp, challenge, username="basic-user", **overrides):
    status, headers, _ = send(f"{idp}/{TENANT}/oauth2/v2.0/authorize", {**authorize_params(challenge, **overrides),
                                                                        "username": username})
    assert status == 302
    location = urllib.parse.urlsplit(headers["Location"])
    return f"{location.scheme}://{location.netloc}{location.path}", dict(urllib.parse.parse_qsl(location.query))


def redeem(idp, code, verifier, **overrides):
    form = {"grant_type": "authorization_code", "code": code, "client_id": "local-console", "redirect_uri": REDIRECT,
            "code_verifier": verifier, **overrides}
    status, headers, body = send(f"{idp}/{TENANT}/oauth2/v2.0/token", form, {"Origin": "http://127.0.0.1:4999"})
    return status, headers, json.loads(body)


def verify(idp, token, audience):
    _, _, body = send(f"{idp}/discovery/v2.0/keys")
    key = jwt.PyJWKSet.from_dict(json.loads(body))[jwt.get_unverified_header(token)["kid"]].key
    return jwt.decode(token, key, algorithms=["RS256"], audience=audience, issuer=f"{idp}/{TENANT}/v2.0")


def test_discovery_names_the_authorization_endpoint_and_s256(idp):
    _, _, body = send(f"{idp}/{TENANT}/v2.0/.well-known/openid-configuration")
    doc = json.loads(body)
    assert doc["authorization_endpoint"] == f"{idp}/{TENANT}/oauth2/v2.0/authorize"
    assert doc["code_challenge_methods_supported"] == ["S256"]


def test_the_picker_lists_every_seeded_role_under_a_strict_csp(idp):
    _, challenge = pkce()
    query = urllib.parse.urlencode(authorize_params(challenge))
    status, headers, page = send(f"{idp}/{TENANT}/oauth2/v2.0/authorize?{query}")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    for user in ("basic-user", "tenant-admin", "premium-user", "operator", "platform-admin"):
        assert f'value="{user}"' in page
    assert "<script" not in page
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_code_with_the_right_verifier_gives_access_and_id_tokens_once(idp):
    verifier, challenge = pkce()
    target, answer = sign_in(idp, challenge, username="tenant-admin")
    assert target == REDIRECT and answer["state"] == "st-1"
    status, headers, tokens = redeem(idp, answer["code"], verifier)
    assert status == 200, tokens
    assert headers["Access-Control-Allow-Origin"] == "http://127.0.0.1:4999"
    access = verify(idp, tokens["access_token"], "api://agent-platform")
    assert access["tenantid"] == "acme-basic" and access["roles"] == ["SelfService.Admin"]
    assert access["scp"] == "user_impersonation" and access["appid"] == "acme-basic-app"
    identity = verify(idp, tokens["id_token"], "local-console")
    assert identity["nonce"] == "n-1" and identity["sub"] == "admin@acme-basic" and identity["name"] == "Tenant admin"
    assert tokens["expires_in"] == 3600
    # Single use: the same code again is refused.
    status, _, error = redeem(idp, answer["code"], verifier)
    assert status == 400 and error["error"] == "invalid_grant"


def test_a_wrong_verifier_redirect_or_client_is_refused_and_burns_the_code(idp):
    verifier, challenge = pkce()
    for overrides, expected in [({"code_verifier": secrets.token_urlsafe(48)}, 400),
                                ({"redirect_uri": "http://127.0.0.1:4999/other"}, 400),
                                ({"client_id": "someone-else"}, 401),
                                ({"code_verifier": "short"}, 400)]:
        _, answer = sign_in(idp, challenge)
        status, _, error = redeem(idp, answer["code"], verifier, **overrides)
        assert status == expected, (overrides, error)
        assert "error" in error and "access_token" not in error
        status, _, _ = redeem(idp, answer["code"], verifier)
        assert status == 400


def test_bad_authorize_requests(idp):
    _, challenge = pkce()
    status, headers, page = send(f"{idp}/{TENANT}/oauth2/v2.0/authorize?" +
                                 urllib.parse.urlencode(authorize_params(challenge, redirect_uri="https://evil.example/")))
    assert status == 400 and "Location" not in headers and "not registered" in page
    status, _, _ = send(f"{idp}/{TENANT}/oauth2/v2.0/authorize?" +
                        urllib.parse.urlencode(authorize_params(challenge, client_id="nobody")))
    assert status == 400
    for overrides, error in [({"code_challenge_method": "plain"}, "invalid_request"), ({"code_challenge": ""}, "invalid_request"),
                             ({"response_type": "token"}, "unsupported_response_type"), ({"scope": "profile"}, "invalid_scope")]:
        _, answer = sign_in(idp, challenge, **overrides)
        assert answer["error"] == error and answer["state"] == "st-1" and "code" not in answer
    _, answer = sign_in(idp, challenge, username="nobody")
    assert answer["error"] == "access_denied"

