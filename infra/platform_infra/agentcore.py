"""AgentCore (runtime region): the runtime configuration agent-push deploys every agent with
(Python 3.12 code from S3, JWT authoriser from the Entra discovery URL, header allowlist, the
execution role), the memory template parameter, and the metric stream to the home region."""
from __future__ import annotations

import json

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kinesisfirehose as firehose
from aws_cdk import aws_ssm as ssm
from aws_cdk import aws_cloudwatch as cloudwatch
from constructs import Construct

from .config import HOME_REGION, Deployment

# Headers the runtime passes to the agent beyond its defaults (SYSTEM.md section 6).
REQUEST_HEADER_ALLOWLIST = ["X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant-Id",
                            "X-Amzn-Bedrock-AgentCore-Runtime-Custom-App-Id", "Authorization"]
MEMORY_TEMPLATE = {"eventExpiryDuration": 30, "strategies": ["SEMANTIC", "SUMMARIZATION"],
                   "namespaceTemplate": "tenants/{tenantId}/{actorId}"}


class AgentCoreStack(cdk.Stack):
    def __init__(self, scope: Construct, id: str, *, deployment: Deployment, **kwargs) -> None:
        super().__init__(scope, id, **kwargs)
        env = deployment.env
        agent_code_bucket = f"platform-agent-code-{env}-{self.account}"
        self.runtime_role = iam.Role(
            self, "RuntimeRole", role_name=f"platform-agent-runtime-{env}",
            assumed_by=iam.ServicePrincipal("bedrock-agentcore.amazonaws.com", conditions={
                "StringEquals": {"aws:SourceAccount": self.account}}),
            description="Execution role of every platform agent runtime")
        self.runtime_role.add_to_policy(iam.PolicyStatement(
            actions=["s3:GetObject"], resources=[f"arn:{self.partition}:s3:::{agent_code_bucket}/*"]))
        self.runtime_role.add_to_policy(iam.PolicyStatement(
            actions=["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
            resources=[f"arn:{self.partition}:logs:{self.region}:{self.account}:log-group:/aws/bedrock-agentcore/*"]))
        self.runtime_role.add_to_policy(iam.PolicyStatement(
            actions=["xray:PutTraceSegments", "xray:PutTelemetryRecords"], resources=["*"]))
        self.runtime_role.add_to_policy(iam.PolicyStatement(
            actions=["bedrock-agentcore:CreateEvent", "bedrock-agentcore:ListEvents",
                     "bedrock-agentcore:RetrieveMemoryRecords"],
            resources=[f"arn:{self.partition}:bedrock-agentcore:{HOME_REGION}:{self.account}:memory/*"]))

        runtime_config = {
            "codeConfiguration": {"runtime": "PYTHON_3_12", "s3Bucket": agent_code_bucket, "entryPoint": ["main.py"]},
            "roleArn": self.runtime_role.role_arn,
            "authorizerConfiguration": {"customJWTAuthorizer": {
                "discoveryUrl": f"https://login.microsoftonline.com/{deployment.entra_tenant_id}/v2.0/.well-known/openid-configuration",
                "allowedAudience": [deployment.entra_audience]}},
            "requestHeaderConfiguration": {"requestHeaderAllowlist": REQUEST_HEADER_ALLOWLIST},
            "networkConfiguration": {"networkMode": "PUBLIC"},
        }
        ssm.StringParameter(self, "RuntimeConfiguration", parameter_name=f"/platform/agents/{env}/runtime-configuration",
                            string_value=cdk.Stack.of(self).to_json_string(runtime_config),
                            description="Runtime settings agent-push creates and updates agent runtimes with")
        ssm.StringParameter(self, "MemoryTemplate", parameter_name=f"/platform/agents/{env}/memory-template",
                            string_value=json.dumps(MEMORY_TEMPLATE),
                            description="Template of each tenant's AgentCore Memory store")

        # Metrics -> Firehose -> the metrics bucket in the home region (S3 delivery may cross regions).
        metrics_bucket_arn = f"arn:{self.partition}:s3:::platform-metrics-{env}-{self.account}"
        delivery_role = iam.Role(self, "MetricDeliveryRole", assumed_by=iam.ServicePrincipal("firehose.amazonaws.com"))
        delivery_role.add_to_policy(iam.PolicyStatement(
            actions=["s3:PutObject", "s3:GetBucketLocation", "s3:ListBucket", "s3:AbortMultipartUpload"],
            resources=[metrics_bucket_arn, f"{metrics_bucket_arn}/*"]))
        delivery_role.add_to_policy(iam.PolicyStatement(
            actions=["kms:GenerateDataKey", "kms:Decrypt"],
            resources=[f"arn:{self.partition}:kms:{HOME_REGION}:{self.account}:key/*"],
            conditions={"StringEquals": {"kms:ViaService": f"s3.{HOME_REGION}.amazonaws.com"}}))
        stream = firehose.CfnDeliveryStream(
            self, "MetricDelivery", delivery_stream_name=f"platform-agentcore-metrics-{env}",
            delivery_stream_type="DirectPut",
            delivery_stream_encryption_configuration_input=firehose.CfnDeliveryStream
            .DeliveryStreamEncryptionConfigurationInputProperty(key_type="AWS_OWNED_CMK"),
            extended_s3_destination_configuration=firehose.CfnDeliveryStream.ExtendedS3DestinationConfigurationProperty(
                bucket_arn=metrics_bucket_arn, role_arn=delivery_role.role_arn, prefix=f"agentcore/{self.region}/",
                compression_format="GZIP",
                buffering_hints=firehose.CfnDeliveryStream.BufferingHintsProperty(interval_in_seconds=300, size_in_m_bs=5)))
        stream_role = iam.Role(self, "MetricStreamRole", assumed_by=iam.ServicePrincipal("streams.metrics.cloudwatch.amazonaws.com"))
        stream_role.add_to_policy(iam.PolicyStatement(actions=["firehose:PutRecord", "firehose:PutRecordBatch"],
                                                      resources=[stream.attr_arn]))
        cloudwatch.CfnMetricStream(
            self, "MetricStream", name=f"platform-agentcore-{env}", firehose_arn=stream.attr_arn,
            role_arn=stream_role.role_arn, output_format="json",
            include_filters=[cloudwatch.CfnMetricStream.MetricStreamFilterProperty(namespace="AWS/Bedrock-AgentCore")])
