#!/usr/bin/env python3
"""Synthesize, check, preview and deploy the platform's stacks (there is no CDK CLI here).

  infra.py synth  [--env E|all] [--arch A]   run infra/app.py into infra/cdk.out
  infra.py check  [--env E|all] [--no-synth] synth + Guard rules + cfn-lint + the stack assertions
  infra.py diff   --env E                    change-set preview of every stack of E, nothing executed
  infra.py deploy --env E [--role-arn ARN]   publish the assets, then one change set per stack in
                                             dependency order; stops at the first failure

AWS credentials come from the standard chain (environment, profile: AWS_PROFILE); AWS_ENDPOINT_URL
points every client at another endpoint (the local moto for ENV=local).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INFRA = ROOT / "infra"
OUT = INFRA / "cdk.out"
ENVIRONMENTS = ("local", "dev", "staging", "prod")
TEMPLATE_BODY_LIMIT = 51_200  # CloudFormation's TemplateBody limit; larger ones go through S3
TERMINAL_OK = {"CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE"}
ROLLED_BACK = {"ROLLBACK_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "UPDATE_ROLLBACK_FAILED",
               "DELETE_COMPLETE", "DELETE_FAILED", "CREATE_FAILED", "IMPORT_ROLLBACK_COMPLETE"}


class InfraError(Exception):
    """What went wrong and where; printed without a traceback, exit status 1."""


@dataclass(frozen=True)
class Asset:
    id: str
    source: Path
    bucket: str
    key: str
    is_template: bool


@dataclass
class StackArtifact:
    name: str
    region: str
    template_file: Path
    depends_on: list[str] = field(default_factory=list)
    assets: list[Asset] = field(default_factory=list)

    @property
    def template(self) -> str:
        return self.template_file.read_text()


# ---------------------------------------------------------------- assembly

def load_assembly(env: str, out: Path = OUT) -> list[StackArtifact]:
    """The env's stacks from the cloud assembly, in dependency order."""
    if env not in ENVIRONMENTS:
        raise InfraError(f"unknown ENV {env!r}: use one of {', '.join(ENVIRONMENTS)}")
    manifest_path = out / "manifest.json"
    if not manifest_path.exists():
        raise InfraError(f"no cloud assembly at {out}: run `make infra-synth` first")
    artifacts = json.loads(manifest_path.read_text())["artifacts"]
    stacks: dict[str, StackArtifact] = {}
    for name, artifact in artifacts.items():
        if artifact["type"] != "aws:cloudformation:stack" or not name.endswith(f"-{env}"):
            continue
        region = artifact["environment"].rsplit("/", 1)[1]
        stack = StackArtifact(name=name, region=region, template_file=out / artifact["properties"]["templateFile"],
                              depends_on=[d for d in artifact.get("dependencies", []) if d in artifacts
                                          and artifacts[d]["type"] == "aws:cloudformation:stack"])
        for dep in artifact.get("dependencies", []):
            if artifacts.get(dep, {}).get("type") == "cdk:asset-manifest":
                stack.assets += _assets(out / artifacts[dep]["properties"]["file"], stack)
        stacks[name] = stack
    if not stacks:
        raise InfraError(f"the assembly at {out} has no stacks for ENV={env}: run `make infra-synth ENV={env}`")
    return _ordered(stacks)


def _assets(manifest: Path, stack: StackArtifact) -> list[Asset]:
    files = json.loads(manifest.read_text()).get("files", {})
    assets = []
    for asset_id, spec in files.items():
        source = (manifest.parent / spec["source"]["path"]).resolve()
        for destination in spec["destinations"].values():
            assets.append(Asset(asset_id, source, destination["bucketName"], destination["objectKey"],
                                is_template=source == stack.template_file.resolve()))
    return assets


def _ordered(stacks: dict[str, StackArtifact]) -> list[StackArtifact]:
    order, seen = [], set()

    def visit(name: str, trail: tuple = ()) -> None:
        if name in seen:
            return
        if name in trail:
            raise InfraError(f"stack dependency cycle: {' -> '.join(trail + (name,))}")
        for dep in stacks[name].depends_on:
            if dep in stacks:
                visit(dep, trail + (name,))
        seen.add(name)
        order.append(stacks[name])

    for name in sorted(stacks):
        visit(name)
    return order


def preflight(stacks: list[StackArtifact]) -> None:
    """Every file asset must exist before anything is published or changed."""
    missing = []
    for stack in stacks:
        for asset in stack.assets:
            if asset.is_template:
                continue
            if not asset.source.exists():
                missing.append(f"{_rel(asset.source)} (stack {stack.name})")
            elif asset.id.startswith("unbuilt-"):
                missing.append(f"{_rel(asset.source)} (stack {stack.name}: synthesized before it was built; "
                               "run `make infra-synth` again)")
    if missing:
        raise InfraError("missing Lambda artifacts, nothing was deployed:\n  " + "\n  ".join(missing)
                         + "\nbuild them with `make package ARCH=arm64` (or the arch the assembly was synthesized for)")


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------- AWS

@dataclass
class Aws:
    account: str
    partition: str
    clients: dict = field(default_factory=dict)

    @classmethod
    def connect(cls, region: str) -> "Aws":
        import boto3
        from botocore.exceptions import BotoCoreError, ClientError
        try:
            identity = boto3.client("sts", region_name=region).get_caller_identity()
        except (BotoCoreError, ClientError) as err:
            raise InfraError(f"no usable AWS credentials ({err}); set AWS_PROFILE or AWS_ACCESS_KEY_ID/"
                             "AWS_SECRET_ACCESS_KEY (and AWS_ENDPOINT_URL for the local moto)") from None
        return cls(account=identity["Account"], partition=identity["Arn"].split(":")[1])

    def client(self, service: str, region: str):
        import boto3
        key = (service, region)
        if key not in self.clients:
            self.clients[key] = boto3.client(service, region_name=region)
        return self.clients[key]

    def resolve(self, text: str, region: str) -> str:
        return (text.replace("${AWS::AccountId}", self.account).replace("${AWS::Region}", region)
                .replace("${AWS::Partition}", self.partition))


def publish(aws: Aws, stack: StackArtifact, include_template: bool) -> None:
    s3 = aws.client("s3", stack.region)
    for asset in stack.assets:
        if asset.is_template and not include_template:
            continue
        bucket, key = aws.resolve(asset.bucket, stack.region), aws.resolve(asset.key, stack.region)
        try:
            s3.head_object(Bucket=bucket, Key=key)
            continue  # content-addressed: already there
        except Exception:  # noqa: BLE001 - absent or not yet readable: upload
            pass
        try:
            s3.upload_file(str(asset.source), bucket, key)
        except Exception as err:  # noqa: BLE001
            raise InfraError(f"{stack.name}: could not publish {_rel(asset.source)} to s3://{bucket}/{key}: {err}"
                             f"\n(is platform-bootstrap deployed in this account and region?)") from None
        print(f"  published {_rel(asset.source)} -> s3://{bucket}/{key}", flush=True)


def _template_argument(aws: Aws, stack: StackArtifact) -> dict:
    body = stack.template
    if len(body.encode()) <= TEMPLATE_BODY_LIMIT:
        return {"TemplateBody": body}
    template = next((a for a in stack.assets if a.is_template), None)
    if template is None:
        raise InfraError(f"{stack.name}: template exceeds {TEMPLATE_BODY_LIMIT} bytes and has no asset to upload")
    publish(aws, StackArtifact(stack.name, stack.region, stack.template_file, assets=[template]), include_template=True)
    bucket, key = aws.resolve(template.bucket, stack.region), aws.resolve(template.key, stack.region)
    return {"TemplateURL": f"https://{bucket}.s3.{stack.region}.amazonaws.com/{key}"}


def _stack_status(cfn, name: str) -> str | None:
    from botocore.exceptions import ClientError
    try:
        return cfn.describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
    except ClientError as err:
        if "does not exist" in str(err):
            return None
        raise


def change_set(aws: Aws, stack: StackArtifact, role_arn: str | None) -> tuple[str, str, list]:
    """Creates a change set; returns (name, type, changes). No changes -> deleted, empty list."""
    cfn = aws.client("cloudformation", stack.region)
    status = _stack_status(cfn, stack.name)
    if status == "ROLLBACK_COMPLETE":
        print(f"  {stack.name} is ROLLBACK_COMPLETE from a failed first create: deleting it before recreating",
              flush=True)
        cfn.delete_stack(StackName=stack.name)
        _wait_stack(cfn, stack.name, progress=False)
        status = None
    kind = "UPDATE" if status and status != "REVIEW_IN_PROGRESS" else "CREATE"
    name = f"platform-{time.strftime('%Y%m%d%H%M%S')}"
    args = dict(StackName=stack.name, ChangeSetName=name, ChangeSetType=kind,
                Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
                **_template_argument(aws, stack))
    if role_arn:
        args["RoleARN"] = role_arn
    cfn.create_change_set(**args)
    deadline = time.time() + 600
    while True:
        described = cfn.describe_change_set(StackName=stack.name, ChangeSetName=name)
        if described["Status"] in ("CREATE_COMPLETE", "FAILED"):
            break
        if time.time() > deadline:
            raise InfraError(f"{stack.name}: change set {name} still {described['Status']} after 10 min")
        time.sleep(1)
    if described["Status"] == "FAILED":
        reason = described.get("StatusReason", "")
        if "didn't contain changes" in reason or "No updates" in reason:
            cfn.delete_change_set(StackName=stack.name, ChangeSetName=name)
            return name, kind, []
        raise InfraError(f"{stack.name}: change set failed: {reason}")
    return name, kind, described.get("Changes", [])


def _wait_stack(cfn, name: str, progress: bool = True, since: float = 0) -> str:
    seen = set()
    while True:
        status = _stack_status(cfn, name)
        if progress:
            for event in reversed(cfn.describe_stack_events(StackName=name)["StackEvents"]):
                if event["EventId"] in seen or event["Timestamp"].timestamp() < since - 5:
                    continue
                seen.add(event["EventId"])
                if event["LogicalResourceId"] != name:
                    print(f"    {event['ResourceStatus']:<22} {event['LogicalResourceId']} ({event['ResourceType']})",
                          flush=True)
        if status is None or not status.endswith("_IN_PROGRESS"):
            return status or "DELETE_COMPLETE"
        time.sleep(2)


def _first_failure(cfn, name: str, since: float) -> str:
    events = cfn.describe_stack_events(StackName=name)["StackEvents"]
    for event in reversed(events):
        if event["Timestamp"].timestamp() >= since - 5 and event["ResourceStatus"].endswith("_FAILED"):
            return (f"{event['LogicalResourceId']} ({event['ResourceType']}): "
                    f"{event.get('ResourceStatusReason', 'no reason given')}")
    return "no failed resource reported"


def direct(aws: Aws, stack: StackArtifact, role_arn: str | None) -> tuple[str, float]:
    """CreateStack/UpdateStack with the same template, for ENV=local: moto's change-set execution
    neither records stack outputs nor registers exports (moto 5.2, ADR 0035), so the Platform
    stack's imports of Identity's keys would not resolve."""
    cfn = aws.client("cloudformation", stack.region)
    status = _stack_status(cfn, stack.name)
    args = dict(StackName=stack.name, Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
                **_template_argument(aws, stack), **({"RoleARN": role_arn} if role_arn else {}))
    started = time.time()
    try:
        (cfn.update_stack if status else cfn.create_stack)(**args)
    except Exception as err:  # noqa: BLE001 - moto answers some refusals unparseably; name the stack either way
        if "No updates are to be performed" in str(err):
            return "NO_CHANGES", started
        after = _stack_status(cfn, stack.name) or "absent"
        raise InfraError(f"[{stack.name}] {'update' if status else 'create'} failed: {str(err)[:600]}\n"
                         f"[{stack.name}] stack is now {after}; later stacks were not deployed") from None
    return ("UPDATE" if status else "CREATE"), started


def deploy(env: str, role_arn: str | None, out: Path = OUT) -> None:
    stacks = load_assembly(env, out)
    preflight(stacks)
    aws = Aws.connect(stacks[0].region)
    print(f"deploying {len(stacks)} stacks of ENV={env} into account {aws.account}: "
          + ", ".join(s.name for s in stacks), flush=True)
    started_all = time.time()
    for stack in stacks:
        started = time.time()
        print(f"[{stack.name}] {stack.region}", flush=True)
        publish(aws, stack, include_template=False)
        cfn = aws.client("cloudformation", stack.region)
        if env == "local":
            kind, executed_at = direct(aws, stack, role_arn)
            if kind == "NO_CHANGES":
                print(f"[{stack.name}] no changes ({time.time() - started:.1f} s)", flush=True)
                continue
        else:
            try:
                name, kind, changes = change_set(aws, stack, role_arn)
            except InfraError:
                raise
            except Exception as err:  # noqa: BLE001
                raise InfraError(f"[{stack.name}] change set could not be created: {str(err)[:600]}\n"
                                 f"[{stack.name}] unchanged; later stacks were not deployed") from None
            if not changes:
                print(f"[{stack.name}] no changes ({time.time() - started:.1f} s)", flush=True)
                continue
            print(f"  {kind} with {len(changes)} changes", flush=True)
            executed_at = time.time()
            cfn.execute_change_set(StackName=stack.name, ChangeSetName=name)
        status = _wait_stack(cfn, stack.name, since=executed_at)
        if status not in TERMINAL_OK:
            failure = _first_failure(cfn, stack.name, executed_at)
            raise InfraError(f"[{stack.name}] {kind} failed: {failure}\n[{stack.name}] stack is now {status} "
                             f"(CloudFormation rolled it back); later stacks were not deployed")
        print(f"[{stack.name}] {status} ({time.time() - started:.1f} s)", flush=True)
    print(f"ENV={env}: {len(stacks)} stacks deployed in {time.time() - started_all:.1f} s", flush=True)


def diff(env: str, role_arn: str | None, out: Path = OUT) -> None:
    stacks = load_assembly(env, out)
    aws = Aws.connect(stacks[0].region)
    for stack in stacks:
        cfn = aws.client("cloudformation", stack.region)
        if _stack_status(cfn, stack.name) is None:
            print(f"[{stack.name}] new stack: {len(json.loads(stack.template).get('Resources', {}))} resources")
            continue
        name, kind, changes = change_set(aws, stack, role_arn)
        if changes:
            cfn.delete_change_set(StackName=stack.name, ChangeSetName=name)
        print(f"[{stack.name}] {len(changes)} changes")
        for change in changes:
            rc = change.get("ResourceChange", {})
            print(f"  {rc.get('Action', '?'):<8} {rc.get('LogicalResourceId')} ({rc.get('ResourceType')})"
                  + (f" replacement={rc['Replacement']}" if rc.get("Replacement") not in (None, "False") else ""))


# ---------------------------------------------------------------- synth / check

# What the assembly is made from: a newer file here makes `synth --if-stale` synthesize again.
SYNTH_INPUTS = ("infra/app.py", "infra/platform_infra", "infra/guard", "Package.swift", "docs/openapi.yaml",
                "scripts/dev-platform.json", "spa/security-headers.json", "scripts/gen_routes.py")


def is_fresh(env: str, out: Path = OUT) -> bool:
    manifest = out / "manifest.json"
    if not manifest.exists():
        return False
    artifacts = json.loads(manifest.read_text())["artifacts"]
    wanted = ENVIRONMENTS if env == "all" else env.split(",")
    if not all(any(name.endswith(f"-{e}") for name in artifacts) for e in wanted):
        return False
    built = manifest.stat().st_mtime
    for item in SYNTH_INPUTS:
        path = ROOT / item
        files = path.rglob("*") if path.is_dir() else [path]
        if any(f.is_file() and f.stat().st_mtime > built for f in files):
            return False
    return True


def synth(env: str, arch: str | None, out: Path = OUT, if_stale: bool = False) -> None:
    if if_stale and is_fresh(env, out):
        print(f"synth ENV={env}: {_rel(out)} is up to date", flush=True)
        return
    unknown = [e for e in env.split(",") if e not in ENVIRONMENTS] if env != "all" else []
    if unknown:
        raise InfraError(f"unknown ENV {', '.join(unknown)}: use {', '.join(ENVIRONMENTS)}, all, or a comma list")
    started = time.time()
    for stale in out.glob("*.template.json") if out.exists() else ():
        stale.unlink()  # templates of environments this run does not synthesize
    argv = [sys.executable, str(INFRA / "app.py"), "-c", f"env={env}"] + (["-c", f"arch={arch}"] if arch else [])
    result = subprocess.run(argv, cwd=ROOT, env={**os.environ, "CDK_OUTDIR": str(out),
                                                  "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20"},
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-4000:])
        raise InfraError(f"synth failed (ENV={env}); see the output above")
    count = len(list(out.glob("*.template.json")))
    print(f"synth ENV={env}: {count} templates in {_rel(out)} ({time.time() - started:.1f} s)", flush=True)


def check(env: str, do_synth: bool, arch: str | None, out: Path = OUT) -> None:
    if do_synth:
        synth(env, arch, out)
    templates = sorted(out.glob("*.template.json"))
    if not templates:
        raise InfraError(f"no templates in {_rel(out)}: run `make infra-synth`")
    sys.path.insert(0, str(INFRA))
    from platform_infra import policy

    started = time.time()
    violations = policy.evaluate_files(templates)
    if violations:
        raise InfraError("Guard refused the templates:\n  " + "\n  ".join(str(v) for v in violations))
    print(f"guard: {len(templates)} templates pass {len(policy.rule_names(policy.RULES_FILE.read_text()))} rules "
          f"({time.time() - started:.1f} s)", flush=True)

    started = time.time()
    lint = subprocess.run([str(Path(sys.executable).parent / "cfn-lint"), "--format", "parseable",
                           *[str(t) for t in templates]], capture_output=True, text=True)
    # parseable: file:line:column:end-line:end-column:rule:message; E* rules are errors.
    errors = [line for line in lint.stdout.splitlines() if len(line.split(":", 6)) == 7
              and line.split(":", 6)[5].startswith("E")]
    if lint.returncode & 2 or errors:  # bit 2 = errors (4 = warnings, 8 = informational)
        raise InfraError("cfn-lint errors:\n  " + "\n  ".join(errors or lint.stdout.splitlines()[:40] or [lint.stderr]))
    print(f"cfn-lint: {len(templates)} templates, 0 errors ({time.time() - started:.1f} s)", flush=True)

    started = time.time()
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(INFRA / "tests")],
                           cwd=ROOT, env={**os.environ, "PLATFORM_CDK_OUT": str(out)})
    if tests.returncode != 0:
        raise InfraError("stack assertions failed (infra/tests)")
    print(f"assertions: passed ({time.time() - started:.1f} s)", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("synth", "check"):
        p = sub.add_parser(name)
        p.add_argument("--env", default="all")
        p.add_argument("--arch", choices=["arm64", "x86_64"])
        p.add_argument("--out", type=Path, default=OUT)
        if name == "check":
            p.add_argument("--no-synth", action="store_true", help="check the assembly already in --out")
        else:
            p.add_argument("--if-stale", action="store_true", help="only when an input is newer than the assembly")
    for name in ("diff", "deploy"):
        p = sub.add_parser(name)
        p.add_argument("--env", required=True)
        p.add_argument("--role-arn", default=os.environ.get("PLATFORM_CFN_ROLE_ARN"),
                       help="CloudFormation execution role (default $PLATFORM_CFN_ROLE_ARN)")
        p.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    from botocore.exceptions import BotoCoreError, ClientError
    try:
        if args.command == "synth":
            synth(args.env, args.arch, args.out, args.if_stale)
        elif args.command == "check":
            check(args.env, not args.no_synth, args.arch, args.out)
        elif args.command == "diff":
            diff(args.env, args.role_arn, args.out)
        else:
            deploy(args.env, args.role_arn, args.out)
    except InfraError as err:
        print(f"infra: {err}", file=sys.stderr)
        return 1
    except (BotoCoreError, ClientError) as err:
        print(f"infra: {args.command} ENV={getattr(args, 'env', '?')} stopped: AWS answered: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
