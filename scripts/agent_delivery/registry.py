"""The agent registry through the platform API (`/v1/platform/agents`), as an operator."""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from .errors import DeliveryError

# SYSTEM.md section 2: the release states in order; `failed` and `rolled_back` are off the main line.
RELEASE_STATES = ("built", "deployed_staging", "integration_verified", "evaluation_passed", "approved", "promoted")


def semver_key(version: str):
    core, _, pre = version.partition("-")
    numbers = tuple(int(p) for p in core.split("."))
    # A pre-release ranks below its release.
    return numbers + ((0, pre) if pre else (1, ""))


@dataclass
class Registry:
    api_url: str
    token: str
    step: str = "register"

    def _call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
        req = urllib.request.Request(f"{self.api_url}{path}", method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": f"Bearer {self.token}",
                                              "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as err:
            try:
                answer = json.loads(err.read() or b"{}")
            except ValueError:
                answer = {}
            return err.code, answer
        except OSError as err:
            raise DeliveryError(self.step, f"the platform API at {self.api_url} did not answer: {err}") from None

    @staticmethod
    def explain(status: int, answer: dict) -> str:
        error = answer.get("error") if isinstance(answer.get("error"), dict) else {}
        details = "; ".join(f"{d.get('field')}: {d.get('message')}" for d in error.get("details", []) or [])
        return f"HTTP {status} {error.get('code', '')} {error.get('message', '')}".strip() + (f" ({details})" if details else "")

    def versions(self, agent: str) -> list[dict]:
        status, answer = self._call("GET", "/v1/platform/agents?" + urllib.parse.urlencode({"agentName": agent}))
        if status != 200:
            raise DeliveryError(self.step, f"listing {agent} failed: {self.explain(status, answer)}")
        return answer.get("items", [])

    def version(self, agent: str, version: str) -> dict | None:
        return next((v for v in self.versions(agent) if v["version"] == version), None)

    def register(self, record: dict) -> tuple[bool, dict]:
        """(created, record): False with the registered record when the version already exists."""
        status, answer = self._call("POST", "/v1/platform/agents", record)
        if status == 201:
            return True, answer
        if status == 409:
            existing = self.version(record["agentName"], record["version"])
            if existing:
                return False, existing
        raise DeliveryError(self.step, f"registering {record['agentName']} {record['version']} failed: "
                                       f"{self.explain(status, answer)}")

    def update(self, agent: str, version: str, **fields) -> dict:
        path = f"/v1/platform/agents/{urllib.parse.quote(agent)}/versions/{urllib.parse.quote(version)}"
        status, answer = self._call("PATCH", path, fields)
        if status != 200:
            raise DeliveryError(self.step, f"{agent} {version} -> {fields.get('status', 'update')} failed: "
                                           f"{self.explain(status, answer)}")
        return answer
