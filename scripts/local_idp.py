#!/usr/bin/env python3
"""A local, Entra ID-like OpenID Connect issuer for development and tests.

It stands in for login.microsoftonline.com on loopback, with the same URL
shapes, so the authoriser and the BFF run unchanged against it:

  GET  /{tenant}/v2.0/.well-known/openid-configuration   discovery
  GET  /discovery/v2.0/keys                                JWKS (RS256 keys)
  POST /{tenant}/oauth2/v2.0/token                         on-behalf-of grant
  POST /dev/token        mint an access token; JSON body = claims to set or override
  POST /dev/id-token     mint an ID token (nonce, no scp/roles), which the API must refuse
  POST /dev/rotate-keys  new signing key; {"retireOld": true} also unpublishes old keys
  POST /dev/fail-next    the next token-endpoint call answers {"status": N}
  GET  /health

Development only: keys live in memory and are new on every start.
"""
import argparse
import base64
import json
import os
import secrets
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

OBO_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
MAX_BODY = 64 * 1024


def b64url_uint(value: int) -> str:
    raw = value.to_bytes((value.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class SigningKeys:
    """The issuer's RSA keys; the newest signs, all published ones verify."""

    def __init__(self):
        self._lock = threading.Lock()
        self._keys = []  # [(kid, private_key)], newest last
        self.rotate(retire_old=False)

    def rotate(self, retire_old: bool) -> str:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        kid = uuid.uuid4().hex[:16]
        with self._lock:
            if retire_old:
                self._keys.clear()
            self._keys.append((kid, key))
        return kid

    def current(self):
        with self._lock:
            return self._keys[-1]

    def public_keys(self):
        with self._lock:
            return {kid: key.public_key() for kid, key in self._keys}

    def jwks(self) -> dict:
        keys = []
        for kid, public in self.public_keys().items():
            numbers = public.public_numbers()
            keys.append({"kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid,
                         "n": b64url_uint(numbers.n), "e": b64url_uint(numbers.e)})
        return {"keys": keys}


class Issuer:
    def __init__(self, base_url: str, tenant: str, audience: str, client_id: str, client_secret: str):
        self.base_url = base_url
        self.tenant = tenant
        self.audience = audience
        self.client_id = client_id
        self.client_secret = client_secret
        self.keys = SigningKeys()
        self.fail_next = None
        self._fail_lock = threading.Lock()

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/{self.tenant}/v2.0"

    def mint(self, overrides: dict) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer, "aud": self.audience, "iat": now, "nbf": now, "exp": now + 3600,
            "sub": "dev-user", "oid": str(uuid.uuid4()), "tid": self.tenant, "ver": "2.0",
            "appid": "dev-app", "tier": "basic", "roles": [], "scp": "access_as_user",
        }
        claims.update(overrides)
        # A claim set to null is removed, so tests can mint tokens lacking a claim.
        claims = {k: v for k, v in claims.items() if v is not None}
        kid, key = self.keys.current()
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})

    def mint_id_token(self, overrides: dict) -> str:
        """An ID token as Entra issues one at sign-in: for the client, with the client's nonce and no
        scp/roles grant. The API refuses it (ADR 0029), whatever audience or claims it is given."""
        return self.mint({"aud": self.client_id, "nonce": secrets.token_urlsafe(16), "scp": None, "roles": None,
                          "appid": None, **overrides})

    def take_injected_failure(self):
        with self._fail_lock:
            status, self.fail_next = self.fail_next, None
        return status

    def on_behalf_of(self, form: dict) -> tuple[int, dict]:
        """Entra's OBO flow: trade a caller's token for one scoped to `scope`."""
        injected = self.take_injected_failure()
        if injected:
            return injected, {"error": "temporarily_unavailable" if injected >= 500 else "injected_failure",
                              "error_description": f"failure injected by /dev/fail-next ({injected})"}
        field = lambda name: (form.get(name) or [""])[0]
        if field("grant_type") != OBO_GRANT or field("requested_token_use") != "on_behalf_of":
            return 400, {"error": "unsupported_grant_type", "error_description": "expected the on-behalf-of grant"}
        if field("client_id") != self.client_id or not secrets.compare_digest(field("client_secret"), self.client_secret):
            return 401, {"error": "invalid_client", "error_description": "client authentication failed"}
        scope = field("scope")
        if not scope:
            return 400, {"error": "invalid_scope", "error_description": "scope is required"}
        try:
            header = jwt.get_unverified_header(field("assertion"))
            public = self.keys.public_keys()[header.get("kid")]
            caller = jwt.decode(field("assertion"), public, algorithms=["RS256"], audience=self.audience,
                                issuer=self.issuer)
        except (jwt.PyJWTError, KeyError):
            return 400, {"error": "invalid_grant", "error_description": "the assertion is not a valid token"}
        resource = scope.split()[0].rsplit("/", 1)[0]
        carried = {k: caller[k] for k in ("sub", "oid", "tenantid", "appid", "tier", "roles") if k in caller}
        token = self.mint({**carried, "aud": resource, "scp": " ".join(s.rsplit("/", 1)[-1] for s in scope.split())})
        return 200, {"token_type": "Bearer", "scope": scope, "expires_in": 3600, "ext_expires_in": 3600,
                     "access_token": token}


def make_handler(issuer: Issuer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):  # access log without tokens: paths carry none
            pass

        def reply(self, status: int, body: dict):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def read_body(self) -> bytes | None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self.reply(413, {"error": "request_too_large"})
                return None
            return self.rfile.read(length)

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            if path == "/health":
                return self.reply(200, {"status": "ok"})
            if path == "/discovery/v2.0/keys":
                return self.reply(200, issuer.keys.jwks())
            parts = path.strip("/").split("/")
            if parts[1:] == ["v2.0", ".well-known", "openid-configuration"]:
                tenant = parts[0]
                return self.reply(200, {
                    "issuer": f"{issuer.base_url}/{tenant}/v2.0",
                    "jwks_uri": f"{issuer.base_url}/discovery/v2.0/keys",
                    "token_endpoint": f"{issuer.base_url}/{tenant}/oauth2/v2.0/token",
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "response_types_supported": ["code", "id_token", "token"],
                    "subject_types_supported": ["pairwise"],
                })
            self.reply(404, {"error": "not_found"})

        def do_POST(self):
            body = self.read_body()
            if body is None:
                return
            path = self.path.split("?", 1)[0]
            if path.endswith("/oauth2/v2.0/token"):
                form = parse_qs(body.decode("utf-8", "replace"))
                status, answer = issuer.on_behalf_of(form)
                return self.reply(status, answer)
            try:
                payload = json.loads(body or b"{}")
                if not isinstance(payload, dict):
                    raise ValueError
            except ValueError:
                return self.reply(400, {"error": "invalid_request", "error_description": "body must be a JSON object"})
            if path == "/dev/token":
                return self.reply(200, {"access_token": issuer.mint(payload), "token_type": "Bearer"})
            if path == "/dev/id-token":
                return self.reply(200, {"id_token": issuer.mint_id_token(payload)})
            if path == "/dev/rotate-keys":
                kid = issuer.keys.rotate(retire_old=bool(payload.get("retireOld")))
                return self.reply(200, {"kid": kid})
            if path == "/dev/fail-next":
                status = payload.get("status")
                if not isinstance(status, int) or not 400 <= status <= 599:
                    return self.reply(400, {"error": "invalid_request", "error_description": "status must be 400-599"})
                issuer.fail_next = status
                return self.reply(200, {"failNext": status})
            self.reply(404, {"error": "not_found"})

    return Handler


def exit_on_stdin_eof():
    while sys.stdin.buffer.read(4096):
        pass
    os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tenant", default="local-entra-tenant", help="the Entra directory (tid) in issuer URLs")
    parser.add_argument("--audience", default="api://agent-platform")
    parser.add_argument("--client-id", default="local-bff-client")
    parser.add_argument("--client-secret-file", help="file holding the BFF's client secret")
    parser.add_argument("--ready-file", help="write the base URL here once listening")
    parser.add_argument("--exit-on-stdin-eof", action="store_true",
                        help="exit when stdin closes, so a test process that dies takes this server with it")
    args = parser.parse_args()
    if args.exit_on_stdin_eof:
        threading.Thread(target=exit_on_stdin_eof, daemon=True).start()
    secret = open(args.client_secret_file).read().strip() if args.client_secret_file else secrets.token_urlsafe(32)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), None)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    issuer = Issuer(base, args.tenant, args.audience, args.client_id, secret)
    server.RequestHandlerClass = make_handler(issuer)
    server.daemon_threads = True
    if args.ready_file:
        with open(args.ready_file, "w") as f:
            f.write(base + "\n")
    print(f"identity provider on {base} (issuer {issuer.issuer})", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
