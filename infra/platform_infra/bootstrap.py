"""Bootstrap: the bucket infra-deploy publishes the assembly's file assets (the Lambda zips) to.
The project's own replacement for `cdk bootstrap` (there is no CDK CLI here): no roles, the
deployer's own credentials publish (CliCredentialsStackSynthesizer)."""
from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from constructs import Construct

from . import grants
from .config import Deployment


def assets_bucket_name(env: str) -> str:
    """With CloudFormation/asset-manifest placeholders, as the synthesizer and the publisher read it."""
    return f"platform-bootstrap-{env}-${{AWS::AccountId}}"


class BootstrapStack(cdk.Stack):
    def __init__(self, scope: Construct, id: str, *, deployment: Deployment, **kwargs) -> None:
        super().__init__(scope, id, **kwargs)
        key = kms.Key(self, "AssetsKey", description="platform deploy assets", enable_key_rotation=True, policy=grants.key_policy(),
                      removal_policy=cdk.RemovalPolicy.RETAIN)
        logs = s3.Bucket(self, "AssetsAccessLogs", bucket_name=cdk.Fn.sub(f"platform-bootstrap-logs-{deployment.env}-${{AWS::AccountId}}"),
                         encryption=s3.BucketEncryption.S3_MANAGED, block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
                         enforce_ssl=True, versioned=True, object_ownership=s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
                         removal_policy=cdk.RemovalPolicy.RETAIN)
        cdk.Tags.of(logs).add("platform:purpose", "access-logs")
        s3.Bucket(self, "Assets", bucket_name=cdk.Fn.sub(assets_bucket_name(deployment.env)),
                  encryption=s3.BucketEncryption.KMS, encryption_key=key, bucket_key_enabled=True,
                  block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True, versioned=True,
                  server_access_logs_bucket=logs, lifecycle_rules=[s3.LifecycleRule(noncurrent_version_expiration=cdk.Duration.days(90))],
                  removal_policy=cdk.RemovalPolicy.RETAIN)
