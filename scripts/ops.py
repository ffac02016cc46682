#!/usr/bin/env python3
"""The operator CLI: every ops command of SYSTEM.md section 11 over the Admin REST API.

  ops.py [--env local] [--json] login [--token T | --token-stdin] [--role Platform.Operator]
  ops.py top-tenants [--hours 24] [--by invocations|tokens|errors|cost] [--limit 10]
  ops.py tenant-sessions TENANT | invocation-report TENANT [--hours] | error-rate [--hours]
  ops.py suspend-tenant TENANT [--reason] | reinstate-tenant TENANT [--reason] | quota-report
  ops.py failover-lock-acquire | failover-lock-release | set-runtime-region REGION [--reason]

`login` saves a token per environment in ~/.platform/credentials (PLATFORM_CREDENTIALS_FILE
overrides) with its expiry: locally it is minted by the local identity provider (`make dev`),
elsewhere it is a pasted Entra access token. Everything but the lock goes through the API; the
lock is the DynamoDB record the bridge uses (scripts/failover_lock.py).

Exit codes: 0 done, 2 bad input (also the API's 400), 3 login missing or expired (or 401),
4 forbidden, 5 not found, 6 conflict (lock, deleted tenant), 7 API unreachable or failing.
"""
import argparse
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import failover_lock  # noqa: E402

EXIT_BAD_INPUT, EXIT_LOGIN, EXIT_FORBIDDEN, EXIT_NOT_FOUND, EXIT_CONFLICT, EXIT_API = 2, 3, 4, 5, 6, 7
STATUS_EXIT = {400: EXIT_BAD_INPUT, 401: EXIT_LOGIN, 403: EXIT_FORBIDDEN, 404: EXIT_NOT_FOUND, 409: EXIT_CONFLICT,
               422: EXIT_BAD_INPUT}
ROLES = ("Platform.Operator", "Platform.Admin")


class OpsError(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


# ---------- credentials ----------

def credentials_file() -> Path:
    override = os.environ.get("PLATFORM_CREDENTIALS_FILE")
    return Path(override) if override else Path.home() / ".platform" / "credentials"


def read_credentials() -> dict:
    try:
        return json.loads(credentials_file().read_text())
    except FileNotFoundError:
        return {}
    except ValueError:
        raise OpsError(f"{credentials_file()} is not a credentials file; delete it and log in again", EXIT_LOGIN)


def token_expiry(token: str) -> int:
    """The `exp` claim, read without verifying (the API verifies; this only says when to log in again)."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return int(claims["exp"])
    except (IndexError, ValueError, KeyError, TypeError):
        raise OpsError("that is not a JWT access token (no readable exp claim)", EXIT_BAD_INPUT)


def save_login(env: str, token: str, api_url: str) -> dict:
    expires = token_expiry(token)
    if expires <= time.time():
        raise OpsError("that token has already expired", EXIT_LOGIN)
    creds = read_credentials()
    creds[env] = {"accessToken": token, "expiresAt": expires, "apiUrl": api_url.rstrip("/")}
    path = credentials_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(creds, indent=2))
    path.chmod(0o600)
    return {"env": env, "apiUrl": api_url, "expiresAt": failover_lock.iso(expires), "savedTo": str(path)}


def current_login(env: str) -> dict:
    entry = read_credentials().get(env)
    if not entry:
        raise OpsError(f"not logged in to {env}: run `make ops-login` (ops.py --env {env} login)", EXIT_LOGIN)
    if entry["expiresAt"] <= time.time():
        raise OpsError(f"your {env} login expired at {failover_lock.iso(entry['expiresAt'])}: log in again", EXIT_LOGIN)
    return entry


def login(args) -> dict:
    local = failover_lock.local_env() if args.env == "local" else {}
    api_url = args.api_url or os.environ.get("PLATFORM_API_URL") or local.get("PLATFORM_API_URL")
    if not api_url:
        raise OpsError("no API URL: pass --api-url (locally, start `make dev` first)", EXIT_BAD_INPUT)
    token = args.token or (sys.stdin.readline().strip() if args.token_stdin else None)
    if token is None:
        if args.env != "local":
            raise OpsError(f"{args.env}: paste an Entra access token with --token-stdin (or --token)", EXIT_BAD_INPUT)
        idp = args.idp_url or os.environ.get("IDP_URL") or local.get("IDP_URL")
        if not idp:
            raise OpsError("no local identity provider: start `make dev` or pass --idp-url", EXIT_BAD_INPUT)
        claims = {"tenantid": "platform", "appid": "platform-ops", "tier": "premium", "roles": [args.role],
                  "sub": args.subject or f"{os.environ.get('USER', 'operator')}@platform"}
        request = urllib.request.Request(f"{idp.rstrip('/')}/dev/token", data=json.dumps(claims).encode(), method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                token = json.loads(response.read())["access_token"]
        except (urllib.error.URLError, OSError, ValueError, KeyError) as error:
            raise OpsError(f"local identity provider at {idp} did not mint a token ({type(error).__name__})", EXIT_API)
    return save_login(args.env, token, api_url)


# ---------- API ----------

def call(env: str, method: str, path: str, query: dict | None = None, body: dict | None = None):
    entry = current_login(env)
    query = {k: v for k, v in (query or {}).items() if v is not None}
    url = entry["apiUrl"] + path + ("?" + urllib.parse.urlencode(query) if query else "")
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {entry['accessToken']}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        try:
            answer = json.loads(error.read())
            # The platform's envelope, or API Gateway's own `{"Message"}` (the authoriser's refusals).
            envelope = answer.get("error") or {"message": answer.get("Message")}
        except (ValueError, AttributeError):
            envelope = {}
        details = "; ".join(f"{d.get('field')}: {d.get('message')}" for d in envelope.get("details", []) or [])
        code = envelope.get("code") or {401: "UNAUTHENTICATED", 403: "FORBIDDEN"}.get(error.code, "")
        message = f"HTTP {error.code} {code}: {envelope.get('message') or error.reason}"
        if error.code == 403:
            message += " (operator commands need a Platform.Operator or Platform.Admin login)"
        raise OpsError(message + (f" ({details})" if details else ""), STATUS_EXIT.get(error.code, EXIT_API))
    except (urllib.error.URLError, OSError) as error:
        raise OpsError(f"the API at {entry['apiUrl']} is unreachable ({type(error).__name__})", EXIT_API)


def tenant_path(tenant: str, suffix: str) -> str:
    return f"/v1/platform/tenants/{urllib.parse.quote(tenant, safe='')}/{suffix}"


# ---------- output ----------

def table(rows: list[dict], columns: list[str]) -> str:
    if not rows:
        return "(none)"
    cells = [[str(row.get(c, "")) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    return "\n".join(lines)


def flat_usage(row: dict) -> dict:
    return {**{k: v for k, v in row.items() if k != "usage"}, **row.get("usage", {})}


USAGE = ["invocations", "errors", "errorRate", "inputTokens", "outputTokens", "averageLatencyMs"]


def render(command: str, result) -> str:
    if command == "top-tenants":
        head = f"window {result['window']['start']} .. {result['window']['end']}, by {result['by']}"
        return head + "\n" + table([flat_usage(r) for r in result["items"]],
                                   ["tenantId", *USAGE, "monthToDateCostUsd"])
    if command == "tenant-sessions":
        return table(result["items"], ["sessionId", "subject", "agentName", "lastUsedAt", "expiresAt", "active"])
    if command == "invocation-report":
        total = result["total"]
        head = (f"{result['tenantId']}: {total['invocations']} invocations, {total['errors']} errors "
                f"(rate {total['errorRate']}), {total['inputTokens']}+{total['outputTokens']} tokens, "
                f"window {result['window']['start']} .. {result['window']['end']}\nby status: "
                + (", ".join(f"{k} {v}" for k, v in sorted(result["byStatus"].items())) or "-"))
        return head + "\n" + table([flat_usage(r) for r in result["byAgent"]], ["agentName", *USAGE])
    if command == "error-rate":
        return table([flat_usage(r) for r in result["items"]], ["function", "agentName", *USAGE])
    if command == "quota-report":
        return table(result["utilisation"], ["region", "quotaName", "status", "currentValue", "limit",
                                             "utilisationPercentage", "reason"])
    return table([result], list(result))


# ---------- commands ----------

def run(args):
    env = args.env
    if args.command == "login":
        return login(args)
    if args.command == "top-tenants":
        return call(env, "GET", "/v1/platform/reports/top-tenants", {"hours": args.hours, "by": args.by, "limit": args.limit})
    if args.command == "tenant-sessions":
        return call(env, "GET", tenant_path(args.tenant, "sessions"))
    if args.command == "invocation-report":
        return call(env, "GET", tenant_path(args.tenant, "invocations"), {"hours": args.hours})
    if args.command == "error-rate":
        return call(env, "GET", "/v1/platform/reports/error-rate", {"hours": args.hours})
    if args.command in ("suspend-tenant", "reinstate-tenant"):
        body = {"reason": args.reason} if args.reason else None
        return call(env, "POST", tenant_path(args.tenant, args.command.split("-")[0]), body=body)
    if args.command == "quota-report":
        return call(env, "GET", "/v1/platform/quota")
    if args.command == "failover-lock-acquire":
        current_login(env)  # only a logged-in operator takes the lock
        lock = failover_lock.acquire(env)
        return {"lockId": lock["lockId"], "owner": lock["owner"], "expiresAt": failover_lock.iso(lock["expiresAt"])}
    if args.command == "failover-lock-release":
        return failover_lock.release(env)
    if args.command == "set-runtime-region":
        # With a lock taken earlier (make failover-lock-acquire) the operator releases it; without one,
        # this command takes the lock itself and releases it in `finally`, whatever the API answered.
        current_login(env)
        token = failover_lock.saved_token(env)
        own = token is None
        if own:
            token = failover_lock.acquire(env)
        body = {"region": args.region, "lockId": token["lockId"], **({"reason": args.reason} if args.reason else {})}
        try:
            return call(env, "POST", "/v1/platform/failover", body=body)
        finally:
            if own:
                failover_lock.release(env)
    raise OpsError(f"unknown command {args.command}", EXIT_BAD_INPUT)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ops", description="Operator commands over the Admin REST API.")
    p.add_argument("--env", default=os.environ.get("PLATFORM_ENV", "local"), help="environment (default local)")
    p.add_argument("--json", action="store_true", help="print the API's JSON instead of a table")
    sub = p.add_subparsers(dest="command", required=True, metavar="command")
    c = sub.add_parser("login", help="save a token for --env")
    c.add_argument("--token", help="an access token (elsewhere than local)")
    c.add_argument("--token-stdin", action="store_true", help="read the token from stdin")
    c.add_argument("--api-url")
    c.add_argument("--idp-url", help="local identity provider (default from .env.local)")
    c.add_argument("--role", choices=ROLES, default="Platform.Operator", help="local only")
    c.add_argument("--subject", help="local only: the token's sub")

    def hours(c):
        c.add_argument("--hours", type=int, help="window in hours before now (default 24)")

    c = sub.add_parser("top-tenants", help="busiest tenants")
    hours(c)
    c.add_argument("--by", choices=["invocations", "tokens", "errors", "cost"])
    c.add_argument("--limit", type=int)
    c = sub.add_parser("tenant-sessions", help="a tenant's sessions")
    c.add_argument("tenant")
    c = sub.add_parser("invocation-report", help="a tenant's invocations")
    c.add_argument("tenant")
    hours(c)
    hours(sub.add_parser("error-rate", help="error rate per function and agent"))
    for name in ("suspend-tenant", "reinstate-tenant"):
        c = sub.add_parser(name, help=name.replace("-", " "))
        c.add_argument("tenant")
        c.add_argument("--reason")
    sub.add_parser("quota-report", help="AgentCore quota per region")
    sub.add_parser("failover-lock-acquire", help="take the runtime failover lock (300 s)")
    sub.add_parser("failover-lock-release", help="release the lock you hold")
    c = sub.add_parser("set-runtime-region", help="set the active runtime region (needs the lock)")
    c.add_argument("region")
    c.add_argument("--reason")
    for command in sub.choices.values():  # `--json` after the command too (make ops-x ARGS=--json)
        command.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        result = run(args)
    except (OpsError, failover_lock.LockError) as error:
        print(f"ops {args.command}: {error}", file=sys.stderr)
        return error.code
    print(json.dumps(result, indent=2) if args.json else render(args.command, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
