"""Keep-alive pings: the BFF's {"action": "ping"} payload does no work."""

from echo_harness import assert_matches

GOLDEN_KIND = "ping"


def test_ping_golden(agent, golden_case):
    reply = agent.invoke(golden_case["request"], headers=golden_case.get("headers"))

    expected = golden_case["expected"]
    assert reply.status == expected["status"], reply.body
    assert reply.content_type.startswith("application/json")
    assert_matches(reply.body, expected["body"])
    # A ping is not a model call: nothing for billing to count.
    assert "usage" not in reply.body and "output" not in reply.body


def test_ping_leaves_the_agent_idle(idle_agent):
    assert idle_agent.invoke({"action": "ping"}).status == 200
    assert idle_agent.ping()["status"] == "Healthy"
