#!/usr/bin/env python3
"""The platform's CDK app. There is no CDK CLI here: run it directly.

    python infra/app.py [-c env=local|dev|staging|prod|all|E1,E2] [-c arch=arm64|x86_64]

writes the cloud assembly to infra/cdk.out (stacks platform-{stack}-{env}, their templates and
asset manifests); scripts/infra.py checks, diffs and deploys that assembly.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

import aws_cdk as cdk  # noqa: E402

from platform_infra.stacks import build  # noqa: E402
from platform_infra.config import ConfigError, ENVIRONMENTS  # noqa: E402


def context_from_argv(argv: list[str]) -> dict[str, str]:
    """`-c key=value` pairs (the CDK CLI's spelling), plus CDK_CONTEXT_JSON when a tool sets it."""
    context, args = {}, iter(argv)
    for arg in args:
        if arg in ("-c", "--context"):
            key, sep, value = next(args, "").partition("=")
            if not sep:
                raise ConfigError(f"context must be key=value, got {key!r}")
            context[key] = value
        else:
            raise ConfigError(f"unknown argument {arg!r}: usage: app.py [-c env=...] [-c arch=...]")
    return context


def main(argv: list[str]) -> int:
    try:
        context = context_from_argv(argv)
        outdir = os.environ.get("CDK_OUTDIR") or str(HERE / "cdk.out")
        # Explicit key policies are used as written (no default statements prepended).
        app = cdk.App(outdir=outdir, context={"@aws-cdk/aws-kms:keyDefaultPolicy": True, **context})
        env = app.node.try_get_context("env") or "all"
        envs = list(ENVIRONMENTS) if env == "all" else env.split(",")
        for name in envs:
            build(app, name, app.node.try_get_context("arch"))
        app.synth()
    except ConfigError as err:
        print(f"infra: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
