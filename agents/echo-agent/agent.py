"""echo-agent: the platform's reference agent.

It echoes the prompt back, so every platform path (sync, streaming, async
jobs, billing token counts) can be exercised end to end without a model.

Served by the real `bedrock-agentcore` SDK: `BedrockAgentCoreApp` gives us
`POST /invocations` and `GET /ping`. Payload sent by the platform bridge:

    {prompt, mode, tenantId, appId, agentName, agentVersion, sessionId,
     context}                       (+ "async": true for async invocations)

or, from the async-runner polling a task:

    {"action": "job_status", "taskId": "<id>"}

or, from the BFF keeping a runtime session alive (no work, no token usage):

    {"action": "ping"}

Run locally:  AGENT_HOST=127.0.0.1 AGENT_PORT=8080 python agent.py
"""

from __future__ import annotations

import math
import os
import threading
import time
import uuid
from typing import Any, Dict, Iterator, Optional

from bedrock_agentcore import BedrockAgentCoreApp, RequestContext
from starlette.responses import JSONResponse  # starlette is a hard dependency of the SDK

MODES = ("sync", "streaming", "async")

DEFAULT_PACE_MS = 50
MAX_PACE_MS = 10_000
DEFAULT_SIMULATED_SECONDS = 30.0
MAX_SIMULATED_SECONDS = 8 * 3600  # AgentCore's maximum session lifetime
MAX_FINISHED_TASKS = 1000  # finished task records kept for job_status

app = BedrockAgentCoreApp()


# --------------------------------------------------------------------------
# errors and small helpers
# --------------------------------------------------------------------------


class InvalidInput(Exception):
    """The payload cannot be served; answered as HTTP 400 INVALID_INPUT."""


def _error_response(message: str, code: str = "INVALID_INPUT", status: int = 400) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _number_option(options: Dict[str, Any], key: str, default: float, maximum: float) -> float:
    value = options.get(key)
    if value is None:
        return default
    if not _is_number(value) or value < 0 or value > maximum:
        raise InvalidInput(f"context.{key} must be a number between 0 and {maximum}")
    return float(value)


def _word_count(text: str) -> int:
    return len(text.split())


def _echo(prompt: str) -> str:
    return f"echo: {prompt}"


def _usage(prompt: str, output: str) -> Dict[str, int]:
    # Whitespace word counts stand in for model tokens so billing has numbers.
    return {"inputTokens": _word_count(prompt), "outputTokens": _word_count(output)}


def _session_id(payload: Dict[str, Any], context: Optional[RequestContext]) -> Optional[str]:
    # The runtime passes the session in the X-Amzn-Bedrock-AgentCore-Runtime-
    # Session-Id header, which the SDK exposes as RequestContext.session_id.
    # The bridge also copies it into the payload; the header wins.
    header_value = getattr(context, "session_id", None) if context is not None else None
    return header_value or payload.get("sessionId")


def _sync_result(payload: Dict[str, Any], prompt: str, session_id: Optional[str]) -> Dict[str, Any]:
    output = _echo(prompt)
    return {
        "output": output,
        "tenantId": payload.get("tenantId"),
        "appId": payload.get("appId"),
        "sessionId": session_id,
        "usage": _usage(prompt, output),
    }


# --------------------------------------------------------------------------
# async tasks
# --------------------------------------------------------------------------


class _TaskStore:
    """Task records for job_status. The SDK's own registry (add_async_task /
    complete_async_task) only tracks *running* tasks for /ping, so results and
    failures are kept here."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tasks: Dict[str, Dict[str, Any]] = {}

    def add(self, task_id: str, tenant_id: Optional[str]) -> None:
        with self._lock:
            self._tasks[task_id] = {
                "status": "running",
                "tenantId": tenant_id,
                "startedAt": time.time(),
            }
            self._evict_locked()

    def finish(self, task_id: str, *, result: Any = None, error_message: Optional[str] = None) -> None:
        with self._lock:
            record = self._tasks.get(task_id)
            if record is None:
                return
            record["finishedAt"] = time.time()
            if error_message is None:
                record["status"] = "completed"
                record["result"] = result
            else:
                record["status"] = "failed"
                record["errorMessage"] = error_message

    def get(self, task_id: str) -> Optional[Dict[str, Any]]:
        with self._lock:
            record = self._tasks.get(task_id)
            return dict(record) if record is not None else None

    def _evict_locked(self) -> None:
        finished = [(r["finishedAt"], tid) for tid, r in self._tasks.items() if "finishedAt" in r]
        excess = len(finished) - MAX_FINISHED_TASKS
        if excess > 0:
            for _, tid in sorted(finished)[:excess]:
                del self._tasks[tid]


TASKS = _TaskStore()


def _run_task(task_id: str, sdk_task_id: int, seconds: float, fail: bool, result: Dict[str, Any]) -> None:
    try:
        time.sleep(seconds)
        if fail:
            raise RuntimeError("simulated failure requested by context.fail")
        TASKS.finish(task_id, result=result)
    except Exception as exc:  # the task must always end, never hang as "running"
        TASKS.finish(task_id, error_message=str(exc) or type(exc).__name__)
    finally:
        # Record the outcome first, then release the SDK task: once /ping says
        # Healthy again, job_status already reports the final state.
        app.complete_async_task(sdk_task_id)


def _start_async(payload: Dict[str, Any], prompt: str, options: Dict[str, Any], session_id: Optional[str]) -> Dict[str, Any]:
    seconds = _number_option(options, "simulatedSeconds", DEFAULT_SIMULATED_SECONDS, MAX_SIMULATED_SECONDS)
    fail = options.get("fail") is True
    result = _sync_result(payload, prompt, session_id)

    # While the SDK task is registered, /ping reports HealthyBusy, which keeps
    # the AgentCore session (microVM) alive after this invocation returns.
    sdk_task_id = app.add_async_task(
        "echo-async",
        {"tenantId": payload.get("tenantId"), "agentName": payload.get("agentName")},
    )
    # The SDK's id is a process-local (possibly negative) int; the platform
    # gets an opaque string of its own and the mapping stays in this process.
    task_id = f"task-{uuid.uuid4().hex}"
    TASKS.add(task_id, payload.get("tenantId"))
    worker = threading.Thread(
        target=_run_task,
        args=(task_id, sdk_task_id, seconds, fail, result),
        name=f"echo-async-{task_id}",
        daemon=True,
    )
    worker.start()
    return {"accepted": True, "taskId": task_id}


def _job_status(payload: Dict[str, Any]) -> Any:
    task_id = payload.get("taskId")
    if not isinstance(task_id, str) or not task_id:
        return _error_response("job_status needs a non-empty string taskId")
    record = TASKS.get(task_id)
    caller_tenant = payload.get("tenantId")
    if record is not None and caller_tenant and record.get("tenantId") and caller_tenant != record["tenantId"]:
        record = None  # another tenant's task: indistinguishable from a missing one
    if record is None:
        message = f"no task {task_id} in this agent session"
        return {
            "taskId": task_id,
            "status": "unknown",
            "errorMessage": message,
            "error": {"code": "TASK_NOT_FOUND", "message": message},
        }
    answer: Dict[str, Any] = {"taskId": task_id, "status": record["status"]}
    if record["status"] == "completed":
        answer["result"] = record["result"]
    elif record["status"] == "failed":
        answer["errorMessage"] = record["errorMessage"]
    return answer


# --------------------------------------------------------------------------
# streaming
# --------------------------------------------------------------------------


def _stream(prompt: str, pace_seconds: float) -> Iterator[Dict[str, Any]]:
    # A sync generator: the SDK iterates it in a worker thread and frames each
    # item as `data: <json>\n\n`, so sleeping here never blocks /ping.
    output = _echo(prompt)
    for index, word in enumerate(output.split()):
        if index and pace_seconds:
            time.sleep(pace_seconds)
        yield {"type": "token", "text": word, "index": index}
    yield {"type": "done", "output": output, "usage": _usage(prompt, output)}


# --------------------------------------------------------------------------
# entrypoint
# --------------------------------------------------------------------------


def _handle(payload: Any, context: Optional[RequestContext]) -> Any:
    if not isinstance(payload, dict):
        raise InvalidInput("payload must be a JSON object")

    if "action" in payload:
        if payload["action"] == "job_status":
            return _job_status(payload)
        if payload["action"] == "ping":
            # Reaching the agent is the point: the invocation itself resets the
            # runtime session's idle timer. Answer without doing any work.
            return {"status": "alive", "sessionId": _session_id(payload, context)}
        raise InvalidInput(f"unknown action {payload['action']!r}; supported: 'job_status', 'ping'")

    mode = payload.get("mode")
    if mode is None:
        mode = "async" if payload.get("async") is True else "sync"
    if mode not in MODES:
        raise InvalidInput(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    if payload.get("async") is True and mode != "async":
        raise InvalidInput(f"payload says async: true but mode is {mode!r}")

    prompt = payload.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise InvalidInput("prompt is required and must be a non-empty string")

    options = payload.get("context")
    if options is None:
        options = {}
    if not isinstance(options, dict):
        raise InvalidInput("context must be a JSON object")

    session_id = _session_id(payload, context)

    if mode == "sync":
        return _sync_result(payload, prompt, session_id)
    if mode == "streaming":
        pace_ms = _number_option(options, "paceMs", DEFAULT_PACE_MS, MAX_PACE_MS)
        return _stream(prompt, pace_ms / 1000.0)
    return _start_async(payload, prompt, options, session_id)


@app.entrypoint
def invoke(payload, context):  # the SDK passes RequestContext only to a 2nd parameter named "context"
    try:
        return _handle(payload, context)
    except InvalidInput as exc:
        return _error_response(str(exc))
    except Exception as exc:  # never crash the invocation; report a clean JSON error
        app.logger.exception("echo-agent invocation failed")
        return _error_response(f"internal error: {type(exc).__name__}", code="INTERNAL_ERROR", status=500)


def main() -> None:
    # Loopback unless told otherwise. In AgentCore Runtime the server must
    # listen on 0.0.0.0:8080: the deploy sets AGENT_HOST=0.0.0.0, or
    # AGENT_HOST=auto to use the SDK's own choice (0.0.0.0 when /.dockerenv or
    # DOCKER_CONTAINER is present, else 127.0.0.1).
    host: Optional[str] = os.environ.get("AGENT_HOST") or "127.0.0.1"
    if host == "auto":
        host = None
    port_text = os.environ.get("AGENT_PORT") or "8080"
    try:
        port = int(port_text)
    except ValueError:
        raise SystemExit(f"AGENT_PORT must be an integer, got {port_text!r}")
    app.run(host=host, port=port)


if __name__ == "__main__":
    main()
