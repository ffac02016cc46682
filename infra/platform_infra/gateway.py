"""The AgentCore Gateway (MCP) with the request and response interceptor Lambdas wired in.
Written as a raw CfnResource (AWS::BedrockAgentCore::Gateway), so the template says exactly
what CloudFormation receives."""
from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

from . import grants
from .config import Deployment


class AgentGateway(Construct):
    def __init__(self, scope: Construct, id: str, *, deployment: Deployment, request: lambda_.Alias,
                 response: lambda_.Alias, key: kms.IKey) -> None:
        super().__init__(scope, id)
        self.role = iam.Role(self, "Role", assumed_by=iam.ServicePrincipal("bedrock-agentcore.amazonaws.com"),
                             description="AgentCore Gateway: calls the interceptors")
        request.grant_invoke(self.role)
        response.grant_invoke(self.role)
        grants.key_use(self.role, key, write=True)
        self.gateway = cdk.CfnResource(self, "Gateway", type="AWS::BedrockAgentCore::Gateway", properties={
            "Name": f"platform-tools-{deployment.env}",
            "Description": "MCP gateway in front of the tool Lambdas; interceptors enforce tenant, tier and PII rules",
            "ProtocolType": "MCP",
            "RoleArn": self.role.role_arn,
            "KmsKeyArn": key.key_arn,
            "AuthorizerType": "CUSTOM_JWT",
            "AuthorizerConfiguration": {"CustomJWTAuthorizer": {
                "DiscoveryUrl": f"https://login.microsoftonline.com/{deployment.entra_tenant_id}/v2.0/.well-known/openid-configuration",
                "AllowedAudience": [deployment.entra_audience]}},
            "InterceptorConfigurations": [
                {"Interceptor": {"Lambda": {"Arn": request.function_arn}}, "InterceptionPoints": ["REQUEST"],
                 "InputConfiguration": {"PassRequestHeaders": True}},
                {"Interceptor": {"Lambda": {"Arn": response.function_arn}}, "InterceptionPoints": ["RESPONSE"],
                 "InputConfiguration": {"PassRequestHeaders": True}},
            ],
        })
