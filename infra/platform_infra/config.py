"""What differs between the platform's environments, in one place."""
from __future__ import annotations

from dataclasses import dataclass

ENVIRONMENTS = ("local", "dev", "staging", "prod")
ARCHITECTURES = ("arm64", "x86_64")

HOME_REGION = "eu-west-2"
RUNTIME_REGION = "eu-west-1"
FALLBACK_REGION = "eu-central-1"

# SYSTEM.md section 3: rate rps, burst, requests per day (None = unlimited).
TIERS = {"basic": (10, 100, 1000), "standard": (50, 500, 10000), "premium": (500, 2000, None)}
# SYSTEM.md section 10: USD per 1000 tokens; the operator tunes them in SSM afterwards.
PRICING = {"basic": {"input_1k": 0.003, "output_1k": 0.015},
           "standard": {"input_1k": 0.0025, "output_1k": 0.0125},
           "premium": {"input_1k": 0.002, "output_1k": 0.01}}


class ConfigError(ValueError):
    """A context value the app cannot build from (named in the message)."""


@dataclass(frozen=True)
class Deployment:
    """One environment of the platform as the stacks see it."""
    env: str
    architecture: str = "arm64"
    # Traffic shifting on the `live` aliases: CodeDeploy predefined config names.
    deployment_config: str = "LambdaAllAtOnce"
    log_retention_days: int = 30
    authoriser_cache_seconds: int = 300
    entra_tenant_id: str = "00000000-0000-0000-0000-000000000000"
    entra_audience: str = "api://agent-platform"
    ci_project_path: str = "platform/agents-platform"
    gitlab_url: str = "https://gitlab.com"

    @property
    def local(self) -> bool:
        """The local stack: moto stands in for AWS, the emulator and the local gateway for Lambda
        and API Gateway (ADR 0035), so the stacks leave out what those stand-ins host."""
        return self.env == "local"

    @property
    def entra_issuer(self) -> str:
        return f"https://login.microsoftonline.com/{self.entra_tenant_id}/v2.0"

    def stack_name(self, stack: str) -> str:
        return f"platform-{stack}-{self.env}"

    def bucket_name(self, purpose: str) -> str:
        """Local names are the plain ones the local stack's functions default to; AWS bucket
        names are global, so they carry the environment and the account."""
        if self.local:
            return f"platform-{purpose}"
        return f"platform-{purpose}-{self.env}-${{AWS::AccountId}}"


_PER_ENV = {
    "local": dict(log_retention_days=1),
    "dev": dict(deployment_config="LambdaAllAtOnce", log_retention_days=14),
    "staging": dict(deployment_config="LambdaCanary10Percent30Minutes", log_retention_days=30),
    "prod": dict(deployment_config="LambdaCanary10Percent15Minutes", log_retention_days=365),
}


def deployment(env: str | None, architecture: str | None = None, **overrides) -> Deployment:
    if env not in ENVIRONMENTS:
        raise ConfigError(f"unknown env {env!r}: use one of {', '.join(ENVIRONMENTS)} (cdk context `env`, make ENV=)")
    architecture = architecture or "arm64"
    if architecture not in ARCHITECTURES:
        raise ConfigError(f"unknown arch {architecture!r}: use one of {', '.join(ARCHITECTURES)} (cdk context `arch`)")
    values = {**_PER_ENV[env], **{k: v for k, v in overrides.items() if v is not None}}
    return Deployment(env=env, architecture=architecture, **values)
