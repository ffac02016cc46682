#!/usr/bin/env python3
"""Signs the benchmark's requests with botocore's SigV4Auth for ~2 s.

Usage: sigv4_botocore.py requests.json [seconds]
Prints `botocore <signatures/s> <sha256 of all 1,000 signatures>` so the
caller can check both sides produced the very same signatures.
"""
import datetime
import hashlib
import json
import sys
import time

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def main():
    document = json.load(open(sys.argv[1]))
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    fixed = datetime.datetime.fromtimestamp(document["timestamp"], tz=datetime.timezone.utc)
    # botocore reads the clock itself; pin it so signatures are comparable.
    botocore.auth.get_current_datetime = lambda: fixed
    credentials = Credentials(document["accessKeyID"], document["secretAccessKey"])
    signer = botocore.auth.SigV4Auth(credentials, document["service"], document["region"])
    requests = [
        AWSRequest(method=r["method"], url=r["url"], headers=dict(r["headers"]), data=r["body"].encode())
        for r in document["requests"]
    ]

    digest = hashlib.sha256()
    for request in requests:
        signer.add_auth(request)
        digest.update(request.headers["Authorization"].rsplit("Signature=", 1)[1].encode())

    signed = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for request in requests:
            signer.add_auth(request)
        signed += len(requests)
    elapsed = time.perf_counter() - start
    print(f"botocore {signed / elapsed:.0f} {digest.hexdigest()} (botocore {botocore.__version__})")


if __name__ == "__main__":
    main()
