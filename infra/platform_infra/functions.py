"""One Lambda per executable under lambdas/: provided.al2023, handler `bootstrap`, code from
bootstrap-artifacts/{function}.zip, in the VPC, X-Ray active, its own DLQ and log group, the
environment variables it reads (the names the local stack sets), least-privilege grants, and a
`live` alias that CodeDeploy shifts."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from constructs import Construct

from . import grants, repository
from .config import Deployment
from .data import function_dlq


@dataclass(frozen=True)
class Access:
    """What a function may touch. Tables: name -> "read" | "write"; secrets and parameters by name
    pattern under the environment's prefixes; buckets by purpose -> "read" | "write"."""
    tables: dict[str, str] = field(default_factory=dict)
    buckets: dict[str, str] = field(default_factory=dict)
    secrets: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()
    parameters_write: tuple[str, ...] = ()
    events: bool = False
    invoke_agents: bool = False
    assume_tenant_roles: bool = False
    metrics: bool = False


RW, RO = "write", "read"

# Every function of Package.swift needs an entry: the stack tests fail for a function without one.
ACCESS: dict[str, Access] = {
    "authoriser": Access(tables={"platform-tenants": RO}, secrets=("platform/tenants/*/api-key",)),
    "tenant-api": Access(
        tables={"platform-tenants": RW, "platform-agents": RW, "platform-tools": RO, "platform-ops-locks": RW,
                "platform-invocations": RO, "platform-jobs": RO, "platform-sessions": RO},
        buckets={"tenant-data": RO, "audit-exports": RW},
        secrets=("platform/tenants/*/api-key",),
        parameters=("/platform/config/*", "/platform/billing/*"), parameters_write=("/platform/config/runtime-region",),
        events=True, metrics=True),
    "bridge": Access(
        tables={"platform-tenants": RO, "platform-agents": RO, "platform-ops-locks": RW, "platform-invocations": RW,
                "platform-jobs": RW, "platform-sessions": RW, "platform-idempotency": RW},
        buckets={"tenant-data": RO},
        secrets=("platform/{env}/bridge/runtime-session-key",),
        parameters=("/platform/config/*", "/platform/tenants/*"), parameters_write=("/platform/config/runtime-region",),
        invoke_agents=True, assume_tenant_roles=True),
    "async-runner": Access(
        tables={"platform-tenants": RO, "platform-agents": RO, "platform-ops-locks": RW, "platform-jobs": RW},
        buckets={"tenant-data": RW},
        parameters=("/platform/config/*", "/platform/tenants/*"), parameters_write=("/platform/config/runtime-region",),
        invoke_agents=True, assume_tenant_roles=True),
    "webhook-delivery": Access(tables={"platform-tenants": RO, "platform-jobs": RW}, metrics=True),
    "bff": Access(tables={"platform-sessions": RO, "platform-agents": RO},
                  secrets=("platform/{env}/entra/*",), invoke_agents=True),
    "billing": Access(tables={"platform-tenants": RW, "platform-invocations": RO},
                      parameters=("/platform/billing/*",), events=True, metrics=True),
    "request-interceptor": Access(tables={"platform-tenants": RO, "platform-tools": RO, "platform-idempotency": RW},
                                  secrets=("platform/{env}/gateway/scoped-token-signing-key",)),
    "response-interceptor": Access(tables={"platform-tenants": RO, "platform-tools": RO},
                                   parameters=("/platform/gateway/*",)),
    # Tool Lambdas behind the AgentCore Gateway (ADR 0041): they verify the scoped token and read
    # only through the tenant-scoped client.
    "tool-echo": Access(secrets=("platform/{env}/gateway/scoped-token-signing-key",)),
    "tool-tenant-status": Access(tables={"platform-tenants": RO},
                                 secrets=("platform/{env}/gateway/scoped-token-signing-key",)),
}

# Functions that call themselves or each other through the Lambda API.
INVOKES = {"bridge": ("async-runner",), "async-runner": ("async-runner",)}


def zip_path(function: str) -> Path:
    return repository.ROOT / "bootstrap-artifacts" / f"{function}.zip"


def code_hash(function: str) -> str:
    """The zip's SHA-256 when it is built; otherwise a marker the deploy tool refuses to publish."""
    path = zip_path(function)
    if path.exists():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    return "unbuilt-" + hashlib.sha256(function.encode()).hexdigest()[:32]


class PlatformFunction(Construct):
    def __init__(self, scope: Construct, id: str, *, name: str, deployment: Deployment, vpc: ec2.IVpc,
                 security_group: ec2.ISecurityGroup, environment: dict[str, str], logs_key: kms.IKey,
                 tenant_key: kms.IKey, config_key: kms.IKey, provisioned: int | None = None) -> None:
        super().__init__(scope, id)
        settings = repository.function_settings(name)
        self.name, self.settings = name, settings
        stack = cdk.Stack.of(self)
        # The zip is registered with the asset manifest without reading it, so the app synthesizes
        # before `make package` ran; infra-deploy publishes it and stops when it is missing.
        location = stack.synthesizer.add_file_asset(
            source_hash=code_hash(name), file_name=str(Path("..", "..", "bootstrap-artifacts", f"{name}.zip")),
            packaging=cdk.FileAssetPackaging.FILE)
        code_bucket = s3.Bucket.from_bucket_name(self, "CodeBucket", location.bucket_name)
        self.log_group = logs.LogGroup(self, "Logs", log_group_name=f"/aws/lambda/platform-{name}",
                                       retention=retention(deployment.log_retention_days),
                                       encryption_key=logs_key, removal_policy=cdk.RemovalPolicy.RETAIN)
        self.dlq = function_dlq(self, name, tenant_key)
        self.function = lambda_.Function(
            self, "Function", function_name=f"platform-{name}",
            runtime=lambda_.Runtime.PROVIDED_AL2023, handler="bootstrap",
            code=lambda_.Code.from_bucket(code_bucket, location.object_key),
            architecture=lambda_.Architecture.ARM_64 if deployment.architecture == "arm64" else lambda_.Architecture.X86_64,
            memory_size=settings.memory, timeout=cdk.Duration.seconds(settings.timeout),
            environment=environment, environment_encryption=config_key,
            vpc=vpc, vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
            security_groups=[security_group], tracing=lambda_.Tracing.ACTIVE,
            log_group=self.log_group,
            logging_format=lambda_.LoggingFormat.JSON,
            current_version_options=lambda_.VersionOptions(removal_policy=cdk.RemovalPolicy.RETAIN))
        # The DLQ through the resource itself: the construct's own grant names wildcard KMS actions.
        self.function.node.default_child.dead_letter_config = {"targetArn": self.dlq.queue_arn}
        grants.send(self.function.role, self.dlq, tenant_key)
        self.alias = lambda_.Alias(self, "Live", alias_name="live", version=self.function.current_version,
                                   provisioned_concurrent_executions=provisioned)


def retention(days: int) -> logs.RetentionDays:
    names = {1: "ONE_DAY", 14: "TWO_WEEKS", 30: "ONE_MONTH", 90: "THREE_MONTHS", 365: "ONE_YEAR"}
    return getattr(logs.RetentionDays, names[days])


def grant(fn: PlatformFunction, access: Access, *, deployment: Deployment, tables: dict, buckets: dict,
          keys: dict[str, kms.IKey]) -> None:
    stack = cdk.Stack.of(fn)
    role = fn.function.role
    for table_name, mode in access.tables.items():
        grants.table(role, tables[table_name], keys["tenant"], write=mode == RW)
    for purpose, mode in access.buckets.items():
        grants.objects(role, buckets[purpose], keys["tenant"], "tenants/*", write=mode == RW)
    if access.secrets:
        grants.key_use(role, keys["config"], write=fn.name == "tenant-api")
    arn = lambda service, resource: f"arn:{stack.partition}:{service}:{stack.region}:{stack.account}:{resource}"
    if access.secrets:
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
            + (["secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "secretsmanager:TagResource"]
               if fn.name == "tenant-api" else []),
            # Secrets Manager appends "-" and six random characters to every secret's ARN.
            resources=[arn("secretsmanager", f"secret:{p.format(env=deployment.env)}" + ("" if p.endswith("*") else "-??????"))
                       for p in access.secrets]))
    if access.parameters:
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["ssm:GetParameter", "ssm:GetParameters"],
            resources=[arn("ssm", f"parameter{p}") for p in access.parameters]))
    if access.parameters_write:
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["ssm:PutParameter"], resources=[arn("ssm", f"parameter{p}") for p in access.parameters_write]))
    if access.events:
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["events:PutEvents"], resources=[arn("events", "event-bus/default")]))
    if access.invoke_agents:
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["bedrock-agentcore:InvokeAgentRuntime"],
            resources=[f"arn:{stack.partition}:bedrock-agentcore:*:{stack.account}:runtime/*"]))
    if access.assume_tenant_roles:
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["sts:AssumeRole", "sts:TagSession"],
            resources=[f"arn:{stack.partition}:iam::*:role/platform-tenant-*-execution"]))
    if access.metrics:
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["cloudwatch:PutMetricData"], resources=["*"],
            conditions={"StringLike": {"cloudwatch:namespace": ["Platform/*", "platform/*"]}}))
    targets = INVOKES.get(fn.name, ())
    if targets:
        # By name, not by reference: async-runner invokes itself, and a reference would make its
        # role's policy and the function depend on each other.
        function_arn = lambda t: arn("lambda", f"function:platform-{t}")
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["lambda:InvokeFunction"],
            resources=[r for t in targets for r in (function_arn(t), f"{function_arn(t)}:live")]))
