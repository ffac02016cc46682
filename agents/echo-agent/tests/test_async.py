"""Async mode: the entrypoint registers an SDK async task and answers at
once; /ping reports HealthyBusy until the task ends; job_status reports
running, then completed (with the result) or failed (with errorMessage)."""

import time

from echo_harness import SESSION_HEADER, assert_matches

GOLDEN_KIND = "async"


def _poll_until_finished(agent, task_id, headers, timeout):
    deadline = time.monotonic() + timeout
    while True:
        reply = agent.invoke({"action": "job_status", "taskId": task_id}, headers=headers)
        assert reply.status == 200, reply.body
        if reply.body["status"] != "running" or time.monotonic() > deadline:
            return reply.body
        time.sleep(0.03)


def test_async_golden(idle_agent, golden_case):
    agent = idle_agent
    request, headers, expected = golden_case["request"], golden_case.get("headers"), golden_case["expected"]
    seconds = request["context"]["simulatedSeconds"]
    bindings = {}

    started = time.monotonic()
    accepted = agent.invoke(request, headers=headers)
    assert accepted.status == expected["accepted"]["status"], accepted.body
    assert_matches(accepted.body, expected["accepted"]["body"], bindings)
    assert accepted.elapsed < seconds / 2, f"accept took {accepted.elapsed:.3f}s: not answered at once"
    task_id = bindings["taskId"]

    # while the work runs: the SDK reports HealthyBusy, job_status says running
    assert agent.ping()["status"] == "HealthyBusy"
    running = agent.invoke({"action": "job_status", "taskId": task_id}, headers=headers)
    assert running.status == 200
    assert_matches(running.body, expected["running"], bindings)

    final = _poll_until_finished(agent, task_id, headers, timeout=seconds + 5)
    finished_after = time.monotonic() - started
    assert_matches(final, expected["final"], bindings)
    assert finished_after >= 0.9 * seconds, f"task ended after {finished_after:.3f}s, asked for {seconds}s"

    # the outcome is recorded before the SDK task is released
    assert agent.ping()["status"] == "Healthy"
    again = agent.invoke({"action": "job_status", "taskId": task_id}, headers=headers)
    assert again.body == final


def test_job_status_is_tenant_scoped(idle_agent):
    agent = idle_agent
    headers = {SESSION_HEADER: "sess-tenant-scope-test-000000000000000009"}
    accepted = agent.invoke(
        {"prompt": "private", "mode": "async", "async": True, "tenantId": "tenant-a", "appId": "app-a",
         "context": {"simulatedSeconds": 0.1}},
        headers=headers,
    )
    task_id = accepted.body["taskId"]

    other = agent.invoke({"action": "job_status", "taskId": task_id, "tenantId": "tenant-b"}, headers=headers)
    assert other.status == 200
    assert other.body["status"] == "unknown" and "result" not in other.body

    own = _poll_until_finished(agent, task_id, headers, timeout=5)
    assert own["status"] == "completed"
    own_with_tenant = agent.invoke({"action": "job_status", "taskId": task_id, "tenantId": "tenant-a"}, headers=headers)
    assert own_with_tenant.body == own
    assert agent.wait_for_ping_status("Healthy", timeout=2)["status"] == "Healthy"


def test_ping_shape(idle_agent):
    answer = idle_agent.ping()
    assert set(answer) == {"status", "time_of_last_update"}
    assert answer["status"] == "Healthy"
    assert isinstance(answer["time_of_last_update"], int)
