"""Facts the stacks are derived from, read from the repository itself.

- the functions: every executable product of Package.swift whose target lives under lambdas/
  (a new Lambda there without infrastructure fails the stack tests);
- the routes: docs/openapi.yaml through scripts/gen_routes.py, the one parser of its x-platform-* extensions;
- each function's settings and environment variable names: scripts/dev-platform.json, the file the
  local stack hosts the same executables with, so AWS and local set the same names.
"""
from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    function: str
    auth: str
    streaming: bool


@dataclass(frozen=True)
class FunctionSettings:
    name: str
    timeout: int
    memory: int
    streaming: bool
    environment_names: tuple[str, ...] = field(default_factory=tuple)


def lambda_functions(package_swift: Path = ROOT / "Package.swift") -> list[str]:
    """Executable products whose target's path is lambdas/{name}, sorted."""
    text = package_swift.read_text()
    products = dict((target, name) for name, target in
                    re.findall(r'\.executable\(\s*name:\s*"([^"]+)",\s*targets:\s*\["([^"]+)"\]', text))
    functions = []
    for target, path in re.findall(r'\.executableTarget\(\s*name:\s*"([^"]+)"[^)]*?path:\s*"lambdas/([^"]+)"', text, re.S):
        if target in products:
            functions.append(products[target])
    return sorted(functions)


def _gen_routes():
    spec = importlib.util.spec_from_file_location("gen_routes", ROOT / "scripts/gen_routes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def routes(openapi: Path = ROOT / "docs/openapi.yaml") -> list[Route]:
    import yaml
    document = yaml.safe_load(openapi.read_text())
    return [Route(**r) for r in _gen_routes().routes_from_spec(document)]


@cache
def local_platform() -> dict:
    return json.loads((ROOT / "scripts/dev-platform.json").read_text())


def function_settings(name: str) -> FunctionSettings:
    """Timeout, memory, streaming and the variable names the local stack sets for `name`."""
    config = local_platform()
    entry = next((f for f in config["functions"] if f["name"] == name), None)
    if entry is None:
        raise KeyError(f"function {name!r} has no entry in scripts/dev-platform.json: add it there (local stack) "
                       "and in infra/platform_infra/functions.py (AWS)")
    names = tuple(sorted(set(config["environment"]) | set(entry.get("environment", {}))))
    return FunctionSettings(name=name, timeout=int(entry["timeout"]), memory=int(entry["memory"]),
                            streaming=bool(entry.get("streaming", False)), environment_names=names)


def security_headers() -> dict[str, str]:
    """Header name -> value for the console's CloudFront response-headers policy."""
    return json.loads((ROOT / "spa/security-headers.json").read_text())
