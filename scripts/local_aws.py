#!/usr/bin/env python3
"""Start moto_server on a free loopback port with SigV4 signature checking on.

moto only verifies signatures once its unauthenticated-action budget is spent:
we spend it creating an IAM user with an allow-all policy and an access key,
then reset the budget to zero so every later request must be signed with
that key. The resulting endpoint and credentials go to an env file that the
test runner and `make dev` source.

Usage: local_aws.py start ENV_FILE   (prints nothing secret; writes ENV_FILE)
       local_aws.py stop ENV_FILE
"""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

REGION = "eu-west-2"
ALLOW_ALL = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"moto_server exited early with status {proc.returncode}")
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("moto_server did not answer within 30 s")


def start(env_file: str, port: int | None = None) -> None:
    import boto3

    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    log_dir = os.path.dirname(os.path.abspath(env_file))
    os.makedirs(log_dir, exist_ok=True)
    env = dict(os.environ, INITIAL_NO_AUTH_ACTION_COUNT="10", MOTO_ALLOW_NONEXISTENT_REGION="true")
    moto = os.path.join(os.path.dirname(sys.executable), "moto_server")
    with open(os.path.join(log_dir, "moto.log"), "ab") as log:
        proc = subprocess.Popen([moto, "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=log,
                                env=env, start_new_session=True)
    wait_ready(url, proc)

    iam = boto3.client("iam", endpoint_url=url, region_name=REGION,
                       aws_access_key_id="bootstrap", aws_secret_access_key="bootstrap")
    iam.create_user(UserName="platform-test")
    iam.put_user_policy(UserName="platform-test", PolicyName="allow-all", PolicyDocument=ALLOW_ALL)
    key = iam.create_access_key(UserName="platform-test")["AccessKey"]
    # From here on every request must carry a valid signature.
    req = urllib.request.Request(url + "/moto-api/reset-auth", method="POST", data=b"0",
                                 headers={"Content-Type": "text/plain"})
    urllib.request.urlopen(req, timeout=5)

    with open(env_file, "w") as f:
        f.write(f"MOTO_PID={proc.pid}\n")
        f.write(f"AWS_ENDPOINT_URL={url}\n")
        f.write(f"AWS_REGION={REGION}\n")
        f.write(f"AWS_DEFAULT_REGION={REGION}\n")
        f.write(f"AWS_ACCESS_KEY_ID={key['AccessKeyId']}\n")
        f.write(f"AWS_SECRET_ACCESS_KEY={key['SecretAccessKey']}\n")
    print(f"moto_server on {url} (signature checking on, pid {proc.pid})")


def stop(env_file: str) -> None:
    try:
        with open(env_file) as f:
            values = dict(line.strip().split("=", 1) for line in f if "=" in line)
    except FileNotFoundError:
        return
    pid = int(values.get("MOTO_PID", "0"))
    if pid:
        try:
            os.killpg(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    os.remove(env_file)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("start", "stop"):
        sys.exit(__doc__)
    if sys.argv[1] == "start":
        start(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else None)
    else:
        stop(sys.argv[2])
