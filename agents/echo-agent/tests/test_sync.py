"""Sync mode: one JSON answer per invocation."""

from echo_harness import assert_matches

GOLDEN_KIND = "sync"


def test_sync_golden(agent, golden_case):
    reply = agent.invoke(golden_case["request"], headers=golden_case.get("headers"))

    expected = golden_case["expected"]
    assert reply.status == expected["status"], reply.body
    assert reply.content_type.startswith("application/json")
    assert_matches(reply.body, expected["body"])
    # billing invariant: tokens are whitespace word counts of prompt and output
    usage = reply.body["usage"]
    assert usage["inputTokens"] == len(golden_case["request"]["prompt"].split())
    assert usage["outputTokens"] == len(reply.body["output"].split())
