#!/usr/bin/env python3
"""The PyJWT peer of the authoriser bench: verifies the same 1,000 RS256 tokens
as the Swift side, round after round, for SECONDS; prints
`pyjwt <rate per wall second> <rate per CPU second> <version>`.

Same checks as EntraTokenValidator: RS256 only, signature under the JWK (built
into a key object once), iss, aud, exp and nbf with 60 s leeway, and exp,
tenantid, appid required."""
import json
import sys
import time

import jwt
from jwt.algorithms import RSAAlgorithm

doc = json.load(open(sys.argv[1]))
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 2
key = RSAAlgorithm.from_jwk(json.dumps(doc["jwk"]))
tokens = doc["tokens"]
issuer, audience = doc["issuer"], doc["audience"]
options = {"require": ["exp", "tenantid", "appid"]}


def verify(token):
    return jwt.decode(token, key, algorithms=["RS256"], audience=audience, issuer=issuer, leeway=60, options=options)


for token in tokens[:100]:
    verify(token)
count, start, cpu = 0, time.perf_counter(), time.process_time()
while time.perf_counter() - start < seconds:
    for token in tokens:
        verify(token)
    count += len(tokens)
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
print(f"pyjwt {int(count / wall)} {int(count / cpu)} {jwt.__version__}")
