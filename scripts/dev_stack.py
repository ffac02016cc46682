#!/usr/bin/env python3
"""Run the local platform: every piece on loopback, no Docker, no AWS account.

  dev_stack.py up        start everything, print the banner, stay in the foreground (Ctrl-C stops all)
  dev_stack.py up --detach
                         start everything in the background; return once GET /v1/health answers 200
  dev_stack.py down      stop a detached stack

Pieces, in start order: moto_server (SigV4 checked) with the local stack's resources deployed
into it from the CDK templates (scripts/infra.py deploy --env local), the web console's server
(scripts/console_server.py), the local identity provider, the Swift local platform (Lambda runtime-API emulator hosting every
function, the local API Gateway, the local AgentCore Runtime data plane), then
the dev bootstrap, which writes .env.local.
"""
import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATE = ROOT / ".local" / "dev"
PY = sys.executable
ENV_LOCAL = ROOT / ".env.local"
CONSOLE_CONFIG = ROOT / "spa" / "config.json"
USERS = json.loads((ROOT / "scripts" / "dev-users.json").read_text())["users"]

sys.path.insert(0, str(ROOT / "scripts"))
from console_server import runtime_config, write_runtime_config  # noqa: E402


def log_file(name: str):
    STATE.mkdir(parents=True, exist_ok=True)
    return open(STATE / f"{name}.log", "ab")


def wait_for_file(path: Path, proc: subprocess.Popen, what: str, seconds: float = 60) -> str:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"{what} exited during start-up (status {proc.returncode}); see {STATE}/*.log")
        if path.exists() and path.read_text().strip():
            return path.read_text().strip()
        time.sleep(0.05)
    sys.exit(f"{what} did not become ready within {seconds:.0f} s; see {STATE}/*.log")


def wait_http_ok(url: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    sys.exit(f"{url} did not answer 200 within {seconds:.0f} s; see {STATE}/*.log")


def spawn(name: str, argv: list, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(argv, cwd=ROOT, stdout=log_file(name), stderr=subprocess.STDOUT,
                            env=env or os.environ.copy(), start_new_session=True)


def read_env(path: Path) -> dict:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line and not line.startswith("#"))


def platform_binary() -> Path:
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True)
    return Path(out.stdout.strip()) / "local-platform"


def deploy_local_stack(env: dict) -> None:
    """The local AWS resources come from the same CDK templates as AWS (infra/): synthesized when
    an input changed, then deployed into the local moto through its CloudFormation API."""
    infra = [PY, str(ROOT / "scripts/infra.py")]
    subprocess.run(infra + ["synth", "--env", "local", "--if-stale"], env=env, check=True)
    subprocess.run(infra + ["deploy", "--env", "local"], env=env, check=True)

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start() -> dict:
    """Starts every piece; returns the pids and the environment for the banner."""
    for stale in STATE.glob("*.ready"):
        stale.unlink()
    pids = {}
    moto_env = STATE / "moto.env"
    subprocess.run([PY, str(ROOT / "scripts/local_aws.py"), "start", str(moto_env)], check=True, stdout=subprocess.DEVNULL)
    aws = read_env(moto_env)
    pids["moto"] = int(aws.pop("MOTO_PID"))
    env = {**os.environ, **aws}
    deploy_local_stack(env)

    # The console first: its origin is the one redirect URI the identity provider accepts and the
    # one origin the API answers CORS for.
    console = spawn("console", [PY, str(ROOT / "scripts/console_server.py"), "--config", str(CONSOLE_CONFIG),
                                "--ready-file", str(STATE / "console.ready")], env)
    pids["console"] = console.pid
    console_url = wait_for_file(STATE / "console.ready", console, "web console server")
    env["CONSOLE_ORIGIN"] = console_url

    # One BFF client secret for the identity provider and Secrets Manager, so token refresh works.
    bff_secret = STATE / "bff-client-secret"
    bff_secret.write_text(secrets.token_urlsafe(32))
    bff_secret.chmod(0o600)
    idp = spawn("idp", [PY, str(ROOT / "scripts/local_idp.py"), "--ready-file", str(STATE / "idp.ready"),
                        "--spa-redirect-uri", f"{console_url}/", "--client-secret-file", str(bff_secret)], env)
    pids["idp"] = idp.pid
    idp_url = wait_for_file(STATE / "idp.ready", idp, "identity provider")

    # The one loopback webhook receiver the stack allows (`make dev-invoke MODE=async` listens there):
    # webhooks may call nothing else on loopback (not the emulator, not moto).
    receiver = f"127.0.0.1:{free_port()}"
    platform = platform_binary()
    if platform.exists():
        proc = spawn("platform", [str(platform), "--config", str(ROOT / "scripts/dev-platform.json"),
                                  "--ready-file", str(STATE / "platform.ready")],
                     {**env, "WEBHOOK_LOCAL_RECEIVERS": receiver, "ENTRA_JWKS_URL": f"{idp_url}/discovery/v2.0/keys",
                      "ENTRA_ISSUER": f"{idp_url}/local-entra-tenant/v2.0", "ENTRA_AUDIENCE": "api://agent-platform"})
        pids["platform"] = proc.pid
        urls = json.loads(wait_for_file(STATE / "platform.ready", proc, "local platform"))
        api_url, emulator_url, agentcore_url = urls["api"], urls["emulator"], urls.get("agentcore", "")
        mcp_url = urls.get("mcp", "")
        s3_url = urls.get("s3") or env["AWS_ENDPOINT_URL"]  # presigned result URLs point at the local S3 front
    else:
        api_url = emulator_url = "(not built yet)"
        agentcore_url = mcp_url = ""
        s3_url = env["AWS_ENDPOINT_URL"]

    subprocess.run([PY, str(ROOT / "scripts/dev_bootstrap.py"), "--idp-url", idp_url, "--api-url", api_url,
                    "--emulator-url", emulator_url, "--agentcore-url", agentcore_url, "--env-out", str(ENV_LOCAL),
                    "--bff-client-secret-file", str(bff_secret)], env=env, check=True)
    with ENV_LOCAL.open("a") as out:
        out.write(f"WEBHOOK_LOCAL_RECEIVER={receiver}\n")
        # The local AgentCore Gateway's MCP endpoint (ADR 0041).
        out.write(f"PLATFORM_MCP_URL={mcp_url}\n")
    write_runtime_config(CONSOLE_CONFIG, runtime_config(
        api_url=api_url, idp_url=idp_url, console_url=console_url,
        results_url=s3_url))
    (STATE / "pids.json").write_text(json.dumps(pids))
    if api_url.startswith("http"):
        wait_http_ok(f"{api_url}/v1/health")
    return {**read_env(ENV_LOCAL), "CONSOLE_URL": console_url}


def stop() -> None:
    pids_file = STATE / "pids.json"
    if not pids_file.exists():
        print("no local platform is running")
        return
    for name, pid in json.loads(pids_file.read_text()).items():
        try:
            os.killpg(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    pids_file.unlink()
    (STATE / "moto.env").unlink(missing_ok=True)
    CONSOLE_CONFIG.unlink(missing_ok=True)
    print("local platform stopped")


def banner(env: dict) -> None:
    api = env["PLATFORM_API_URL"]
    print(f"""
Local platform ready (values in .env.local; `set -a; . ./.env.local; set +a` loads them)
  API              {api}
  identity         {env['IDP_URL']}
  Lambda emulator  {env['LAMBDA_EMULATOR_URL']}
  local AWS        {env['AWS_ENDPOINT_URL']} (moto, SigV4 checked)

Try it:
  # anyone
  curl -s {api}/v1/health
  # basic tenant user ({env['BASIC_TENANT_ID']})
  curl -s -H "Authorization: Bearer $BASIC_TENANT_TOKEN" {api}/v1/agents
  # premium tenant user ({env['PREMIUM_TENANT_ID']})
  curl -s -H "Authorization: Bearer $PREMIUM_TENANT_TOKEN" {api}/v1/tenants/{env['PREMIUM_TENANT_ID']}
  # platform admin
  curl -s -H "Authorization: Bearer $ADMIN_TOKEN" {api}/v1/tenants
  # basic tenant machine client (SigV4, service execute-api, with the tenant's API key)
  curl -s --aws-sigv4 "aws:amz:eu-west-2:execute-api" --user "$BASIC_TENANT_KEY_ID:$BASIC_TENANT_KEY_SECRET" \\
       -H "x-tenant-id: {env['BASIC_TENANT_ID']}" {api}/v1/agents
""", flush=True)
    console_banner(env["CONSOLE_URL"])


def console_banner(url: str) -> None:
    width = max(len(u["username"]) for u in USERS)
    users = "\n".join(f"    {u['username']:<{width}}  {u['displayName']} ({u['description']})" for u in USERS)
    print(f"""Web console      {url}/
  Open it, choose "Sign in", and pick a seeded user on the local identity provider's page:
{users}
  (no passwords locally; the console keeps tokens in memory, so a reload asks you to sign in again)
""", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["up", "down"])
    parser.add_argument("--detach", action="store_true")
    args = parser.parse_args()
    if args.command == "down":
        return stop()
    if (STATE / "pids.json").exists():
        stop()
    try:
        env = start()
    except BaseException:
        stop()
        raise
    banner(env)
    if args.detach:
        return
    print("Ctrl-C stops every process started here.", flush=True)
    # Installed explicitly: a shell that starts us in the background sets SIGINT to
    # "ignore", and a closed terminal sends SIGHUP; every one of them must stop the stack.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda *_: sys.exit(0))
    try:
        while True:
            time.sleep(1)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        stop()


if __name__ == "__main__":
    main()
