"""The agent project: pyproject.toml's [project] and [tool.agentcore], checked against a schema."""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from .errors import DeliveryError

ROOT = Path(__file__).resolve().parents[2]
AGENTS_DIR = ROOT / "agents"
SCHEMA = AGENTS_DIR / "agent-manifest.schema.json"
LOCKFILES = ("uv.lock", "requirements.lock", "poetry.lock")


@dataclass(frozen=True)
class AgentProject:
    directory: Path
    name: str
    version: str
    dependencies: tuple[str, ...]
    owner_team: str
    tier_minimum: str
    invocation_mode: str
    streaming_enabled: bool
    estimated_duration_seconds: int
    entrypoint: str

    @property
    def lockfile(self) -> Path | None:
        return next((self.directory / n for n in LOCKFILES if (self.directory / n).is_file()), None)


def agent_directory(name: str, agents_dir: Path = AGENTS_DIR) -> Path:
    if not name or "/" in name or name.startswith("."):
        raise DeliveryError("validate", f"AGENT must be a directory name under agents/, got {name!r}")
    directory = agents_dir / name
    if not (directory / "pyproject.toml").is_file():
        raise DeliveryError("validate", f"{directory}/pyproject.toml does not exist")
    return directory


def load(directory: Path) -> AgentProject:
    """The validated project, or DeliveryError listing every problem."""
    try:
        data = tomllib.loads((directory / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise DeliveryError("validate", f"pyproject.toml is not valid TOML: {err}") from None
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))
    problems = sorted(f"{'.'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
                      for e in validator.iter_errors(data))
    if problems:
        raise DeliveryError("validate", "the manifest does not match agents/agent-manifest.schema.json:\n  "
                            + "\n  ".join(problems))
    project, manifest = data["project"], data["tool"]["agentcore"]
    if manifest["name"] != directory.name or project["name"] != directory.name:
        problems.append(f"[project].name ({project['name']}) and [tool.agentcore].name ({manifest['name']}) "
                        f"must both be the directory name {directory.name}")
    if manifest["streaming_enabled"] and manifest["invocation_mode"] != "sync":
        problems.append("streaming_enabled may be true only with invocation_mode sync")
    entry = directory / manifest["entrypoint"]
    if not entry.is_file() or ".." in Path(manifest["entrypoint"]).parts:
        problems.append(f"entrypoint {manifest['entrypoint']} is not a file of the agent")
    if problems:
        raise DeliveryError("validate", "; ".join(problems))
    return AgentProject(
        directory=directory, name=manifest["name"], version=project["version"],
        dependencies=tuple(project["dependencies"]), owner_team=manifest["owner_team"],
        tier_minimum=manifest["tier_minimum"], invocation_mode=manifest["invocation_mode"],
        streaming_enabled=manifest["streaming_enabled"],
        estimated_duration_seconds=manifest["estimated_duration_seconds"], entrypoint=manifest["entrypoint"])
