"""Identity, Network, AgentCore and Bootstrap stacks, and the policy rules' own fixtures."""
import json
from pathlib import Path

import pytest
from aws_cdk.assertions import Match

from conftest import INFRA, template_json
from platform_infra import policy


def test_identity_keys_per_data_class_and_no_wildcard_principal(load):
    template = load("platform-identity-prod")
    template.resource_count_is("AWS::KMS::Key", 3)
    template.resource_count_is("AWS::IAM::OIDCProvider", 1)
    for key in (r for r in template_json("platform-identity-prod")["Resources"].values() if r["Type"] == "AWS::KMS::Key"):
        assert key["Properties"]["EnableKeyRotation"] is True
        for statement in key["Properties"]["KeyPolicy"]["Statement"]:
            assert statement["Principal"] != "*" and statement["Principal"].get("AWS") != "*"


def test_identity_one_oidc_role_per_pipeline_stage(load):
    roles = {r["Properties"].get("RoleName"): r["Properties"] for r in template_json("platform-identity-prod")["Resources"].values()
             if r["Type"] == "AWS::IAM::Role"}
    assert {"platform-ci-plan-prod", "platform-ci-deploy-prod", "platform-cfn-exec-prod"} <= set(roles)
    trust = json.dumps(roles["platform-ci-deploy-prod"]["AssumeRolePolicyDocument"])
    assert "sts:AssumeRoleWithWebIdentity" in trust and "ref:main" in trust


def test_network_two_azs_isolated_with_endpoints(load):
    template = load("platform-network-prod")
    template.resource_count_is("AWS::EC2::VPC", 1)
    template.resource_count_is("AWS::EC2::NatGateway", 0)
    template.resource_count_is("AWS::EC2::InternetGateway", 0)
    template.resource_count_is("AWS::EC2::Subnet", 2)
    endpoints = [r["Properties"] for r in template_json("platform-network-prod")["Resources"].values()
                 if r["Type"] == "AWS::EC2::VPCEndpoint"]
    services = json.dumps([e["ServiceName"] for e in endpoints])
    for service in ("s3", "dynamodb", "ssm", "secretsmanager", "sts", "events", "sqs", "monitoring", "logs",
                    "bedrock-agentcore"):
        assert f".{service}" in services, service
    load("platform-network-failover-prod").resource_count_is("AWS::EC2::VPC", 1)
    assert template_json("platform-network-failover-prod") is not None


def test_agentcore_stack_runtime_configuration(load):
    template = load("platform-agentcore-prod")
    template.has_resource_properties("AWS::SSM::Parameter", {"Name": "/platform/agents/prod/runtime-configuration"})
    template.has_resource_properties("AWS::SSM::Parameter", {"Name": "/platform/agents/prod/memory-template"})
    template.resource_count_is("AWS::CloudWatch::MetricStream", 1)
    config = next(r for r in template_json("platform-agentcore-prod")["Resources"].values()
                  if r["Type"] == "AWS::SSM::Parameter" and "runtime-configuration" in r["Properties"]["Name"])
    assert "PYTHON_3_12" in json.dumps(config) and "requestHeaderAllowlist" in json.dumps(config)


@pytest.mark.parametrize("fixture", sorted(p.stem for p in (INFRA / "guard/fixtures").glob("platform_*.json")))
def test_each_guard_rule_refuses_its_violating_fixture(fixture):
    template = json.loads((INFRA / "guard/fixtures" / f"{fixture}.json").read_text())
    assert {v.rule for v in policy.evaluate(template, fixture)} == {fixture}


def test_every_guard_rule_has_a_fixture_and_the_compliant_fixture_passes():
    rules = policy.rule_names(policy.RULES_FILE.read_text())
    assert len(rules) >= 11
    assert sorted(rules) == sorted(p.stem for p in (INFRA / "guard/fixtures").glob("platform_*.json"))
    assert policy.evaluate(json.loads((INFRA / "guard/fixtures/compliant.json").read_text()), "compliant") == []
