"""The module map in docs/ARCHITECTURE.md (section 8) against Package.swift and the imports in the code.

The table is the one definition of the layering; Package.swift is read through `swift package
dump-package` (no build), the imports from the sources. Each rule has a test that feeds it a
broken map or target, so the check itself can fail.
"""
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"
# Toolchain and platform modules: not targets of this package.
IMPORT = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public |package |internal |private |fileprivate )?import\s+"
    r"(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)", re.M)


def parse_map(text: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """(module -> layer, layer -> layers it may import) from the section-8 table."""
    section = text.split("## 8. Module map", 1)[1]
    layer_of, allowed = {}, {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("layer", "---"):
            continue
        layer, modules, may = cells
        allowed[layer] = set() if may == "-" else {m.strip() for m in may.split(",")}
        for module in re.findall(r"`([^`]+)`", modules):
            if module in layer_of:
                raise ValueError(f"{module} is in two layers")
            layer_of[module] = layer
    if not allowed:
        raise ValueError("no module map table found")
    return layer_of, allowed


def dump_package() -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        out = subprocess.run(["swift", "package", "--scratch-path", scratch, "dump-package"], cwd=ROOT,
                             check=True, capture_output=True, text=True, timeout=120)
    return json.loads(out.stdout)


def dependency_names(target: dict) -> set[str]:
    return {(d.get("byName") or d.get("target") or d.get("product"))[0] for d in target["dependencies"]}


def target_sources(target: dict) -> list[Path]:
    base = ROOT / (target.get("path") or ("Tests" if target["type"] == "test" else "Sources") + "/" + target["name"])
    excluded = [base / e for e in target.get("exclude", [])]
    return [p for p in sorted(base.rglob("*.swift")) if not any(p.is_relative_to(e) for e in excluded)]


def imports_of(target: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in target_sources(target):
        for module in IMPORT.findall(path.read_text()):
            found.setdefault(module, []).append(str(path.relative_to(ROOT)))
    return found


def layer(name: str, ttype: str, layer_of: dict[str, str]) -> str | None:
    return "tests" if ttype == "test" else layer_of.get(name)


def violations(package: dict, layer_of: dict[str, str], allowed: dict[str, set[str]],
               imports: dict[str, dict[str, list[str]]]) -> list[str]:
    targets = {t["name"]: t for t in package["targets"]}
    problems = []
    for name, target in targets.items():
        own = layer(name, target["type"], layer_of)
        if own is None:
            problems.append(f"{name}: in no layer of the module map (docs/ARCHITECTURE.md section 8)")
            continue
        declared = dependency_names(target)
        used = imports.get(name, {})
        for module, files in sorted(used.items()):
            if module not in targets or module == name:
                continue
            if module not in declared:
                problems.append(f"{name}: imports {module} ({files[0]}) but Package.swift does not declare it")
            theirs = layer(module, targets[module]["type"], layer_of)
            if theirs is not None and theirs not in allowed[own]:
                problems.append(f"{name} ({own}) may not import {module} ({theirs}): {files[0]}")
            if own == "lambda" and theirs == "lambda":
                problems.append(f"{name}: a Lambda may not import another Lambda ({module})")
        for module in sorted(declared - set(used)):
            runs_executable = target["type"] == "test" and targets.get(module, {}).get("type") == "executable"
            if module in targets and not runs_executable:
                problems.append(f"{name}: declares {module} but never imports it")
    return problems


def shipped_modules(package: dict, layer_of: dict[str, str]) -> set[str]:
    """Every target a Lambda links: the lambda layer and its transitive dependencies."""
    targets = {t["name"]: t for t in package["targets"]}
    todo = [n for n, t in targets.items() if layer(n, t["type"], layer_of) == "lambda"]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or name not in targets:
            continue
        seen.add(name)
        todo.extend(dependency_names(targets[name]))
    return seen


@pytest.fixture(scope="module")
def package():
    return dump_package()


@pytest.fixture(scope="module")
def module_map():
    return parse_map(ARCHITECTURE.read_text())


@pytest.fixture(scope="module")
def imports(package):
    return {t["name"]: imports_of(t) for t in package["targets"] if t["type"] != "system"}


def test_every_target_is_in_the_map_and_imports_follow_it(package, module_map, imports):
    assert violations(package, *module_map, imports) == []


def test_the_map_names_only_real_targets(package, module_map):
    names = {t["name"] for t in package["targets"]}
    assert sorted(set(module_map[0]) - names) == []


def test_shipped_code_uses_foundation_essentials_only(package, module_map, imports):
    offenders = [f"{name}: {files[0]}" for name in sorted(shipped_modules(package, module_map[0]))
                 for module, files in imports.get(name, {}).items() if module == "Foundation"]
    assert offenders == []


# --- the checks can fail ---

def fake_package(*targets):
    return {"targets": [{"name": n, "type": t, "dependencies": [{"byName": [d, None]} for d in deps]}
                        for n, t, deps in targets]}


MAP = """## 8. Module map
| layer | modules | may import |
|---|---|---|
| model | `Model` | model |
| core | `Core` | core, model |
| lambda | `FnA`, `FnB` | core, model |
| local | `Local` | local, core, model |
"""


def test_a_layer_break_an_undeclared_and_an_unused_import_are_reported():
    layer_of, allowed = parse_map(MAP)
    package = fake_package(("Model", "regular", ["Core"]), ("Core", "regular", ["Model"]),
                           ("FnA", "executable", ["Core", "Model"]), ("FnB", "executable", []),
                           ("Local", "regular", []), ("Loose", "regular", []))
    imports = {"Model": {"Core": ["Sources/Model/a.swift"]}, "Core": {"Model": ["c.swift"]},
               "FnA": {"Core": ["f.swift"], "Local": ["g.swift"], "FnB": ["h.swift"]}}
    problems = violations(package, layer_of, allowed, imports)
    assert "Model (model) may not import Core (core): Sources/Model/a.swift" in problems
    assert "FnA: imports Local (g.swift) but Package.swift does not declare it" in problems
    assert "FnA (lambda) may not import Local (local): g.swift" in problems
    assert "FnA: a Lambda may not import another Lambda (FnB)" in problems
    assert "FnA: declares Model but never imports it" in problems
    assert "Loose: in no layer of the module map (docs/ARCHITECTURE.md section 8)" in problems


def test_a_test_target_may_declare_an_executable_it_runs():
    layer_of, allowed = parse_map(MAP)
    package = fake_package(("FnA", "executable", []), ("FnATests", "test", ["FnA"]))
    assert violations(package, layer_of, allowed, {"FnATests": {}}) == []


def test_a_module_in_two_layers_or_a_missing_table_is_refused():
    with pytest.raises(ValueError, match="two layers"):
        parse_map(MAP + "| tools | `Model` | model |\n")
    with pytest.raises(ValueError, match="no module map"):
        parse_map("## 8. Module map\nnothing here\n")


def test_shipped_modules_follow_dependencies():
    layer_of, _ = parse_map(MAP)
    package = fake_package(("FnA", "executable", ["Core"]), ("Core", "regular", ["Model"]),
                           ("Model", "regular", []), ("Local", "regular", ["Core"]))
    assert shipped_modules(package, layer_of) == {"FnA", "Core", "Model"}


if __name__ == "__main__":  # `python Tests/python/test_module_map.py` prints the problems
    pkg = dump_package()
    problems = violations(pkg, *parse_map(ARCHITECTURE.read_text()),
                          {t["name"]: imports_of(t) for t in pkg["targets"] if t["type"] != "system"})
    print("\n".join(problems) or "module map: ok")
    raise SystemExit(1 if problems else 0)
