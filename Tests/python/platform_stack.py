"""Starts the real local stack for tests: identity provider + local-platform
(every built function, the local API Gateway), seeded by dev_bootstrap.py
against the moto_server that scripts/test.sh started (AWS_* exported)."""
import base64
import datetime
import hashlib
import hmac
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def wait_file(path: Path, proc: subprocess.Popen, what: str, seconds: float = 60) -> str:
    deadline = time.time() + seconds
    while time.time() < deadline:
        assert proc.poll() is None, f"{what} exited during start-up"
        if path.exists() and path.read_text().strip():
            return path.read_text().strip()
        time.sleep(0.05)
    raise AssertionError(f"{what} did not start within {seconds} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_local_stack() -> None:
    """The moto in AWS_ENDPOINT_URL holds the local stack's resources, deployed from the CDK templates
    (scripts/test.sh does it for its moto; a test that starts its own moto gets it here)."""
    import boto3
    from botocore.exceptions import ClientError
    try:
        boto3.client("cloudformation").describe_stacks(StackName="platform-platform-local")
        return
    except ClientError:
        pass
    subprocess.run([sys.executable, str(ROOT / "scripts/infra.py"), "synth", "--env", "local", "--if-stale"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, str(ROOT / "scripts/infra.py"), "deploy", "--env", "local"],
                   check=True, stdout=subprocess.DEVNULL)


def bin_path() -> Path:
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


class Stack:
    """One identity provider and one local-platform; `stop()` ends both."""

    def __init__(self, tmp: Path, extra_env: dict | None = None, jwks_url: str | None = None, seed: bool = True,
                 idp_args: list | None = None):
        missing = [v for v in ("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID") if not os.environ.get(v)]
        assert not missing, f"the stack tests need moto: run them with `make test` (missing {missing})"
        self.tmp = tmp
        self.procs = []
        # The BFF's client secret, shared by the identity provider and Secrets Manager (token refresh).
        (tmp / "bff-secret").write_text(secrets.token_urlsafe(32))
        self.idp = self._spawn("idp", [sys.executable, str(ROOT / "scripts/local_idp.py"), "--ready-file", str(tmp / "idp.ready"),
                                        "--client-secret-file", str(tmp / "bff-secret"), *(idp_args or [])])
        self.idp_url = wait_file(tmp / "idp.ready", self.idp, "identity provider")
        platform_bin = bin_path() / "local-platform"
        assert platform_bin.exists(), "local-platform is not built: run `swift build`"
        assert (bin_path() / "authoriser").exists(), "the authoriser is not built: run `swift build`"
        # The one loopback webhook receiver this stack may call (`WEBHOOK_LOCAL_RECEIVERS`); tests listen there.
        self.receiver = f"127.0.0.1:{free_port()}"
        env = {**os.environ, "WEBHOOK_LOCAL_RECEIVERS": self.receiver,
               "ENTRA_JWKS_URL": jwks_url or f"{self.idp_url}/discovery/v2.0/keys",
               "ENTRA_ISSUER": f"{self.idp_url}/local-entra-tenant/v2.0", "ENTRA_AUDIENCE": "api://agent-platform",
               **(extra_env or {})}
        self.log = tmp / "platform.log"
        self.platform = self._spawn("platform", [str(platform_bin), "--config", str(ROOT / "scripts/dev-platform.json"),
                                                 "--routes", str(ROOT / "infra/routes.json"),
                                                 "--ready-file", str(tmp / "platform.ready")], env)
        urls = json.loads(wait_file(tmp / "platform.ready", self.platform, "local platform"))
        self.api, self.emulator, self.s3_front = urls["api"], urls["emulator"], urls["s3"]
        self.agentcore = urls.get("agentcore", "")
        self.mcp = urls.get("mcp")  # the local AgentCore Gateway (ADR 0041)
        self.env = {}
        if seed:
            ensure_local_stack()
            subprocess.run([sys.executable, str(ROOT / "scripts/dev_bootstrap.py"), "--idp-url", self.idp_url,
                            "--api-url", self.api, "--emulator-url", self.emulator, "--agentcore-url", self.agentcore,
                            "--env-out", str(tmp / "env"), "--bff-client-secret-file", str(tmp / "bff-secret")],
                           check=True, stdout=subprocess.DEVNULL, env={**os.environ, **(extra_env or {})})
            self.env = dict(l.split("=", 1) for l in (tmp / "env").read_text().splitlines() if "=" in l and not l.startswith("#"))

    def _spawn(self, name, argv, env=None):
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=open(self.tmp / f"{name}.log", "ab"), stderr=subprocess.STDOUT,
                                env=env or os.environ.copy(), start_new_session=True)
        self.procs.append(proc)
        return proc

    def stop_idp(self):
        os.killpg(self.idp.pid, signal.SIGTERM)
        self.idp.wait(5)

    def stop(self):
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(10)

    def mint(self, **claims) -> str:
        req = urllib.request.Request(f"{self.idp_url}/dev/token", data=json.dumps(claims).encode(), method="POST")
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.loads(resp.read())["access_token"]

    def rotate(self, retire_old=False) -> str:
        req = urllib.request.Request(f"{self.idp_url}/dev/rotate-keys", data=json.dumps({"retireOld": retire_old}).encode(),
                                     method="POST")
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.loads(resp.read())["kid"]

    def get(self, path, headers=None, method="GET", body=None):
        return request(f"{self.api}{path}", headers or {}, method, body)

    def invoke_authoriser(self, headers, method="GET", path="/v1/agents"):
        """Calls the authoriser function itself through the emulator's Invoke API."""
        event = {"type": "REQUEST", "methodArn": f"arn:aws:execute-api:eu-west-2:123456789012:localapi01/local/{method}{path}",
                 "resource": path, "path": path, "httpMethod": method, "headers": headers,
                 "requestContext": {"accountId": "123456789012", "apiId": "localapi01", "stage": "local", "requestId": "t",
                                    "resourcePath": path, "path": path, "httpMethod": method, "requestTimeEpoch": 0,
                                    "identity": {"sourceIp": "127.0.0.1"}}}
        req = urllib.request.Request(f"{self.emulator}/2015-03-31/functions/authoriser/invocations",
                                     data=json.dumps(event).encode(), method="POST")
        with urllib.request.urlopen(req, timeout=15) as resp:
            return resp.headers.get("X-Amz-Function-Error"), json.loads(resp.read())


def request(url, headers, method="GET", body=None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=15) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def botocore_sigv4_headers(key_id, secret, url, tenant, method="GET", body=None) -> dict:
    """Headers of a request signed by botocore's SigV4Auth (service execute-api, eu-west-2) with a tenant's
    API key. Signed headers: host, x-amz-date, x-tenant-id, and x-amz-content-sha256 when there is a body
    (the authoriser never sees the body, so the client states the hash it signed)."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    headers = {"x-tenant-id": tenant}
    if body:
        headers["x-amz-content-sha256"] = hashlib.sha256(body).hexdigest()
    req = AWSRequest(method=method, url=url, headers=headers, data=body or b"")
    SigV4Auth(Credentials(key_id, secret), "execute-api", "eu-west-2").add_auth(req)
    return dict(req.headers.items())


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sigv4_headers(key_id, secret, host, path, tenant, *, when=None, sign_tenant=True, method="GET", region="eu-west-2"):
    """A minimal SigV4 signer (service execute-api) for the negative cases botocore will not produce."""
    when = when or datetime.datetime.now(datetime.timezone.utc)
    amz_date, day = when.strftime("%Y%m%dT%H%M%SZ"), when.strftime("%Y%m%d")
    signed = {"host": host, "x-amz-date": amz_date}
    if sign_tenant:
        signed["x-tenant-id"] = tenant
    names = ";".join(sorted(signed))
    canonical = "\n".join([method, path, "", "".join(f"{k}:{signed[k]}\n" for k in sorted(signed)), names,
                           hashlib.sha256(b"").hexdigest()])
    scope = f"{day}/{region}/execute-api/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + secret).encode()
    for part in (day, region, "execute-api", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    headers = {"x-amz-date": amz_date, "x-tenant-id": tenant,
               "Authorization": f"AWS4-HMAC-SHA256 Credential={key_id}/{scope}, SignedHeaders={names}, Signature={signature}"}
    return headers
