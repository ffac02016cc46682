"""Streaming mode: text/event-stream, one `data: <json>` frame per event,
delivered incrementally (not buffered until the end)."""

import json

from echo_harness import assert_matches

GOLDEN_KIND = "streaming"
DEFAULT_PACE_MS = 50


def test_streaming_golden(agent, golden_case):
    request = golden_case["request"]
    reply = agent.stream(request, headers=golden_case.get("headers"))

    expected = golden_case["expected"]
    assert reply.status == expected["status"]
    assert reply.content_type.startswith("text/event-stream"), reply.content_type

    # framing: every frame is exactly one `data: <json>` line
    for frame in reply.frames:
        assert frame.startswith(b"data: ") and b"\n" not in frame, frame
        json.loads(frame[len(b"data: "):])

    events = [event for _, event in reply.events]
    assert_matches(events, expected["events"])

    tokens, done = events[:-1], events[-1]
    assert [t["index"] for t in tokens] == list(range(len(tokens)))
    assert " ".join(t["text"] for t in tokens) == " ".join(done["output"].split())
    assert done["usage"]["outputTokens"] == len(tokens)

    pace_ms = (request.get("context") or {}).get("paceMs", DEFAULT_PACE_MS)
    if pace_ms and len(tokens) >= 5:
        arrivals = [arrived for arrived, _ in reply.events]
        first_after_send = arrivals[0] - reply.started
        spread = arrivals[-1] - arrivals[0]
        paced_total = (len(tokens) - 1) * pace_ms / 1000.0  # pauses between tokens
        # the stream really is paced and relayed as it is produced ...
        assert spread >= 0.8 * paced_total, f"events not spread out: {spread:.3f}s < {paced_total:.3f}s"
        # ... so the first event is in hand long before the last one
        assert first_after_send < 0.5 * paced_total, f"first event only after {first_after_send:.3f}s"
        gaps = [b - a for a, b in zip(arrivals, arrivals[1:-1])]
        assert min(gaps) >= 0.5 * pace_ms / 1000.0, f"token gaps too small: {gaps}"
