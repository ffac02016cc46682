"""Versions reach the `live` aliases through CodeDeploy: dev all at once, staging canary 10 % for
30 minutes, prod 10 % for 15 minutes; an error-rate alarm on the alias rolls back automatically."""
from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_codedeploy as codedeploy
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

from .config import Deployment

ERROR_RATE_PERCENT = 5


class AliasDelivery(Construct):
    def __init__(self, scope: Construct, id: str, *, deployment: Deployment, aliases: dict[str, lambda_.Alias]) -> None:
        super().__init__(scope, id)
        config = codedeploy.LambdaDeploymentConfig.from_lambda_deployment_config_name(
            self, "Config", deployment.deployment_config)
        self.application = codedeploy.LambdaApplication(self, "Application",
                                                        application_name=f"platform-{deployment.env}")
        self.groups: dict[str, codedeploy.LambdaDeploymentGroup] = {}
        self.alarms: dict[str, cloudwatch.Alarm] = {}
        for name, alias in aliases.items():
            errors = alias.metric_errors(period=cdk.Duration.minutes(1), statistic="Sum")
            invocations = alias.metric_invocations(period=cdk.Duration.minutes(1), statistic="Sum")
            rate = cloudwatch.MathExpression(
                expression="IF(invocations > 0, 100 * errors / invocations, 0)",
                using_metrics={"errors": errors, "invocations": invocations}, period=cdk.Duration.minutes(1),
                label=f"{name} error rate (%)")
            alarm = cloudwatch.Alarm(
                self, f"{_id(name)}ErrorRate", alarm_name=f"platform-{name}-{deployment.env}-error-rate",
                metric=rate, threshold=ERROR_RATE_PERCENT, evaluation_periods=2, datapoints_to_alarm=2,
                comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
                treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
                alarm_description=f"{name} live alias: more than {ERROR_RATE_PERCENT} % errors for 2 minutes")
            self.alarms[name] = alarm
            self.groups[name] = codedeploy.LambdaDeploymentGroup(
                self, f"{_id(name)}Deployment", application=self.application, alias=alias,
                deployment_config=config, alarms=[alarm],
                auto_rollback=codedeploy.AutoRollbackConfig(failed_deployment=True, deployment_in_alarm=True))


def _id(name: str) -> str:
    return name.title().replace("-", "")
