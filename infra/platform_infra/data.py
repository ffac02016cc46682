"""The platform's tables (SYSTEM.md section 2, exactly), buckets and queues."""
from __future__ import annotations

from dataclasses import dataclass

import aws_cdk as cdk
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from .config import Deployment


@dataclass(frozen=True)
class TableSpec:
    name: str
    env_var: str
    sort_key: bool = True
    ttl: str | None = None
    stream: bool = False
    gsi_on: str | None = None


TABLES = (
    TableSpec("platform-tenants", "TENANTS_TABLE", gsi_on="executionRoleArn"),
    TableSpec("platform-agents", "AGENTS_TABLE"),
    TableSpec("platform-tools", "TOOLS_TABLE"),
    TableSpec("platform-ops-locks", "OPS_LOCKS_TABLE", ttl="ttl"),
    TableSpec("platform-invocations", "INVOCATIONS_TABLE", ttl="ttl"),
    TableSpec("platform-jobs", "JOBS_TABLE", ttl="ttl", stream=True),
    TableSpec("platform-sessions", "SESSIONS_TABLE", ttl="ttl"),
    TableSpec("platform-idempotency", "IDEMPOTENCY_TABLE", sort_key=False, ttl="ttl"),
)

# purpose -> (environment variable the functions read it from, or None)
BUCKETS = {
    "tenant-data": "TENANT_DATA_BUCKET",  # tenant data and job results (tenants/{id}/...)
    "audit-exports": "AUDIT_EXPORT_BUCKET",
    "agent-code": None,  # agent code and dependency layers (make agent-push)
    "console": None,  # the SPA, behind CloudFront
    "metrics": None,  # AgentCore metrics streamed from the runtime region
}


class DataLayer(Construct):
    def __init__(self, scope: Construct, id: str, *, deployment: Deployment, tenant_key: kms.IKey,
                 config_key: kms.IKey) -> None:
        super().__init__(scope, id)
        self.tables: dict[str, dynamodb.Table] = {}
        for spec in TABLES:
            table = dynamodb.Table(
                self, spec.name.removeprefix("platform-").title().replace("-", "") + "Table",
                table_name=spec.name,
                partition_key=dynamodb.Attribute(name="PK", type=dynamodb.AttributeType.STRING),
                sort_key=dynamodb.Attribute(name="SK", type=dynamodb.AttributeType.STRING) if spec.sort_key else None,
                billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
                point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                    point_in_time_recovery_enabled=True),
                encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED, encryption_key=tenant_key,
                deletion_protection=True, removal_policy=cdk.RemovalPolicy.RETAIN,
                time_to_live_attribute=spec.ttl,
                stream=dynamodb.StreamViewType.NEW_AND_OLD_IMAGES if spec.stream else None)
            if spec.gsi_on:
                table.add_global_secondary_index(
                    index_name=f"{spec.gsi_on}-index",
                    partition_key=dynamodb.Attribute(name=spec.gsi_on, type=dynamodb.AttributeType.STRING))
            # Test support reads the variable that names each table from the deployed template.
            table.node.default_child.add_metadata("platform:envVar", spec.env_var)
            self.tables[spec.name] = table

        self.access_logs = s3.Bucket(
            self, "AccessLogsBucket", bucket_name=_name(deployment, "access-logs"),
            # S3 server access logging delivers only to SSE-S3 buckets (the one Guard exemption).
            encryption=s3.BucketEncryption.S3_MANAGED,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True, versioned=True,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
            lifecycle_rules=[s3.LifecycleRule(expiration=cdk.Duration.days(400))],
            removal_policy=cdk.RemovalPolicy.RETAIN)
        cdk.Tags.of(self.access_logs).add("platform:purpose", "access-logs")
        self.buckets: dict[str, s3.Bucket] = {}
        for purpose in BUCKETS:
            key = config_key if purpose in ("agent-code", "console") else tenant_key
            self.buckets[purpose] = s3.Bucket(
                self, purpose.title().replace("-", "") + "Bucket", bucket_name=_name(deployment, purpose),
                encryption=s3.BucketEncryption.KMS, encryption_key=key, bucket_key_enabled=True,
                block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True, versioned=True,
                server_access_logs_bucket=self.access_logs, server_access_logs_prefix=f"{purpose}/",
                removal_policy=cdk.RemovalPolicy.RETAIN)

        self.webhook_dlq = _queue(self, "WebhookDeadLetters", "platform-webhook-dlq", tenant_key)
        self.jobs_stream_dlq = _queue(self, "JobsStreamDeadLetters", "platform-jobs-stream-dlq", tenant_key)


def _queue(scope: Construct, id: str, name: str, key: kms.IKey) -> sqs.Queue:
    return sqs.Queue(scope, id, queue_name=name, encryption=sqs.QueueEncryption.KMS, encryption_master_key=key,
                     enforce_ssl=True, retention_period=cdk.Duration.days(14))


def _name(deployment: Deployment, purpose: str) -> str:
    name = deployment.bucket_name(purpose)
    return cdk.Fn.sub(name) if "${" in name else name


def function_dlq(scope: Construct, function: str, key: kms.IKey) -> sqs.Queue:
    """Each function's own dead-letter queue for failed asynchronous invocations."""
    return _queue(scope, "DeadLetters", f"platform-{function}-dlq", key)
