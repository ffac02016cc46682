"""The local identity provider behaves like Entra for the flows the platform uses."""
import json
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
OBO = "urn:ietf:params:oauth:grant-type:jwt-bearer"


@pytest.fixture(scope="module")
def idp(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("idp")
    (tmp / "secret").write_text("bff-secret")
    ready = tmp / "ready"
    proc = subprocess.Popen([sys.executable, str(ROOT / "scripts/local_idp.py"), "--client-secret-file",
                             str(tmp / "secret"), "--ready-file", str(ready)], stdout=subprocess.DEVNULL)
    deadline = time.time() + 15
    while not ready.exists() or not ready.read_text().strip():
        assert time.time() < deadline and proc.poll() is None, "identity provider did not start"
        time.sleep(0.05)
    yield ready.read_text().strip()
    proc.terminate()
    proc.wait(5)


def call(url, body=None, form=None):
    data = json.dumps(body).encode() if body is not None else urllib.parse.urlencode(form).encode() if form else None
    req = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def jwks_key(base, kid):
    _, jwks = call(f"{base}/discovery/v2.0/keys")
    match = [k for k in jwks["keys"] if k["kid"] == kid]
    return jwt.PyJWK(match[0]).key if match else None


def test_discovery_points_at_keys_and_token_endpoint(idp):
    status, doc = call(f"{idp}/contoso/v2.0/.well-known/openid-configuration")
    assert status == 200
    assert doc["issuer"] == f"{idp}/contoso/v2.0"
    assert doc["jwks_uri"] == f"{idp}/discovery/v2.0/keys"
    assert doc["token_endpoint"] == f"{idp}/contoso/oauth2/v2.0/token"


def test_minted_token_verifies_against_jwks_with_overrides(idp):
    _, minted = call(f"{idp}/dev/token", {"tenantid": "acme", "roles": ["Platform.Admin"], "appid": None})
    token = minted["access_token"]
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "RS256"
    claims = jwt.decode(token, jwks_key(idp, header["kid"]), algorithms=["RS256"], audience="api://agent-platform")
    assert claims["tenantid"] == "acme" and claims["roles"] == ["Platform.Admin"]
    assert "appid" not in claims


def test_rotation_publishes_new_key_and_can_retire_old(idp):
    _, first = call(f"{idp}/dev/token", {})
    old_kid = jwt.get_unverified_header(first["access_token"])["kid"]
    _, rotated = call(f"{idp}/dev/rotate-keys", {})
    _, second = call(f"{idp}/dev/token", {})
    assert jwt.get_unverified_header(second["access_token"])["kid"] == rotated["kid"] != old_kid
    assert jwks_key(idp, old_kid) is not None
    call(f"{idp}/dev/rotate-keys", {"retireOld": True})
    assert jwks_key(idp, old_kid) is None


def test_on_behalf_of_exchanges_a_valid_assertion(idp):
    _, minted = call(f"{idp}/dev/token", {"tenantid": "acme", "sub": "user-1"})
    form = {"grant_type": OBO, "requested_token_use": "on_behalf_of", "assertion": minted["access_token"],
            "scope": "api://agent-platform/agents.invoke", "client_id": "local-bff-client",
            "client_secret": "bff-secret"}
    status, answer = call(f"{idp}/contoso/oauth2/v2.0/token", form=form)
    assert status == 200 and answer["token_type"] == "Bearer"
    claims = jwt.decode(answer["access_token"], options={"verify_signature": False})
    assert claims["sub"] == "user-1" and claims["tenantid"] == "acme" and claims["scp"] == "agents.invoke"

    assert call(f"{idp}/contoso/oauth2/v2.0/token", form={**form, "client_secret": "wrong"})[0] == 401
    assert call(f"{idp}/contoso/oauth2/v2.0/token", form={**form, "assertion": "garbage"})[0] == 400
    call(f"{idp}/dev/fail-next", {"status": 429})
    assert call(f"{idp}/contoso/oauth2/v2.0/token", form=form)[0] == 429
    assert call(f"{idp}/contoso/oauth2/v2.0/token", form=form)[0] == 200


def test_bad_input_gets_a_clear_error(idp):
    req = urllib.request.Request(f"{idp}/dev/token", data=b"not json", method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=5)
    assert err.value.code == 400
    assert call(f"{idp}/dev/fail-next", {"status": 200})[0] == 400
    assert call(f"{idp}/nope")[0] == 404


def test_access_tokens_carry_a_grant_and_id_tokens_look_like_entras(idp):
    _, minted = call(f"{idp}/dev/token", {"tenantid": "acme"})
    access = jwt.decode(minted["access_token"], options={"verify_signature": False})
    assert access["scp"] == "access_as_user" and "nonce" not in access
    _, answer = call(f"{idp}/dev/id-token", {"tenantid": "acme", "sub": "user-1"})
    token = answer["id_token"]
    claims = jwt.decode(token, jwks_key(idp, jwt.get_unverified_header(token)["kid"]), algorithms=["RS256"],
                        audience="local-bff-client")
    assert claims["nonce"] and claims["sub"] == "user-1" and claims["tenantid"] == "acme"
    assert not {"scp", "roles", "appid"} & set(claims)
