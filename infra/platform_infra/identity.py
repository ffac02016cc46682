"""Identity: the CI's OIDC provider, one least-privilege role per pipeline stage, and one KMS key per
data class (tenant data, platform config, logs). No key policy names a wildcard principal."""
from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from constructs import Construct

from . import grants
from .config import Deployment

# Pipeline stage -> the protected refs allowed to assume its role (GitLab `ref_type:ref` claim).
PIPELINE_STAGES = {
    "plan": "project_path:{project}:ref_type:branch:ref:*",
    "deploy": "project_path:{project}:ref_type:branch:ref:main",
}


class IdentityStack(cdk.Stack):
    def __init__(self, scope: Construct, id: str, *, deployment: Deployment, **kwargs) -> None:
        super().__init__(scope, id, **kwargs)
        logs_service = iam.PolicyStatement(
            sid="CloudWatchLogs", principals=[iam.ServicePrincipal(f"logs.{self.region}.amazonaws.com")],
            actions=["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
                     "kms:DescribeKey"],
            resources=["*"],  # in a key policy, "*" is this key
            conditions={"ArnLike": {"kms:EncryptionContext:aws:logs:arn":
                                    f"arn:{self.partition}:logs:{self.region}:{self.account}:log-group:*"}})
        # CloudFront reads the console bucket (encrypted with the config key) through OAC.
        cloudfront_origin = iam.PolicyStatement(
            sid="CloudFrontConsoleOrigin", principals=[iam.ServicePrincipal("cloudfront.amazonaws.com")],
            actions=["kms:Decrypt"], resources=["*"],
            conditions={"StringEquals": {"aws:SourceAccount": self.account}})
        self.tenant_data_key = self._key("TenantDataKey", "tenant data: tables, tenant buckets, queues")
        self.config_key = self._key("PlatformConfigKey", "platform config: secrets, parameters, code buckets",
                                    cloudfront_origin)
        self.logs_key = self._key("LogsKey", "logs: Lambda and API log groups", logs_service)

        if deployment.local:
            return  # the local stack has no CI
        # The native resource, not CDK's custom-resource provider (a Lambda outside any VPC).
        provider = iam.CfnOIDCProvider(self, "GitLabOidc", url=deployment.gitlab_url,
                                       client_id_list=[deployment.gitlab_url])
        self.pipeline_roles = {}
        for stage, subject in PIPELINE_STAGES.items():
            principal = iam.FederatedPrincipal(provider.attr_arn, assume_role_action="sts:AssumeRoleWithWebIdentity", conditions={
                "StringEquals": {f"{deployment.gitlab_url.removeprefix('https://')}:aud": deployment.gitlab_url},
                "StringLike": {f"{deployment.gitlab_url.removeprefix('https://')}:sub":
                               subject.format(project=deployment.ci_project_path)}})
            role = iam.Role(self, f"Pipeline{stage.title()}Role", role_name=f"platform-ci-{stage}-{deployment.env}",
                            assumed_by=principal, max_session_duration=cdk.Duration.hours(1),
                            description=f"GitLab CI {stage} stage ({deployment.env}), OIDC only, no keys")
            self.pipeline_roles[stage] = role
        # CloudFormation itself runs the change sets with this role (the deploy role only passes it),
        # so the pipeline's own credentials never hold resource-creation rights.
        self.execution_role = iam.Role(
            self, "CloudFormationExecutionRole", role_name=f"platform-cfn-exec-{deployment.env}",
            assumed_by=iam.ServicePrincipal("cloudformation.amazonaws.com"),
            managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("PowerUserAccess")],
            description="CloudFormation execution role for the platform stacks")
        self.execution_role.add_to_policy(iam.PolicyStatement(
            actions=["iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:PassRole", "iam:TagRole",
                     "iam:UntagRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:GetRolePolicy",
                     "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:UpdateAssumeRolePolicy",
                     "iam:CreateServiceLinkedRole"],
            resources=[f"arn:{self.partition}:iam::{self.account}:role/platform-*",
                       f"arn:{self.partition}:iam::{self.account}:role/aws-service-role/*"]))
        _grant_plan(self.pipeline_roles["plan"], self, deployment)
        _grant_deploy(self.pipeline_roles["deploy"], self, deployment)

    def _key(self, id: str, purpose: str, *statements: iam.PolicyStatement) -> kms.Key:
        return kms.Key(self, id, description=f"platform {purpose}", enable_key_rotation=True,
                       removal_policy=cdk.RemovalPolicy.RETAIN, policy=grants.key_policy(*statements))


def _stack_arns(stack: cdk.Stack, deployment: Deployment) -> list[str]:
    return [f"arn:{stack.partition}:cloudformation:*:{stack.account}:stack/platform-*-{deployment.env}/*"]


def _grant_plan(role: iam.Role, stack: cdk.Stack, deployment: Deployment) -> None:
    """Plan = change-set preview: create/describe/delete change sets, read templates."""
    role.add_to_policy(iam.PolicyStatement(
        actions=["cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet",
                 "cloudformation:DeleteChangeSet", "cloudformation:DescribeStacks", "cloudformation:GetTemplate",
                 "cloudformation:ListChangeSets"],
        resources=_stack_arns(stack, deployment)))


def _grant_deploy(role: iam.Role, stack: cdk.Stack, deployment: Deployment) -> None:
    """Deploy = publish assets to the bootstrap bucket, run change sets, which CloudFormation
    executes with the caller's rights limited to the platform's stacks."""
    _grant_plan(role, stack, deployment)
    role.add_to_policy(iam.PolicyStatement(
        actions=["cloudformation:ExecuteChangeSet", "cloudformation:DescribeStackEvents",
                 "cloudformation:DescribeStackResources"],
        resources=_stack_arns(stack, deployment)))
    role.add_to_policy(iam.PolicyStatement(
        actions=["s3:PutObject", "s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"],
        resources=[f"arn:{stack.partition}:s3:::platform-bootstrap-{deployment.env}-{stack.account}",
                   f"arn:{stack.partition}:s3:::platform-bootstrap-{deployment.env}-{stack.account}/*"]))
    role.add_to_policy(iam.PolicyStatement(
        actions=["iam:PassRole"],
        resources=[f"arn:{stack.partition}:iam::{stack.account}:role/platform-cfn-exec-{deployment.env}"]))
