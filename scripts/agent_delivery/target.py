"""Where a push goes: the environment's buckets, regions, API and AWS clients.

ENV=local reads the running `make dev` stack (.local/dev/moto.env, .env.local)
unless the caller's environment already names it (the tests do)."""
from __future__ import annotations

import getpass
import json
import os
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import boto3

from .errors import DeliveryError
from .manifest import ROOT

ENVIRONMENTS = ("local", "dev", "staging", "prod")


def read_env_file(path: Path) -> dict:
    if not path.is_file():
        return {}
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line and not line.startswith("#"))


def _empty_body_for_moto(request, **_):
    # moto 5.2.1 verifies the signature of a body-less restJson request against its parsed
    # parameters instead of the empty body, so every signed GET/LIST fails; a `{}` body is
    # hashed the same on both sides. Only against an endpoint override (the local stack).
    if not request.body:
        request.data = b"{}"
        request.headers["Content-Type"] = "application/json"


@dataclass
class Target:
    env: str
    values: dict = field(default_factory=dict)

    @classmethod
    def resolve(cls, env: str, environ=None) -> "Target":
        if env not in ENVIRONMENTS:
            raise DeliveryError("config", f"ENV must be one of {', '.join(ENVIRONMENTS)}, got {env!r}")
        values = dict(environ if environ is not None else os.environ)
        if env == "local":
            for path in (ROOT / ".local/dev/moto.env", ROOT / ".env.local"):
                for key, value in read_env_file(path).items():
                    values.setdefault(key, value)
        return cls(env, values)

    @property
    def aws(self) -> bool:
        return self.env != "local"

    @property
    def bucket(self) -> str:
        return self.values.get("AGENT_CODE_BUCKET") or f"platform-agent-code-{self.env}"

    @property
    def home_region(self) -> str:
        return self.values.get("AWS_REGION") or "eu-west-2"

    @property
    def runtime_region(self) -> str:
        return self.values.get("RUNTIME_REGION") or "eu-west-1"

    def require(self, key: str, why: str) -> str:
        value = self.values.get(key)
        if not value:
            hint = " (is `make dev` running?)" if self.env == "local" else ""
            raise DeliveryError("config", f"{key} is not set{hint}: {why}")
        return value

    @property
    def api_url(self) -> str:
        return self.require("PLATFORM_API_URL", "the registry is the platform API").rstrip("/")

    def client(self, service: str, region: str | None = None):
        """One client per service and region for the run (creating one costs ~0.1 s)."""
        key = (service, region or self.home_region)
        cache = self.__dict__.setdefault("_clients", {})
        if key not in cache:
            cache[key] = self._new_client(service, region)
        return cache[key]

    def _new_client(self, service: str, region: str | None):
        if self.env == "local":
            self.require("AWS_ENDPOINT_URL", "the local AWS (moto) endpoint")
        kwargs = {"region_name": region or self.home_region}
        for key, arg in (("AWS_ACCESS_KEY_ID", "aws_access_key_id"), ("AWS_SECRET_ACCESS_KEY", "aws_secret_access_key"),
                         ("AWS_SESSION_TOKEN", "aws_session_token")):
            if self.values.get(key):
                kwargs[arg] = self.values[key]
        endpoint = self.values.get("AWS_ENDPOINT_URL")
        if service == "bedrock-agentcore":
            endpoint = self.values.get("AGENTCORE_URL") or self.values.get("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE") or (
                None if self.aws else self.require("AGENTCORE_URL", "the local AgentCore data plane"))
        if endpoint:
            kwargs["endpoint_url"] = endpoint
        client = boto3.client(service, **kwargs)
        if self.values.get("AWS_ENDPOINT_URL") and service == "bedrock-agentcore-control":
            client.meta.events.register("before-sign.bedrock-agentcore-control.*", _empty_body_for_moto)
        return client

    def operator_token(self) -> str:
        """A platform operator's bearer token: PLATFORM_OPERATOR_TOKEN, or (local) one from the local IdP."""
        token = self.values.get("PLATFORM_OPERATOR_TOKEN")
        if token:
            return token
        if self.env != "local":
            raise DeliveryError("config", "PLATFORM_OPERATOR_TOKEN is not set: the registry needs an operator token")
        idp = self.require("IDP_URL", "local operator tokens come from the local identity provider")
        claims = {"exp": int(time.time()) + 3600, "tenantid": "platform", "appid": "platform-agent-push",
                  "tier": "premium", "sub": f"operator:{self.operator}", "roles": ["Platform.Admin"]}
        req = urllib.request.Request(f"{idp}/dev/token", data=json.dumps(claims).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return json.loads(resp.read())["access_token"]
        except OSError as err:
            raise DeliveryError("config", f"the local identity provider at {idp} did not answer: {err}") from None

    @property
    def operator(self) -> str:
        return self.values.get("PLATFORM_OPERATOR") or self.values.get("GITLAB_USER_LOGIN") or getpass.getuser()
