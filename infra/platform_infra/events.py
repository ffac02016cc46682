"""EventBridge rules (tenant lifecycle -> tenant-provisioner when it exists; daily billing) and the
jobs stream -> webhook-delivery mapping with its dead-letter queue."""
from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_kms as kms
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from . import grants

TENANT_LIFECYCLE = ["platform.tenant.created", "platform.tenant.tier_changed", "platform.tenant.deleted"]
PROVISIONER = "tenant-provisioner"


class PlatformEvents(Construct):
    def __init__(self, scope: Construct, id: str, *, aliases: dict[str, lambda_.Alias], jobs: dynamodb.ITable,
                 stream_dlq: sqs.IQueue, key: kms.IKey) -> None:
        super().__init__(scope, id)
        # The provisioner is the next issue's function: the rule appears when it joins Package.swift.
        if PROVISIONER in aliases:
            events.Rule(self, "TenantLifecycle", rule_name="platform-tenant-lifecycle",
                        event_pattern=events.EventPattern(source=["platform.tenants"], detail_type=TENANT_LIFECYCLE),
                        targets=[targets.LambdaFunction(aliases[PROVISIONER], retry_attempts=4)])
        events.Rule(self, "DailyBilling", rule_name="platform-daily-billing",
                    schedule=events.Schedule.cron(minute="15", hour="0"),
                    targets=[targets.LambdaFunction(aliases["billing"], retry_attempts=2)])
        # The mapping as the resource itself: CDK's event source grants dynamodb:ListStreams on "*"
        # and wildcard KMS actions, which the Guard rules refuse.
        delivery = aliases["webhook-delivery"]
        role = delivery.lambda_.role
        grants.stream(role, jobs, key)
        grants.send(role, stream_dlq, key)
        self.jobs_stream = lambda_.CfnEventSourceMapping(
            self, "JobsStreamToWebhookDelivery", function_name=delivery.function_arn,
            event_source_arn=jobs.table_stream_arn, starting_position="LATEST", batch_size=10,
            bisect_batch_on_function_error=True, maximum_retry_attempts=5, maximum_record_age_in_seconds=86400,
            function_response_types=["ReportBatchItemFailures"],
            destination_config=lambda_.CfnEventSourceMapping.DestinationConfigProperty(
                on_failure=lambda_.CfnEventSourceMapping.OnFailureProperty(destination=stream_dlq.queue_arn)))
        # The role must be able to read the stream before the mapping is created.
        self.jobs_stream.node.add_dependency(role.node.find_child("DefaultPolicy"))
