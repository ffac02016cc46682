#!/usr/bin/env python3
"""`make agent-push` against the local stack: the cold path per step, then the warm path
(dependencies unchanged, new code and version) end to end, target under 5 s.

  agent_push_bench.py [warm runs]

Starts moto (SigV4 checked), the local identity provider and `local-platform` with the
stack launcher the tests use, scaffolds an agent in a temporary directory (one pure wheel
from a wheelhouse it builds, so the cold layer build does real work offline) and pushes it.
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests/python"))
PY = str(ROOT / ".venv/bin/python")
STEP = re.compile(r"^\[agent-push\] (\S+)\s+(\d+\.\d+) s", re.M)


def push(name, agents, env, *extra):
    started = time.perf_counter()
    out = subprocess.run([PY, "scripts/agent_push.py", "push", "--agent", name, "--env", "local",
                          "--agents-dir", str(agents), *extra], cwd=ROOT, env=env, capture_output=True, text=True)
    total = time.perf_counter() - started
    if out.returncode != 0:
        sys.exit(f"push failed:\n{out.stdout}\n{out.stderr}")
    return total, {m.group(1): float(m.group(2)) for m in STEP.finditer(out.stdout)}


def bump(agent_dir: Path, version: str):
    (agent_dir / "agent.py").write_text((agent_dir / "agent.py").read_text() + f"\n# build {version}\n")
    pyproject = agent_dir / "pyproject.toml"
    pyproject.write_text(re.sub(r'^version = "[^"]*"', f'version = "{version}"', pyproject.read_text(), flags=re.M))


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    from agent_wheels import wheelhouse
    from platform_stack import Stack
    tmp = Path(tempfile.mkdtemp(prefix="agent-push-bench-"))
    env_file = tmp / "moto.env"
    subprocess.run([PY, "scripts/local_aws.py", "start", str(env_file)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    aws = dict(l.split("=", 1) for l in env_file.read_text().splitlines() if "=" in l)
    os.environ.update({k: v for k, v in aws.items() if k != "MOTO_PID"})
    stack = None
    try:
        stack = Stack(tmp)
        wheels = wheelhouse(tmp / "wheels")
        env = {**os.environ, "PLATFORM_API_URL": stack.api, "IDP_URL": stack.idp_url, "AGENTCORE_URL": stack.agentcore,
               "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels)}
        agents = tmp / "agents"
        agents.mkdir()
        name = "bench-agent"
        subprocess.run([PY, "scripts/agent_push.py", "new", "--name", name, "--agents-dir", str(agents)], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        pyproject = agents / name / "pyproject.toml"
        pyproject.write_text(pyproject.read_text().replace('dependencies = ["bedrock-agentcore==1.15.0"]',
                                                           'dependencies = ["bedrock-agentcore==1.15.0", "purelib_ok==1.0"]'))
        total, steps = push(name, agents, env)
        print(f"agent-push cold (layer built): {total:.2f} s end to end")
        for step, seconds in steps.items():
            print(f"  {step:<22} {seconds:6.2f} s")
        warm, warm_no_tests, per_step = [], [], []
        for i in range(runs):
            bump(agents / name, f"0.2.{i}")
            total, steps = push(name, agents, env)
            warm.append(total)
            per_step.append(steps)
            bump(agents / name, f"0.3.{i}")
            warm_no_tests.append(push(name, agents, env, "--skip-tests")[0])
        print(f"agent-push warm (deps unchanged), median of {runs}: {statistics.median(warm):.2f} s end to end "
              f"(target < 5 s); without the agent's own tests (--skip-tests): {statistics.median(warm_no_tests):.2f} s")
        for step in per_step[0]:
            print(f"  {step:<22} {statistics.median(s[step] for s in per_step):6.2f} s")
    finally:
        if stack:
            stack.stop()
        subprocess.run([PY, "scripts/local_aws.py", "stop", str(env_file)], cwd=ROOT)


if __name__ == "__main__":
    main()
