#!/usr/bin/env python3
"""The PyJWT peer of the authoriser bench: verifies the same RS256 tokens
(signature, iss, aud, exp, nbf, required claims) for SECONDS; prints `pyjwt <rate> <version>`."""
import json
import sys
import time

import jwt
from jwt.algorithms import RSAAlgorithm

doc = json.load(open(sys.argv[1]))
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 2
key = RSAAlgorithm.from_jwk(json.dumps(doc["jwk"]))
tokens = doc["tokens"][:100]
options = {"require": ["exp", "tenantid", "appid"]}
for token in tokens:
    jwt.decode(token, key, algorithms=["RS256"], audience=doc["audience"], issuer=doc["issuer"], options=options)
count, start = 0, time.perf_counter()
while time.perf_counter() - start < seconds:
    for token in tokens:
        jwt.decode(token, key, algorithms=["RS256"], audience=doc["audience"], issuer=doc["issuer"], options=options)
    count += len(tokens)
print(f"pyjwt {int(count / (time.perf_counter() - start))} {jwt.__version__}")
