"""Agent delivery: validate, test, layer, package, deploy, register, promote, roll back.

One CLI drives it (scripts/agent_push.py); the dev bootstrap reuses the same
pipeline to push the seeded echo agents, so every agent that runs locally runs
from the objects in S3 (docs/decisions/0039, 0040).
"""
