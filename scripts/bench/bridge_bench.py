#!/usr/bin/env python3
"""Bridge overhead on loopback: the echo agent streamed directly vs through
the platform (API Gateway + authoriser + Lambda host + bridge + local AgentCore
Runtime + the same agent).

  bridge_bench.py BIN_DIR [requests]

Starts moto (SigV4 checked) and seeds it with the dev bootstrap's functions,
starts the local identity provider and `local-platform` from BIN_DIR, then
measures, for N sequential streaming invocations of `echo-agent` (paceMs 0)
on each path, the time to the first body byte and to the end of the stream:
the agent directly, the bridge through the Lambda host's streaming invoke
(the proxy event API Gateway would build), and the whole API (premium
tenant user token, so no daily quota). Prints p50/p90 and what the platform adds.
"""
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
PY = str(ROOT / ".venv/bin/python")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(host: str, port: int, path: str, body: bytes, headers: dict) -> tuple:
    """(time to first body byte, total) in ms, on a fresh keep-alive connection per call like a client SDK would reuse."""
    conn = timed.pool.get((host, port))
    if conn is None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        timed.pool[(host, port)] = conn
    start = time.perf_counter()
    conn.request("POST", path, body=body, headers=headers)
    resp = conn.getresponse()
    first = None
    while True:
        chunk = resp.read1(65536)
        if first is None and chunk:
            first = time.perf_counter()
        if not chunk:
            break
    end = time.perf_counter()
    if resp.status != 200:
        raise SystemExit(f"{path}: HTTP {resp.status}")
    return ((first or end) - start) * 1000, (end - start) * 1000


timed.pool = {}


def percentiles(values: list) -> tuple:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.9) - 1]


def main() -> None:
    bin_dir = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    work = ROOT / ".local/bench"
    work.mkdir(parents=True, exist_ok=True)
    env_file = work / "bridge-moto.env"
    subprocess.run([PY, str(ROOT / "scripts/local_aws.py"), "start", str(env_file)], check=True, stdout=subprocess.DEVNULL)
    procs = []
    try:
        aws = dict(line.split("=", 1) for line in env_file.read_text().splitlines() if "=" in line)
        os.environ.update({k: v for k, v in aws.items() if k != "MOTO_PID"})
        # The local stack's resources from the CDK templates (ADR 0035), then the dev seed.
        for step in (["synth", "--env", "local", "--if-stale"], ["deploy", "--env", "local"]):
            subprocess.run([PY, str(ROOT / "scripts/infra.py"), *step], check=True, stdout=subprocess.DEVNULL)
        import dev_bootstrap as boot
        ddb, sm, ssm, iam = (boot.client(n) for n in ("dynamodb", "secretsmanager", "ssm", "iam"))
        for tenant in boot.TENANTS:
            boot.seed_tenant(ddb, sm, ssm, iam, tenant)
        boot.seed_agents(ddb)
        boot.seed_secrets(sm)

        idp_ready = work / f"idp-{uuid.uuid4().hex}.ready"
        idp = subprocess.Popen([PY, str(ROOT / "scripts/local_idp.py"), "--ready-file", str(idp_ready),
                                "--exit-on-stdin-eof"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        procs.append(idp)
        deadline = time.time() + 30
        while time.time() < deadline and not (idp_ready.exists() and idp_ready.read_text().strip()):
            time.sleep(0.05)
        idp_url = idp_ready.read_text().strip()
        os.environ.update({"ENTRA_JWKS_URL": f"{idp_url}/discovery/v2.0/keys",
                           "ENTRA_ISSUER": f"{idp_url}/local-entra-tenant/v2.0", "ENTRA_AUDIENCE": "api://agent-platform"})
        token = boot.mint(idp_url, {"exp": int(time.time()) + 3600, "tenantid": "globex-premium",
                                    "appid": "globex-premium-app", "tier": "premium", "sub": "bench", "roles": []})

        # Direct: the agent process alone.
        agent_port = free_port()
        agent = subprocess.Popen([PY, str(ROOT / "agents/echo-agent/agent.py")], cwd=ROOT / "agents/echo-agent",
                                 env={**os.environ, "AGENT_HOST": "127.0.0.1", "AGENT_PORT": str(agent_port)},
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(agent)
        ready = work / f"bridge-{uuid.uuid4().hex}.ready"
        platform = subprocess.Popen([str(bin_dir / "local-platform"), "--config", str(ROOT / "scripts/dev-platform.json"),
                                     "--routes", str(ROOT / "infra/routes.json"), "--bin-dir", str(bin_dir),
                                     "--ready-file", str(ready)],
                                    env=dict(os.environ), stdout=open(work / "bridge-platform.log", "wb"),
                                    stderr=subprocess.STDOUT)
        procs.append(platform)
        deadline = time.time() + 60
        while time.time() < deadline and not (ready.exists() and ready.read_text().strip()):
            time.sleep(0.05)
        urls = json.loads(ready.read_text())
        emulator = urls["emulator"].removeprefix("http://").split(":")
        api = urls["api"].removeprefix("http://").split(":")
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", agent_port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)

        prompt = "one two three four five six seven eight"
        direct_body = json.dumps({"prompt": prompt, "mode": "streaming", "tenantId": "acme-basic", "appId": "a",
                                  "sessionId": "x" * 40, "context": {"paceMs": 0}}).encode()
        direct_headers = {"Content-Type": "application/json", "Accept": "text/event-stream",
                          "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": "x" * 40}

        def event() -> bytes:
            return json.dumps({
                "resource": "/v1/agents/{agentName}/invoke", "path": "/v1/agents/echo-agent/invoke", "httpMethod": "POST",
                "headers": {"Accept": "text/event-stream", "Content-Type": "application/json"},
                "pathParameters": {"agentName": "echo-agent"}, "isBase64Encoded": False,
                "body": json.dumps({"input": prompt, "sessionId": "bench-session-0123456789abcdef0123456789",
                                    "context": {"paceMs": 0}}),
                "requestContext": {"accountId": "123456789012", "apiId": "bench", "stage": "local",
                                   "requestId": str(uuid.uuid4()), "resourcePath": "/v1/agents/{agentName}/invoke",
                                   "path": "/v1/agents/echo-agent/invoke", "httpMethod": "POST", "requestTimeEpoch": 0,
                                   "identity": {}, "authorizer": {"tenantId": "globex-premium", "appId": "globex-premium-app",
                                                                  "tier": "premium", "sub": "bench", "roles": "[]"}},
            }).encode()

        stream_path = "/2021-11-15/functions/bridge/response-streaming-invocations"
        api_body = json.dumps({"input": prompt, "sessionId": "bench-session-0123456789abcdef0123456789",
                               "context": {"paceMs": 0}}).encode()
        api_headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                       "Accept": "text/event-stream"}
        paths = {
            "agent directly": lambda: timed("127.0.0.1", agent_port, "/invocations", direct_body, direct_headers),
            "Lambda host + bridge + runtime": lambda: timed(emulator[0], int(emulator[1]), stream_path, event(),
                                                            {"Content-Type": "application/json"}),
            "API Gateway + bridge + runtime": lambda: timed(api[0], int(api[1]), "/v1/agents/echo-agent/invoke",
                                                            api_body, api_headers),
        }
        for _ in range(20):  # warm: agent processes, authoriser, STS/SSM/registry caches, connections
            for measure in paths.values():
                measure()
        samples = {name: [] for name in paths}
        for _ in range(count):  # interleaved, so drift affects every path alike
            for name, measure in paths.items():
                samples[name].append(measure())
        print(f"bridge overhead, echo-agent streaming (8 tokens, paceMs 0), {count} sequential calls each, loopback")
        print(f"  {'':31} {'first byte p50':>15} {'p90':>8} {'total p50':>11} {'p90':>8}")
        stats = {}
        for name, values in samples.items():
            firsts, totals = zip(*values)
            stats[name] = percentiles(firsts) + percentiles(totals)
            f50, f90, t50, t90 = stats[name]
            print(f"  {name:31} {f50:12.2f} ms {f90:8.2f} {t50:8.2f} ms {t90:8.2f}")
        base, full = stats["agent directly"], stats["API Gateway + bridge + runtime"]
        print(f"  added by the platform at p50: first byte {full[0] - base[0]:+.2f} ms, total {full[2] - base[2]:+.2f} ms"
              " (target < 5 ms)")
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        subprocess.run([PY, str(ROOT / "scripts/local_aws.py"), "stop", str(env_file)], check=False)


if __name__ == "__main__":
    main()
