"""Bad input is answered with a JSON error object, never a crash."""

from echo_harness import assert_matches

GOLDEN_KIND = "errors"


def test_error_golden(agent, golden_case):
    raw = golden_case.get("rawBody")
    if raw is not None:
        reply = agent.invoke(raw_body=raw.encode("utf-8"))
    else:
        reply = agent.invoke(golden_case["request"], headers=golden_case.get("headers"))

    expected = golden_case["expected"]
    assert reply.status == expected["status"], reply.body
    assert reply.content_type.startswith("application/json")
    assert_matches(reply.body, expected["body"])


def test_agent_survives_bad_input(agent):
    for payload in ({"prompt": ""}, {"prompt": "x", "mode": "nope"}, {"action": "job_status", "taskId": ""}):
        assert agent.invoke(payload).status == 400
    assert agent.process.poll() is None
    assert agent.ping()["status"] in ("Healthy", "HealthyBusy")
    ok = agent.invoke({"prompt": "still here", "mode": "sync"})
    assert ok.status == 200 and ok.body["output"] == "echo: still here"
