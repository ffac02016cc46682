#!/usr/bin/env python3
"""Seed the local platform: tenants, API keys, agents, tools, local secret values.

The tables, buckets, queues and parameters are the local stack's, deployed from the CDK
templates (`scripts/infra.py deploy --env local`) before this runs.

Idempotent: every resource is created only when absent and existing secrets
are reused, so running it twice creates no duplicates and keeps the seeded
API keys stable. Talks to the local AWS (moto) named by AWS_ENDPOINT_URL with
the signed credentials in the environment, and to the local identity
provider for the development tokens written to the env file.

Usage: dev_bootstrap.py --idp-url URL --api-url URL --emulator-url URL --env-out .env.local
"""
import argparse
import json
import os
import secrets
import sys
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import dataclasses

import boto3
from botocore.exceptions import ClientError

from agent_delivery import manifest, pipeline
from agent_delivery.steps import StepLog
from agent_delivery.target import Target

ROOT = Path(__file__).resolve().parents[1]
HOME_REGION = "eu-west-2"
RUNTIME_REGION = "eu-west-1"
FALLBACK_REGION = "eu-central-1"
ACCOUNT = "123456789012"  # moto's default account
DATA_BUCKET = "platform-tenant-data"
ENV = "local"

TENANTS = [
    {"tenantId": "platform", "displayName": "Platform operators", "tier": "premium", "ownerTeam": "platform"},
    {"tenantId": "acme-basic", "displayName": "Acme (basic tier)", "tier": "basic", "ownerTeam": "acme"},
    {"tenantId": "globex-premium", "displayName": "Globex (premium tier)", "tier": "premium", "ownerTeam": "globex"},
]

AGENTS = [
    {"agentName": "echo-agent", "invocationMode": "sync", "streamingEnabled": True, "tierMinimum": "basic",
     "estimatedDurationSeconds": 5, "directory": "echo-agent"},
    {"agentName": "echo-agent-async", "invocationMode": "async", "streamingEnabled": False, "tierMinimum": "basic",
     "estimatedDurationSeconds": 30, "directory": "echo-agent"},
    {"agentName": "echo-agent-premium", "invocationMode": "sync", "streamingEnabled": True, "tierMinimum": "premium",
     "estimatedDurationSeconds": 5, "directory": "echo-agent"},
]

TOOLS = [
    {"toolName": "crm-lookup", "scope": "GLOBAL", "tierMinimum": "basic", "enabled": True},
    {"toolName": "payments-refund", "scope": "GLOBAL", "tierMinimum": "premium", "enabled": True},
    {"toolName": "legacy-export", "scope": "GLOBAL", "tierMinimum": "basic", "enabled": False},
    # Tools with a Lambda (lambdas/tool-*) are gateway targets: description and inputSchema (ADR 0041).
    {"toolName": "echo", "scope": "GLOBAL", "tierMinimum": "basic", "enabled": True,
     "description": "Echo a text back, with the tenant and user the call acts for",
     "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}},
    {"toolName": "tenant-status", "scope": "GLOBAL", "tierMinimum": "premium", "enabled": True,
     "description": "The calling tenant's status, tier and owner",
     "inputSchema": {"type": "object", "properties": {}}},
]



def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{datetime.now(timezone.utc).microsecond // 1000:03d}Z"


def client(service: str, region: str = HOME_REGION):
    return boto3.client(service, region_name=region, endpoint_url=os.environ["AWS_ENDPOINT_URL"])


def require_local_stack() -> None:
    """Tables, buckets, queues and parameters come from the deployed templates (infra/, ENV=local)."""
    cfn = client("cloudformation")
    try:
        status = cfn.describe_stacks(StackName=f"platform-platform-{ENV}")["Stacks"][0]["StackStatus"]
    except ClientError:
        status = "absent"
    if not status.endswith("_COMPLETE") or "ROLLBACK" in status:
        sys.exit(f"dev bootstrap: stack platform-platform-{ENV} is {status}: run "
                 f"`.venv/bin/python scripts/infra.py deploy --env {ENV}` against this moto first")


def put_if_absent(ddb, table: str, item: dict) -> bool:
    """Writes a plain-JSON item unless its key exists; True when written."""
    typed = {k: to_attr(v) for k, v in item.items()}
    try:
        ddb.put_item(TableName=table, Item=typed, ConditionExpression="attribute_not_exists(PK)")
        return True
    except ClientError as err:
        if err.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise


def to_attr(value):
    if isinstance(value, bool):
        return {"BOOL": value}
    if isinstance(value, (int, float)):
        return {"N": repr(value) if isinstance(value, float) else str(value)}
    if isinstance(value, list):
        return {"L": [to_attr(v) for v in value]}
    if isinstance(value, dict):
        return {"M": {k: to_attr(v) for k, v in value.items()}}
    return {"S": str(value)}


def ensure_secret(sm, name: str, make_value) -> str:
    """Returns the secret's current value, creating it when absent."""
    try:
        return sm.get_secret_value(SecretId=name)["SecretString"]
    except ClientError as err:
        if err.response["Error"]["Code"] != "ResourceNotFoundException":
            raise
    value = make_value()
    sm.create_secret(Name=name, SecretString=value)
    return value


def ensure_role(iam, tenant_id: str) -> str:
    name = f"platform-tenant-{tenant_id}-execution"
    # moto matches trust principals literally (the account root does not cover its
    # users), so the local caller - the identity the Lambdas run as - is named too.
    caller = boto3.client("sts", region_name=HOME_REGION, endpoint_url=os.environ["AWS_ENDPOINT_URL"]).get_caller_identity()["Arn"]
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                                                     "Principal": {"AWS": [f"arn:aws:iam::{ACCOUNT}:root", caller]},
                                                     "Action": ["sts:AssumeRole", "sts:TagSession"]}]}
    try:
        return iam.get_role(RoleName=name)["Role"]["Arn"]
    except ClientError:
        arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
        # Scoped like the Tenant stack's role: the tenant's own partition and S3 prefix only.
        policy = {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["bedrock-agentcore:InvokeAgentRuntime"], "Resource": "*"},
            {"Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
             "Resource": f"arn:aws:dynamodb:{HOME_REGION}:{ACCOUNT}:table/platform-*",
             "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": [f"TENANT#{tenant_id}"]}}},
            {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
             "Resource": f"arn:aws:s3:::{DATA_BUCKET}/tenants/{tenant_id}/*"},
        ]}
        iam.put_role_policy(RoleName=name, PolicyName="tenant-scope", PolicyDocument=json.dumps(policy))
        return arn


def seed_tenant(ddb, sm, ssm, iam, tenant: dict) -> dict:
    tenant_id = tenant["tenantId"]
    key = json.loads(ensure_secret(sm, f"platform/tenants/{tenant_id}/api-key", lambda: json.dumps({
        "keyId": "APK" + secrets.token_hex(8).upper(), "secret": secrets.token_urlsafe(32)})))
    secret_arn = sm.describe_secret(SecretId=f"platform/tenants/{tenant_id}/api-key")["ARN"]
    role_arn = ensure_role(iam, tenant_id)
    ssm.put_parameter(Name=f"/platform/tenants/{tenant_id}/execution-role-arn", Value=role_arn, Type="String", Overwrite=True)
    stamp = now_iso()
    put_if_absent(ddb, "platform-tenants", {
        "PK": f"TENANT#{tenant_id}", "SK": "METADATA", "tenantId": tenant_id, "appId": f"{tenant_id}-app",
        "displayName": tenant["displayName"], "tier": tenant["tier"], "status": "active",
        "createdAt": stamp, "updatedAt": stamp, "provisioningStatus": "ready",
        "ownerEmail": f"owner@{tenant_id}.example", "ownerTeam": tenant["ownerTeam"], "accountId": ACCOUNT,
        "executionRoleArn": role_arn, "memoryStoreArn": f"arn:aws:bedrock-agentcore:{HOME_REGION}:{ACCOUNT}:memory/{tenant_id}",
        "runtimeRegion": RUNTIME_REGION, "fallbackRegion": FALLBACK_REGION, "apiKeySecretArn": secret_arn,
        "apiKeyId": key["keyId"], "monthlyBudgetUsd": 1000,
    })
    put_if_absent(ddb, "platform-tenants", {
        "PK": f"TENANT#{tenant_id}", "SK": f"APIKEY#{key['keyId']}", "keyId": key["keyId"], "tenantId": tenant_id,
        "secretArn": secret_arn, "status": "active", "createdAt": stamp,
    })
    return {**tenant, "keyId": key["keyId"], "keySecret": key["secret"]}


def seed_agents(ddb) -> list[str]:
    """Pushes each seeded agent through agent delivery's own steps (layer, code zip, AgentCore
    runtime), so the local data plane runs them from S3 like any pushed agent (ADR 0040); the
    registry rows are written here, promoted, because three registrations share one code
    directory (a manifest describes one)."""
    target = Target(ENV, dict(os.environ))  # this stack's moto, never a file's
    log = StepLog("dev-bootstrap", out=open(os.devnull, "w"))
    source = manifest.load(ROOT / "agents" / "echo-agent")
    arns = []
    for agent in AGENTS:
        name = agent["agentName"]
        project = dataclasses.replace(source, name=name, invocation_mode=agent["invocationMode"],
                                      streaming_enabled=agent["streamingEnabled"], tier_minimum=agent["tierMinimum"],
                                      estimated_duration_seconds=agent["estimatedDurationSeconds"])
        pushed = pipeline.deliver(project, target, log)
        arns.append(pushed.runtime_arn)
        put_if_absent(ddb, "platform-agents", {
            "PK": f"AGENT#{name}", "SK": "VERSION#1.0.0", "agentName": name, "version": "1.0.0", "status": "promoted",
            "ownerTeam": "platform", "tierMinimum": agent["tierMinimum"], "invocationMode": agent["invocationMode"],
            "streamingEnabled": agent["streamingEnabled"], "runtimeArn": pushed.runtime_arn, "deployedAt": now_iso(),
            "estimatedDurationSeconds": agent["estimatedDurationSeconds"], "approvedBy": "dev-bootstrap",
            "approvedAt": now_iso(), "layerHash": pushed.layer_hash, "layerS3Key": pushed.layer_key,
            "scriptS3Key": pushed.code_key, "releaseNotes": f"local build of agents/{agent['directory']}",
        })
    return arns


def seed_tools(ddb) -> None:
    for tool in TOOLS:
        put_if_absent(ddb, "platform-tools", {
            "PK": f"TOOL#{tool['toolName']}", "SK": tool["scope"], "toolName": tool["toolName"],
            "tierMinimum": tool["tierMinimum"], "enabled": tool["enabled"],
            "lambdaArn": f"arn:aws:lambda:{HOME_REGION}:{ACCOUNT}:function:tool-{tool['toolName']}",
            **({"description": tool["description"], "inputSchema": json.dumps(tool["inputSchema"])}
               if "inputSchema" in tool else {}),
        })


def seed_secrets(sm, bff_client_secret: str | None = None) -> None:
    """moto's CloudFormation cannot create Secrets Manager secrets (ADR 0035): the local values of
    the stack's secrets stand in, created only when absent."""
    ensure_secret(sm, f"platform/{ENV}/entra/client-id", lambda: "local-bff-client")
    name = f"platform/{ENV}/entra/client-secret"
    if ensure_secret(sm, name, lambda: bff_client_secret or secrets.token_urlsafe(32)) != (bff_client_secret or None) \
            and bff_client_secret:
        # The identity provider was started with this secret: the BFF must present the same one.
        sm.put_secret_value(SecretId=name, SecretString=bff_client_secret)
    ensure_secret(sm, f"platform/{ENV}/gateway/scoped-token-signing-key", lambda: secrets.token_urlsafe(48))
    # The bridge derives tenant-bound runtime session ids with it (ADR 0026); never rotated in place.
    ensure_secret(sm, f"platform/{ENV}/bridge/runtime-session-key", lambda: secrets.token_urlsafe(48))


def allow_console_downloads(s3) -> None:
    """The web console downloads job results through presigned URLs: the bucket allows its origin
    only (the local console server's origin is known only at start, so it is not in the template)."""
    console = os.environ.get("CONSOLE_ORIGIN")
    if console:
        s3.put_bucket_cors(Bucket=DATA_BUCKET, CORSConfiguration={"CORSRules": [{
            "AllowedOrigins": [console], "AllowedMethods": ["GET", "HEAD"], "AllowedHeaders": ["*"], "MaxAgeSeconds": 600}]})


def mint(idp_url: str, claims: dict) -> str:
    req = urllib.request.Request(f"{idp_url}/dev/token", data=json.dumps(claims).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())["access_token"]


def write_env(path: Path, values: dict) -> None:
    lines = ["# Local development values only, written by scripts/dev_bootstrap.py. Never use these anywhere else."]
    lines += [f"{k}={v}" for k, v in values.items()]
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--idp-url", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--emulator-url", required=True)
    parser.add_argument("--env-out", required=True)
    parser.add_argument("--agentcore-url", default="", help="the local AgentCore data plane (for agent-push gates)")
    parser.add_argument("--token-hours", type=int, default=12)
    parser.add_argument("--bff-client-secret-file",
                        help="the BFF's client secret the identity provider was started with (else a random one)")
    args = parser.parse_args()

    require_local_stack()
    ddb, sm, ssm, iam, s3 = client("dynamodb"), client("secretsmanager"), client("ssm"), client("iam"), client("s3")
    seeded = {t["tenantId"]: seed_tenant(ddb, sm, ssm, iam, t) for t in TENANTS}
    seed_agents(ddb)
    seed_tools(ddb)
    bff_secret = Path(args.bff_client_secret_file).read_text().strip() if args.bff_client_secret_file else None
    seed_secrets(sm, bff_secret)
    allow_console_downloads(s3)

    lifetime = {"exp": int(datetime.now(timezone.utc).timestamp()) + args.token_hours * 3600}
    basic, premium = seeded["acme-basic"], seeded["globex-premium"]
    user = lambda t: {**lifetime, "tenantid": t["tenantId"], "appid": f"{t['tenantId']}-app", "tier": t["tier"],
                      "sub": f"user@{t['tenantId']}", "roles": []}
    write_env(Path(args.env_out), {
        "PLATFORM_API_URL": args.api_url,
        "IDP_URL": args.idp_url,
        "LAMBDA_EMULATOR_URL": args.emulator_url,
        "AGENTCORE_URL": args.agentcore_url,
        "AWS_ENDPOINT_URL": os.environ["AWS_ENDPOINT_URL"],
        "AWS_REGION": HOME_REGION,
        "BASIC_TENANT_ID": basic["tenantId"],
        "BASIC_TENANT_TOKEN": mint(args.idp_url, user(basic)),
        "PREMIUM_TENANT_ID": premium["tenantId"],
        "PREMIUM_TENANT_TOKEN": mint(args.idp_url, user(premium)),
        "ADMIN_TOKEN": mint(args.idp_url, {**lifetime, "tenantid": "platform", "appid": "platform-ops", "tier": "premium",
                                           "sub": "admin@platform", "roles": ["Platform.Admin"]}),
        "BASIC_TENANT_KEY_ID": basic["keyId"],
        "BASIC_TENANT_KEY_SECRET": basic["keySecret"],
    })
    print(f"dev bootstrap: {len(TENANTS)} tenants, {len(AGENTS)} agents, {len(TOOLS)} tools; wrote {args.env_out}")


if __name__ == "__main__":
    sys.exit(main())
