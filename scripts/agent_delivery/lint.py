"""`make agent-lint`: every module compiles, and no secret is committed with the agent."""
from __future__ import annotations

import re
from pathlib import Path

from . import archive
from .errors import DeliveryError

# What leaks most often: cloud keys, private keys, tokens assigned to names that say so.
SECRET_PATTERNS = {
    "AWS access key id": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----"),
    "AWS secret access key": re.compile(r"(?i)aws_secret_access_key\s*[=:]\s*['\"]?[A-Za-z0-9/+=]{40}"),
    "hard-coded credential": re.compile(
        r"(?i)\b(password|passwd|secret|api_?key|token)\b\s*[=:]\s*['\"][^'\"\s]{12,}['\"]"),
    "JWT": re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
}


def scan(directory: Path) -> list[str]:
    """`file:line: kind` for each suspected secret (the value itself is never printed)."""
    findings = []
    for name, path in archive.files_of(directory, exclude=False):
        if any(part in archive.EXCLUDED_DIRS - {"tests", "test"} for part in Path(name).parts):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            for kind, pattern in SECRET_PATTERNS.items():
                if pattern.search(line):
                    findings.append(f"{name}:{number}: {kind}")
    return findings


def lint(directory: Path) -> str:
    problems = []
    modules = [p for _, p in archive.files_of(directory, exclude=False) if p.suffix == ".py"
               and not set(p.relative_to(directory).parts) & (archive.EXCLUDED_DIRS - {"tests", "test"})]
    for path in modules:
        try:
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        except SyntaxError as err:
            problems.append(f"{path.relative_to(directory)}:{err.lineno}: {err.msg}")
    findings = scan(directory)
    if problems or findings:
        raise DeliveryError("lint", "; ".join(problems + [f"possible secret at {f}" for f in findings]))
    return f"{len(modules)} module(s) compile, no secrets found"
