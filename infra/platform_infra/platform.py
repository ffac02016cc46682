"""Platform: tables, buckets, queues, parameters and secrets; the Lambdas with `live` aliases,
the REST API, WAF, CloudFront, the AgentCore Gateway, event rules and CodeDeploy.

For ENV=local only the data and configuration resources are emitted: the local stack's Lambda
emulator and local API Gateway host the functions and the API from the same executables and the
same docs/openapi.yaml (ADR 0035)."""
from __future__ import annotations

import re

import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_kms as kms
from constructs import Construct

from . import repository
from .api import PlatformApi
from .config import FALLBACK_REGION, RUNTIME_REGION, Deployment
from .config_store import ConfigStore
from .data import BUCKETS, TABLES, DataLayer
from .delivery import AliasDelivery
from .edge import ConsoleDistribution
from .events import PlatformEvents
from .functions import ACCESS, PlatformFunction, grant
from .gateway import AgentGateway

AUTHORISER = "authoriser"
AUTHORISER_PROVISIONED = 10


class MissingDefinition(Exception):
    """A function or variable the repository has that the infrastructure does not define."""


class PlatformStack(cdk.Stack):
    def __init__(self, scope: Construct, id: str, *, deployment: Deployment, tenant_key: kms.IKey,
                 config_key: kms.IKey, logs_key: kms.IKey, vpc: ec2.IVpc | None = None,
                 security_group: ec2.ISecurityGroup | None = None, functions: list[str] | None = None,
                 **kwargs) -> None:
        super().__init__(scope, id, **kwargs)
        self.deployment = deployment
        # Imported by ARN: the key policies are Identity's alone (written in full there), so no
        # construct here can append statements to them.
        tenant_key = kms.Key.from_key_arn(self, "TenantDataKey", tenant_key.key_arn)
        config_key = kms.Key.from_key_arn(self, "PlatformConfigKey", config_key.key_arn)
        logs_key = kms.Key.from_key_arn(self, "LogsKey", logs_key.key_arn)
        self.data = DataLayer(self, "Data", deployment=deployment, tenant_key=tenant_key, config_key=config_key)
        self.config = ConfigStore(self, "Config", deployment=deployment, config_key=config_key)
        # Not on SSM parameters: moto's CloudFormation reads their Tags as a list (AWS: a map) and fails.
        cdk.Tags.of(self).add("platform:env", deployment.env, exclude_resource_types=["AWS::SSM::Parameter"])
        if deployment.local:
            return

        names = functions if functions is not None else repository.lambda_functions()
        undefined = [n for n in names if n not in ACCESS]
        if undefined:
            raise MissingDefinition(f"no infrastructure for {', '.join(undefined)}: add an Access entry in "
                                    "infra/platform_infra/functions.py")
        self.functions: dict[str, PlatformFunction] = {}
        for name in names:
            self.functions[name] = PlatformFunction(
                self, _id(name), name=name, deployment=deployment, vpc=vpc, security_group=security_group,
                environment=self._environment(name), logs_key=logs_key, tenant_key=tenant_key,
                config_key=config_key, provisioned=AUTHORISER_PROVISIONED if name == AUTHORISER else None)
        for name, fn in self.functions.items():
            grant(fn, ACCESS[name], deployment=deployment, tables=self.data.tables, buckets=self.data.buckets,
                  keys={"tenant": tenant_key, "config": config_key})
        aliases = {name: fn.alias for name, fn in self.functions.items()}

        self.api = PlatformApi(self, "Api", deployment=deployment, aliases=aliases, logs_key=logs_key)
        self.console = ConsoleDistribution(self, "Console", deployment=deployment,
                                           bucket=self.data.buckets["console"], logs_bucket=self.data.access_logs)
        self.gateway = AgentGateway(self, "AgentGateway", deployment=deployment,
                                    request=aliases["request-interceptor"], response=aliases["response-interceptor"],
                                    key=config_key)
        self.events = PlatformEvents(self, "Events", aliases=aliases, jobs=self.data.tables["platform-jobs"],
                                     stream_dlq=self.data.jobs_stream_dlq, key=tenant_key)
        self.delivery = AliasDelivery(self, "Delivery", deployment=deployment, aliases=aliases)
        cdk.CfnOutput(self, "ApiUrl", value=self.api.api.url)
        cdk.CfnOutput(self, "ConsoleDomain", value=self.console.distribution.distribution_domain_name)

    def _environment(self, name: str) -> dict[str, str]:
        """Values for every variable name the local stack sets for `name` (scripts/dev-platform.json):
        AWS-side values where the local ones point at local things, else the local file's default."""
        d = self.deployment
        local = repository.local_platform()
        entry = next(f for f in local["functions"] if f["name"] == name)
        literal = {**local["environment"], **entry.get("environment", {})}
        tables = {t.env_var: t.name for t in TABLES}
        buckets = {var: self.data.buckets[purpose].bucket_name for purpose, var in BUCKETS.items() if var}
        aws = {
            **tables, **buckets,
            "DATA_BUCKET": self.data.buckets["tenant-data"].bucket_name,
            "PLATFORM_ENV": d.env,
            "PLATFORM_VERSION": self.node.try_get_context("version") or "unversioned",
            "ENTRA_ISSUER": d.entra_issuer,
            "ENTRA_AUDIENCE": d.entra_audience,
            "ENTRA_JWKS_URL": f"https://login.microsoftonline.com/{d.entra_tenant_id}/discovery/v2.0/keys",
            "ASYNC_RUNNER_FUNCTION": f"arn:{self.partition}:lambda:{self.region}:{self.account}:function:platform-async-runner:live",
            "WEBHOOK_DLQ_URL": self.data.webhook_dlq.queue_url,
            "RUNTIME_REGION_PRIMARY": RUNTIME_REGION,
            "RUNTIME_REGION_FALLBACK": FALLBACK_REGION,
        }
        env = {}
        for variable in sorted(literal):
            value = literal[variable]
            if variable in aws:
                env[variable] = aws[variable]
            elif (m := re.fullmatch(r"\$\{[A-Z0-9_]+:-(.*)\}", value)):
                if m.group(1):
                    env[variable] = m.group(1)
                # An empty local default is a local-only switch (S3 front, loopback receivers): unset in AWS.
            elif "${" not in value:
                env[variable] = value
            else:
                raise MissingDefinition(f"{name}: {variable} has no AWS value: add it in PlatformStack._environment")
        if name == "tenant-api":
            env["AUDIT_EXPORT_BUCKET"] = self.data.buckets["audit-exports"].bucket_name
        return env


def _id(name: str) -> str:
    return name.title().replace("-", "")
