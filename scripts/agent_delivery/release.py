"""`make agent-promote` (the release states with their gates) and `make agent-rollback`."""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from botocore.exceptions import BotoCoreError, ClientError

from . import manifest
from .errors import DeliveryError
from .registry import RELEASE_STATES, Registry, semver_key
from .steps import StepLog
from .target import Target

SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"


def matches(actual, expected, bindings) -> bool:
    """The golden-case rule: exact structure, `"$name"` binds any non-empty string once."""
    if isinstance(expected, str) and len(expected) > 1 and expected[0] == "$" and expected[1:].isidentifier():
        if expected in bindings:
            return actual == bindings[expected]
        bindings[expected] = actual
        return isinstance(actual, str) and bool(actual)
    if isinstance(expected, dict):
        return isinstance(actual, dict) and set(actual) == set(expected) and all(
            matches(actual[k], v, bindings) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(
            matches(a, e, bindings) for a, e in zip(actual, expected))
    return type(actual) is type(expected) and actual == expected


def runtime_session(case: dict) -> str | None:
    """The case's runtime session: its session header, else a payload `sessionId` of valid length.

    AgentCore always delivers one, so a case without one describes a direct call of the agent
    (e.g. a bare curl) and is not run against a deployed runtime."""
    header = (case.get("headers") or {}).get(SESSION_HEADER)
    payload = case.get("request", {}).get("sessionId") if isinstance(case.get("request"), dict) else None
    for value in (header, payload):
        if isinstance(value, str) and 33 <= len(value) <= 256:
            return value
    return None


def golden_cases(directory: Path, kinds) -> list[tuple[str, dict]]:
    """The sync/streaming golden cases that a deployed runtime can answer (they carry a session)."""
    cases = []
    for kind in kinds:
        for path in sorted((directory / "tests/golden" / kind).glob("*.json")):
            case = json.loads(path.read_text())
            if runtime_session(case):
                cases.append((f"{kind}/{path.stem}", case))
    return cases


def invoke(client, runtime_arn: str, payload: dict, session: str, streaming: bool):
    """(status, body or events) from InvokeAgentRuntime on the deployed runtime."""
    try:
        answer = client.invoke_agent_runtime(agentRuntimeArn=runtime_arn, runtimeSessionId=session,
                                             payload=json.dumps(payload).encode(), contentType="application/json",
                                             accept="text/event-stream" if streaming else "application/json")
    except ClientError as err:
        error = err.response.get("Error", {})
        return err.response["ResponseMetadata"].get("HTTPStatusCode", 500), {
            "error": f"{error.get('Code', '')}: {error.get('Message', '')}"[:300]}
    except BotoCoreError as err:
        raise DeliveryError("gate", f"the runtime did not answer: {err}") from None
    data = answer["response"].read()
    if streaming:
        events = [json.loads(line[5:].strip()) for line in data.decode().splitlines() if line.startswith("data:")]
        return answer.get("statusCode", 200), events
    return answer.get("statusCode", 200), json.loads(data or b"null")


def run_cases(target: Target, runtime_arn: str, project, cases) -> tuple[int, list[str]]:
    client = target.client("bedrock-agentcore", target.runtime_region)
    passed, failures = 0, []
    for name, case in cases:
        streaming = case["request"].get("mode") == "streaming"
        session = runtime_session(case)
        status, got = invoke(client, runtime_arn, case["request"], session, streaming)
        expected = case["expected"]
        bindings = {}
        want = expected.get("events") if streaming else expected.get("body")
        if status == expected.get("status", 200) and (want is None or matches(got, want, bindings)):
            passed += 1
        else:
            detail = got.get("error") if isinstance(got, dict) and "error" in got and status >= 300 else "answer differs"
            failures.append(f"{name} (HTTP {status}: {detail})")
    return passed, failures


def modes_of(project) -> list[str]:
    if project.invocation_mode == "async":
        return []  # async goldens are multi-step (accepted, then job_status); the agent's own tests cover them
    return ["sync", "streaming"] if project.streaming_enabled else ["sync"]


def integration_gate(target, record, project) -> str:
    """One case per declared mode through the data plane, on the version's own runtime."""
    kinds = modes_of(project)
    cases = [golden_cases(project.directory, [k])[:1] for k in kinds]
    cases = [c[0] for c in cases if c]
    if project.invocation_mode == "async":
        client = target.client("bedrock-agentcore", target.runtime_region)
        status, body = invoke(client, record["runtimeArn"], {"prompt": "integration check", "mode": "async",
                                                            "async": True, "context": {"simulatedSeconds": 0.1}},
                              f"gate-{uuid.uuid4().hex}-async", False)
        if status != 200 or not isinstance(body, dict) or not body.get("accepted"):
            raise DeliveryError("integration", f"the async runtime did not accept a job (HTTP {status})")
        return "async job accepted"
    if not cases:
        raise DeliveryError("integration", f"{project.name} has no golden cases for {', '.join(kinds)}")
    passed, failures = run_cases(target, record["runtimeArn"], project, cases)
    if failures:
        raise DeliveryError("integration", f"cases failed against {record['runtimeArn']}: {', '.join(failures)}")
    return f"{passed} case(s) in {', '.join(kinds)}"


def evaluation_gate(target, record, project, threshold: float) -> float:
    cases = golden_cases(project.directory, modes_of(project))
    if not cases:
        return 1.0  # async: the own tests' golden run is the evaluation
    passed, failures = run_cases(target, record["runtimeArn"], project, cases)
    score = round(passed / len(cases), 4)
    if score < threshold:
        raise DeliveryError("evaluation", f"score {score} < {threshold} ({len(failures)} failed: {', '.join(failures)})")
    return score


def approvers_for(target: Target) -> list[str]:
    names = [n.strip() for n in target.values.get("APPROVERS", "").split(",") if n.strip()]
    need = {"prod": 2, "staging": 1}.get(target.env, 0)
    if len(set(names)) < need:
        raise DeliveryError("approval", f"ENV={target.env} needs {need} distinct approver(s) in APPROVERS "
                                        f"(got {len(set(names))})")
    return sorted(set(names)) or [f"operator:{target.operator}"]


def promote(agent: str, version: str, target: Target, log: StepLog, registry: Registry | None = None,
            to: str = "promoted", local_push: bool = False, agents_dir: Path = manifest.AGENTS_DIR,
            project=None) -> dict:
    registry = registry or Registry(target.api_url, target.operator_token(), step="promote")
    project = project or manifest.load(manifest.agent_directory(agent, agents_dir))
    record = registry.version(agent, version)
    if record is None:
        raise DeliveryError("promote", f"{agent} {version} is not registered in {target.env}")
    if record["status"] not in RELEASE_STATES:
        raise DeliveryError("promote", f"{agent} {version} is {record['status']}: it cannot be promoted")
    if to not in RELEASE_STATES or RELEASE_STATES.index(to) < RELEASE_STATES.index(record["status"]):
        raise DeliveryError("promote", f"cannot move {agent} {version} from {record['status']} to {to}")
    threshold = float(target.values.get("EVAL_THRESHOLD", "1.0"))
    start = RELEASE_STATES.index(record["status"]) + 1
    for state in RELEASE_STATES[start:RELEASE_STATES.index(to) + 1]:
        with log.step(state) as note:
            fields = {"status": state}
            if state == "integration_verified":
                note.append(integration_gate(target, record, project))
            elif state == "evaluation_passed":
                if local_push:
                    fields["evaluationScore"] = 1.0  # local: the own tests just passed against this code
                    note.append("score 1.0 (own tests, local push)")
                else:
                    fields["evaluationScore"] = evaluation_gate(target, record, project, threshold)
                    note.append(f"score {fields['evaluationScore']}")
            elif state == "approved":
                approvers = approvers_for(target)
                fields["releaseNotes"] = (record.get("releaseNotes") or "") + f"; approved by {', '.join(approvers)}"
                note.append(f"approved by {', '.join(approvers)}")
            try:
                record = registry.update(agent, version, **fields)
            except DeliveryError as err:
                # Another operator (or a concurrent push) moved it first: fine if it got at least as far.
                current = registry.version(agent, version) or {}
                if current.get("status") in RELEASE_STATES and \
                        RELEASE_STATES.index(current["status"]) >= RELEASE_STATES.index(state):
                    record = current
                    note.append(f"(already {current['status']})")
                    continue
                raise DeliveryError(state, err.message) from None
    return record


def rollback(agent: str, target: Target, log: StepLog, reason: str = "") -> tuple[dict, dict]:
    """Rolls the newest promoted version back; the previous promoted one answers again."""
    registry = Registry(target.api_url, target.operator_token(), step="rollback")
    with log.step("rollback") as note:
        promoted = sorted((v for v in registry.versions(agent) if v["status"] == "promoted"),
                          key=lambda v: semver_key(v["version"]))
        if len(promoted) < 2:
            raise DeliveryError("rollback", f"{agent} has {len(promoted)} promoted version(s) in {target.env}: "
                                            "nothing to roll back to")
        current, previous = promoted[-1], promoted[-2]
        notes = (current.get("releaseNotes") or "") + f"; rolled back by operator:{target.operator}" + (
            f": {reason}" if reason else "")
        rolled = registry.update(agent, current["version"], status="rolled_back", releaseNotes=notes[:4096])
        note.append(f"{current['version']} -> rolled_back; {previous['version']} answers again "
                    f"within the bridge's registry cache (BRIDGE_CACHE_SECONDS, 30 s by default)")
    return rolled, previous
