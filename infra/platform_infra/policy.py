"""Guard rules (infra/guard/platform-security.guard) over synthesized templates, with cfn-guard-rs.

Evaluated resource by resource: every rule is about one resource's properties, and a
per-resource report names exactly what failed (cfn-guard-rs garbles large reports)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from cfn_guard_rs.cfn_guard_rs import run_checks_rs

RULES_FILE = Path(__file__).resolve().parents[1] / "guard" / "platform-security.guard"


@dataclass(frozen=True)
class Violation:
    template: str
    resource: str
    type: str
    rule: str
    messages: tuple[str, ...]

    def __str__(self) -> str:
        detail = "; ".join(self.messages) or "see the rule"
        return f"{self.template}: {self.resource} ({self.type}) breaks {self.rule}: {detail}"


def rule_names(rules: str) -> list[str]:
    return re.findall(r"^rule (\w+)", rules, re.M)


def evaluate(template: dict, name: str, rules: str | None = None) -> list[Violation]:
    rules = rules if rules is not None else RULES_FILE.read_text()
    names = rule_names(rules)
    violations = []
    for logical_id, resource in sorted(template.get("Resources", {}).items()):
        raw = run_checks_rs(json.dumps({"Resources": {logical_id: resource}}), rules, False)
        tail = json.loads("{" + raw[raw.rindex('"not_applicable"'):])
        passed = set(tail["not_applicable"]) | set(tail["compliant"])
        failed = [rule for rule in names if rule not in passed]
        if not failed:
            continue
        try:
            report = json.loads(raw)
            messages = _messages(report)
        except json.JSONDecodeError:
            messages = {}
        for rule in failed:
            violations.append(Violation(name, logical_id, resource.get("Type", "?"), rule,
                                        tuple(sorted(set(messages.get(rule, []))))))
    return violations


def _messages(report: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}

    def walk(node, rule):
        if isinstance(node, dict):
            if "Rule" in node and isinstance(node["Rule"], dict) and "name" in node["Rule"]:
                rule = node["Rule"]["name"]
            if "name" in node and "checks" in node:
                rule = node["name"]
            message = node.get("custom_message")
            if message and rule:
                out.setdefault(rule, []).append(message.strip())
            for value in node.values():
                walk(value, rule)
        elif isinstance(node, list):
            for value in node:
                walk(value, rule)

    walk(report.get("not_compliant", []), None)
    return out


def evaluate_files(paths: list[Path]) -> list[Violation]:
    rules = RULES_FILE.read_text()
    found = []
    for path in paths:
        found += evaluate(json.loads(path.read_text()), path.name, rules)
    return found
