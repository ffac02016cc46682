#!/usr/bin/env python3
"""Writes the SigV4 benchmark's 1,000 requests as JSON, from a fixed seed.

Both benchmark sides (Swift `SigV4Bench`, `sigv4_botocore.py`) read this
file, so they sign byte-identical inputs. The shapes are those the platform
sends: API Gateway / AgentCore style paths, encoded queries, a handful of
headers (some with untidy whitespace), JSON bodies of 0 B to ~2 KB.
"""
import json
import random
import string
import sys
from urllib.parse import quote

UNRESERVED = string.ascii_letters + string.digits + "-._~"


def word(rng, low=3, high=12):
    return "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(rng.randint(low, high)))


def path(rng):
    segments = []
    for _ in range(rng.randint(1, 5)):
        segment = word(rng)
        if rng.random() < 0.2:
            segment += " " + word(rng, 2, 5)  # encodes to %20, which SigV4 signs as %2520
        segments.append(quote(segment, safe=UNRESERVED))
    return "/" + "/".join(segments)


def query(rng):
    pairs = []
    for _ in range(rng.choice([0, 0, 1, 2, 3, 5])):
        value = word(rng, 0, 16)
        if rng.random() < 0.3:
            value += rng.choice(["/", ":", " ", "=", "+", "@"]) + word(rng, 1, 6)
        pairs.append(f"{quote(word(rng, 1, 8), safe=UNRESERVED)}={quote(value, safe=UNRESERVED)}")
    return "&".join(pairs)


def headers(rng, index):
    fields = [
        ["Content-Type", rng.choice(["application/json", "application/x-amz-json-1.0", "text/plain; charset=utf-8"])],
        ["x-tenant-id", f"tenant-{rng.randint(1, 500):04d}"],
    ]
    if rng.random() < 0.5:
        fields.append(["X-Amz-Target", rng.choice(["DynamoDB_20120810.GetItem", "AmazonSSM.GetParameter"])])
    if rng.random() < 0.5:
        fields.append(["X-Request-Id", f"req-{index:06d}-{word(rng, 8, 8)}"])
    if rng.random() < 0.3:
        fields.append(["X-Custom-Spaced", f"  {word(rng)}   {word(rng)}  "])
    if rng.random() < 0.3:
        fields.append(["Accept", "application/json"])
    rng.shuffle(fields)
    return fields


def body(rng):
    if rng.random() < 0.25:
        return ""
    items = {word(rng, 3, 10): word(rng, 0, 40) for _ in range(rng.randint(1, 40))}
    return json.dumps(items, separators=(",", ":"))


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20260101
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(seed)
    requests = []
    for index in range(count):
        host = rng.choice(["abc123.execute-api.eu-west-2.amazonaws.com", "dynamodb.eu-west-2.amazonaws.com"])
        q = query(rng)
        url = f"https://{host}{path(rng)}" + (f"?{q}" if q else "")
        requests.append({
            "method": rng.choice(["GET", "POST", "POST", "PUT", "DELETE"]),
            "url": url,
            "headers": headers(rng, index),
            "body": body(rng),
        })
    document = {
        "seed": seed,
        "accessKeyID": "AKIDBENCHMARK0000001",
        "secretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYBENCHMARKKEY",
        "region": "eu-west-2",
        "service": "execute-api",
        "timestamp": 1767323045,
        "requests": requests,
    }
    json.dump(document, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
