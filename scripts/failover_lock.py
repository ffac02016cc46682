#!/usr/bin/env python3
"""The runtime failover lock, from an operator's shell (SYSTEM.md section 6).

Same record and semantics as the bridge (Sources/AgentInvocation/FailoverLockStore.swift):
`platform-ops-locks` / `LOCK#platform-runtime-failover` / `METADATA`, acquired with
`attribute_not_exists(PK) OR expiresAt < :now` for 300 s, released with `lockId = :mine`.
The lock id is saved locally (PLATFORM_LOCK_FILE, default ~/.platform/failover-lock-{env}.json)
so `make infra-set-runtime-region` and `make failover-lock-release` use it.

Usage: failover_lock.py [--env local] acquire|release|status [--json]
Exit codes: 0 done, 2 bad input, 6 lock held by someone else / not held by you,
7 AWS unreachable or refused.
"""
import argparse
import getpass
import json
import os
import socket
import sys
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK_NAME = "platform-runtime-failover"
KEY = {"PK": {"S": f"LOCK#{LOCK_NAME}"}, "SK": {"S": "METADATA"}}
DURATION = 300
EXIT_BAD_INPUT, EXIT_LOCK, EXIT_AWS = 2, 6, 7


class LockError(Exception):
    """A refusal an operator must read: message and exit code, never a traceback."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


def local_env() -> dict:
    """`.env.local` written by `make dev` (AWS endpoint of the local moto)."""
    path = ROOT / ".env.local"
    if not path.exists():
        return {}
    return dict(l.split("=", 1) for l in path.read_text().splitlines() if "=" in l and not l.startswith("#"))


def table_client(env: str):
    import boto3
    settings = {**(local_env() if env == "local" else {}), **os.environ}
    kwargs = {"region_name": settings.get("AWS_REGION", "eu-west-2")}
    if settings.get("AWS_ENDPOINT_URL"):
        kwargs["endpoint_url"] = settings["AWS_ENDPOINT_URL"]
    if env == "local" and "AWS_ACCESS_KEY_ID" not in os.environ:
        kwargs.update(aws_access_key_id=settings.get("AWS_ACCESS_KEY_ID", "testing"),
                      aws_secret_access_key=settings.get("AWS_SECRET_ACCESS_KEY", "testing"))
    return boto3.client("dynamodb", **kwargs), os.environ.get("OPS_LOCKS_TABLE", "platform-ops-locks")


def token_file(env: str) -> Path:
    override = os.environ.get("PLATFORM_LOCK_FILE")
    return Path(override) if override else Path.home() / ".platform" / f"failover-lock-{env}.json"


def saved_token(env: str) -> dict | None:
    path = token_file(env)
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        return None
    except ValueError:
        raise LockError(f"{path} is not a lock token file; delete it", EXIT_BAD_INPUT)


def iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def aws_call(call):
    from botocore.exceptions import BotoCoreError, ClientError
    try:
        return call()
    except ClientError as error:
        if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
            raise
        raise LockError(f"DynamoDB refused: {error.response['Error']['Code']}", EXIT_AWS)
    except BotoCoreError as error:
        raise LockError(f"DynamoDB unreachable: {type(error).__name__}", EXIT_AWS)


def read_lock(ddb, table) -> dict | None:
    item = aws_call(lambda: ddb.get_item(TableName=table, Key=KEY, ConsistentRead=True)).get("Item")
    if not item:
        return None
    return {"lockId": item["lockId"]["S"], "owner": item["owner"]["S"], "acquiredAt": item["acquiredAt"]["S"],
            "expiresAt": int(item["expiresAt"]["N"])}


def acquire(env: str, owner: str | None = None, duration: int = DURATION) -> dict:
    from botocore.exceptions import ClientError
    ddb, table = table_client(env)
    now = int(time.time())
    lock = {"lockId": str(uuid.uuid4()), "owner": owner or f"ops-cli/{getpass.getuser()}@{socket.gethostname()}",
            "acquiredAt": iso(now), "expiresAt": now + duration}
    item = {**KEY, "lockName": {"S": LOCK_NAME}, "lockId": {"S": lock["lockId"]}, "owner": {"S": lock["owner"]},
            "acquiredAt": {"S": lock["acquiredAt"]}, "expiresAt": {"N": str(lock["expiresAt"])},
            "ttl": {"N": str(lock["expiresAt"])}}
    try:
        aws_call(lambda: ddb.put_item(TableName=table, Item=item,
                                      ConditionExpression="attribute_not_exists(PK) OR expiresAt < :now",
                                      ExpressionAttributeValues={":now": {"N": str(now)}}))
    except ClientError:
        holder = read_lock(ddb, table)
        who = f"{holder['owner']} until {iso(holder['expiresAt'])}" if holder else "someone (just released)"
        raise LockError(f"the failover lock is held by {who}", EXIT_LOCK)
    path = token_file(env)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**lock, "env": env}))
    path.chmod(0o600)
    return lock


def release(env: str) -> dict:
    from botocore.exceptions import ClientError
    token = saved_token(env)
    if not token:
        raise LockError(f"you hold no failover lock in {env} (no token in {token_file(env)})", EXIT_LOCK)
    ddb, table = table_client(env)
    try:
        aws_call(lambda: ddb.delete_item(TableName=table, Key=KEY, ConditionExpression="lockId = :mine",
                                         ExpressionAttributeValues={":mine": {"S": token["lockId"]}}))
    except ClientError:
        token_file(env).unlink(missing_ok=True)
        raise LockError("the failover lock is no longer yours (it expired or was released); nothing released", EXIT_LOCK)
    token_file(env).unlink(missing_ok=True)
    return {"released": token["lockId"]}


def status(env: str) -> dict:
    ddb, table = table_client(env)
    lock = read_lock(ddb, table)
    token = saved_token(env)
    now = int(time.time())
    if not lock or lock["expiresAt"] < now:
        return {"held": False, "mine": False}
    return {"held": True, "mine": bool(token and token.get("lockId") == lock["lockId"]), "owner": lock["owner"],
            "acquiredAt": lock["acquiredAt"], "expiresAt": iso(lock["expiresAt"]),
            "secondsLeft": lock["expiresAt"] - now}


def show(result: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        width = max(len(k) for k in result)
        for key, value in result.items():
            print(f"{key.ljust(width)}  {value}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="The runtime failover lock (shared with the bridge).")
    parser.add_argument("--env", default=os.environ.get("PLATFORM_ENV", "local"))
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    sub = parser.add_subparsers(dest="command", required=True)
    take = sub.add_parser("acquire", help="take the lock for 300 s and save its id")
    take.add_argument("--owner", help="who holds it (default ops-cli/user@host)")
    sub.add_parser("release", help="release the lock you hold")
    sub.add_parser("status", help="who holds the lock")
    args = parser.parse_args(argv)
    try:
        if args.command == "acquire":
            lock = acquire(args.env, args.owner)
            show({"lockId": lock["lockId"], "owner": lock["owner"], "expiresAt": iso(lock["expiresAt"]),
                  "savedTo": str(token_file(args.env))}, args.json)
        elif args.command == "release":
            show(release(args.env), args.json)
        else:
            show(status(args.env), args.json)
    except LockError as error:
        print(f"failover-lock {args.command}: {error}", file=sys.stderr)
        return error.code
    return 0


if __name__ == "__main__":
    sys.exit(main())
