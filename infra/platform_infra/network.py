"""Network: a VPC over two AZs with isolated subnets only (no NAT); AWS services through endpoints."""
from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2
from constructs import Construct

from .config import Deployment

# Interface endpoints the Lambdas need with no route to the internet.
INTERFACE_ENDPOINTS = {
    "Ssm": "ssm", "SecretsManager": "secretsmanager", "Sts": "sts", "EventBridge": "events",
    "Sqs": "sqs", "CloudWatch": "monitoring", "Logs": "logs", "AgentCore": "bedrock-agentcore",
    "Lambda": "lambda", "XRay": "xray",
}


class NetworkStack(cdk.Stack):
    def __init__(self, scope: Construct, id: str, *, deployment: Deployment, **kwargs) -> None:
        super().__init__(scope, id, **kwargs)
        self.vpc = ec2.Vpc(
            self, "Vpc", max_azs=2, nat_gateways=0,
            ip_addresses=ec2.IpAddresses.cidr("10.40.0.0/16"),
            subnet_configuration=[ec2.SubnetConfiguration(name="lambda", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED,
                                                          cidr_mask=20)],
            # The default security group is never used (every function has its own); restricting it
            # takes a custom-resource Lambda outside the VPC, which the Guard rules forbid.
            restrict_default_security_group=False,
        )
        self.vpc.add_gateway_endpoint("S3", service=ec2.GatewayVpcEndpointAwsService.S3)
        self.vpc.add_gateway_endpoint("DynamoDb", service=ec2.GatewayVpcEndpointAwsService.DYNAMODB)

        self.lambda_security_group = ec2.SecurityGroup(
            self, "LambdaSecurityGroup", vpc=self.vpc, allow_all_outbound=False,
            description="Platform Lambdas: HTTPS out to the VPC endpoints only")
        endpoint_sg = ec2.SecurityGroup(self, "EndpointSecurityGroup", vpc=self.vpc, allow_all_outbound=False,
                                        description="Interface endpoints: HTTPS from the platform Lambdas")
        endpoint_sg.add_ingress_rule(self.lambda_security_group, ec2.Port.tcp(443), "Lambdas to endpoints")
        self.lambda_security_group.add_egress_rule(endpoint_sg, ec2.Port.tcp(443), "to interface endpoints")
        # Isolated subnets have no route out: HTTPS to "anywhere" reaches only the interface endpoints
        # and the S3/DynamoDB gateway endpoints (whose prefix lists are public address ranges).
        self.lambda_security_group.add_egress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(443),
                                                   "HTTPS to the gateway endpoints")
        for name, service in INTERFACE_ENDPOINTS.items():
            self.vpc.add_interface_endpoint(
                name, service=ec2.InterfaceVpcEndpointService(f"com.amazonaws.{self.region}.{service}", 443),
                private_dns_enabled=True, security_groups=[endpoint_sg],
                subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED))

        # NACL: the isolated subnets talk HTTPS inside the VPC and to the gateway endpoints' prefixes only.
        acl = ec2.NetworkAcl(self, "LambdaSubnetsAcl", vpc=self.vpc,
                             subnet_selection=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED))
        acl.add_entry("HttpsOut", rule_number=100, cidr=ec2.AclCidr.any_ipv4(), traffic=ec2.AclTraffic.tcp_port(443),
                      direction=ec2.TrafficDirection.EGRESS)
        acl.add_entry("EphemeralIn", rule_number=100, cidr=ec2.AclCidr.any_ipv4(),
                      traffic=ec2.AclTraffic.tcp_port_range(1024, 65535), direction=ec2.TrafficDirection.INGRESS)
        acl.add_entry("HttpsInFromVpc", rule_number=110, cidr=ec2.AclCidr.ipv4("10.40.0.0/16"),
                      traffic=ec2.AclTraffic.tcp_port(443), direction=ec2.TrafficDirection.INGRESS)
        acl.add_entry("EphemeralOutToVpc", rule_number=110, cidr=ec2.AclCidr.ipv4("10.40.0.0/16"),
                      traffic=ec2.AclTraffic.tcp_port_range(1024, 65535), direction=ec2.TrafficDirection.EGRESS)
        cdk.Tags.of(self).add("platform:env", deployment.env)

