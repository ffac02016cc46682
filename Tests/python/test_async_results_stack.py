"""Async results and webhooks end to end on the real local platform: a job of
`echo-agent-async` through the local API, its `resultUrl` downloaded through
the local S3 front (which verifies presigned URLs like S3 and refuses expired
or altered ones), and its webhook delivered to the stack's one configured
loopback receiver, signed with the secret the API returned once - and, after a
rotation, with both the new and the previous secret."""
import hashlib
import hmac
import http.server
import json
import os
import threading
import time

import boto3
import pytest
from botocore.client import Config

from platform_stack import Stack, request


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    s = Stack(tmp_path_factory.mktemp("async-results"), {"ASYNC_RUNNER_POLL_SECONDS": "0.2",
                                                         "WEBHOOK_RETRY_BASE_SECONDS": "0.1"})
    yield s
    s.stop()


class Receiver(http.server.BaseHTTPRequestHandler):
    deliveries = []
    arrived = threading.Condition()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with Receiver.arrived:
            Receiver.deliveries.append((dict(self.headers.items()), body))
            Receiver.arrived.notify_all()
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def receiver(stack):
    host, port = stack.receiver.rsplit(":", 1)
    server = http.server.ThreadingHTTPServer((host, int(port)), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def call(stack, method, path, body=None):
    headers = {"Authorization": f"Bearer {stack.env['BASIC_TENANT_TOKEN']}", "Content-Type": "application/json"}
    status, payload = request(f"{stack.api}{path}", headers, method, json.dumps(body).encode() if body is not None else None)
    return status, (json.loads(payload) if payload else None)


def run_job(stack, text, webhook_id=None):
    body = {"input": text, "context": {"simulatedSeconds": 0.3}}
    if webhook_id:
        body["webhookId"] = webhook_id
    status, accepted = call(stack, "POST", "/v1/agents/echo-agent-async/invoke", body)
    assert status == 202, accepted
    deadline = time.time() + 60
    while time.time() < deadline:
        status, job = call(stack, "GET", accepted["pollUrl"])
        assert status == 200, job
        if job["status"] in ("completed", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError("the job did not finish within 60 s")


def wait_delivery(job_id, seconds=30):
    deadline = time.time() + seconds
    with Receiver.arrived:
        while time.time() < deadline:
            for headers, body in Receiver.deliveries:
                if json.loads(body)["jobId"] == job_id:
                    return headers, body
            Receiver.arrived.wait(0.5)
    raise AssertionError(f"no delivery for job {job_id}")


def signatures(header):
    parts = [p.split("=", 1) for p in header.split(",")]
    return next(v for k, v in parts if k == "t"), [v for k, v in parts if k == "v1"]


def hmac_hex(secret, t, body):
    return hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()


def test_result_downloads_through_the_url_the_api_returned(stack):
    job = run_job(stack, "download me")
    assert job["status"] == "completed", job
    url = job["resultUrl"]
    assert url.startswith(stack.s3_front + "/platform-tenant-data/tenants/acme-basic/jobs/"), url
    status, body = request(url, {})
    assert status == 200, body
    assert "download me" in body.decode()
    # Altered: another key, a longer expiry, a forged signature - each is S3's 403, nothing is served.
    for altered in (url.replace("/result.json", "/other.json"), url.replace("X-Amz-Expires=3600", "X-Amz-Expires=604800"),
                    url[:-4] + ("0000" if not url.endswith("0000") else "1111")):
        status, body = request(altered, {})
        assert status == 403 and b"<Code>SignatureDoesNotMatch</Code>" in body, (altered, body)
        assert b"download me" not in body
    status, body = request(url, {}, method="PUT", body=b"overwrite")
    assert status == 405 and b"<Code>MethodNotAllowed</Code>" in body


def test_an_expired_url_is_refused(stack):
    job = run_job(stack, "short-lived")
    key = job["resultUrl"].split("/platform-tenant-data/", 1)[1].split("?", 1)[0]
    s3 = boto3.client("s3", endpoint_url=stack.s3_front, region_name="eu-west-2",
                      aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
                      config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
    fresh = s3.generate_presigned_url("get_object", Params={"Bucket": "platform-tenant-data", "Key": key}, ExpiresIn=1)
    status, body = request(fresh, {})
    assert status == 200 and b"short-lived" in body, body  # a botocore-presigned URL verifies too
    time.sleep(2.2)
    status, body = request(fresh, {})
    assert status == 403 and b"<Code>AccessDenied</Code>" in body and b"Request has expired" in body, body
    other_key = s3.generate_presigned_url("get_object", Params={"Bucket": "platform-tenant-data", "Key": key}, ExpiresIn=60)
    bad_key = other_key.replace("X-Amz-Credential=" + os.environ["AWS_ACCESS_KEY_ID"], "X-Amz-Credential=AKIDUNKNOWN000000000")
    status, body = request(bad_key, {})
    assert status == 403 and b"<Code>InvalidAccessKeyId</Code>" in body, body


def test_webhook_is_signed_with_the_returned_secret_and_both_after_rotation(stack, receiver):
    callback = f"http://{stack.receiver}/hooks"
    status, hook = call(stack, "POST", "/v1/webhooks", {"callbackUrl": callback, "events": ["job.completed", "job.failed"]})
    assert status == 201, hook
    first = hook["signingSecret"]
    try:
        job = run_job(stack, "notify me", hook["webhookId"])
        headers, body = wait_delivery(job["jobId"])
        t, v1 = signatures(headers["X-Platform-Signature"])
        assert v1 == [hmac_hex(first, t, body)]

        status, rotated = call(stack, "POST", f"/v1/webhooks/{hook['webhookId']}/rotate-secret")
        assert status == 201, rotated
        second = rotated["signingSecret"]
        job = run_job(stack, "notify me again", hook["webhookId"])
        headers, body = wait_delivery(job["jobId"])
        t, v1 = signatures(headers["X-Platform-Signature"])
        assert v1 == [hmac_hex(second, t, body), hmac_hex(first, t, body)]
    finally:
        call(stack, "DELETE", f"/v1/webhooks/{hook['webhookId']}")
    # Neither secret ever appears in the platform's log.
    log = (stack.tmp / "platform.log").read_text(errors="replace")
    assert first not in log and second not in log
