"""The REST API generated from docs/openapi.yaml: every route to its function's `live` alias,
streaming routes with Lambda response streaming, the REQUEST authoriser, usage plans per tier
with per-method throttles, the Error envelope on gateway responses, and WAF on the stage."""
from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_wafv2 as wafv2
from constructs import Construct

from . import repository
from .config import TIERS, Deployment

# The invoke route runs agents (the costly path): its per-method throttle is a fifth of the tier's.
COSTLY_ROUTES = {("POST", "/v1/agents/{agentName}/invoke")}
COSTLY_SHARE = 5
# No route takes a long query (limit, nextToken, start, end): longer ones are probes, refused at the edge.
MAX_QUERY_BYTES = 2048
GATEWAY_ERRORS = {
    apigw.ResponseType.UNAUTHORIZED: ("401", "UNAUTHENTICATED", "missing or invalid credentials"),
    apigw.ResponseType.ACCESS_DENIED: ("403", "FORBIDDEN", "not allowed"),
    apigw.ResponseType.THROTTLED: ("429", "THROTTLED", "too many requests"),
    apigw.ResponseType.QUOTA_EXCEEDED: ("429", "THROTTLED", "daily quota exceeded"),
    apigw.ResponseType.INTEGRATION_TIMEOUT: ("504", "TIMEOUT", "the integration timed out"),
    apigw.ResponseType.DEFAULT_4_XX: (None, "INVALID_REQUEST", "the request was not accepted"),
    apigw.ResponseType.DEFAULT_5_XX: (None, "INTERNAL_ERROR", "internal error"),
}


class PlatformApi(Construct):
    def __init__(self, scope: Construct, id: str, *, deployment: Deployment, aliases: dict[str, lambda_.Alias],
                 logs_key: kms.IKey) -> None:
        super().__init__(scope, id)
        self.routes = repository.routes()
        access_logs = logs.LogGroup(self, "AccessLogs", log_group_name=f"/platform/{deployment.env}/api-access",
                                    retention=logs.RetentionDays.ONE_YEAR, encryption_key=logs_key,
                                    removal_policy=cdk.RemovalPolicy.RETAIN)
        self.api = apigw.RestApi(
            self, "RestApi", rest_api_name=f"platform-{deployment.env}",
            description="Agents platform REST API (generated from docs/openapi.yaml)",
            endpoint_types=[apigw.EndpointType.REGIONAL], cloud_watch_role=False,
            deploy_options=apigw.StageOptions(
                stage_name=deployment.env, tracing_enabled=True, metrics_enabled=True,
                logging_level=apigw.MethodLoggingLevel.ERROR, data_trace_enabled=False,
                access_log_destination=apigw.LogGroupLogDestination(access_logs),
                access_log_format=apigw.AccessLogFormat.json_with_standard_fields(
                    caller=False, http_method=True, ip=True, protocol=True, request_time=True,
                    resource_path=True, response_length=True, status=True, user=False)))
        # Cache key = the Authorization header. Why a cached decision never serves a different
        # request on the machine path: ADR 0028 (the Allow names only the exact methodArn; the
        # integration re-checks the signed values) and ADR 0034.
        self.authorizer = apigw.RequestAuthorizer(
            self, "Authoriser", handler=aliases["authoriser"],
            identity_sources=[apigw.IdentitySource.header("Authorization")],
            results_cache_ttl=cdk.Duration.seconds(deployment.authoriser_cache_seconds),
            authorizer_name="platform-authoriser")

        self.methods: dict[tuple[str, str], apigw.Method] = {}
        for route in self.routes:
            resource = self.api.root.resource_for_path(route.path)
            integration = apigw.LambdaIntegration(
                aliases[route.function], proxy=True,
                response_transfer_mode=apigw.ResponseTransferMode.STREAM if route.streaming else None,
                timeout=cdk.Duration.minutes(15) if route.streaming else None)
            options = dict(authorization_type=apigw.AuthorizationType.NONE) if route.auth == "none" else dict(
                authorizer=self.authorizer, authorization_type=apigw.AuthorizationType.CUSTOM)
            self.methods[(route.method, route.path)] = resource.add_method(
                route.method, integration, api_key_required=False, **options)

        for index, (response_type, (status, code, message)) in enumerate(GATEWAY_ERRORS.items()):
            self.api.add_gateway_response(
                f"GatewayResponse{index}", type=response_type, status_code=status,
                templates={"application/json": '{"error":{"code":"%s","message":"%s","requestId":"$context.requestId"}}'
                           % (code, message)},
                response_headers={"Retry-After": "'1'"} if code == "THROTTLED" else None)

        self.usage_plans: dict[str, apigw.UsagePlan] = {}
        for tier, (rate, burst, quota) in TIERS.items():
            plan = self.api.add_usage_plan(
                f"{tier.title()}Plan", name=f"platform-{tier}-{deployment.env}",
                throttle=apigw.ThrottleSettings(rate_limit=rate, burst_limit=burst),
                quota=apigw.QuotaSettings(limit=quota, period=apigw.Period.DAY) if quota else None)
            plan.add_api_stage(stage=self.api.deployment_stage, throttle=[
                apigw.ThrottlingPerMethod(method=self.methods[key], throttle=apigw.ThrottleSettings(
                    rate_limit=max(1, rate // COSTLY_SHARE), burst_limit=max(1, burst // COSTLY_SHARE)))
                for key in sorted(COSTLY_ROUTES)])
            self.usage_plans[tier] = plan

        self.web_acl = _web_acl(self, deployment)
        wafv2.CfnWebACLAssociation(self, "WafOnStage", web_acl_arn=self.web_acl.attr_arn,
                                   resource_arn=self.api.deployment_stage.stage_arn)


def _web_acl(scope: Construct, deployment: Deployment) -> wafv2.CfnWebACL:
    visibility = lambda name: wafv2.CfnWebACL.VisibilityConfigProperty(
        cloud_watch_metrics_enabled=True, metric_name=name, sampled_requests_enabled=True)
    return wafv2.CfnWebACL(
        scope, "WebAcl", name=f"platform-api-{deployment.env}", scope="REGIONAL",
        default_action=wafv2.CfnWebACL.DefaultActionProperty(allow={}),
        visibility_config=visibility("platform-api"),
        rules=[
            wafv2.CfnWebACL.RuleProperty(
                name="AWSManagedCommonRules", priority=0,
                override_action=wafv2.CfnWebACL.OverrideActionProperty(none={}),
                statement=wafv2.CfnWebACL.StatementProperty(
                    managed_rule_group_statement=wafv2.CfnWebACL.ManagedRuleGroupStatementProperty(
                        vendor_name="AWS", name="AWSManagedRulesCommonRuleSet",
                        # The invoke body may legitimately exceed the common set's 8 KB body limit;
                        # the custom rule below bounds bodies instead.
                        rule_action_overrides=[wafv2.CfnWebACL.RuleActionOverrideProperty(
                            name="SizeRestrictions_BODY",
                            action_to_use=wafv2.CfnWebACL.RuleActionProperty(count={}))])),
                visibility_config=visibility("common-rules")),
            wafv2.CfnWebACL.RuleProperty(
                name="RateLimitPerIp", priority=1, action=wafv2.CfnWebACL.RuleActionProperty(block={}),
                statement=wafv2.CfnWebACL.StatementProperty(
                    rate_based_statement=wafv2.CfnWebACL.RateBasedStatementProperty(limit=3000, aggregate_key_type="IP")),
                visibility_config=visibility("rate-limit")),
            wafv2.CfnWebACL.RuleProperty(
                name="QueryStringTooLong", priority=2, action=wafv2.CfnWebACL.RuleActionProperty(block={}),
                statement=wafv2.CfnWebACL.StatementProperty(
                    size_constraint_statement=wafv2.CfnWebACL.SizeConstraintStatementProperty(
                        field_to_match=wafv2.CfnWebACL.FieldToMatchProperty(query_string={}),
                        comparison_operator="GT", size=MAX_QUERY_BYTES,
                        text_transformations=[wafv2.CfnWebACL.TextTransformationProperty(priority=0, type="NONE")])),
                visibility_config=visibility("query-size")),
        ])
