"""Every stack of one environment, named platform-{stack}-{env}, in dependency order."""
from __future__ import annotations

import aws_cdk as cdk

from .agentcore import AgentCoreStack
from .bootstrap import BootstrapStack, assets_bucket_name
from .config import FALLBACK_REGION, HOME_REGION, RUNTIME_REGION, deployment
from .identity import IdentityStack
from .network import NetworkStack
from .platform import PlatformStack


class PerStackSynthesizer(cdk.CliCredentialsStackSynthesizer):
    """One synthesizer per stack, bound to it directly. The reusable form binds a prototype copy
    that jsii hands back to Python as the unbound original, so `stack.synthesizer.add_file_asset`
    from Python would fail; binding in place avoids that."""

    def reusable_bind(self, stack):
        self.bind(stack)
        return self


def build(app: cdk.App, env: str, arch: str | None = None, functions: list[str] | None = None) -> dict[str, cdk.Stack]:
    d = deployment(env, arch)
    # Assets go to the project's own bootstrap bucket with the deployer's credentials (no CDK
    # bootstrap roles, no bootstrap-version rule: there is no `cdk bootstrap` here).
    synth = lambda: PerStackSynthesizer(
        file_assets_bucket_name=assets_bucket_name(env), bucket_prefix="assets/")
    at = lambda region: cdk.Environment(region=region)
    stacks: dict[str, cdk.Stack] = {}
    if not d.local:
        stacks["bootstrap"] = BootstrapStack(app, d.stack_name("bootstrap"), deployment=d, env=at(HOME_REGION),
                                             synthesizer=synth(), description="Deploy assets bucket")
    identity = IdentityStack(app, d.stack_name("identity"), deployment=d, env=at(HOME_REGION), synthesizer=synth(),
                             description="CI OIDC roles and KMS keys per data class")
    stacks["identity"] = identity
    network = None
    if not d.local:
        network = NetworkStack(app, d.stack_name("network"), deployment=d, env=at(HOME_REGION), synthesizer=synth(),
                               description="VPC, endpoints (home region)")
        stacks["network"] = network
        stacks["network-failover"] = NetworkStack(
            app, d.stack_name("network-failover"), deployment=d, env=at(FALLBACK_REGION), synthesizer=synth(),
            description="VPC, endpoints (shadow copy in the failover region)")
    platform = PlatformStack(
        app, d.stack_name("platform"), deployment=d, env=at(HOME_REGION), synthesizer=synth(),
        tenant_key=identity.tenant_data_key, config_key=identity.config_key, logs_key=identity.logs_key,
        vpc=network.vpc if network else None, security_group=network.lambda_security_group if network else None,
        functions=functions, description="Tables, buckets, config, Lambdas, REST API, edge, gateway, events")
    stacks["platform"] = platform
    if not d.local:
        platform.add_stack_dependency(stacks["bootstrap"])
        stacks["agentcore"] = AgentCoreStack(app, d.stack_name("agentcore"), deployment=d, env=at(RUNTIME_REGION),
                                             synthesizer=synth(), description="AgentCore runtime configuration")
        stacks["agentcore"].add_stack_dependency(platform)
    return stacks
