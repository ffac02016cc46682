"""The stack tests read the assembly infra.py synthesized (PLATFORM_CDK_OUT, default infra/cdk.out),
so one synth per run serves Guard, cfn-lint and these assertions."""
import json
import os
import sys
from pathlib import Path

import pytest

INFRA = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(INFRA))
sys.path.insert(0, str(INFRA.parent / "scripts"))
OUT = Path(os.environ.get("PLATFORM_CDK_OUT", INFRA / "cdk.out"))


def template_json(stack: str) -> dict:
    path = OUT / f"{stack}.template.json"
    if not path.exists():
        pytest.skip(f"{path.name} not synthesized in this run (scripts/infra.py synth --env ...)")
    return json.loads(path.read_text())


@pytest.fixture(scope="session")
def load():
    from aws_cdk.assertions import Template
    return lambda stack: Template.from_json(template_json(stack))
