#!/usr/bin/env python3
"""Agent delivery for agent teams and operators (SYSTEM.md section 11, ADRs 0039-0040).

  agent_push.py push     --agent NAME --env local|dev|staging|prod [--skip-tests] [--no-promote] [--notes TEXT]
  agent_push.py promote  --agent NAME --version X.Y.Z --env ENV [--to STATE]
  agent_push.py rollback --agent NAME --env ENV [--reason TEXT]
  agent_push.py new      --name NAME [--owner TEAM]
  agent_push.py validate --agent NAME
  agent_push.py hash     --agent NAME
  agent_push.py lint     --agent NAME
  agent_push.py version  --agent NAME

Each step is printed with its duration; the first failure stops the run with a
message naming the step, and the exit status is 1 (2 for a usage error).
ENV=local talks to the running `make dev` stack; other environments read
AWS credentials, PLATFORM_API_URL, PLATFORM_OPERATOR_TOKEN and AGENT_CODE_BUCKET
from the environment.
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from agent_delivery import layer, lint, manifest, pipeline, release, scaffold  # noqa: E402
from agent_delivery.errors import DeliveryError  # noqa: E402
from agent_delivery.steps import StepLog  # noqa: E402
from agent_delivery.target import ENVIRONMENTS, Target  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("push", help="validate, test, layer, package, deploy, register")
    p.add_argument("--agent", required=True)
    p.add_argument("--env", required=True, choices=ENVIRONMENTS)
    p.add_argument("--skip-tests", action="store_true", help="only for re-pushes whose tests already ran (CI)")
    p.add_argument("--no-promote", action="store_true", help="ENV=local: leave the version `built`")
    p.add_argument("--notes", default="")
    p = sub.add_parser("promote", help="walk a version through the release states with their gates")
    p.add_argument("--agent", required=True)
    p.add_argument("--version", required=True)
    p.add_argument("--env", required=True, choices=ENVIRONMENTS)
    p.add_argument("--to", default="promoted")
    p = sub.add_parser("rollback", help="the previous promoted version answers again")
    p.add_argument("--agent", required=True)
    p.add_argument("--env", required=True, choices=ENVIRONMENTS)
    p.add_argument("--reason", default="")
    p = sub.add_parser("new", help="scaffold agents/NAME from agents/echo-agent")
    p.add_argument("--name", required=True)
    p.add_argument("--owner", default="platform")
    for name in ("validate", "hash", "lint", "version"):
        p = sub.add_parser(name)
        p.add_argument("--agent", required=True)
    for p in sub.choices.values():
        p.add_argument("--agents-dir", type=Path, default=manifest.AGENTS_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    log = StepLog(f"agent-{args.command}")
    try:
        if args.command == "push":
            result = pipeline.push(args.agent, Target.resolve(args.env), log, run_tests=not args.skip_tests,
                                   promote=False if args.no_promote else None, notes=args.notes,
                                   agents_dir=args.agents_dir)
            log.say(f"done in {log.total():.2f} s: {result.project.name} {result.project.version} -> {result.runtime_arn}")
        elif args.command == "promote":
            record = release.promote(args.agent, args.version, Target.resolve(args.env), log, to=args.to,
                                     agents_dir=args.agents_dir)
            log.say(f"{args.agent} {args.version} is {record['status']} in {args.env} ({log.total():.2f} s)")
        elif args.command == "rollback":
            rolled, previous = release.rollback(args.agent, Target.resolve(args.env), log, args.reason)
            log.say(f"{args.agent} {rolled['version']} rolled back by {rolled.get('rolledBackBy')}; "
                    f"{previous['version']} is live")
        elif args.command == "new":
            directory = scaffold.new_agent(args.name, args.owner, args.agents_dir)
            log.say(f"created {directory}; next: make agent-push AGENT={args.name} ENV=local")
        elif args.command == "validate":
            with log.step("validate") as note:
                project = manifest.load(manifest.agent_directory(args.agent, args.agents_dir))
                note.append(f"{project.name} {project.version}: manifest valid")
        elif args.command == "lint":
            with log.step("lint") as note:
                note.append(lint.lint(manifest.agent_directory(args.agent, args.agents_dir)))
        elif args.command == "version":
            print(manifest.load(manifest.agent_directory(args.agent, args.agents_dir)).version)
        elif args.command == "hash":
            print(layer.dependency_hash(manifest.load(manifest.agent_directory(args.agent, args.agents_dir))))
    except DeliveryError as err:
        print(f"[agent-{args.command}] FAILED at {err.step}: {err.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
