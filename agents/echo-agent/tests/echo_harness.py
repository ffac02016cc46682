"""Test harness: runs agent.py as a real HTTP server and talks to it over
loopback with the standard library only (no test-time downloads, no extra
client libraries)."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

TESTS_DIR = Path(__file__).resolve().parent
AGENT_DIR = TESTS_DIR.parent
AGENT_PY = AGENT_DIR / "agent.py"
GOLDEN_DIR = TESTS_DIR / "golden"

SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"
HOST = "127.0.0.1"


# --------------------------------------------------------------------------
# golden files
# --------------------------------------------------------------------------


def load_golden(kind: str) -> List[Tuple[str, Dict[str, Any]]]:
    """All cases in tests/golden/<kind>/*.json, sorted by file name."""
    cases = []
    for path in sorted((GOLDEN_DIR / kind).glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            cases.append((path.stem, json.load(fh)))
    return cases


def assert_matches(actual: Any, expected: Any, bindings: Optional[Dict[str, Any]] = None, where: str = "$") -> None:
    """Exact structural comparison, except for placeholders.

    A golden string "$name" matches any non-empty string the first time it is
    seen and binds it; later occurrences must equal the bound value. This is
    how a golden file says "the taskId in the status answer is the one we got
    when the job was accepted" without fixing a random id.
    """
    if bindings is None:
        bindings = {}
    if isinstance(expected, str) and len(expected) > 1 and expected[0] == "$" and expected[1:].isidentifier():
        name = expected[1:]
        if name in bindings:
            assert actual == bindings[name], f"{where}: expected ${name}={bindings[name]!r}, got {actual!r}"
        else:
            assert isinstance(actual, str) and actual, f"{where}: expected a non-empty string for ${name}, got {actual!r}"
            bindings[name] = actual
        return
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        assert set(actual) == set(expected), (
            f"{where}: keys differ: missing {sorted(set(expected) - set(actual))}, "
            f"unexpected {sorted(set(actual) - set(expected))}"
        )
        for key in expected:
            assert_matches(actual[key], expected[key], bindings, f"{where}.{key}")
        return
    if isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: expected a list, got {actual!r}"
        assert len(actual) == len(expected), f"{where}: expected {len(expected)} items, got {len(actual)}: {actual!r}"
        for index, (a, e) in enumerate(zip(actual, expected)):
            assert_matches(a, e, bindings, f"{where}[{index}]")
        return
    assert type(actual) is type(expected) and actual == expected, f"{where}: expected {expected!r}, got {actual!r}"


# --------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    content_type: str
    body: Any
    elapsed: float


@dataclass
class StreamReply:
    status: int
    content_type: str
    started: float  # monotonic time just before the request was sent
    events: List[Tuple[float, Any]] = field(default_factory=list)  # (arrival, event)
    frames: List[bytes] = field(default_factory=list)  # raw SSE frames, without the blank line


class AgentServer:
    def __init__(self, port: int, process: subprocess.Popen, log_path: Path) -> None:
        self.host = HOST
        self.port = port
        self.process = process
        self.log_path = log_path

    def _connection(self, timeout: float = 10.0) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def ping(self) -> Dict[str, Any]:
        conn = self._connection(timeout=5.0)
        try:
            conn.request("GET", "/ping")
            resp = conn.getresponse()
            body = resp.read()
            assert resp.status == 200, f"/ping answered {resp.status}: {body!r}"
            return json.loads(body)
        finally:
            conn.close()

    def _send(self, conn, payload: Any, headers: Optional[Dict[str, str]], raw_body: Optional[bytes], accept: str):
        body = raw_body if raw_body is not None else json.dumps(payload).encode("utf-8")
        all_headers = {"Content-Type": "application/json", "Accept": accept}
        all_headers.update(headers or {})
        conn.request("POST", "/invocations", body=body, headers=all_headers)
        return conn.getresponse()

    def invoke(
        self,
        payload: Any = None,
        headers: Optional[Dict[str, str]] = None,
        raw_body: Optional[bytes] = None,
    ) -> Reply:
        conn = self._connection()
        try:
            started = time.monotonic()
            resp = self._send(conn, payload, headers, raw_body, "application/json")
            data = resp.read()
            elapsed = time.monotonic() - started
            content_type = resp.getheader("Content-Type", "")
            body = json.loads(data) if data else None
            return Reply(resp.status, content_type, body, elapsed)
        finally:
            conn.close()

    def stream(self, payload: Any, headers: Optional[Dict[str, str]] = None) -> StreamReply:
        """POST and parse the SSE answer incrementally, stamping each event
        with the moment its frame was complete on the client side."""
        conn = self._connection()
        try:
            started = time.monotonic()
            resp = self._send(conn, payload, headers, None, "text/event-stream")
            reply = StreamReply(resp.status, resp.getheader("Content-Type", ""), started)
            buffer = b""
            while True:
                chunk = resp.read1(65536)  # returns as soon as any bytes arrived
                if not chunk:
                    break
                buffer += chunk
                while b"\n\n" in buffer:
                    frame, buffer = buffer.split(b"\n\n", 1)
                    arrived = time.monotonic()
                    reply.frames.append(frame)
                    data_lines = [line[len(b"data:"):].lstrip(b" ") for line in frame.split(b"\n") if line.startswith(b"data:")]
                    if data_lines:
                        reply.events.append((arrived, json.loads(b"\n".join(data_lines))))
            assert buffer.strip() == b"", f"unterminated SSE data at end of stream: {buffer!r}"
            return reply
        finally:
            conn.close()

    def wait_for_ping_status(self, status: str, timeout: float = 10.0) -> Dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            answer = self.ping()
            if answer.get("status") == status or time.monotonic() > deadline:
                return answer
            time.sleep(0.02)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_agent(log_path: Path, startup_timeout: float = 15.0, attempts: int = 3) -> AgentServer:
    """Start `python agent.py` the way the local AgentCore Runtime emulator
    does (AGENT_HOST / AGENT_PORT), on a free loopback port, and wait for
    GET /ping. Retries on a fresh port if the port was taken meanwhile."""
    last_log = ""
    for _ in range(attempts):
        port = _free_port()
        env = dict(os.environ, AGENT_HOST=HOST, AGENT_PORT=str(port), PYTHONUNBUFFERED="1")
        log = log_path.open("wb")
        process = subprocess.Popen(
            [sys.executable, str(AGENT_PY)],
            cwd=str(AGENT_DIR),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        server = AgentServer(port, process, log_path)
        deadline = time.monotonic() + startup_timeout
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if server.ping().get("status") in ("Healthy", "HealthyBusy"):
                    return server
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.05)
        server.stop()
        last_log = server.log_text()
    raise RuntimeError(f"echo-agent did not become healthy; last log:\n{last_log}")
