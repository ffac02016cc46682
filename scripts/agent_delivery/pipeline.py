"""`make agent-push`: validate -> test -> hash -> layer -> package -> deploy -> register (-> promote, local)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from botocore.exceptions import ClientError

from . import archive, layer, manifest
from .errors import DeliveryError
from .manifest import ROOT, AgentProject
from .registry import Registry
from .steps import StepLog
from .target import Target

RUNTIME_ROLE = "arn:aws:iam::{account}:role/platform-agent-runtime-{env}"


@dataclass
class PushResult:
    project: AgentProject
    layer_hash: str
    layer_key: str
    layer_built: bool
    code_key: str
    runtime_arn: str
    registered: bool
    record: dict


def layer_hash_param(env: str, agent: str) -> str:
    return f"/platform/layers/{env}/{agent}/hash"


def runtime_arn_param(env: str, agent: str) -> str:
    return f"/platform/agents/{env}/{agent}/runtime-arn"


def runtime_name(env: str, project: AgentProject) -> str:
    # AgentCore runtime names: [a-zA-Z][a-zA-Z0-9_]{0,47}. One immutable runtime per agent version (ADR 0039).
    name = re.sub(r"[^A-Za-z0-9]", "_", f"{project.name}_{env}_v{project.version}")
    return name[:48]


def commit_of(directory: Path) -> str:
    sha = os.environ.get("CI_COMMIT_SHA")
    if sha:
        return sha[:12]
    out = subprocess.run(["git", "-C", str(directory), "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(directory), "status", "--porcelain", "--", "."], capture_output=True, text=True)
    if out.returncode != 0:
        return "unknown"
    return out.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")


def run_agent_tests(project: AgentProject) -> str:
    tests = project.directory / "tests"
    if not tests.is_dir():
        raise DeliveryError("test", f"{project.name} has no tests/ directory: an agent ships with its golden cases")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)],
                            cwd=project.directory, capture_output=True, text=True, env=env)
    summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
    if result.returncode != 0:
        tail = "\n".join(result.stdout.strip().splitlines()[-15:])
        raise DeliveryError("test", f"the agent's own tests failed ({summary}):\n{tail}")
    return summary


def ensure_bucket(s3, bucket: str, region: str, create: bool) -> None:
    try:
        s3.head_bucket(Bucket=bucket)
    except ClientError:
        if not create:
            raise DeliveryError("config", f"bucket {bucket} does not exist (AGENT_CODE_BUCKET)") from None
        try:
            s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
        except ClientError as err:
            if err.response["Error"]["Code"] not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                raise


def get_param(ssm, name: str) -> str | None:
    try:
        return ssm.get_parameter(Name=name)["Parameter"]["Value"]
    except ClientError as err:
        if err.response["Error"]["Code"] == "ParameterNotFound":
            return None
        raise


def object_sha(s3, bucket: str, key: str) -> str | None:
    try:
        return s3.head_object(Bucket=bucket, Key=key).get("Metadata", {}).get("sha256", "")
    except ClientError as err:
        if err.response["Error"]["Code"] in ("404", "NoSuchKey", "NotFound"):
            return None
        raise


def find_runtime(control, name: str) -> dict | None:
    token = None
    while True:
        page = control.list_agent_runtimes(**({"nextToken": token} if token else {}))
        for runtime in page.get("agentRuntimes", []):
            if runtime.get("agentRuntimeName") == name:
                return runtime
        token = page.get("nextToken")
        if not token:
            return None


def aws_runtime_arn(answer: dict, region: str, account: str) -> str:
    """The runtime ARN as AWS spells it (`...:runtime/{id}`); moto answers `...:agent/{uuid}:{n}`."""
    arn = answer["agentRuntimeArn"]
    if ":runtime/" in arn:
        return arn
    return f"arn:aws:bedrock-agentcore:{region}:{account}:runtime/{answer['agentRuntimeId']}"


def push(agent: str, target: Target, log: StepLog, run_tests: bool = True, promote: bool | None = None,
         notes: str = "", agents_dir: Path = manifest.AGENTS_DIR, project: AgentProject | None = None) -> PushResult:
    with log.step("validate") as note:
        project = project or manifest.load(manifest.agent_directory(agent, agents_dir))
        note.append(f"{project.name} {project.version} ({project.invocation_mode}"
                    f"{', streaming' if project.streaming_enabled else ''})")
        # Every address and credential is checked before any work, so a stopped stack fails here.
        registry = Registry(target.api_url, target.operator_token())
        target.client("s3").list_buckets()
    with log.step("test") as note:
        note.append(run_agent_tests(project) if run_tests else "skipped (--skip-tests)")
    return deliver(project, target, log, registry, promote, notes)


def deliver(project: AgentProject, target: Target, log: StepLog, registry: Registry | None = None,
            promote: bool | None = None, notes: str = "") -> PushResult:
    """hash -> layer -> package -> deploy (-> register -> promote when a registry is given)."""
    workdir = Path(tempfile.mkdtemp(prefix=f"agent-push-{project.name}-"))
    try:
        return _push_artifacts(project, target, log, target.client("s3"), target.client("ssm"), registry, workdir,
                               promote, notes)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _push_artifacts(project, target, log, s3, ssm, registry, workdir, promote, notes) -> PushResult:
    env, bucket = target.env, target.bucket
    with log.step("hash") as note:
        digest = layer.dependency_hash(project)
        layer_key = f"layers/{env}/{project.name}/{digest}.zip"
        stored = get_param(ssm, layer_hash_param(env, project.name))
        ensure_bucket(s3, bucket, target.home_region, create=not target.aws)
        rebuild = stored != digest or object_sha(s3, bucket, layer_key) is None
        note.append(f"{digest} ({'changed' if rebuild else 'unchanged: layer skipped'})")
    with log.step("layer") as note:
        if rebuild:
            built, provided = layer.build(project, layer.LayerTarget(aws=target.aws), workdir)
            sha = archive.sha256_of(built)
            s3.put_object(Bucket=bucket, Key=layer_key, Body=built.read_bytes(), Metadata={"sha256": sha})
            ssm.put_parameter(Name=layer_hash_param(env, project.name), Value=digest, Type="String", Overwrite=True)
            ssm.put_parameter(Name=f"/platform/layers/{env}/{project.name}/s3-key", Value=layer_key, Type="String",
                              Overwrite=True)
            note.append(f"built for {layer.LayerTarget(aws=target.aws).description}, s3://{bucket}/{layer_key}"
                        + (f"; from the runtime: {', '.join(provided)}" if provided else ""))
        else:
            note.append("skipped")
    with log.step("package") as note:
        code_key = f"agents/{env}/{project.name}/{project.version}/code.zip"
        code = workdir / "code.zip"
        sha = archive.write(archive.files_of(project.directory), code)
        existing = object_sha(s3, bucket, code_key)
        if existing is not None and existing != sha:
            raise DeliveryError("package", f"{project.name} {project.version} was already pushed with other code: "
                                           "versions are immutable, bump [project].version in pyproject.toml")
        if existing is None:
            s3.put_object(Bucket=bucket, Key=code_key, Body=code.read_bytes(), Metadata={"sha256": sha})
        note.append(f"s3://{bucket}/{code_key} ({code.stat().st_size} bytes{', unchanged' if existing else ''})")
    with log.step("deploy") as note:
        runtime_arn, created_id = deploy(project, target, code_key, layer_key, note)
        ssm.put_parameter(Name=runtime_arn_param(env, project.name), Value=runtime_arn, Type="String", Overwrite=True)
    registered, record = False, {}
    with log.step("register") as note:
        if registry is None:
            note.append("skipped (no PLATFORM_API_URL)")
        else:
            body = {"agentName": project.name, "version": project.version, "ownerTeam": project.owner_team,
                    "tierMinimum": project.tier_minimum, "invocationMode": project.invocation_mode,
                    "streamingEnabled": project.streaming_enabled,
                    "estimatedDurationSeconds": project.estimated_duration_seconds, "layerHash": digest,
                    "layerS3Key": layer_key, "scriptS3Key": code_key, "runtimeArn": runtime_arn,
                    "releaseNotes": f"commit {commit_of(project.directory)}" + (f": {notes}" if notes else "")}
            registered, record = registry.register(body)
            if not registered:
                same = record.get("scriptS3Key") == code_key and record.get("layerHash") == digest
                if not same:
                    raise DeliveryError("register", f"{project.name} {project.version} is registered with other "
                                                    "artifacts: bump [project].version")
                # A concurrent or repeated push of the same artifacts: the registered runtime stays the one.
                ssm.put_parameter(Name=runtime_arn_param(env, project.name), Value=record["runtimeArn"],
                                  Type="String", Overwrite=True)
                if created_id and record["runtimeArn"] != runtime_arn:
                    discard_runtime(target, created_id)
                    note.append("(discarded this push's duplicate runtime)")
                runtime_arn = record["runtimeArn"]
            note.append(f"{project.name} {project.version} "
                        f"{'registered (built)' if registered else 'already registered: ' + record.get('status', '')}"
                        f", {runtime_arn}")
    result = PushResult(project, digest, layer_key, rebuild, code_key, runtime_arn, registered, record)
    if registry is not None and (promote if promote is not None else env == "local"):
        from . import release  # local only: the pushed version answers right away (ADR 0039)
        if record.get("status") in (None, "built") or registered:
            release.promote(project.name, project.version, target, log, registry=registry, local_push=True,
                            project=project)
    return result


def deploy(project: AgentProject, target: Target, code_key: str, layer_key: str, note: list) -> tuple[str, str | None]:
    """(runtime ARN, id of a runtime this call created)."""
    control = target.client("bedrock-agentcore-control", target.runtime_region)
    account = target.values.get("AWS_ACCOUNT_ID") or target.client("sts").get_caller_identity()["Account"]
    definition = {
        "agentRuntimeArtifact": {"codeConfiguration": {
            "code": {"s3": {"bucket": target.bucket, "prefix": code_key}},
            "runtime": "PYTHON_3_12", "entryPoint": [project.entrypoint]}},
        "roleArn": target.values.get("AGENT_RUNTIME_ROLE_ARN") or RUNTIME_ROLE.format(account=account, env=target.env),
        "networkConfiguration": {"networkMode": "PUBLIC"},
        "protocolConfiguration": {"serverProtocol": "HTTP"},
        "environmentVariables": {"AGENT_HOST": "0.0.0.0", "PLATFORM_ENV": target.env,
                                 "PLATFORM_AGENT_NAME": project.name, "PLATFORM_AGENT_VERSION": project.version,
                                 "PLATFORM_AGENT_LAYER_S3_BUCKET": target.bucket,
                                 "PLATFORM_AGENT_LAYER_S3_KEY": layer_key},
        "description": f"{project.name} {project.version} ({target.env})",
    }
    name = runtime_name(target.env, project)
    try:
        existing = find_runtime(control, name)
        if not existing:
            try:
                answer = control.create_agent_runtime(agentRuntimeName=name, **definition)
                note.append(f"CreateAgentRuntime {name}")
                return aws_runtime_arn(answer, target.runtime_region, account), answer["agentRuntimeId"]
            except ClientError as err:
                # AWS: a concurrent push created it first; update that one instead.
                if err.response["Error"].get("Code") != "ConflictException" or not (existing := find_runtime(control, name)):
                    raise
        answer = control.update_agent_runtime(agentRuntimeId=existing["agentRuntimeId"], **definition)
        note.append(f"UpdateAgentRuntime {name} -> version {answer['agentRuntimeVersion']}")
    except ClientError as err:
        raise DeliveryError("deploy", f"the AgentCore control plane refused: {err.response['Error'].get('Code')} "
                                      f"{err.response['Error'].get('Message', '')}") from None
    return aws_runtime_arn(answer, target.runtime_region, account), None


def discard_runtime(target: Target, runtime_id: str) -> None:
    """Deletes a runtime this push created but lost to a concurrent registration (best effort)."""
    try:
        target.client("bedrock-agentcore-control", target.runtime_region).delete_agent_runtime(agentRuntimeId=runtime_id)
    except ClientError:
        pass
