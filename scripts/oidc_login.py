"""Interactive sign-in for the local identity provider: OpenID Connect
authorization code flow with PKCE (RFC 7636, S256 only) for public clients
such as the web console, the way Entra ID serves a single-page application.

  GET  /{tenant}/oauth2/v2.0/authorize   validate the request, show a user picker
  POST /{tenant}/oauth2/v2.0/authorize   the picked user: redirect with ?code&state
  POST /{tenant}/oauth2/v2.0/token       grant_type=authorization_code (see exchange)

Codes are single use, bound to client, redirect URI and code challenge, and
live 60 s. Development only: the directory is scripts/dev-users.json and
nobody types a password.
"""
import base64
import hashlib
import html
import json
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

CODE_LIFETIME_SECONDS = 60
VERIFIER = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
CHALLENGE = re.compile(r"^[A-Za-z0-9\-_]{43}$")


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


@dataclass
class PublicClient:
    """A registered public client (no secret): its id and exact redirect URIs."""
    client_id: str
    redirect_uris: list[str]

    @property
    def origins(self) -> set[str]:
        return {origin_of(uri) for uri in self.redirect_uris}


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    challenge: str
    scope: str
    nonce: str
    username: str
    expires_at: float


@dataclass
class LoginService:
    clients: dict[str, PublicClient]
    users: dict[str, dict]
    _codes: dict[str, Grant] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def load(cls, users_file: str, client_id: str, redirect_uris: list[str]) -> "LoginService":
        with open(users_file) as f:
            users = {u["username"]: u for u in json.load(f)["users"]}
        clients = {client_id: PublicClient(client_id, redirect_uris)} if redirect_uris else {}
        return cls(clients, users)

    @property
    def allowed_origins(self) -> set[str]:
        return set().union(*(c.origins for c in self.clients.values())) if self.clients else set()

    # -- /authorize ------------------------------------------------------------------------------

    def authorize(self, params: dict, username: str | None) -> tuple[int, dict, str]:
        """(status, headers, html body). Errors the client cannot be told about (unknown client or
        redirect URI) are shown on the page, never redirected (RFC 6749 4.1.2.1)."""
        get = lambda name: (params.get(name) or [""])[0]
        client = self.clients.get(get("client_id"))
        if client is None:
            return 400, {}, page("Sign-in refused", "<p>This application is not registered with the identity provider.</p>")
        redirect_uri = get("redirect_uri")
        if redirect_uri not in client.redirect_uris:
            return 400, {}, page("Sign-in refused", "<p>The redirect URI is not registered for this application.</p>")
        state = get("state")

        def back(**answer):
            answer = {k: v for k, v in {**answer, "state": state}.items() if v}
            return 302, {"Location": f"{redirect_uri}?{urlencode(answer)}"}, ""

        if get("response_type") != "code":
            return back(error="unsupported_response_type", error_description="only response_type=code is supported")
        if get("code_challenge_method") != "S256" or not CHALLENGE.match(get("code_challenge")):
            return back(error="invalid_request", error_description="PKCE with code_challenge_method=S256 is required")
        if "openid" not in get("scope").split():
            return back(error="invalid_scope", error_description="the openid scope is required")
        if username is None:
            return 200, self._csp(redirect_uri), self._picker(params)
        if username not in self.users:
            return back(error="access_denied", error_description="unknown user")
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._sweep()
            self._codes[code] = Grant(client.client_id, redirect_uri, get("code_challenge"), get("scope"), get("nonce"),
                                      username, time.time() + CODE_LIFETIME_SECONDS)
        return back(code=code)

    def _sweep(self):
        now = time.time()
        for code in [c for c, g in self._codes.items() if g.expires_at < now]:
            del self._codes[code]

    @staticmethod
    def _csp(redirect_uri: str) -> dict:
        # The picker page has no script; its form may post only here, then redirect to the client.
        return {"Content-Security-Policy": f"default-src 'none'; style-src 'self'; form-action 'self' {origin_of(redirect_uri)}; "
                                           "frame-ancestors 'none'; base-uri 'none'",
                "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff"}

    def _picker(self, params: dict) -> str:
        hidden = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v[0])}">'
                         for k, v in params.items() if k != "username")
        rows = "".join(
            f'<li><button type="submit" name="username" value="{html.escape(name)}" id="user-{html.escape(name)}">'
            f'<strong>{html.escape(user["displayName"])}</strong><span>{html.escape(user.get("description", ""))}</span>'
            f'</button></li>' for name, user in self.users.items())
        return page("Sign in to the agent platform",
                    f'<p>Local identity provider: pick a seeded user.</p><form method="post"><ul>{rows}</ul>{hidden}</form>')

    # -- token endpoint ------------------------------------------------------------------------

    def exchange(self, form: dict) -> tuple[int, dict, dict | None]:
        """The code grant: (status, error body or {}, the user's record with scope and nonce)."""
        get = lambda name: (form.get(name) or [""])[0]
        invalid = lambda description: (400, {"error": "invalid_grant", "error_description": description}, None)
        with self._lock:
            grant = self._codes.pop(get("code"), None)  # single use, whatever happens next
        if grant is None or grant.expires_at < time.time():
            return invalid("the authorization code is unknown, used or expired")
        if get("client_id") != grant.client_id:
            return 401, {"error": "invalid_client", "error_description": "the code was issued to another client"}, None
        if get("redirect_uri") != grant.redirect_uri:
            return invalid("redirect_uri does not match the authorization request")
        verifier = get("code_verifier")
        if not VERIFIER.match(verifier) or not secrets.compare_digest(s256(verifier), grant.challenge):
            return invalid("code_verifier does not match the code challenge")
        return 200, {}, {"user": self.users[grant.username], "scope": grant.scope, "nonce": grant.nonce,
                         "client_id": grant.client_id}


STYLE = """body{font:16px system-ui,sans-serif;max-width:36rem;margin:3rem auto;color:#1b1f24}
ul{list-style:none;padding:0}li{margin:.5rem 0}
button{width:100%;text-align:left;padding:.8rem 1rem;border:1px solid #c9d1d9;border-radius:8px;background:#fff;cursor:pointer}
button:hover{background:#f3f6f9}button strong{display:block}button span{color:#57606a;font-size:.9rem}"""


def page(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<link rel="stylesheet" href="/login.css"></head><body><h1>{html.escape(title)}</h1>{body}</body></html>')
