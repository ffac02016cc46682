#!/usr/bin/env python3
"""One invocation of the echo agent through the running local platform's API.

  dev_invoke.py --mode sync|streaming|async [--input TEXT] [--tenant basic|premium]

Uses .env.local (written by `make dev`): PLATFORM_API_URL and the seeded
tenant user tokens. streaming prints each event the moment it arrives, with
its arrival time; async registers a webhook pointing at a receiver this script
runs on the stack's one configured loopback receiver address
(WEBHOOK_LOCAL_RECEIVER in .env.local), prints the signing secret the API
returned once, polls GET /v1/jobs/{jobId} until the job ends, shows the
webhook delivery it received and checks its signature, then downloads the
result through the job's resultUrl.
"""
import argparse
import hashlib
import hmac
import http.server
import json
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_env() -> dict:
    path = ROOT / ".env.local"
    if not path.exists():
        sys.exit("no .env.local: start the local platform first (make dev, or make dev-up)")
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line and not line.startswith("#"))


def request(method: str, url: str, token: str, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json", **(headers or {})})
    try:
        return urllib.request.urlopen(req, timeout=60)
    except urllib.error.HTTPError as err:
        detail = err.read().decode(errors="replace")
        sys.exit(f"{method} {url} -> HTTP {err.code}: {detail}")
    except urllib.error.URLError as err:
        sys.exit(f"{method} {url} failed: {err.reason} (is the local platform running? make dev-up)")


class Receiver(http.server.BaseHTTPRequestHandler):
    received = []
    arrived = threading.Event()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Receiver.received.append({"headers": {k: v for k, v in self.headers.items() if k.lower().startswith("x-platform")},
                                  "body": json.loads(body or b"null"), "raw": body})
        self.send_response(204)
        self.end_headers()
        Receiver.arrived.set()

    def log_message(self, *args):
        pass


def signature_ok(secret: str, header: str, body: bytes) -> bool:
    """`t=..,v1=..[,v1=..]`: valid when any v1 is HMAC-SHA256(secret, "{t}.{body}")."""
    parts = [p.split("=", 1) for p in header.split(",") if "=" in p]
    t = next((v for k, v in parts if k == "t"), "")
    expected = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return any(k == "v1" and hmac.compare_digest(v, expected) for k, v in parts)


def run_async(api: str, token: str, text: str, receiver: str) -> None:
    host, port = receiver.rsplit(":", 1)
    try:
        server = http.server.ThreadingHTTPServer((host, int(port)), Receiver)
    except OSError as err:
        sys.exit(f"cannot listen on the configured webhook receiver {receiver}: {err}")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    callback = f"http://{receiver}/webhook"
    hook = json.load(request("POST", f"{api}/v1/webhooks", token, {"callbackUrl": callback,
                                                                     "events": ["job.completed", "job.failed"],
                                                                     "description": "make dev-invoke"}))
    secret = hook["signingSecret"]
    print(f"webhook {hook['webhookId']} -> {callback} (signingSecret {secret[:6]}..., returned only once)")
    accepted = json.load(request("POST", f"{api}/v1/agents/echo-agent-async/invoke", token,
                                 {"input": text, "webhookId": hook["webhookId"], "context": {"simulatedSeconds": 2}}))
    print("202", json.dumps(accepted, indent=2))
    deadline = time.time() + 60
    while time.time() < deadline:
        job = json.load(request("GET", f"{api}{accepted['pollUrl']}", token))
        print(f"  job {job['status']}")
        if job["status"] in ("completed", "failed"):
            print(json.dumps(job, indent=2))
            break
        time.sleep(0.5)
    if job.get("resultUrl"):
        with urllib.request.urlopen(job["resultUrl"], timeout=30) as resp:
            print("result (GET resultUrl):", resp.read().decode(errors="replace")[:500])
    if Receiver.arrived.wait(timeout=30):
        delivery = Receiver.received[0]
        print("webhook received:", json.dumps({k: v for k, v in delivery.items() if k != "raw"}, indent=2))
        verified = signature_ok(secret, delivery["headers"].get("X-Platform-Signature", ""), delivery["raw"])
        print(f"signature {'verified' if verified else 'DOES NOT VERIFY'} with the signingSecret")
    else:
        print("no webhook arrived within 30 s", file=sys.stderr)
    request("DELETE", f"{api}/v1/webhooks/{hook['webhookId']}", token)
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["sync", "streaming", "async"], default="sync")
    parser.add_argument("--input", default="hello from make dev-invoke")
    parser.add_argument("--tenant", choices=["basic", "premium"], default="basic")
    args = parser.parse_args()
    env = load_env()
    api = env["PLATFORM_API_URL"]
    token = env["BASIC_TENANT_TOKEN" if args.tenant == "basic" else "PREMIUM_TENANT_TOKEN"]
    if args.mode == "sync":
        print(json.dumps(json.load(request("POST", f"{api}/v1/agents/echo-agent/invoke", token, {"input": args.input})),
                         indent=2))
    elif args.mode == "streaming":
        started = time.time()
        with request("POST", f"{api}/v1/agents/echo-agent/invoke", token,
                     {"input": args.input, "context": {"paceMs": 150}}, {"Accept": "text/event-stream"}) as resp:
            print(f"HTTP {resp.status} {resp.headers.get('Content-Type')} session {resp.headers.get('X-Session-Id')}")
            for line in resp:
                text = line.decode().rstrip("\n")
                if text:
                    print(f"+{(time.time() - started) * 1000:7.1f} ms  {text}", flush=True)
    else:
        receiver = env.get("WEBHOOK_LOCAL_RECEIVER")
        if not receiver:
            sys.exit("no WEBHOOK_LOCAL_RECEIVER in .env.local: restart the local platform (make dev-stop; make dev-up)")
        run_async(api, token, args.input, receiver)


if __name__ == "__main__":
    main()
