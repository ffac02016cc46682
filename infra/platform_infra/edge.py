"""CloudFront in front of the console bucket: origin access control, HTTPS only, and a
response-headers policy whose values come from spa/security-headers.json (the console's own file)."""
from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_s3 as s3
from constructs import Construct

from . import repository
from .config import Deployment

# Headers the policy's typed security section carries; any other entry becomes a custom header.
_TYPED = {"content-security-policy", "strict-transport-security", "x-frame-options", "x-content-type-options",
          "referrer-policy"}


def headers_policy_config(headers: dict[str, str]) -> dict:
    """The security-headers part of a CloudFront response-headers policy, from header -> value."""
    lower = {k.lower(): v for k, v in headers.items()}
    for required in ("content-security-policy", "strict-transport-security", "x-frame-options", "x-content-type-options"):
        if required not in lower:
            raise ValueError(f"spa/security-headers.json lacks {required}")
    if lower["x-frame-options"].upper() != "DENY" or lower["x-content-type-options"].lower() != "nosniff":
        raise ValueError("spa/security-headers.json: X-Frame-Options must be DENY and X-Content-Type-Options nosniff")
    hsts = dict(part.strip().partition("=")[::2] for part in lower["strict-transport-security"].split(";"))
    return {
        "csp": lower["content-security-policy"],
        "hsts_seconds": int(hsts["max-age"]),
        "hsts_subdomains": "includeSubDomains" in hsts,
        "hsts_preload": "preload" in hsts,
        "referrer": lower.get("referrer-policy"),
        "custom": {k: v for k, v in headers.items() if k.lower() not in _TYPED},
    }


class ConsoleDistribution(Construct):
    def __init__(self, scope: Construct, id: str, *, deployment: Deployment, bucket: s3.IBucket,
                 logs_bucket: s3.IBucket) -> None:
        super().__init__(scope, id)
        config = headers_policy_config(repository.security_headers())
        referrer = config["referrer"]
        self.headers_policy = cloudfront.ResponseHeadersPolicy(
            self, "SecurityHeaders", response_headers_policy_name=f"platform-console-{deployment.env}",
            security_headers_behavior=cloudfront.ResponseSecurityHeadersBehavior(
                content_security_policy=cloudfront.ResponseHeadersContentSecurityPolicy(
                    content_security_policy=config["csp"], override=True),
                strict_transport_security=cloudfront.ResponseHeadersStrictTransportSecurity(
                    access_control_max_age=cdk.Duration.seconds(config["hsts_seconds"]),
                    include_subdomains=config["hsts_subdomains"], preload=config["hsts_preload"], override=True),
                frame_options=cloudfront.ResponseHeadersFrameOptions(
                    frame_option=cloudfront.HeadersFrameOption.DENY, override=True),
                content_type_options=cloudfront.ResponseHeadersContentTypeOptions(override=True),
                referrer_policy=cloudfront.ResponseHeadersReferrerPolicy(
                    referrer_policy=cloudfront.HeadersReferrerPolicy(referrer.upper().replace("-", "_")),
                    override=True) if referrer else None),
            custom_headers_behavior=cloudfront.ResponseCustomHeadersBehavior(custom_headers=[
                cloudfront.ResponseCustomHeader(header=k, value=v, override=True)
                for k, v in config["custom"].items()]) if config["custom"] else None)
        self.distribution = cloudfront.Distribution(
            self, "Distribution", comment=f"platform console ({deployment.env})",
            default_root_object="index.html",
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(bucket),
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                response_headers_policy=self.headers_policy,
                cache_policy=cloudfront.CachePolicy.CACHING_OPTIMIZED),
            minimum_protocol_version=cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
            http_version=cloudfront.HttpVersion.HTTP2_AND_3,
            enable_logging=True, log_bucket=logs_bucket, log_file_prefix="cloudfront/")
